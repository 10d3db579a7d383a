import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

/**
 * Issue 15: one submission shows every field error at once — the fields' own checks and the rules across fields —
 * in an error summary at the top that has the focus and links to each field. Invalid submissions change nothing,
 * so these tests use the demo's records without altering them.
 */

async function expectSummary(page: Page, messages: string[]) {
  const summary = page.getByRole("alert").filter({ hasText: messages.length === 1 ? "There is a problem" : `There are ${messages.length} problems` });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(messages);
  return summary;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.staff);
});

test("new lease: every error of one submission at once, the summary focused, each linking to its field", async ({ page }) => {
  await page.goto("/leases/new");
  await page.getByLabel("Monthly lease fee ($)").fill("lots");
  await page.getByLabel("Fee escalation").selectOption({ label: "Fixed percent per year" });
  await page.getByRole("button", { name: "Create draft lease" }).click();
  const summary = await expectSummary(page, [
    "Choose the home",
    "Choose the household",
    "Add at least one lessee (homeowner).",
    "Enter the commencement date",
    "Enter an amount in dollars, e.g. 250000 or 1,234.50",
    "Enter the yearly increase in percent, e.g. 3",
  ]);
  await summary.getByRole("link", { name: "Enter the yearly increase in percent, e.g. 3" }).click();
  await expect(page.getByLabel("Yearly increase (%)")).toBeFocused();
  await expect(page).toHaveURL(/\/leases\/new$/);
});

test("editing a draft lease: the fee, the cap of an index rule and the date reported together", async ({ page }) => {
  await page.goto("/leases?status=draft");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await page.getByRole("link", { name: "Edit draft" }).click();
  await page.getByLabel("Commencement date").fill("");
  await page.getByLabel("Monthly lease fee ($)").fill("");
  await page.getByLabel("Fee escalation").selectOption({ label: "Follows an index, capped per year" });
  await page.getByLabel("Yearly cap (%)").fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectSummary(page, ["Enter the commencement date", "Enter the monthly lease fee", "Enter the most the fee may rise in one year, in percent, e.g. 10"]);
  await expect(page.getByLabel("Monthly lease fee ($)")).toHaveAccessibleDescription("Enter the monthly lease fee");
});

test("registering a parcel: a bad APN, a missing address and a future acquisition date in one submission", async ({ page }) => {
  await page.goto("/parcels/new");
  await page.getByLabel("Parcel number (APN)").fill("bad!!");
  await page.getByLabel("Acquisition date").fill("2099-01-01");
  await page.getByLabel("Bedrooms").fill("2");
  await page.getByRole("button", { name: "Register parcel" }).click();
  await expectSummary(page, [
    "Use letters, digits, spaces, dots, dashes or slashes",
    "Enter the street address",
    "The acquisition date cannot be in the future",
    "Choose the type of home",
    "Enter the number of bathrooms",
  ]);
  await expect(page).toHaveURL(/\/parcels\/new$/);
});

test("editing a parcel: a missing address and a future acquisition date reported together", async ({ page }) => {
  await page.goto("/parcels");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await page.getByRole("link", { name: "Edit parcel" }).click();
  await page.getByLabel("Street address").fill("");
  await page.getByLabel("Acquisition date").fill("2099-01-01");
  await page.getByRole("button", { name: "Save parcel" }).click();
  await expectSummary(page, ["Enter the street address", "The acquisition date cannot be in the future"]);
});

test("the demo's condominium units are named once in the home picker (40 North Avenue, Unit 3 and Unit 5)", async ({ page }) => {
  await page.goto("/leases/new");
  const homes = await page.getByLabel("Home", { exact: true }).locator("option").allInnerTexts();
  // two condominium parcels on 40 North Avenue (demo data): each unit named once
  expect(homes.filter((label) => label.startsWith("40 North Avenue"))).toEqual(["40 North Avenue, Unit 3 (APN B-118-040)", "40 North Avenue, Unit 5 (APN B-118-041)"]);
});
