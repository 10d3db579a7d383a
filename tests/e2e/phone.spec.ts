import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

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

test("the main pages fit a 390-pixel-wide phone without scrolling sideways", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const pages = [
    "/",
    "/parcels",
    "/households",
    "/leases",
    "/fees",
    "/stewardship",
    "/resale",
    "/transfers",
    "/stewardship/requests",
    "/reports",
    "/governance",
    "/settings",
  ];
  // and one record of each kind, reached from its list
  await page.goto("/households");
  const household = await page.locator("main table a").first().getAttribute("href");
  await page.goto("/parcels");
  const parcel = await page.locator("main table a").first().getAttribute("href");
  await page.goto("/leases");
  const lease = await page.locator("main table a").first().getAttribute("href");
  for (const href of [household, parcel, lease]) if (href) pages.push(href);
  expect(pages.length).toBe(15);

  const overflowing: string[] = [];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // the page's own width: anything wider than the window means the whole page scrolls sideways
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) overflowing.push(`${path} is ${width}px wide`);
  }
  expect(overflowing).toEqual([]);
});
