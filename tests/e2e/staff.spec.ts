import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("a household with no members shows the member form at once; Remove is a button", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/households/new");
  await page.getByLabel("Household name").fill("Okafor household");
  await page.getByRole("button", { name: "Add household" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Okafor household" })).toBeVisible();

  // no panel to open (and so none to close by mistake): the form is there
  await expect(page.getByRole("heading", { name: "Add a member" })).toBeVisible();
  await page.getByLabel("Full name").fill("Chidi Okafor");
  await page.getByLabel("Relationship").selectOption("head");
  // the native date picker, as on every form
  await expect(page.getByLabel("Date of birth")).toHaveAttribute("type", "date");
  await page.getByLabel("Date of birth").fill("1984-03-09");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: "Chidi Okafor", exact: true })).toBeVisible();

  // with a member, "Add a member" is a panel that opens on its first click
  const panel = page.locator("details", { has: page.getByText("Add a member") });
  await expect(panel).not.toHaveAttribute("open", "");
  await panel.getByText("Add a member").click();
  await expect(panel.getByLabel("Full name")).toBeVisible();

  await page.getByRole("button", { name: "Remove Chidi Okafor" }).click();
  await expect(page.getByRole("cell", { name: "Chidi Okafor", exact: true })).toHaveCount(0);
});

test("every list filters with the same controls: a search box, an Include archived checkbox and Apply", async ({ page }) => {
  await signIn(page, DEMO.admin);
  for (const path of ["/parcels", "/households"]) {
    await page.goto(path);
    await expect(page.getByRole("checkbox", { name: "Include archived" }), path).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply" }), path).toBeVisible();
    await expect(page.getByRole("button", { name: "Search" }), path).toHaveCount(0);
  }
  await page.goto("/parcels");
  await page.getByRole("checkbox", { name: "Include archived" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/archived=1/);
  await expect(page.getByRole("checkbox", { name: "Include archived" })).toBeChecked();
  for (const path of ["/leases", "/resale"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Apply" }), path).toBeVisible();
  }
});
