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

/**
 * Each cell of the pages' tables that is empty where a value is missing (the app writes "—" there), as
 * "path: table › column". A cell holding a link, a button or a form control is not empty.
 */
async function emptyCells(page: Page, paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const cells = await page.locator("main table td").evaluateAll((tds) =>
      tds
        .filter((td) => (td as HTMLElement).innerText.trim() === "" && !td.querySelector("a, button, input, select, textarea"))
        .map((td) => {
          const table = td.closest("table")!;
          const header = table.querySelectorAll("thead th")[(td as HTMLTableCellElement).cellIndex]?.textContent?.trim() || "(no heading)";
          return `${td.closest("[aria-label]")?.getAttribute("aria-label") ?? "table"} › ${header}`;
        }),
    );
    for (const cell of cells) found.add(`${path}: ${cell}`);
  }
  return [...found];
}

/** Every address on `from` whose path has the shape `to`, once each. */
async function recordLinks(page: Page, from: string, to: RegExp): Promise<string[]> {
  await page.goto(from);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((href) => href.split("#")[0]!).filter((href) => to.test(href.split("?")[0]!)))];
}

test("governance and settings tables write \"—\" where a value is missing, and index values with their thousands separated", async ({ page }) => {
  // an email in the outbox without a problem, and an index value recorded without a source
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("we have sent it a link");
  await signIn(page, DEMO.admin);
  await page.goto("/settings/lease-fees");
  await page.getByLabel("Index name (as the lease names it)").fill("Words check index");
  await page.getByLabel("Date", { exact: true }).fill("2020-01-01");
  await page.getByLabel("Value", { exact: true }).fill("1234.5");
  await page.getByRole("button", { name: "Record index value" }).click();
  await expect(page.getByRole("status")).toContainText("Index value recorded.");
  // stored "1234.5", read "1,234.5"; the demo's "111900" reads "111,900"
  const indexValues = page.getByRole("region", { name: "Index values" });
  await expect.soft(indexValues.getByRole("row", { name: "Words check index Jan 1, 2020 1,234.5 —" })).toBeVisible();
  await expect.soft(indexValues.getByRole("cell", { name: "111,900", exact: true })).toBeVisible();
  await expect.soft(indexValues).not.toContainText("111900");

  const elections: string[] = [];
  for (const meeting of await recordLinks(page, "/governance", /^\/governance\/meetings\/[^/]+$/)) elections.push(...(await recordLinks(page, meeting, /^\/governance\/elections\/[^/]+$/)));
  const members = await recordLinks(page, "/governance/members", /^\/governance\/members\/[^/]+$/);
  // the demo has a certified election, a vacant seat, dues recorded without a note, an email without a problem
  expect(elections.length).toBeGreaterThan(0);
  expect(members.length).toBeGreaterThan(5);
  const paths = ["/governance", "/governance/members", "/governance/board", "/governance/settings", ...elections, ...members, "/settings/email", "/settings/lease-fees"];
  expect(await emptyCells(page, paths)).toEqual([]);
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
