import { expect, test, type Page } from "@playwright/test";
import { DEMO_HOMEOWNER_PASSWORD } from "../../playwright.config";
import { homeownerPages, staffPages } from "./main-pages";
import { DEMO, expectNoSeriousAxeViolations, signIn } from "./support";

/** A phone 390 CSS pixels wide (an ordinary current phone held upright). */
test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the menu closes after choosing a page", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const menu = page.locator("details.menu");
  await menu.locator("summary").click();
  await expect(menu.getByRole("link", { name: "Households" })).toBeVisible();
  await menu.getByRole("link", { name: "Households" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Households" })).toBeVisible();
  // the menu is closed again: its links are hidden and the page is not pushed down
  await expect(menu).not.toHaveAttribute("open", "");
  await expect(menu.getByRole("link", { name: "Parcels" })).toBeHidden();
});

/** Each page wider than the window: the whole page would scroll sideways. */
async function overflowingPages(page: Page, paths: string[]): Promise<string[]> {
  const overflowing: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // the page's own width: anything wider than the window means the whole page scrolls sideways
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) overflowing.push(`${path} is ${width}px wide`);
  }
  return overflowing;
}

test("every staff page fits a 390-pixel-wide phone without scrolling sideways", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, DEMO.admin);
  const paths = await staffPages(page);
  expect(paths.length).toBeGreaterThan(55);
  expect(await overflowingPages(page, paths)).toEqual([]);
});

test("every page of the homeowner portal fits a 390-pixel-wide phone", async ({ page }) => {
  await signIn(page, "homeowner@riverbend-clt.example", DEMO_HOMEOWNER_PASSWORD);
  expect(await overflowingPages(page, await homeownerPages(page))).toEqual([]);
});

test("on a phone a wide list scrolls inside its own box, which takes keyboard focus, and keeps its first column in view", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/parcels");
  const list = page.getByRole("region", { name: "Parcels" });
  // the table is wider than its box: it scrolls there, not the page
  const { client, scroll } = await list.evaluate((box) => ({ client: box.clientWidth, scroll: box.scrollWidth }));
  expect(scroll).toBeGreaterThan(client);
  await list.focus();
  await expect(list).toBeFocused();
  for (let step = 0; step < 3; step += 1) await page.keyboard.press("ArrowRight");
  await expect.poll(() => list.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  // the first column (the parcel number) stays at the box's left edge while the rest scrolls
  const boxLeft = await list.evaluate((box) => box.getBoundingClientRect().left);
  const firstCellLeft = await list.locator("tbody tr").first().locator("td").first().evaluate((cell) => cell.getBoundingClientRect().left);
  expect(Math.abs(firstCellLeft - boxLeft)).toBeLessThanOrEqual(1);
});

test("on a phone the lists that scroll sideways are reachable by keyboard (axe at 390 pixels)", async ({ page }) => {
  await signIn(page, DEMO.admin);
  for (const path of ["/parcels", "/households", "/leases", "/fees", "/transfers", "/stewardship", "/governance/members", "/settings/audit", "/reports"]) {
    await page.goto(path);
    await expectNoSeriousAxeViolations(page);
  }
});
