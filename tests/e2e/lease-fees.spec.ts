import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

/** "$1,234.56" or "−$12.00" → cents. */
function cents(text: string): number {
  const negative = /^[-−]/.test(text.trim());
  const value = Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);
  return negative ? -value : value;
}

/**
 * Lease fees as staff: from the arrears list to the demo lease in arrears, a payment entered (a wrong amount
 * first: refused next to the field, nothing recorded), the balance lower by exactly the payment, and the
 * homeowner's statement downloaded as a PDF and read back.
 */
test("staff enter a payment on a lease in arrears and download the homeowner's statement", async ({ page }) => {
  const reference = `E2E-${Date.now().toString(36)}`;
  await signIn(page, DEMO.staff);

  await page.goto("/fees");
  await expect(page.getByRole("heading", { level: 1, name: "Lease fees: arrears" })).toBeVisible();
  const leaseLink = page.locator("table").getByRole("link", { name: /GL-/ }).first();
  const leaseReference = (await leaseLink.textContent())!.trim();
  await leaseLink.click();
  await expect(page.getByRole("heading", { name: "Lease-fee ledger" })).toBeVisible();
  const before = cents((await page.getByTestId("fee-balance").textContent()) ?? "");
  expect(before).toBeGreaterThan(0);
  const rowsBefore = await page.locator("#fees table tbody tr").count();

  // A wrong amount is refused next to the field and nothing is recorded.
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Record a payment" }) });
  await form.getByLabel("Amount ($)").fill("0");
  await form.getByRole("button", { name: "Record payment" }).click();
  await expect(form.locator(".field-error", { hasText: "The amount paid must be more than $0.00" })).toBeVisible();
  await page.reload();
  expect(cents((await page.getByTestId("fee-balance").textContent()) ?? "")).toBe(before);

  // A payment of $12.34 by check.
  await form.getByLabel("Amount ($)").fill("12.34");
  await form.getByLabel("Method (check, ACH, cash …)").fill("check");
  await form.getByLabel("Reference (check number, bank reference)").fill(reference);
  await form.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment of $12.34 recorded.")).toBeVisible();
  expect(cents((await page.getByTestId("fee-balance").textContent()) ?? "")).toBe(before - 1234);
  await expect(page.getByRole("cell", { name: `Payment · check · ${reference}`, exact: true })).toBeVisible();
  expect(await page.locator("#fees table tbody tr").count()).toBe(rowsBefore + 1);

  // The homeowner's statement for the period that includes today, read back from the PDF.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download statement" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Lease-fee statement – .+ – \d{4}-01-01 to \d{4}-\d{2}-\d{2}\.pdf$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Lease-fee statement");
  expect(text).toContain(`Ground lease ${leaseReference}`);
  expect(text).toContain(reference);
  expect(text).toContain("12.34");

  // Then the payment is reversed: the ledger links each entry to one reversal form (the lease page itself carries
  // none), a missing reason is refused next to the field, and the reversal restores the balance.
  expect(await page.locator('#fees input[name="intent"][value="reversal"]').count()).toBe(0);
  await page.getByRole("row", { name: new RegExp(`Payment · check · ${reference}`) }).getByRole("link", { name: /^Reverse/ }).click();
  const reversal = page.locator("#fee-reversal");
  await expect(reversal.getByRole("heading", { name: new RegExp(`^Reverse: Payment · check · ${reference}, [A-Z][a-z]{2} \\d{1,2}, \\d{4}, [-−]?\\$12\\.34$`) })).toBeVisible();
  await reversal.getByRole("button", { name: "Post reversal" }).click();
  await expect(reversal.locator(".field-error")).toContainText(/reason/i);
  await reversal.getByLabel("Reason").fill("Cheque returned unpaid");
  await reversal.getByRole("button", { name: "Post reversal" }).click();
  await expect(page.getByText("The entry was reversed.")).toBeVisible();
  expect(cents((await page.getByTestId("fee-balance").textContent()) ?? "")).toBe(before);
  await expect(page.getByRole("row", { name: new RegExp(`Payment · check · ${reference}`) }).getByText("reversed")).toBeVisible();
});
