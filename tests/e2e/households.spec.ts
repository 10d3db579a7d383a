import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("an administrator imports an income-limit table, adds a household with a member, certifies its income and sees % AMI and the verdict", async ({ page }) => {
  await signIn(page, DEMO.admin);

  // the FY2023 table, pasted from the import page's own example (HUD's CSV layout)
  await page.goto("/settings/income-limits/import");
  const example = (await page.locator("details pre").textContent()) ?? "";
  expect(example).toContain("hud_area_code");
  await page.getByLabel("…or paste it").fill(example);
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByRole("heading", { name: /Dry run: 1 table ready/ })).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Income limits imported");
  await page.getByRole("link", { name: "FY2023" }).first().click();
  await expect(page.getByRole("row", { name: /100% derived/ })).toContainText("$99,100.00");

  await page.goto("/households/new");
  await page.getByLabel("Household name").fill("Yılmaz household");
  await page.getByLabel("Email").fill("ayse.yilmaz@example.org");
  await page.getByLabel("First-time homebuyer").selectOption("yes");
  await page.getByLabel("Ethnicity").selectOption("not-hispanic");
  await page.getByLabel("Race").selectOption("white");
  await page.getByRole("button", { name: "Add household" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Yılmaz household" })).toBeVisible();

  await page.getByLabel("Full name").fill("Ayşe Yılmaz");
  await page.getByLabel("Relationship").selectOption("head");
  await page.getByLabel("Date of birth").fill("1990-05-17");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: "Ayşe Yılmaz", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Certify income" }).click();
  // one submission with four mistakes: all four are listed at once, and the list has the focus
  await page.getByLabel("Household size").fill("");
  await page.getByLabel("Annual amount (income 1)").fill("lots");
  await page.getByRole("button", { name: "Certify and compute % AMI" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There are 4 problems" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the certification date",
    "Enter the household size",
    "Choose the source of this income",
    "Enter an amount in dollars, e.g. 52,300 or 52300.50",
  ]);
  await summary.getByRole("link", { name: "Enter the household size" }).click();
  await expect(page.getByLabel("Household size")).toBeFocused();

  // the certification date is the browser's date picker (an impossible date is refused on the server: households.test.ts)
  await expect(page.getByLabel("Certification date")).toHaveAttribute("type", "date");
  await page.getByLabel("Certification date").fill("2023-09-15");
  await page.getByLabel("Household size").fill("1");
  await page.getByLabel("Member (income 1)").selectOption("Ayşe Yılmaz");
  await page.getByLabel("Source (income 1)").selectOption("wages");
  await page.getByLabel("Annual amount (income 1)").fill("41,200");
  await page.getByRole("button", { name: "Certify and compute % AMI" }).click();
  await expect(page.getByRole("status")).toContainText("59.37% of AMI");
  await expect(page.getByTestId("percent-ami")).toHaveText("59.37% AMI");
  await expect(page.getByTestId("verdict")).toHaveText("Eligible at 80% AMI");

  await page.goto("/households?q=ay%C5%9Fe");
  await expect(page.getByRole("row", { name: /Yılmaz household/ })).toContainText("59.37%");
});
