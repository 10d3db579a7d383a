import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_STAFF_PASSWORD, DEMO_VIEWER_PASSWORD } from "../../playwright.config";

export const DEMO = {
  admin: "admin@riverbend-clt.example",
  staff: "staff@riverbend-clt.example",
  viewer: "board@riverbend-clt.example",
  password: DEMO_PASSWORD,
};

/** Each demo account has its own password. */
export function demoPassword(email: string): string {
  if (email === DEMO.staff) return DEMO_STAFF_PASSWORD;
  if (email === DEMO.viewer) return DEMO_VIEWER_PASSWORD;
  return DEMO_PASSWORD;
}

export async function signIn(page: Page, email: string, password = demoPassword(email)): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** One serious or critical axe violation: the rule, its help text and the offending elements. */
export type AxeFinding = { rule: string; impact: string | null | undefined; help: string; targets: string[] };

/** Runs axe-core on the current page (WCAG 2.x A/AA rules and best practice); returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    // every violating element is still reported; axe just skips building selectors for the elements that pass
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/**
 * Fails on any serious or critical axe violation on the current page, listing each rule, its help text and
 * the offending elements so the failure says what to fix.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${page.url()}`).toEqual([]);
}
