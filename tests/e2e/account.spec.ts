import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

/**
 * Your settings (issue 15): from the header, a signed-in person changes their name and which email reminders they
 * receive, and finds the password change. The board member's account is used and put back as it was.
 */
test("your settings: your name and your email notices, from the header", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.getByRole("link", { name: "Your settings" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your settings" })).toBeVisible();
  const original = await page.getByLabel("Name", { exact: true }).inputValue();

  // an empty name: the summary has the focus, the name is unchanged
  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Enter your name"]);

  await page.getByLabel("Name", { exact: true }).fill("Board Member Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toContainText("Your name was saved.");
  await expect(page.locator(".account-name")).toContainText("Board Member Renamed");

  // email notices: untick the statement reminder, saved across a reload
  const statement = page.getByLabel(/Lease-fee statement ready/);
  await expect(statement).toBeChecked();
  await statement.uncheck();
  await page.getByRole("button", { name: "Save email notices" }).click();
  await expect(page.getByRole("status")).toContainText("Your email notices were saved.");
  await page.reload();
  await expect(page.getByLabel(/Lease-fee statement ready/)).not.toBeChecked();
  await expect(page.getByLabel(/Occupancy certification overdue/)).toBeChecked();

  await expect(page.getByRole("link", { name: "Change your password" })).toHaveAttribute("href", "/account/password");

  // put the account back as it was
  await page.getByLabel(/Lease-fee statement ready/).check();
  await page.getByRole("button", { name: "Save email notices" }).click();
  await expect(page.getByRole("status")).toContainText("Your email notices were saved.");
  await page.getByLabel("Name", { exact: true }).fill(original);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.locator(".account-name")).toContainText(original);
});
