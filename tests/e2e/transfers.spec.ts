import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

/**
 * Issue 9, end to end as a staff user: a resale case from the notice of intent to the closing, on a home, a lease
 * and households this spec makes itself through the app's pages (unique names: no other spec uses them, and it
 * reads no demo record another spec changes). It checks the portfolio report's resale count before and after
 * its own closing, the buyer's new draft lease, and one stored letter read back from its PDF.
 */

const usd = (dollars: number) => `$${dollars.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

async function resalesCompleted(page: Page): Promise<number> {
  await page.goto("/reports");
  const stat = page.locator(".card", { has: page.getByText("Resales completed", { exact: true }) }).locator(".stat").first();
  return Number((await stat.textContent())?.trim());
}

async function addHousehold(page: Page, name: string, member: string, certification?: { on: string; size: number; income: string }) {
  await page.goto("/households/new");
  await page.getByLabel("Household name").fill(name);
  await page.getByRole("button", { name: "Add household" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByLabel("Full name").fill(member);
  await page.getByLabel("Relationship").selectOption("head");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: member, exact: true })).toBeVisible();
  const householdUrl = page.url();
  if (certification) {
    await page.getByRole("link", { name: "Certify income" }).click();
    await page.getByLabel("Certification date").fill(certification.on);
    await page.getByLabel("Household size").fill(String(certification.size));
    await page.getByLabel("Member (income 1)").selectOption(member);
    await page.getByLabel("Source (income 1)").selectOption("wages");
    await page.getByLabel("Annual amount (income 1)").fill(certification.income);
    await page.getByRole("button", { name: "Certify and compute % AMI" }).click();
    await expect(page.getByRole("status")).toContainText("of AMI");
  }
  return householdUrl;
}

test("staff run a resale case from the notice of intent to the closing: deadlines, formula price, option, an eligible buyer, the closing, the report and the buyer's draft lease", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const street = `${10 + (Date.now() % 80)} Tamarack Court ${stamp}`;
  const apn = `TR-${stamp}`;
  await signIn(page, DEMO.staff);

  // the trust's today, as the case form offers it
  await page.goto("/transfers");
  const today = await page.getByLabel("Date of the notice of intent").inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const before = await resalesCompleted(page);

  // a home, its homeowner (bought 2025-03-03 for $150,000) and her signed lease under the demo's 1.5 % preset
  await page.goto("/parcels/new");
  await page.getByLabel("Parcel number (APN)").fill(apn);
  await page.getByLabel("Street address").fill(street);
  await page.getByLabel("City").fill("Middlebury");
  await page.getByLabel("Legal description").fill(`Lot 3, TAMARACK COURT ${stamp}, as recorded in the Middlebury Land Records.`);
  await page.getByLabel("Type of home").selectOption("single_family");
  await page.getByLabel("Bedrooms").fill("2");
  await page.getByLabel("Bathrooms").fill("1");
  await page.getByRole("button", { name: "Register parcel" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/parcels/new"));

  const seller = `Lindgren household ${stamp}`;
  await addHousehold(page, seller, "Astrid Lindgren");
  await page.getByRole("link", { name: "Record a purchase" }).click();
  const home = page.getByLabel("Home", { exact: true });
  await home.selectOption((await home.locator("option", { hasText: street }).getAttribute("value"))!);
  await page.getByLabel("Purchase price ($)").fill("150,000");
  await page.getByLabel("Purchase date").fill("2025-03-03");
  await page.getByRole("button", { name: "Record purchase" }).click();
  await expect(page.getByRole("heading", { level: 1, name: seller })).toBeVisible();

  await page.goto("/leases/new");
  const leaseHome = page.getByLabel("Home", { exact: true });
  await leaseHome.selectOption((await leaseHome.locator("option", { hasText: street }).getAttribute("value"))!);
  await page.getByLabel("Household", { exact: true }).selectOption({ label: seller });
  await page.getByLabel("Lessees (one full name a line)").fill("Astrid Lindgren");
  await page.getByLabel("Commencement date").fill("2025-03-03");
  await page.getByLabel("Monthly lease fee ($)").fill("35");
  const preset = page.getByLabel("Formula preset");
  await preset.selectOption((await preset.locator("option", { hasText: /^1\.5% simple, full months, market cap/ }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Create draft lease" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Ground lease GL-/ })).toBeVisible();
  await page.getByRole("button", { name: "Mark as executed (signed)" }).click();
  await page.getByRole("button", { name: "Yes: mark as executed (signed)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");

  // the buyers: one eligible (2 persons, $48,000 against the $63,450 80 % limit), one over the limit
  const buyer = `Osei household ${stamp}`;
  const overLimit = `Brandt household ${stamp}`;
  const buyerUrl = await addHousehold(page, buyer, "Kofi Osei", { on: today, size: 2, income: "48,000" });
  await addHousehold(page, overLimit, "Greta Brandt", { on: today, size: 2, income: "120,000" });

  // the notice of intent opens the case
  await page.goto("/transfers");
  const caseHome = page.getByLabel("Home", { exact: true });
  await caseHome.selectOption((await caseHome.locator("option", { hasText: street }).getAttribute("value"))!);
  await page.getByLabel("Kind of transfer").selectOption({ label: "Sale by the homeowner" });
  await page.getByLabel("How it arrived").selectOption({ label: "By mail" });
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Sale by the homeowner — ${street}`) })).toBeVisible();
  const caseUrl = page.url();

  // its deadlines, from the lease's terms (30 days to price it, 90 for the option): the price notice is next
  const deadlines = page.getByRole("region", { name: /Deadlines/ });
  await expect(deadlines).toContainText(`Notice of intent received`);
  await expect(deadlines.getByRole("listitem").filter({ hasText: "Formula price sent to the homeowner" })).toContainText("30 days after the notice of intent");
  await expect(deadlines.getByRole("listitem").filter({ hasText: "The trust decides on its purchase option" })).toContainText("90 days after the notice of intent");
  await expect(page.locator("p.card", { hasText: /^Next:/ })).toContainText("Formula price sent to the homeowner");

  // the home's appraisal, recorded once on its valuation inputs ($300,000: the market cap does not bind)
  await page.getByRole("link", { name: "Valuation inputs" }).click();
  await page.getByText("Record an appraisal").click();
  await page.getByLabel("Appraiser").fill("Champlain Valley Appraisal");
  await page.getByLabel("Ordered on").fill("2025-09-01");
  await page.getByLabel("Report received on").fill("2025-09-20");
  await page.getByLabel("Value effective on").first().fill("2025-09-15");
  await page.getByLabel("Appraised value ($)").first().fill("300,000");
  await page.getByRole("button", { name: "Record appraisal" }).click();
  await expect(page.getByRole("cell", { name: "$300,000.00" }).first()).toBeVisible();
  await page.goto(caseUrl);

  // the formula price from the lease's frozen formula and the stored appraisal
  await page.getByRole("button", { name: "Calculate the formula price" }).click();
  await expect(page.getByRole("status")).toContainText("Formula price calculated");
  const priceText = (await page.getByRole("region", { name: "1. Formula price" }).locator("strong").first().textContent()) ?? "";
  const maximum = Number(priceText.replace(/[$,]/g, ""));
  // 1.5 % simple a year on $150,000 for the full months since 2025-03-03: more than the price paid, under the appraisal
  expect(maximum).toBeGreaterThan(150_000);
  expect(maximum).toBeLessThan(300_000);
  await expect(page.locator("p.card", { hasText: /^Next:/ })).toContainText("The trust decides on its purchase option");

  // the option, assigned to a buyer
  await page.getByLabel("Decision").selectOption({ label: "Assign the option to an eligible buyer" });
  await page.getByLabel("Note (board resolution, letter)").fill(`Board resolution ${stamp}`);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status")).toContainText("option decision is recorded");
  await expect(page.getByRole("region", { name: /purchase option/ })).toContainText(`Assigned to a buyer on`);

  // a buyer over the income limit is refused with the reason; the eligible one is chosen
  const buyerSelect = page.getByLabel("Buyer household");
  await buyerSelect.selectOption((await buyerSelect.locator("option", { hasText: overLimit }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Check eligibility and choose" }).click();
  await expect(page.locator(".field-error", { hasText: `${overLimit} is not eligible at 80 % AMI: income $120,000` })).toBeVisible();
  await expect(page.getByRole("region", { name: "3. The buyer" })).toContainText("No buyer yet");
  // the same form, refused once, submits again
  await buyerSelect.selectOption((await buyerSelect.locator("option", { hasText: buyer }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Check eligibility and choose" }).click();
  await expect(page.getByRole("status")).toContainText("Buyer chosen: eligible");
  await expect(page.getByRole("region", { name: "3. The buyer" })).toContainText(`${buyer} — eligible at 80 % AMI`);

  // the closing: a price above the maximum is refused naming it; at $150,000 it closes
  await page.getByLabel("Closing price ($)").fill("999,999");
  await page.getByLabel("Seller's mortgage payoff ($)").fill("120,000");
  await page.getByLabel("Seller's closing costs ($)").fill("2,500");
  await page.getByLabel("The trust's fees ($)").fill("500");
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.locator(".field-error", { hasText: `The price may not exceed the maximum resale price of ${usd(maximum)}.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "4. Closing" })).toContainText("Not closed yet.");
  await page.getByLabel("Closing price ($)").fill("150,000");
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("a draft lease prepared for the buyer");
  const closing = page.getByRole("region", { name: "4. Closing" });
  await expect(closing).toContainText("at $150,000.00");
  // the statement: 150,000 − 120,000 payoff − 2,500 closing costs − the lease fees the seller never paid (the
  // ledger's payoff figure) − 500 trust's fee
  const amount = async (row: string) => Number(((await closing.getByRole("row", { name: new RegExp(`^${row}`) }).getByRole("cell").first().textContent()) ?? "").replace(/[^\d.]/g, ""));
  const unpaid = await amount("Unpaid lease fees");
  expect(unpaid).toBeGreaterThan(0); // $35 a month since 2025-03-03, no payment recorded
  expect(await amount("Net proceeds")).toBeCloseTo(150_000 - 120_000 - 2_500 - unpaid - 500, 2);

  // the portfolio report counts one more resale
  expect(await resalesCompleted(page)).toBe(before + 1);

  // the buyer's new draft lease: the home, from today, the closing price in its worked example
  await page.goto(caseUrl);
  await page.getByRole("link", { name: "The buyer's draft lease" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft");
  const details = page.locator("dl.details").first();
  await expect(details).toContainText(street);
  await expect(details).toContainText(buyer);
  await expect(page.getByText("Kofi Osei").first()).toBeVisible();
  await expect(page.getByText("$150,000.00").first()).toBeVisible();
  await page.goto(buyerUrl);
  await expect(page.locator("section[aria-labelledby='ownership-title']")).toContainText(street);

  // the closing statement letter, stored with the case and read back from its PDF
  await page.goto(caseUrl);
  await page.getByRole("button", { name: "Produce: Closing statement" }).click();
  await expect(page.getByRole("status")).toContainText("is stored with the case");
  // the stored letter, as the documents list links it (served inline: fetched with the staff session)
  const href = (await page.getByRole("link", { name: /^Closing statement/ }).first().getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), "transfer-letter-")), "letter.pdf");
  writeFileSync(file, await response.body());
  expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(street);
  expect(text).toContain("$150,000.00");
  expect(text).toContain(buyer);
  expect(text).toContain("$120,000.00");
});
