import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("staff calculate a fixed-rate resale price for a demo home, save it and download the worksheet PDF", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/resale");
  await page.getByLabel("Search by address, APN or homeowner").fill("22 Elm");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("list", { name: "Homes" }).getByRole("link", { name: "22 Elm Street (APN W-014-022)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Resale calculator — 22 Elm Street/ })).toBeVisible();

  // a formula and the seller's purchase are entered by hand (overriding the owner's prefilled purchase)
  await page.getByLabel("Formula", { exact: true }).selectOption({ label: "Enter a formula by hand" });
  await page.getByLabel("Formula type").selectOption("fixed-rate");
  await page.getByLabel("Annual rate (%)").fill("1.5");
  await page.getByLabel("Interest", { exact: true }).selectOption("simple");
  await page.getByLabel("Seller's purchase price ($)").fill("$180,000");
  await page.getByLabel("Purchase date", { exact: true }).fill("2015-06-01");
  await page.getByLabel("Valuation date", { exact: true }).fill("2025-06-01");
  await page.getByLabel("Improvement 1: description").fill("New roof");
  await page.getByLabel("Improvement 1: cost ($)").fill("12,000");
  await page.getByLabel("Improvement 1: completed on").fill("2020-05-01");
  await page.getByLabel("Improvement 1: approved by the trust").check();

  await page.getByRole("button", { name: "Calculate" }).click();
  // 180,000 × (1 + 0.015 × 10) + 12,000
  await expect(page.getByText("Maximum resale price: $219,000.00")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Improvement credit: New roof" })).toBeVisible();

  await page.getByRole("button", { name: "Save calculation" }).click();
  await expect(page).toHaveURL(/\/resale\/calculations\/[^/]+$/);
  await expect(page.getByRole("status")).toContainText("Resale calculation saved: maximum resale price $219,000.00.");
  await expect(page.getByText(/Saved .* by Dana Okafor/)).toBeVisible();

  const href = await page.getByRole("link", { name: "Download worksheet (PDF)" }).getAttribute("href");
  expect(href).toMatch(/\/worksheet\.pdf$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
  const body = await response.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a field error shows next to its field and nothing is saved", async ({ page }) => {
  await signIn(page, DEMO.staff);
  await page.goto("/resale");
  await page.getByRole("list", { name: "Homes" }).getByRole("link", { name: /31 Elm Street/ }).click();
  await page.getByLabel("Formula", { exact: true }).selectOption({ label: "Enter a formula by hand" });
  await page.getByLabel("Formula type").selectOption("fixed-rate");
  await page.getByLabel("Annual rate (%)").fill("30");
  await page.getByLabel("Seller's purchase price ($)").fill("150000");
  await page.getByLabel("Purchase date", { exact: true }).fill("2016-01-01");
  await page.getByRole("button", { name: "Save calculation" }).click();
  await expect(page.getByLabel("Annual rate (%)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field-error", { hasText: /at most 25%/ })).toBeVisible();
  await expect(page.getByRole("alert").getByRole("link", { name: /The annual rate must be at least 0% and at most 25%/ })).toBeVisible();
  await expect(page).toHaveURL(/\/resale\/homes\//);
});
