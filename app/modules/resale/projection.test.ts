import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FormulaPresetSpec } from "./formula-spec";
import { chartGeometry, projectResalePrices, type ProjectionInput } from "./projection";
import { ILLUSTRATIVE_TABLES } from "~/modules/demo/income-limit-tables";

const FIXED: FormulaPresetSpec = {
  formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-years" },
  caps: [{ type: "market-value" }],
  floor: null,
  rounding: { mode: "nearest", increment: "0.01" },
};
const INDEXED: FormulaPresetSpec = { formula: { type: "index", indexName: "CPI-U" }, caps: [], floor: null, rounding: { mode: "nearest", increment: "0.01" } };

const ZERO_COST_TERMS = {
  housingCostRatio: "0.3",
  interestRate: "0",
  termYears: 30,
  downPaymentRate: "0",
  propertyTaxRate: "0",
  mortgageInsuranceRate: "0",
  monthlyCosts: { insurance: "0", hoa: "0", leaseFee: "0", utilities: "0" },
};

function input(overrides: Partial<ProjectionInput> = {}): ProjectionInput {
  return {
    base: {
      purchase: { price: "200000.00", date: "2020-01-01" },
      valuationDate: "2025-01-01",
      appraisals: { current: "300000.00" },
      index: { atPurchase: "100", current: "110" },
    },
    specs: [
      { label: "Fixed", spec: FIXED },
      { label: "Indexed", spec: INDEXED },
    ],
    assumptions: { years: 10, marketGrowth: "0.03", amiGrowth: "0.1", indexGrowth: "0.05", interestRate: "0" },
    target: { label: "80% AMI", income: "60000.00", terms: ZERO_COST_TERMS },
    ...overrides,
  };
}

const price = (p: { maxResalePrice: string } | { error: string }) => ("error" in p ? p.error : p.maxResalePrice);

describe("projectResalePrices", () => {
  it("gives exact decimal figures year by year", () => {
    const rows = projectResalePrices(input());
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => r.date).slice(0, 3)).toEqual(["2025-01-01", "2026-01-01", "2027-01-01"]);
    // fixed: 200,000 × (1 + 0.02 × t), t = 5, 6, … full years
    expect(rows.map((r) => price(r.prices[0]!))).toEqual([
      "220000.00", "224000.00", "228000.00", "232000.00", "236000.00", "240000.00", "244000.00", "248000.00", "252000.00", "256000.00", "260000.00",
    ]);
    // market value: 300,000 × 1.03^2 = 318,270
    expect(rows[2]!.marketValue).toBe("318270.00");
    // index: 110 × 1.05^2 = 121.275 → price 200,000 × 121.275 / 100
    expect(rows[2]!.indexValue).toBe("121.275");
    expect(price(rows[2]!.prices[1]!)).toBe("242550.00");
    // affordable with no interest and no costs: (0.3 × income / 12) × 360; income grows 10 % a year
    expect(rows[0]!.affordablePrice).toBe("540000.00");
    expect(rows[1]!.targetIncome).toBe("66000.00");
    expect(rows[1]!.affordablePrice).toBe("594000.00");
  });

  it("lets the market-value cap bind when the market grows slower than the formula", () => {
    const rows = projectResalePrices(input({ base: { ...input().base, appraisals: { current: "221000.00" } }, assumptions: { ...input().assumptions, marketGrowth: "0" } }));
    expect(rows[0]!.prices[0]).toMatchObject({ maxResalePrice: "220000.00", boundBy: "formula" });
    expect(rows[1]!.prices[0]).toMatchObject({ maxResalePrice: "221000.00", boundBy: "market-value" });
  });

  it("reports the missing inputs of a formula instead of a price", () => {
    const rows = projectResalePrices(input({ base: { ...input().base, index: undefined } }));
    expect(rows[0]!.prices[1]).toMatchObject({ error: expect.stringContaining("index.atPurchase is required for an index formula") });
    expect(rows[0]!.indexValue).toBeNull();
  });

  it("grows the income of an affordability cap with AMI", () => {
    const capped: FormulaPresetSpec = { ...FIXED, caps: [{ type: "affordability", income: "10000.00", ...ZERO_COST_TERMS }] };
    const rows = projectResalePrices(input({ specs: [{ label: "Capped", spec: capped }] }));
    // 0.3 × 10,000 / 12 ÷ (1/360) = 90,000 (a hair below, as 1/360 is not a finite decimal; the engine never
    // rounds up past a cap); a year later with 10 % more income: 99,000
    expect(rows[0]!.prices[0]).toMatchObject({ maxResalePrice: "89999.99", boundBy: "affordability" });
    expect(rows[1]!.prices[0]).toMatchObject({ maxResalePrice: "98999.99", boundBy: "affordability" });
  });

  it("is monotonic: with non-negative growth no price ever falls from one year to the next", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1200 }),
        (market, ami, index, interest) => {
          const rows = projectResalePrices(
            input({
              specs: [{ label: "Compound", spec: { ...FIXED, formula: { ...FIXED.formula, compounding: "compound", elapsed: "full-months" } as FormulaPresetSpec["formula"] } }, { label: "Indexed", spec: INDEXED }],
              assumptions: { years: 8, marketGrowth: `0.${String(market).padStart(4, "0")}`, amiGrowth: `0.${String(ami).padStart(4, "0")}`, indexGrowth: `0.${String(index).padStart(4, "0")}`, interestRate: `0.${String(interest).padStart(4, "0")}` },
            }),
          );
          for (let i = 1; i < rows.length; i++) {
            for (let s = 0; s < 2; s++) expect(Number(price(rows[i]!.prices[s]!))).toBeGreaterThanOrEqual(Number(price(rows[i - 1]!.prices[s]!)));
            expect(Number(rows[i]!.affordablePrice)).toBeGreaterThanOrEqual(Number(rows[i - 1]!.affordablePrice));
            expect(Number(price(rows[i]!.prices[0]!))).toBeLessThanOrEqual(Number(rows[i]!.marketValue));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("grows a purchase made on 29 February in year 1 (issue 14: it used to stay flat)", () => {
    // Bought and valued on 2020-02-29. Year 1 falls on 2021-03-01, the day the first full year is complete
    // (the valuation date 2021-02-28 would count 0 full years); fixed 2 % simple: 200,000 × 1.02, 1.04 …
    const rows = projectResalePrices(
      input({ base: { purchase: { price: "200000.00", date: "2020-02-29" }, valuationDate: "2020-02-29", appraisals: { current: "900000.00" } }, specs: [{ label: "Fixed", spec: FIXED }], target: null, assumptions: { ...input().assumptions, years: 4 } }),
    );
    expect(rows.map((r) => r.date)).toEqual(["2020-02-29", "2021-03-01", "2022-03-01", "2023-03-01", "2024-02-29"]);
    expect(rows.map((r) => price(r.prices[0]!))).toEqual(["200000.00", "204000.00", "208000.00", "212000.00", "216000.00"]);
  });

  it("refuses a projection of 0 or more than 50 years", () => {
    expect(() => projectResalePrices(input({ assumptions: { ...input().assumptions, years: 0 } }))).toThrow(RangeError);
    expect(() => projectResalePrices(input({ assumptions: { ...input().assumptions, years: 51 } }))).toThrow(RangeError);
  });
});

describe("chartGeometry", () => {
  it("maps years to x and values to y within the plot, leaving out missing points", () => {
    const chart = chartGeometry([0, 1, 2], [
      { label: "A", values: ["0.00", "50000.00", "100000.00"] },
      { label: "B", values: [null, "100000.00", null] },
    ]);
    expect(chart.series[0]!.points).toBe(`${chart.plot.left},${chart.plot.bottom} ${(chart.plot.left + chart.plot.right) / 2},${(chart.plot.top + chart.plot.bottom) / 2} ${chart.plot.right},${chart.plot.top}`);
    expect(chart.series[1]!.points.split(" ")).toHaveLength(1);
    expect(chart.yTicks.at(-1)!.label).toBe("$100k");
    expect(chart.xTicks.map((t) => t.label)).toEqual(["0", "1", "2"]);
  });
});

describe("projection of a rule naming an AMI level", () => {
  it("resolves the level at the valuation date, then grows that income like AMI", () => {
    // 80 % AMI, 2 bedrooms + 1 = 3 persons; valued 2024-04-01 → the FY2024 illustrative table: $66,850.
    // Loan f = 0.00395, F = 150. Year 0: (0.3 × 66,850 / 12 − 150) / 0.00395 = 1,521.25 / 0.00395 = 385,126.58
    // Year 1: income 66,850 × 1.03 = 68,855.50; B = 1,721.3875; (1,721.3875 − 150) / 0.00395 = 397,819.620253… → 397,819.62
    const spec: FormulaPresetSpec = {
      formula: {
        type: "affordability",
        amiLevel: { level: 80, householdSize: "bedrooms-plus-one", area: "Test County" },
        housingCostRatio: "0.3",
        interestRate: "0",
        termYears: 30,
        downPaymentRate: "0.1",
        propertyTaxRate: "0.012",
        mortgageInsuranceRate: "0.006",
        monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
      },
      caps: [],
      floor: null,
      rounding: { mode: "nearest", increment: "0.01" },
    };
    const rows = projectResalePrices({
      base: { purchase: { price: "250000.00", date: "2020-01-01" }, valuationDate: "2024-04-01" },
      specs: [{ label: "80% AMI", spec }],
      assumptions: { years: 1, marketGrowth: "0", amiGrowth: "0.03", indexGrowth: "0", interestRate: "0" },
      target: null,
      incomeLimitTables: ILLUSTRATIVE_TABLES.map((table) => ({ ...table, derivationMethod: "multiple-of-50" as const })),
      bedrooms: 2,
    });
    expect(rows.map((row) => row.prices[0])).toEqual([
      { maxResalePrice: "385126.58", formulaPrice: "385126.58", boundBy: "formula" },
      { maxResalePrice: "397819.62", formulaPrice: "397819.62", boundBy: "formula" },
    ]);
    // without the tables the row says what is missing instead of inventing an income
    const missing = projectResalePrices({ ...{ base: { purchase: { price: "250000.00", date: "2020-01-01" }, valuationDate: "2024-04-01" } }, specs: [{ label: "x", spec }], assumptions: { years: 1, marketGrowth: "0", amiGrowth: "0", indexGrowth: "0", interestRate: "0" }, target: null, bedrooms: 2 });
    expect(missing[0]!.prices[0]).toMatchObject({ error: expect.stringContaining("formula.amiLevel.area has no income-limit table in effect on 2024-04-01") });
  });
});
