import { describe, expect, it } from "vitest";
import type { StoredOutcomes } from "~/modules/transfers/outcomes";
import { affordabilityPreserved, averageWholeDollars, periodReport } from "./period-report";
import { ReportPeriodSchema, defaultPeriod, periodQuery } from "./period";

const outcomes = (atThisSale: string | null, atPreviousSale: string | null): StoredOutcomes => ({
  householdSize: 3,
  percentAmiNeeded: { atThisSale, atPreviousSale, tableAtThisSale: null, tableAtPreviousSale: null },
  subsidyRetained: null,
  sellerGain: "0.00",
  netProceeds: "0.00",
  downPayment: null,
  annualisedReturnOnDownPayment: null,
  yearsOwned: "1.00",
});

describe("the report period", () => {
  it("defaults to the trust's year to date and fills a blank side", () => {
    expect(defaultPeriod("2026-12-01")).toEqual({ from: "2026-01-01", to: "2026-12-01" });
    expect(Object.fromEntries(periodQuery(new URLSearchParams("from=2025-03-01&to="), "2026-12-01"))).toEqual({ from: "2025-03-01", to: "2026-12-01" });
  });

  it("refuses a last day before the first, in words, on the last day's field", () => {
    const result = ReportPeriodSchema.safeParse({ from: "2026-02-01", to: "2026-01-31" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "The last day must not be before the first day"]]);
    expect(ReportPeriodSchema.safeParse({ from: "2026-02-01", to: "2026-02-01" }).success).toBe(true);
  });
});

describe("the period report's figures", () => {
  it("averages money in whole dollars, half up", () => {
    expect(averageWholeDollars(100_050, 1)).toBe("1001"); // $1,000.50 → $1,001
    expect(averageWholeDollars(100_049, 1)).toBe("1000");
    expect(averageWholeDollars(100, 3)).toBe("0"); // $0.33
    expect(averageWholeDollars(0, 0)).toBeNull();
  });

  it("calls affordability preserved when the % AMI needed did not rise; not known without both figures", () => {
    expect(affordabilityPreserved(outcomes("74.0", "74.0"))).toBe("yes");
    expect(affordabilityPreserved(outcomes("74.1", "74.0"))).toBe("no");
    expect(affordabilityPreserved(outcomes("9.5", "10.0"))).toBe("yes"); // compared as numbers, not text
    expect(affordabilityPreserved(outcomes("70.0", null))).toBe("unknown");
    expect(affordabilityPreserved(null)).toBe("unknown");
  });

  it("keeps only what falls in the period (both ends included) and lists every year of it", () => {
    const report = periodReport({
      period: { from: "2023-07-01", to: "2025-06-30" },
      arrearsAsOf: "2025-06-30",
      purchases: [
        { purchaseDate: "2023-06-30", purchasePriceCents: 1, percentAmi: "10.00" },
        { purchaseDate: "2023-07-01", purchasePriceCents: 10_000_000, percentAmi: "100.00" },
        { purchaseDate: "2025-06-30", purchasePriceCents: 20_000_100, percentAmi: "100.01" },
        { purchaseDate: "2025-07-01", purchasePriceCents: 1, percentAmi: null },
      ],
      resales: [],
      arrears: [],
    });
    expect(report.householdsByYear).toEqual([
      { year: 2023, households: 1, averagePriceDollars: "100000" },
      { year: 2024, households: 0, averagePriceDollars: null },
      { year: 2025, households: 1, averagePriceDollars: "200001" },
    ]);
    // 100.00 is in the 80–100 % band, 100.01 above it; (100.00 + 100.01) / 2 = 100.005 → 100.0
    expect(report.ami.bands.filter((b) => b.households > 0)).toEqual([
      { band: "80–100%", households: 1 },
      { band: ">100%", households: 1 },
    ]);
    expect(report.ami.averagePercentAmi).toBe("100.0");
    expect(report.resaleSummary).toEqual({ closed: 0, preserved: 0, notPreserved: 0, subsidyRetainedTotal: null, averageSubsidyRetainedDollars: null });
    expect(report.arrears.owedCents).toBe(0);
  });
});
