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

test("throttling engages after five failed attempts, even for the right password", async ({ page, browser }) => {
  // an administrator adds a colleague; the colleague's account is then attacked from this browser
  await signIn(page, DEMO.admin);
  await page.goto("/settings/users/new");
  await page.getByLabel("Name").fill("Robin Throttle");
  await page.getByLabel("Email").fill("robin@riverbend-clt.example");
  await page.getByLabel("Role").selectOption("staff");
  await page.getByLabel("Initial password").fill("violet tractor anchors pepper");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("Robin Throttle was added");

  const attacker = await browser.newPage();
  await attacker.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attacker.getByLabel("Email").fill("robin@riverbend-clt.example");
    await attacker.getByLabel("Password").fill(`wrong password ${attempt}`);
    await attacker.getByRole("button", { name: "Sign in" }).click();
    await expect(attacker.getByRole("alert")).toContainText("do not match");
  }
  await attacker.getByLabel("Email").fill("robin@riverbend-clt.example");
  await attacker.getByLabel("Password").fill("violet tractor anchors pepper");
  await attacker.getByRole("button", { name: "Sign in" }).click();
  await expect(attacker.getByRole("alert")).toContainText("Too many failed sign-in attempts");
  await expect(attacker.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await attacker.close();
});

test("a viewer cannot open an edit page", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  for (const path of ["/parcels/new", "/households/new", "/leases/new", "/settings/users/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this" })).toBeVisible();
  }
  // what a viewer may do: read
  const parcels = await page.goto("/parcels");
  expect(parcels?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Register a parcel" })).toHaveCount(0);
});
