import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../playwright.config";

export const DEMO = {
  admin: "admin@riverbend-clt.example",
  staff: "staff@riverbend-clt.example",
  viewer: "board@riverbend-clt.example",
  password: DEMO_PASSWORD,
};

export async function signIn(page: Page, email: string, password = DEMO.password): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
