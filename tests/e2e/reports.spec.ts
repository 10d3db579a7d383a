import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousAxeViolations, signIn } from "./support";

test("the report shows each figure as a chart beside its table, follows the period, and downloads as CSV and PDF", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/reports?from=2009-01-01&to=2025-12-31");
  for (const name of ["Households served by year", "Households served by % AMI at purchase", "Subsidy retained at each resale", "Lease fees owed by age"]) {
    await expect(page.getByRole("img", { name: new RegExp(`^${name.replace(/[%]/g, "\\$&")}`) })).toBeVisible();
  }
  const byYear = page.getByRole("region", { name: "Households served by year", exact: true }).getByRole("table");
  // one row a year of the period: 2009 … 2025
  await expect(byYear.locator("tbody tr")).toHaveCount(17);
  await expectNoSeriousAxeViolations(page);

  // the charts are drawn on the server: the HTML itself holds them, no script needed
  const html = await (await page.request.get("/reports?from=2009-01-01&to=2025-12-31")).text();
  expect(html).toContain('role="img"');
  expect(html).toMatch(/<title id="chart-households-title">Households served by year<\/title>/);

  // a different period, different figures
  await page.getByLabel("First day").fill("2020-01-01");
  await page.getByLabel("Last day").fill("2020-12-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-12-31/);
  await expect(byYear.locator("tbody tr")).toHaveCount(1);
  await expect(byYear.locator("tbody tr").first().locator("td").first()).toHaveText("2020");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("Report 2020-01-01 to 2020-12-31.csv");
  const csvText = readFileSync((await csv.path())!, "utf8");
  expect(csvText).toContain("Households served by year\r\nYear,Households served,Average purchase price\r\n2020,");
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  const pdfText = execFileSync("pdftotext", [(await pdf.path())!, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(pdfText).toContain("Period Jan 1, 2020 – Dec 31, 2020");
  expect(pdfText).toContain("Households served by year");

  // a period that ends before it starts: the message beside the field, a 400
  await page.getByLabel("First day").fill("2021-01-01");
  await page.getByLabel("Last day").fill("2020-01-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("The last day must not be before the first day")).toBeVisible();
  await expect(page.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
  expect((await page.request.get("/reports?from=2021-01-01&to=2020-01-01")).status()).toBe(400);
});

test("a funder report lists the source's homes, households served and the affordability period's end, with CSV and PDF", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/reports");
  const funders = page.getByRole("table", { name: /Each funding source/ });
  await funders.getByRole("link", { name: "Town of Middlebury" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Funder report: Town of Middlebury" })).toBeVisible();
  // its HOME grant of 2009-08-14 carries a recorded restriction to 2039-08-14 (the demo's 22 Elm Street)
  await expect(page.getByRole("definition").filter({ hasText: "Aug 14, 2039" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Households served" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(readFileSync((await csv.path())!, "utf8")).toContain("Funder,Town of Middlebury");
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(execFileSync("pdftotext", [(await pdf.path())!, "-"], { encoding: "utf8" })).toContain("Funder report: Town of Middlebury");
});
