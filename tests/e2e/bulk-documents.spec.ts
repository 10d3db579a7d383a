import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { DEMO, signIn } from "./support";

/** The first two active leases of the list, selected; their references. */
async function selectTwoActiveLeases(page: Page): Promise<string[]> {
  await page.goto("/leases?status=active");
  const links = page.locator("tbody tr td:nth-child(2) a");
  const references = [(await links.nth(0).textContent())!.trim(), (await links.nth(1).textContent())!.trim()];
  for (const reference of references) await page.getByRole("checkbox", { name: `Select ${reference}` }).check();
  return references;
}

function zipEntries(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), "bulk-")), "doc.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
}

test("the lease list's bulk download includes the memoranda (zipped in the browser)", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const references = await selectTwoActiveLeases(page);
  await page.getByLabel("Documents").selectOption({ label: "Memoranda of ground lease" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download selected as ZIP/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^memoranda of ground lease \d{4}-\d{2}-\d{2}\.zip$/);
  const files = zipEntries((await download.path())!);
  for (const reference of references) {
    const memorandum = files[`${reference} memorandum of ground lease.pdf`];
    expect(memorandum, reference).toBeDefined();
    expect(pdfText(memorandum!)).toMatch(/MEMORANDUM OF GROUND LEASE/i);
    expect(files[`${reference} ground lease.pdf`]).toBeUndefined();
  }
  await expect(page.getByText(/2 of 2 documents — done\./)).toBeVisible();
});

test("without JavaScript the same form asks the server for the leases and their memoranda", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await signIn(page, DEMO.admin);
  const references = await selectTwoActiveLeases(page);
  await page.getByLabel("Documents").selectOption({ label: "Ground leases and memoranda" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download selected as ZIP/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ground leases and memoranda \d{4}-\d{2}-\d{2}\.zip$/);
  const files = zipEntries((await download.path())!);
  for (const reference of references) {
    expect(pdfText(files[`${reference} ground lease.pdf`]!)).toContain(reference);
    expect(pdfText(files[`${reference} memorandum of ground lease.pdf`]!)).toMatch(/MEMORANDUM OF GROUND LEASE/i);
  }
  await context.close();
});
