import { expect, test, type Page } from "@playwright/test";
import { DEMO_HOMEOWNER_PASSWORD } from "../../playwright.config";
import { firstRecordLink, homeownerPages, STAFF_RECORD_PAGES, STAFF_SUB_PAGES } from "./main-pages";
import { DEMO, signIn } from "./support";

/**
 * What people read on the main pages is in words: a date as "Apr 1, 2025", never the stored "2025-04-01"; no
 * "undefined", "NaN" or "[object Object]" where a value went missing; no time in UTC (the demo trust is in New York). A date inside a longer token (a payment
 * reference "ACH-GL-2024-0001-2024-04-01") is someone's own text and is left alone; so are the values of date
 * inputs, which are not part of the page's text.
 */
const MACHINE_TEXT = [
  { what: "a stored date", pattern: /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/ },
  { what: "a missing value", pattern: /\bundefined\b|\bNaN\b|\[object Object\]/ },
  { what: "a time in UTC, not the trust's zone", pattern: /\d:\d{2}\s?[AP]M UTC\b/ },
];

/** Each line of a page's text that reads like machine output, with the page and what it shows. */
async function machineText(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const text = await page.locator("body").innerText();
    for (const line of text.split("\n")) {
      for (const { what, pattern } of MACHINE_TEXT) {
        const match = line.match(pattern);
        if (match) found.push(`${path}: ${what} "${match[0]}" in "${line.trim().slice(0, 140)}"`);
      }
    }
  }
  return found;
}

/**
 * The staff pages that show stored dates inside sentences and tables (ledger lines, resale explanations, appraisal
 * sources, certifications, report rows, income-limit tables, audit phrases): the lists and the record pages reached
 * from them (main-pages.ts), not the forms — the whole walk takes minutes; this one well under one.
 */
const DATED_STAFF_PAGES = ["/reports", "/fees", "/stewardship", "/settings/income-limits", "/settings/audit"];
const DATED_RECORDS = ["lease", "resale", "household"];

test("the staff pages write dates and values in words", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const paths = [...DATED_STAFF_PAGES];
  const named = new Map<string, string>();
  for (const { as, from, to } of STAFF_RECORD_PAGES) {
    if (as && !DATED_RECORDS.includes(as)) continue;
    if (!as && !/transfers|stewardship|income-limits/.test(from)) continue;
    const path = await firstRecordLink(page, from, to);
    paths.push(path);
    if (as) named.set(as, path);
  }
  for (const { from, to } of STAFF_SUB_PAGES) if (named.has(from)) paths.push(await firstRecordLink(page, named.get(from)!, to));
  expect(paths.length).toBeGreaterThan(15);
  expect(await machineText(page, paths)).toEqual([]);
});

test("the homeowner's pages write dates and values in words", async ({ page }) => {
  await signIn(page, "homeowner@riverbend-clt.example", DEMO_HOMEOWNER_PASSWORD);
  expect(await machineText(page, await homeownerPages(page))).toEqual([]);
  // the household's members by the household form's words, not the stored choice ("spouse-partner")
  await page.goto("/my-home");
  const household = page.getByRole("region", { name: "Your household" });
  await expect(household).toContainText("(spouse or partner)");
  await expect(household).not.toContainText("spouse-partner");
});
