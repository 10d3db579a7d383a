import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

/**
 * An improvement approval in a real browser, as staff: a homeowner's request to make an improvement is recorded
 * on an active lease, approved, and the approved improvement then appears — without being typed again — among
 * the home's valuation inputs that the resale calculator and the resale case read (issue 10, docs/
 * stewardship-decisions.md). The cost typed as "$18,500" is shown back as $18,500.00.
 */
test("staff approve an improvement request and the home's resale inputs show the approved improvement", async ({ page }) => {
  const description = `New roof ${Date.now().toString(36)}`;
  await signIn(page, DEMO.staff);

  await page.goto("/leases?status=active");
  await page.locator("table").getByRole("link", { name: /GL-/ }).first().click();
  await page.waitForURL(/\/leases\/[^/?]+$/);
  const leaseUrl = new URL(page.url());
  const leaseId = leaseUrl.pathname.split("/")[2]!;
  const homeHref = await page.locator('a[href*="#home-"]').first().getAttribute("href");
  const homeId = homeHref!.split("#home-")[1]!;

  await page.goto(`/leases/${leaseId}/requests/new?kind=improvement`);
  await page.getByLabel("Date received").fill("2026-11-02");
  await page.getByLabel("Description of the work").fill(description);
  await page.getByLabel("Estimated cost ($)").fill("$18,500");
  await page.getByLabel("Expected completion").fill("2026-11-25");
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.getByText("The improvement request was recorded.")).toBeVisible();
  await page.waitForURL(/\/stewardship\/requests\/[^/?]+$/);

  // Before the decision the home's inputs do not list it.
  const requestUrl = page.url();
  await page.goto(`/resale/homes/${homeId}/inputs`);
  await expect(page.getByText(description)).toHaveCount(0);

  await page.goto(requestUrl);
  await page.getByLabel("Decision date").fill("2026-11-20");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Decision", exact: true })).toBeVisible();

  await page.goto(`/resale/homes/${homeId}/inputs`);
  const improvements = page.locator("section", { has: page.getByRole("heading", { name: "Approved improvements" }) });
  const row = improvements.locator("tr", { hasText: description });
  await expect(row).toBeVisible();
  await expect(row).toContainText("$18,500.00");

  // The resale calculator for the home starts from it too: nothing is typed again.
  await page.goto(`/resale/homes/${homeId}`);
  await expect(page.locator(`input[value="${description}"]`)).toHaveCount(1);
});
