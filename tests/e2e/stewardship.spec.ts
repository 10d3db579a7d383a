import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

/**
 * A certification cycle in a real browser, as staff: from the compliance calendar, a scheduled occupancy
 * certification nobody has acted on is marked submitted (which stores it), its proof is uploaded, and it is
 * resolved.
 */
test("staff mark an occupancy certification submitted, upload the proof and resolve it", async ({ page }) => {
  await signIn(page, DEMO.staff);
  await page.goto("/stewardship?type=occupancy_certification");
  await page.getByRole("link", { name: "Occupancy certification" }).first().click();
  await expect(page.getByText("Proof can be added once the event is recorded")).toBeVisible();
  await page.getByLabel("Notes").fill("Signed certification received by mail");
  await page.getByRole("button", { name: "Mark submitted" }).click();
  await expect(page.getByLabel("File")).toBeVisible();
  await page.getByLabel("File").setInputFiles({ name: "certification.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("certification.pdf").first()).toBeVisible();
  await page.getByLabel("Resolution").fill("Owner-occupied: signed certification checked");
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("Owner-occupied: signed certification checked").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resolve" })).toHaveCount(0);
});
