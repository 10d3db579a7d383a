import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("staff register a parcel with a home and a funding source, and find it by search", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Register a parcel" }).first().click();
  await expect(page.getByRole("heading", { name: "Register a parcel" })).toBeVisible();

  await page.getByLabel("Parcel number (APN)").fill("W-077-015");
  await page.getByLabel("Street address").fill("15 Orchard Row");
  await page.getByLabel("City").fill("Winooski");
  await page.getByLabel("State").fill("VT");
  await page.getByLabel("ZIP code").fill("05404");
  await page.getByLabel("Legal description").fill("Lot 15 of the Orchard Row subdivision,\nas shown on Map Slide 201 of the Winooski Land Records.");
  await page.getByLabel("Acquisition date").fill("2024-03-18");
  // a typo first: the field says what is wrong and nothing is saved
  await page.getByLabel("Acquisition price ($)").fill("-85,000");
  await page.getByLabel("Type of home").selectOption("townhouse");
  await page.getByLabel("Bedrooms").fill("3");
  await page.getByLabel("Bathrooms").fill("1.5");
  await page.getByLabel("Funder").fill("City of Winooski");
  await page.getByLabel("Program").selectOption("HOME");
  await page.getByLabel("Amount ($)").fill("45,000");
  await page.getByRole("button", { name: "Register parcel" }).click();
  await expect(page.getByLabel("Acquisition price ($)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field-error", { hasText: "The amount cannot be negative" })).toBeVisible();

  await page.getByLabel("Acquisition price ($)").fill("85,000");
  await page.getByRole("button", { name: "Register parcel" }).click();
  await expect(page.getByRole("status")).toContainText("Parcel W-077-015 was registered.");
  await expect(page.getByRole("heading", { level: 1, name: /Parcel W-077-015/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Townhouse" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "$45,000.00" }).first()).toBeVisible();
  await expect(page.locator("pre.legal")).toContainText("Map Slide 201");

  await page.getByRole("link", { name: "Parcels", exact: true }).first().click();
  await page.getByRole("searchbox", { name: "Search" }).fill("orchard");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByRole("row").filter({ hasText: "W-077-015" });
  await expect(rows).toHaveCount(1);
  await expect(page.getByText("Page 1 of 1 · 1 parcels")).toBeVisible();
});

test("a CSV import lists the bad row; once fixed, the file is imported", async ({ page }, testInfo) => {
  await signIn(page, DEMO.admin);
  await page.goto("/parcels/import");
  const csv = [
    "parcel_number,street_address,city,acquisition_date,acquisition_price,status,home_type,bedrooms,bathrooms",
    "IMP-001,1 Meadow Lane,Winooski,2023-05-01,70000,leased,single_family,3,1",
    "IMP-002,2 Meadow Lane,Winooski,2023-02-30,71000,leased,single_family,2,1",
    "IMP-003,3 Meadow Lane,Winooski,2023-06-01,72000,leased,condominium,1,1",
  ].join("\n");
  const file = testInfo.outputPath("parcels.csv");
  await import("node:fs").then((fs) => fs.writeFileSync(file, csv));
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "1 problem to fix" })).toBeVisible();
  const problem = page.getByRole("row").filter({ hasText: "acquisition_date" });
  await expect(problem).toContainText("3");
  await expect(problem).toContainText("This date does not exist on the calendar");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  await page.getByLabel("…or paste the CSV").fill(readFileSync(file, "utf8").replace("2023-02-30", "2023-02-28"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("The file is valid: 3 parcels and 3 homes will be imported.")).toBeVisible();
  await page.getByRole("button", { name: "Import 3 parcels" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 3 parcels and 3 homes.");
  await page.getByRole("searchbox", { name: "Search" }).fill("meadow");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row").filter({ hasText: "IMP-00" })).toHaveCount(3);
});
