import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("an administrator signs in, sees the home page, and signs out", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Riverbend Community Land Trust" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Parcels" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password shows a message and keeps the user signed out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill("definitely not it");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("throttling engages after five failed attempts, even for the right password", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(DEMO.staff);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("do not match");
  }
  await page.getByLabel("Email").fill(DEMO.staff);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Too many failed sign-in attempts");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("a viewer cannot open an edit page", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  const response = await page.goto("/settings/users/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this" })).toBeVisible();
});
