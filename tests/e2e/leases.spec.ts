import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

/**
 * The ground lease journey as an administrator: a formula preset, a home and a household (made through the
 * UI so the spec does not depend on the demo portfolio), a draft lease, execution, and both PDFs.
 */
test("an administrator creates a lease, executes it and downloads the lease and the memorandum", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const street = `${40 + (Date.now() % 900)} Juniper Lane ${stamp}`;
  await signIn(page, DEMO.admin);

  // A formula preset.
  await page.goto("/settings/formula-presets/new");
  await page.getByLabel("Name").fill(`E2E 1.5% simple ${stamp}`);
  await page.getByLabel("Annual rate (%)").fill("1.5");
  await page.getByRole("button", { name: "Create preset" }).click();
  await expect(page.getByRole("heading", { name: `E2E 1.5% simple ${stamp}` })).toBeVisible();

  // A parcel with a home, and a household.
  await page.goto("/parcels/new");
  await page.getByLabel("Parcel number (APN)").fill(`E2E-${stamp}`);
  await page.getByLabel("Street address").fill(street);
  await page.getByLabel("City").fill("Winooski");
  await page.getByLabel("Legal description").fill(`Lot 9, Block 4, JUNIPER HEIGHTS ${stamp}, Chittenden County Land Records.`);
  await page.getByLabel("Type of home").selectOption("single_family");
  await page.getByLabel("Bedrooms").fill("3");
  await page.getByLabel("Bathrooms").fill("1.5");
  await page.getByRole("button", { name: "Register parcel" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/parcels/new"));

  await page.goto("/households/new");
  await page.getByLabel("Household name").fill(`Okafor household ${stamp}`);
  await page.getByRole("button", { name: "Add household" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/households/new"));

  // A rider in the trust's library (bad input first: the message sits next to the field).
  const rider = `Rider: accessory dwelling unit ${stamp}`;
  await page.goto("/settings/lease-riders");
  await page.getByLabel("Name").fill(rider);
  await page.getByRole("button", { name: "Save rider" }).click();
  await expect(page.locator(".field-error", { hasText: "Enter the rider's text." })).toBeVisible();
  await page.getByLabel("Text").fill(`The Homeowner may build one accessory dwelling unit ${stamp} with the Trust's prior written approval.`);
  // leaving the field clears its message (the form moves up): click only once it has
  await page.getByLabel("Text").blur();
  await expect(page.getByText("Enter the rider's text.")).toHaveCount(0);
  await page.getByRole("button", { name: "Save rider" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Version 1" })).toBeVisible();

  // The draft lease: bad input first (nothing saved), then a sound one.
  await page.goto("/leases/new");
  await page.getByLabel("Home", { exact: true }).selectOption({ label: `${street} (APN E2E-${stamp})` });
  await page.getByLabel("Household", { exact: true }).selectOption({ label: `Okafor household ${stamp}` });
  await page.getByLabel("Lessees (one full name a line)").fill("Chioma Okafor\nDaniel Okafor");
  await page.getByLabel("Commencement date").fill("2025-02-01");
  await expect(page.getByTestId("expiration")).toHaveText("Jan 31, 2124");
  await page.getByLabel("Monthly lease fee ($)").fill("-5");
  await page.getByLabel("Due day of the month (1–28)").fill("31");
  await page.getByLabel("Formula preset").selectOption(`E2E 1.5% simple ${stamp}`);
  await page.getByLabel(rider).check();
  await page.getByRole("button", { name: "Create draft lease" }).click();
  await expect(page.locator(".field-error", { hasText: "The amount cannot be negative" })).toBeVisible();
  await expect(page.locator(".field-error", { hasText: "between 1 and 28" })).toBeVisible();
  await page.getByLabel("Monthly lease fee ($)").fill("35");
  await page.getByLabel("Due day of the month (1–28)").fill("1");
  await page.getByRole("button", { name: "Create draft lease" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /Ground lease GL-\d{4}-\d{4}/ });
  await expect(heading).toBeVisible();
  const reference = /GL-\d{4}-\d{4}/.exec((await heading.textContent()) ?? "")![0];

  // Execute it: the page asks first and says what it does; nothing changes until "Yes".
  await page.getByRole("button", { name: "Mark as executed (signed)" }).click();
  const confirmation = page.getByRole("region", { name: "Confirm: mark as executed (signed)?" });
  await expect(confirmation).toContainText("terms freeze");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft");
  await confirmation.getByRole("button", { name: "Yes: mark as executed (signed)" }).click();
  // it commenced on 2025-02-01, so signed it is active by date (not yet recorded with the county)
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  await expect(page.getByText("signed, but the memorandum is not recorded with the county yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as recorded with the county" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as active" })).toHaveCount(0);
  await expect(page.getByText("frozen into the lease at signing")).toBeVisible();

  // Download both documents.
  for (const [link, kind] of [
    ["Download lease (PDF)", "ground lease"],
    ["Download memorandum (PDF)", "memorandum of ground lease"],
  ] as const) {
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: link }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`${reference} ${kind}.pdf`);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain(reference);
    expect(text).toContain("Chioma Okafor");
    if (kind === "ground lease") {
      // the rider's text after the exhibits, with the version the lease was signed with
      expect(text.replace(/\s+/g, " ")).toContain(`Version 1 of the Trust's rider, attached to Lease ${reference}.`);
      expect(text.replace(/\s+/g, " ")).toContain(`accessory dwelling unit ${stamp} with the Trust's prior written approval.`);
    }
  }
  await expect(page.getByText(`${rider} (version 1, as signed)`)).toBeVisible();

  // Downloads record nothing; producing the lease on purpose records it under "Documents produced".
  await page.reload();
  await expect(page.getByRole("cell", { name: "Ground lease", exact: true })).toHaveCount(0);
  const produced = page.waitForEvent("download");
  await page.getByRole("button", { name: "Produce and record lease" }).click();
  expect((await produced).suggestedFilename()).toBe(`${reference} ground lease.pdf`);
  await page.reload();
  await expect(page.getByRole("cell", { name: "Ground lease", exact: true })).toBeVisible();

  // The list finds it by lessee name.
  await page.goto(`/leases?q=chioma`);
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
});
