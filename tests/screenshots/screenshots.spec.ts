import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_HOMEOWNER_PASSWORD } from "../../playwright.config";
import { firstRecordLink } from "../e2e/main-pages";
import { DEMO, signIn } from "../e2e/support";

/**
 * The README's screenshots of the main screens (docs/screenshots/<name>.png), from the demo. Run with
 * `npm run screenshots`; the pictures are committed, so keep them few and small.
 */
const DIR = "docs/screenshots";

function pngquantAvailable(): boolean {
  try {
    execFileSync("pngquant", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  await expect(page.locator("h1").first()).toBeVisible();
  const path = `${DIR}/${name}.png`;
  await page.screenshot({ path });
  // 256 colours are plenty for a flat interface; about a fifth of the size
  if (pngquantAvailable()) execFileSync("pngquant", ["--force", "--skip-if-larger", "--strip", "--quality=70-95", "--output", path, path]);
}

test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

test("staff screens", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/");
  await shoot(page, "dashboard");
  await page.goto("/parcels");
  await shoot(page, "parcels");
  await page.goto(await firstRecordLink(page, "/parcels", /^\/parcels\/[^/]+$/));
  await shoot(page, "parcel");
  await page.goto(await firstRecordLink(page, "/households", /^\/households\/[^/]+$/));
  await shoot(page, "household");
  await page.goto(await firstRecordLink(page, "/leases?status=active", /^\/leases\/[^/]+$/));
  await shoot(page, "lease");
  // a home with a homeowner: its calculator is prefilled from the purchase
  await page.goto("/resale");
  const home = await page
    .getByRole("list", { name: "Homes" })
    .getByRole("listitem")
    .filter({ hasNotText: "no current homeowner" })
    .first()
    .getByRole("link")
    .getAttribute("href");
  if (!home) throw new Error("no demo home with a homeowner");
  await page.goto(home);
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByText(/^Maximum resale price: \$[\d,]+\.\d\d$/)).toBeVisible();
  await shoot(page, "resale-calculator");
  await page.goto(`${home}/compare`);
  await shoot(page, "resale-compare");
  await page.goto("/reports");
  await shoot(page, "reports");
  await page.goto("/settings/audit");
  await shoot(page, "audit");
});

test("a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.admin);
  await page.goto("/households");
  await shoot(page, "phone-households");
});

test("the homeowner portal", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "homeowner@riverbend-clt.example", DEMO_HOMEOWNER_PASSWORD);
  await page.goto("/my-home");
  await shoot(page, "phone-my-home");
});
