import { describe, expect, it } from "vitest";
import { percentAmiAtPurchase, portfolioReport, type OwnershipRow } from "./portfolio";

const row = (overrides: Partial<OwnershipRow>): OwnershipRow => ({
  purchaseDate: "2020-01-01",
  saleDate: null,
  purchasePriceCents: 15_000_000,
  salePriceCents: null,
  certifications: [],
  ...overrides,
});

describe("portfolio report", () => {
  it("uses the latest certification on or before the purchase", () => {
    expect(
      percentAmiAtPurchase(row({ certifications: [{ certifiedOn: "2019-03-01", percentAmi: "61.00" }, { certifiedOn: "2019-11-01", percentAmi: "64.50" }, { certifiedOn: "2021-01-01", percentAmi: "90.00" }] })),
    ).toBe("64.50");
    expect(percentAmiAtPurchase(row({ certifications: [{ certifiedOn: "2021-01-01", percentAmi: "90.00" }] }))).toBeNull();
  });

  it("counts households served, resales, the average % AMI and the HUD-9902 bands", () => {
    const report = portfolioReport([
      row({ certifications: [{ certifiedOn: "2019-12-01", percentAmi: "29.99" }] }),
      row({ certifications: [{ certifiedOn: "2019-12-01", percentAmi: "30.00" }], saleDate: "2024-05-01", salePriceCents: 17_000_000 }),
      row({ certifications: [{ certifiedOn: "2019-12-01", percentAmi: "80.00" }], purchasePriceCents: 15_000_001 }),
      row({}),
    ]);
    expect(report.householdsServed).toBe(4);
    expect(report.currentOwners).toBe(3);
    expect(report.resalesCompleted).toBe(1);
    expect(report.certifiedPurchases).toBe(3);
    // (29.99 + 30.00 + 80.00) / 3 = 46.663… → 46.7
    expect(report.averagePercentAmi).toBe("46.7");
    expect(report.incomeBands).toEqual([
      { band: "<30%", households: 1 },
      { band: "30–49%", households: 1 },
      { band: "50–79%", households: 0 },
      { band: "80–100%", households: 1 },
      { band: ">100%", households: 0 },
    ]);
    // (3 × 15,000,000 + 15,000,001) / 4 = 15,000,000.25 → 15,000,000 cents
    expect(report.averagePurchasePriceCents).toBe(15_000_000);
  });

  it("has no average for an empty portfolio", () => {
    expect(portfolioReport([]).averagePercentAmi).toBeNull();
  });
});
