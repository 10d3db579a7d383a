import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousAxeViolations, signIn } from "./support";

/** Issue 15: the calculator and the comparison page work with what is stored for each demo home. */

test("the first Calculate works on every demo home with a homeowner; a home without one lists all its missing figures at once", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.staff);
  await page.goto("/resale");
  const links = page.getByRole("list", { name: "Homes" }).getByRole("link");
  const homes = await links.evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute("href")!, label: a.textContent!.trim(), owned: !a.parentElement!.textContent!.includes("no current homeowner") })));
  expect(homes.filter((h) => h.owned).length).toBeGreaterThanOrEqual(10); // the demo's ten purchases
  for (const home of homes) {
    await page.goto(home.href);
    await page.getByRole("button", { name: "Calculate" }).click();
    if (home.owned) {
      await expect(page.getByText(/^Maximum resale price: \$[\d,]+\.\d\d$/), home.label).toBeVisible();
      await expect(page.locator(".error-summary"), home.label).toHaveCount(0);
    } else {
      // nothing to prefill a purchase from: one submission names both missing figures, focus on the summary
      const summary = page.getByRole("alert").filter({ hasText: /There are \d+ problems/ });
      await expect(summary, home.label).toBeFocused();
      await expect(summary.getByRole("link", { name: "Enter the seller's purchase price" })).toBeVisible();
      await expect(summary.getByRole("link", { name: "Enter the purchase date" })).toBeVisible();
      await summary.getByRole("link", { name: "Enter the purchase date" }).click();
      await expect(page.getByLabel("Purchase date", { exact: true })).toBeFocused();
    }
  }
});

test("the calculator shows only the figures its preset needs, prefilled from the home's records, with the rest by hand", async ({ page }) => {
  await signIn(page, DEMO.staff);
  await page.goto("/resale");
  await page.getByRole("list", { name: "Homes" }).getByRole("link", { name: /^22 Elm Street/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Resale calculator — / })).toBeVisible();
  const formula = page.getByLabel("Formula", { exact: true });
  // the fixed-rate preset with a market-value cap needs the current value only
  await formula.selectOption((await formula.locator("option", { hasText: /^1\.5% simple/ }).getAttribute("value"))!);
  await expect(page.getByLabel("Current appraised value ($)")).toBeVisible();
  await expect(page.getByLabel("Current appraised value ($)")).not.toHaveValue("");
  await expect(page.getByLabel("Index value at purchase")).toBeHidden();
  await expect(page.getByLabel("Appraised value at purchase ($)")).toBeHidden();
  await expect(page.getByText(/Appraisal by Champlain Valley Appraisal, effective/).first()).toBeVisible();
  await expect(page.getByLabel("Seller's mortgage payoff ($)")).not.toHaveValue("0");
  // the formula by hand is folded away until chosen
  await expect(page.getByLabel("Formula type")).toBeHidden();
  await formula.selectOption((await formula.locator("option", { hasText: /^AMI indexed/ }).getAttribute("value"))!);
  await expect(page.getByLabel("Index value at purchase")).not.toHaveValue("");
  await expect(page.getByLabel("Index value now")).not.toHaveValue("");
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByText(/^Maximum resale price: \$[\d,]+\.\d\d$/)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Formula", { exact: true }).selectOption({ label: "Enter a formula by hand" });
  await expect(page.getByLabel("Formula type")).toBeVisible();
});

test("the comparison page shows prices with its defaults, carries the calculator's figures and fits at 1366 px", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, DEMO.staff);
  await page.goto("/resale");
  await page.getByRole("list", { name: "Homes" }).getByRole("link", { name: /^22 Elm Street/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Resale calculator — / })).toBeVisible();
  const calculatorUrl = page.url();

  // its defaults: every preset has a price, no column asks for anything
  await page.goto(`${calculatorUrl}/compare`);
  const sideBySide = page.getByRole("region", { name: /Side by side/ });
  await expect(sideBySide.getByRole("row", { name: /^Maximum resale price/ })).toBeVisible();
  const cells = await sideBySide.getByRole("row", { name: /^Maximum resale price/ }).getByRole("cell").allTextContents();
  expect(cells.length).toBeGreaterThanOrEqual(3); // the demo's three presets (and any an earlier browser test added)
  for (const cell of cells) expect(cell).toMatch(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByText(/Needs:|is required/)).toHaveCount(0);
  // nothing cut off at 1366 px: neither table scrolls sideways
  for (const region of [sideBySide, page.getByRole("region", { name: /Projection table/ })]) {
    const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
  }
  await expectNoSeriousAxeViolations(page);

  // values typed in the calculator are carried over
  await page.goto(calculatorUrl);
  await page.getByLabel("Current appraised value ($)").fill("333,000");
  await page.getByLabel("Valuation date", { exact: true }).fill("2026-06-30");
  await page.getByRole("link", { name: "Compare presets and project prices" }).click();
  await expect(page.getByLabel("Current appraised value ($)")).toHaveValue("333,000");
  await expect(page.getByLabel("Valuation date (year 0)")).toHaveValue("2026-06-30");
  await expect(page.getByRole("heading", { name: /Side by side, on/ })).toContainText("2026");
});

test("history shows labels as on the forms and formatted amounts, no ids or JSON", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/resale");
  await page.getByRole("list", { name: "Homes" }).getByRole("listitem").filter({ hasText: "homeowner " }).first().getByRole("link").click();
  await page.getByRole("link", { name: "Parcel", exact: true }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const history = page.locator("h2:has-text('History') + *");
  await expect(history).toContainText("Created parcel");
  await expect(history).toContainText(/(Acquisition price|Assessed land value): \$[\d,]+\.\d\d/);
  await expect(history).not.toContainText("Cents");
  await expect(history).not.toContainText("{");
  await expect(history).not.toContainText(/\bUTC\b/);
  // the full audit trail: paged, in words
  await page.goto("/settings/audit");
  await expect(page.getByRole("table")).not.toContainText("Create ResaleCalculation");
  await expect(page.getByRole("table")).not.toContainText("Test factory");
});
