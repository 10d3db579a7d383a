import { expect, test, type Page } from "@playwright/test";
import { DEMO_HOMEOWNER_PASSWORD, DEMO_MEMBER_PASSWORD } from "../../playwright.config";
import { homeownerPages, MEMBER_PAGES, staffPages } from "./main-pages";
import { DEMO, seriousAxeViolations, signIn, type AxeFinding } from "./support";

/**
 * axe-core on every main page of the app, signed in as the person who uses it: the staff side as the demo
 * admin (who sees every page, settings included), the homeowner portal as the demo homeowner, the member
 * pages as the demo member. Zero serious or critical violations (issue 15). Each page's findings are
 * gathered first, so one run lists everything to fix.
 */
async function auditPages(page: Page, paths: string[]): Promise<Record<string, AxeFinding[]>> {
  const findings: Record<string, AxeFinding[]> = {};
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("h1").first()).toBeVisible();
    const serious = await seriousAxeViolations(page);
    if (serious.length > 0) findings[path] = serious;
  }
  return findings;
}

test("every staff page has no serious or critical accessibility violation", async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, DEMO.admin);
  const paths = await staffPages(page);
  expect(paths.length).toBeGreaterThan(55);
  expect(await auditPages(page, paths)).toEqual({});
});

test("every page of the homeowner portal has no serious or critical accessibility violation", async ({ page }) => {
  await signIn(page, "homeowner@riverbend-clt.example", DEMO_HOMEOWNER_PASSWORD);
  const paths = await homeownerPages(page);
  expect(await auditPages(page, paths)).toEqual({});
});

test("every page of a voting member has no serious or critical accessibility violation", async ({ page }) => {
  await signIn(page, "member@riverbend-clt.example", DEMO_MEMBER_PASSWORD);
  expect(await auditPages(page, MEMBER_PAGES)).toEqual({});
});

test("the sign-in and password pages have no serious or critical accessibility violation", async ({ page }) => {
  expect(await auditPages(page, ["/login", "/forgot-password"])).toEqual({});
});
