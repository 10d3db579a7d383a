import { describe, expect, it } from "vitest";
import { homeToday, type HomeTodayInput } from "./home-today";

const fixedRate: HomeTodayInput["spec"] = {
  formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-years" },
  caps: [],
  floor: null,
  rounding: { mode: "nearest", increment: "0.01" },
};

const base: HomeTodayInput = {
  spec: fixedRate,
  purchase: { priceCents: 20_000_000, date: "2020-06-01" },
  valuationDate: "2026-02-15",
  bedrooms: 3,
  inputs: {},
  incomeLimitTables: [],
  mortgagePayoffCents: 15_000_000,
  originalMortgageCents: 19_000_000,
  feesOwedCents: 64_923,
};

describe("homeToday", () => {
  it("prices a fixed-rate lease, subtracts payoff and fees, and shows the equity built, each line explained", () => {
    const today = homeToday(base);
    // 5 full years (2020-06-01 → 2026-02-15) × 2 % simple on $200,000 = $220,000.00
    expect(today.price).toMatchObject({ ok: true, maxResalePriceCents: 22_000_000 });
    // 220,000.00 − 150,000.00 − 649.23 = 69,350.77
    expect(today.netProceedsCents).toBe(6_935_077);
    expect(today.proceeds!.map((l) => [l.label, l.amountCents])).toEqual([
      ["Maximum resale price", 22_000_000],
      ["Mortgage payoff", -15_000_000],
      ["Lease fees owed", -64_923],
    ]);
    // down payment 200,000 − 190,000 = 10,000; built = 69,350.77 − 10,000 = 59,350.77
    expect(today.equityBuiltCents).toBe(5_935_077);
    expect(today.proceeds!.every((l) => l.explanation.length > 20)).toBe(true);
    expect(today.notes[0]).toMatch(/not a guaranteed price/);
  });

  it("without a payoff entered, subtracts nothing for the mortgage and says how to see the equity", () => {
    const today = homeToday({ ...base, mortgagePayoffCents: null, feesOwedCents: -500 });
    // a credit is not added to the proceeds: 220,000.00 − 0 − 0
    expect(today.netProceedsCents).toBe(22_000_000);
    expect(today.equity).toBeNull();
    expect(today.notes.join(" ")).toContain("Enter your mortgage payoff");
  });

  it("says which stored inputs an appraisal formula is missing, and shows no price", () => {
    const today = homeToday({ ...base, spec: { ...fixedRate, formula: { type: "appraisal", ownerShare: "0.25" } as never } });
    expect(today.price).toEqual({ ok: false, missing: ["the appraised market value of the home when you bought it", "a current appraisal of the home's market value"] });
    expect(today.proceeds).toBeNull();
  });

  it("prices the appraisal formula once the trust has recorded both appraisals", () => {
    // 25 % of the appreciation (300,000 − 250,000 = 50,000) is 12,500: 200,000 + 12,500 = 212,500.00
    const today = homeToday({ ...base, spec: { ...fixedRate, formula: { type: "appraisal", ownerShare: "0.25" } as never }, inputs: { appraisals: { atPurchase: "250000", current: "300000" } } });
    expect(today.price).toMatchObject({ ok: true, maxResalePriceCents: 21_250_000 });
  });

  it("a lease without a frozen formula says so", () => {
    expect(homeToday({ ...base, spec: null }).price).toEqual({ ok: false, missing: ["the resale formula of your lease (the trust records it when the lease is signed)"] });
  });
});

describe("homeToday with a market-value cap and no current appraisal", () => {
  it("shows the formula price and says the market-value limit is not applied", () => {
    const today = homeToday({ ...base, spec: { ...fixedRate, caps: [{ type: "market-value" }] } });
    expect(today.price).toMatchObject({ ok: true, maxResalePriceCents: 22_000_000 });
    expect(today.notes.join(" ")).toContain("limits the price to the home's market value");
  });

  it("applies the cap once a current appraisal is recorded", () => {
    const today = homeToday({ ...base, spec: { ...fixedRate, caps: [{ type: "market-value" }] }, inputs: { appraisals: { current: "210000" } } });
    expect(today.price).toMatchObject({ ok: true, maxResalePriceCents: 21_000_000 });
    expect(today.notes.join(" ")).not.toContain("limits the price to the home's market value");
  });
});
