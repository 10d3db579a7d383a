import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "~/utils/money";
import { parseResaleRequest, type ResaleRequest, type ResaleRequestInput, type ResaleResult } from "./contract";
import { fullMonthsBetween, fullYearsBetween, parseCalendarDate } from "~/utils/calendar-date";
import { calculateResale } from "./engine";

function request(input: ResaleRequestInput): ResaleRequest {
  const parsed = parseResaleRequest(input);
  if (!parsed.ok) throw new Error(`test request invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.request;
}

function calculate(input: ResaleRequestInput): ResaleResult {
  return calculateResale(request(input));
}

function line(result: ResaleResult, label: string) {
  const found = result.lines.find((l) => l.label === label);
  if (!found) throw new Error(`no line "${label}" in ${result.lines.map((l) => l.label).join(", ")}`);
  return found;
}

const affordabilityTerms = {
  // B = 0.3 × 60,000 / 12 = 1,500.00; F = 100 + 0 + 50 + 0 = 150.00; B − F = 1,350.00
  // i = 0 → loan part (1 − d)/n = 0.9 / 360 = 0.0025; tax 0.012/12 = 0.001; MI 0.006 × 0.9 / 12 = 0.00045
  // f = 0.0025 + 0.001 + 0.00045 = 0.00395;  P = 1,350 / 0.00395 = 341,772.151898… → 341,772.15
  income: "60000.00",
  housingCostRatio: "0.3",
  interestRate: "0",
  termYears: 30,
  downPaymentRate: "0.1",
  propertyTaxRate: "0.012",
  mortgageInsuranceRate: "0.006",
  monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
};

describe("calculateResale — formulas (expected values computed by hand)", () => {
  const cases: { name: string; input: ResaleRequestInput; max: string; formulaPrice?: string; boundBy?: string }[] = [
    {
      // Public-style example: $150,000, 2 % simple for 7 full years: 150,000 × (1 + 0.02 × 7) = 171,000.
      // 2015-03-10 → 2022-09-01 is 7 full years (the 8th anniversary is not reached).
      name: "fixed-rate simple, full years",
      input: {
        formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-years" },
        purchase: { price: "150000.00", date: "2015-03-10" },
        valuationDate: "2022-09-01",
      },
      max: "171000.00",
    },
    {
      // Same home by full months: 2015-03-10 → 2022-09-01 = 7×12 + 6 − 1 (day 1 < 10) = 89 months.
      // 150,000 × 0.02 × 89/12 = 3,000 × 89 / 12 = 22,250 → 172,250.00
      name: "fixed-rate simple, full months (default)",
      input: {
        formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple" },
        purchase: { price: "150000.00", date: "2015-03-10" },
        valuationDate: "2022-09-01",
      },
      max: "172250.00",
    },
    {
      // 1.015^10 = 1.160540825025150090088369140625 (1.015² = 1.030225, ^4 = 1.061363550625,
      // ^5 = 1.077284003884375, ^10 = ^5²); × 200,000 = 232,108.165005… → 232,108.17
      name: "fixed-rate compound, whole years",
      input: {
        formula: { type: "fixed-rate", annualRate: "0.015", compounding: "compound", elapsed: "full-years" },
        purchase: { price: "200000.00", date: "2014-05-20" },
        valuationDate: "2024-05-20",
      },
      max: "232108.17",
    },
    {
      // 18 full months → t = 1.5: 1.02^1.5 = 1.02 × √1.02 = 1.02 × 1.00995049383620… = 1.03014950371…
      // × 100,000 = 103,014.950371… → 103,014.95
      name: "fixed-rate compound, fractional years",
      input: {
        formula: { type: "fixed-rate", annualRate: "0.02", compounding: "compound", elapsed: "full-months" },
        purchase: { price: "100000.00", date: "2020-01-01" },
        valuationDate: "2021-07-01",
      },
      max: "103014.95",
    },
    {
      // Public-style example: 25 % of $100,000 appreciation: 150,000 + 0.25 × (300,000 − 200,000) = 175,000
      name: "appraisal, shared appreciation",
      input: {
        formula: { type: "appraisal", ownerShare: "0.25" },
        purchase: { price: "150000.00", date: "2015-01-01" },
        valuationDate: "2025-01-01",
        appraisals: { atPurchase: "200000.00", current: "300000.00" },
      },
      max: "175000.00",
    },
    {
      // Shielded: A1 − A0 = 180,000 − 200,000 = −20,000 → floored at 0 → 150,000
      name: "appraisal, loss shielded",
      input: {
        formula: { type: "appraisal", ownerShare: "0.25", losses: "shielded" },
        purchase: { price: "150000.00", date: "2015-01-01" },
        valuationDate: "2025-01-01",
        appraisals: { atPurchase: "200000.00", current: "180000.00" },
      },
      max: "150000.00",
    },
    {
      // Shared: 150,000 + 0.25 × (−20,000) = 145,000
      name: "appraisal, loss shared",
      input: {
        formula: { type: "appraisal", ownerShare: "0.25", losses: "shared" },
        purchase: { price: "150000.00", date: "2015-01-01" },
        valuationDate: "2025-01-01",
        appraisals: { atPurchase: "200000.00", current: "180000.00" },
      },
      max: "145000.00",
    },
    {
      // With improvement value: 150,000 + 20,000 + 0.25 × (300,000 − 200,000 − 20,000) = 170,000 + 20,000 = 190,000
      name: "appraisal, improvement value credited first",
      input: {
        formula: { type: "appraisal", ownerShare: "0.25", creditImprovementValue: true },
        purchase: { price: "150000.00", date: "2015-01-01" },
        valuationDate: "2025-01-01",
        appraisals: { atPurchase: "200000.00", current: "300000.00", improvementValue: "20000.00" },
      },
      max: "190000.00",
    },
    {
      // Public-style example: AMI 60,000 → 72,000 on $200,000: 200,000 × 72,000 / 60,000 = 240,000
      name: "index",
      input: {
        formula: { type: "index", indexName: "HUD area median income" },
        purchase: { price: "200000.00", date: "2016-04-01" },
        valuationDate: "2024-04-01",
        index: { atPurchase: "60000", current: "72000" },
      },
      max: "240000.00",
    },
    {
      // 200,000 × 70,000 / 60,000 = 233,333.333… → 233,333.33
      name: "index, non-terminating quotient",
      input: {
        formula: { type: "index", indexName: "CPI-U" },
        purchase: { price: "200000.00", date: "2016-04-01" },
        valuationDate: "2024-04-01",
        index: { atPurchase: "60000", current: "70000" },
      },
      max: "233333.33",
    },
    {
      name: "affordability, zero interest (see affordabilityTerms for the arithmetic)",
      input: { formula: { type: "affordability", ...affordabilityTerms }, purchase: { price: "150000.00", date: "2019-01-01" }, valuationDate: "2025-01-01" },
      max: "341772.15",
    },
    {
      // Mortgage-table check: $1,000/month at 6 % for 30 years carries a loan of $166,791.61.
      // B = 0.3 × 40,000 / 12 = 1,000; F = 0; d = 0, no tax, no MI;
      // i = 0.005, f = 0.005 / (1 − 1.005^−360) = 0.00599550525152…; P = 1,000 / f = 166,791.614392… → 166,791.61
      name: "affordability, 6 % 30-year loan",
      input: {
        formula: {
          type: "affordability",
          income: "40000.00",
          housingCostRatio: "0.3",
          interestRate: "0.06",
          termYears: 30,
          downPaymentRate: "0",
          propertyTaxRate: "0",
          mortgageInsuranceRate: "0",
          monthlyCosts: { insurance: "0", hoa: "0", leaseFee: "0", utilities: "0" },
        },
        purchase: { price: "150000.00", date: "2019-01-01" },
        valuationDate: "2025-01-01",
      },
      max: "166791.61",
    },
  ];

  it.each(cases)("$name → $max", ({ input, max }) => {
    const result = calculate(input);
    expect(result.maxResalePrice).toBe(max);
    expect(result.boundBy).toBe("formula");
    expect(line(result, "Maximum resale price").amount).toBe(max);
  });

  it("explains the fixed-rate adjustment with its numbers", () => {
    const result = calculate({
      formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple" },
      purchase: { price: "250000.00", date: "2015-06-01" },
      valuationDate: "2025-06-01",
    });
    // 250,000 × 0.015 × 120/12 = 37,500
    expect(line(result, "Fixed-rate increase")).toEqual({
      label: "Fixed-rate increase",
      amount: "37500.00",
      explanation: "1.5% × 10.00 years simple (120 full months ÷ 12) on $250,000.00",
    });
    expect(result.maxResalePrice).toBe("287500.00");
  });

  it("gives price 0 with a warning when the budget does not cover the fixed costs", () => {
    const result = calculate({
      formula: { type: "affordability", ...affordabilityTerms, income: "6000.00" }, // B = 150 = F
      purchase: { price: "150000.00", date: "2019-01-01" },
      valuationDate: "2025-01-01",
    });
    expect(result.maxResalePrice).toBe("0.00");
    expect(result.warnings.join(" ")).toMatch(/does not cover the fixed monthly costs/);
  });
});

describe("calculateResale — improvements and deductions", () => {
  const base = {
    formula: { type: "fixed-rate", annualRate: "0", compounding: "simple" },
    purchase: { price: "200000.00", date: "2018-01-15" },
    valuationDate: "2025-07-14",
  } as const;

  it("depreciates a credited improvement straight-line in full months", () => {
    // 2020-01-15 → 2025-07-14: 5×12 + 6 − 1 (day 14 < 15) = 65 full months used of 120; 55 remain.
    // 10,000 × 0.5 × 55/120 = 2,291.666… → shown 2,291.67; price 202,291.666… → 202,291.67
    const result = calculate({
      ...base,
      formula: { ...base.formula, improvementCredit: { creditRate: "0.5", depreciationYears: 10, minimumCost: "500.00" } },
      improvements: [{ description: "New roof", cost: "10000.00", completedOn: "2020-01-15", approved: true }],
    });
    expect(line(result, "Improvement credit: New roof").amount).toBe("2291.67");
    expect(line(result, "Improvement credit: New roof").explanation).toContain("55/120 months");
    expect(result.maxResalePrice).toBe("202291.67");
    expect(result.warnings).toEqual([]);
  });

  it("excludes unapproved, below-minimum, and out-of-period improvements with warnings naming them", () => {
    const result = calculate({
      ...base,
      formula: { ...base.formula, improvementCredit: { creditRate: "1", depreciationYears: 0, minimumCost: "500.00" } },
      improvements: [
        { description: "Deck", cost: "3000.00", completedOn: "2021-05-01", approved: false },
        { description: "Paint", cost: "400.00", completedOn: "2021-05-01", approved: true },
        { description: "Fence", cost: "2000.00", completedOn: "2017-05-01", approved: true },
        { description: "Solar", cost: "9000.00", completedOn: "2025-08-01", approved: true },
        { description: "Windows", cost: "5000.00", completedOn: "2021-05-01", approved: true },
      ],
    });
    // Only Windows counts: 200,000 + 5,000 × 1 (no depreciation) = 205,000
    expect(result.maxResalePrice).toBe("205000.00");
    expect(result.warnings).toHaveLength(4);
    expect(result.warnings[0]).toMatch(/"Deck" \(improvements\.0\).*not approved/);
    expect(result.warnings[1]).toMatch(/"Paint".*below the minimum of \$500\.00/);
    expect(result.warnings[2]).toMatch(/"Fence".*before the purchase/);
    expect(result.warnings[3]).toMatch(/"Solar".*after the valuation date/);
    expect(line(result, "Improvement credit: Deck").amount).toBe("0.00");
  });

  it("credits approved improvements at cost when the formula has no improvement credit terms", () => {
    const result = calculate({ ...base, improvements: [{ description: "Furnace", cost: "4500.50", completedOn: "2022-02-02", approved: true }] });
    expect(result.maxResalePrice).toBe("204500.50");
    expect(line(result, "Improvement credit: Furnace").explanation).toMatch(/at its cost.*100%, not depreciated/);
  });

  it("does not credit listed improvements again when the appraiser's improvement value is credited", () => {
    const result = calculate({
      formula: { type: "appraisal", ownerShare: "0.25", creditImprovementValue: true },
      purchase: { price: "150000.00", date: "2015-01-01" },
      valuationDate: "2025-01-01",
      appraisals: { atPurchase: "200000.00", current: "300000.00", improvementValue: "20000.00" },
      improvements: [{ description: "Kitchen", cost: "20000.00", completedOn: "2020-01-01", approved: true }],
    });
    expect(result.maxResalePrice).toBe("190000.00");
    expect(result.warnings[0]).toMatch(/"Kitchen".*improvement value already covers/);
  });

  it("subtracts deductions and never goes below zero", () => {
    const withDeduction = calculate({ ...base, deductions: [{ description: "Water damage", amount: "1234.56" }] });
    expect(line(withDeduction, "Deduction: Water damage").amount).toBe("-1234.56");
    expect(withDeduction.maxResalePrice).toBe("198765.44"); // 200,000 − 1,234.56

    const negative = calculate({ ...base, deductions: [{ description: "Fire", amount: "250000.00" }] });
    expect(negative.maxResalePrice).toBe("0.00");
    expect(negative.formulaPrice).toBe("0.00");
    expect(line(negative, "Not below zero").amount).toBe("50000.00");
    expect(negative.warnings.join(" ")).toMatch(/negative price/);
  });
});

describe("calculateResale — floor, caps, rounding", () => {
  const appraisal = {
    formula: { type: "appraisal", ownerShare: "0.25", losses: "shared" },
    purchase: { price: "150000.00", date: "2015-01-01" },
    valuationDate: "2025-01-01",
    appraisals: { atPurchase: "200000.00", current: "180000.00" },
  } as const;

  it("raises the price to the purchase price when the lease has a floor", () => {
    // formula 145,000 (shared loss) < P0 150,000 → floor binds
    const result = calculate({ ...appraisal, floor: { type: "purchase-price" } });
    expect(result).toMatchObject({ maxResalePrice: "150000.00", formulaPrice: "145000.00", boundBy: "floor" });
  });

  it("lets the market-value cap win over the floor", () => {
    // formula 145,000 → floor 150,000 → market value 140,000 binds
    const result = calculate({ ...appraisal, appraisals: { atPurchase: "200000.00", current: "140000.00" }, floor: { type: "purchase-price" }, caps: [{ type: "market-value" }] });
    // formula = 150,000 + 0.25 × (140,000 − 200,000) = 135,000 → floor 150,000 → cap 140,000
    expect(result).toMatchObject({ maxResalePrice: "140000.00", formulaPrice: "135000.00", boundBy: "market-value" });
    expect(line(result, "Cap: market value").explanation).toMatch(/^Binds/);
    expect(result.warnings.join(" ")).toMatch(/cap wins over the floor/);
  });

  it("takes the lowest of several caps and says which bound", () => {
    // 250,000 × (1 + 0.02 × 10) = 300,000; market 320,000; affordable 341,772.15 (see above) → formula binds
    const input: ResaleRequestInput = {
      formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple" },
      purchase: { price: "250000.00", date: "2015-06-01" },
      valuationDate: "2025-06-01",
      appraisals: { current: "320000.00" },
      caps: [{ type: "market-value" }, { type: "affordability", ...affordabilityTerms }],
    };
    expect(calculate(input)).toMatchObject({ maxResalePrice: "300000.00", boundBy: "formula" });
    // market 290,000 → market binds
    expect(calculate({ ...input, appraisals: { current: "290000.00" } })).toMatchObject({ maxResalePrice: "290000.00", boundBy: "market-value" });
    // affordable at 48,000: B = 1,200, B − F = 1,050, P = 1,050 / 0.00395 = 265,822.784… → affordability binds
    const capped = calculate({ ...input, caps: [{ type: "market-value" }, { type: "affordability", ...affordabilityTerms, income: "48000.00" }] });
    expect(capped).toMatchObject({ maxResalePrice: "265822.78", boundBy: "affordability" });
    expect(line(capped, "Cap: market value").explanation).toMatch(/^Does not bind/);
    expect(line(capped, "Cap: affordability").explanation).toMatch(/^Binds/);
  });

  it.each([
    // 200,000 × 70,000/60,000 = 233,333.333…
    { rounding: { mode: "nearest", increment: "0.01" }, max: "233333.33", adjustment: "0.00" },
    { rounding: { mode: "nearest", increment: "1" }, max: "233333.00", adjustment: "-0.33" },
    { rounding: { mode: "down", increment: "100" }, max: "233300.00", adjustment: "-33.33" },
    { rounding: { mode: "nearest", increment: "100" }, max: "233300.00", adjustment: "-33.33" },
  ] as const)("rounds once at the end: $rounding.mode $rounding.increment → $max", ({ rounding, max, adjustment }) => {
    const result = calculate({
      formula: { type: "index", indexName: "CPI-U" },
      purchase: { price: "200000.00", date: "2016-04-01" },
      valuationDate: "2024-04-01",
      index: { atPurchase: "60000", current: "70000" },
      rounding,
    });
    expect(result.maxResalePrice).toBe(max);
    expect(result.formulaPrice).toBe("233333.33");
    expect(line(result, "Rounding").amount).toBe(adjustment);
  });

  it("rounds down instead of to the nearest when rounding up would exceed a cap", () => {
    // 150,000 × (1 + 0.02 × 10) = 180,000; market cap 170,050 binds; nearest $100 would be 170,100 > cap → 170,000
    const result = calculate({
      formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-years" },
      purchase: { price: "150000.00", date: "2010-01-01" },
      valuationDate: "2020-01-01",
      appraisals: { current: "170050.00" },
      caps: [{ type: "market-value" }],
      rounding: { mode: "nearest", increment: "100" },
    });
    expect(result).toMatchObject({ maxResalePrice: "170000.00", boundBy: "market-value" });
    expect(line(result, "Rounding").explanation).toMatch(/so as not to exceed the market-value cap/);
  });

  it("rounds half up to the nearest $100", () => {
    // 150,000 × (1 + 0.0007 × 10) = 151,050 exactly → nearest 100 (half up) = 151,100; down = 151,000
    const input = {
      formula: { type: "fixed-rate", annualRate: "0.0007", compounding: "simple", elapsed: "full-years" },
      purchase: { price: "150000.00", date: "2010-01-01" },
      valuationDate: "2020-01-01",
    } as const;
    expect(calculate({ ...input, rounding: { mode: "nearest", increment: "100" } }).maxResalePrice).toBe("151100.00");
    expect(calculate({ ...input, rounding: { mode: "down", increment: "100" } }).maxResalePrice).toBe("151000.00");
  });

  it("shows a line for the difference when the lines shown to the cent do not add up", () => {
    // index adjustment 100,000 × 1.00000004/1 − 100,000 = 0.004 (shown 0.00);
    // improvement 1,000 × 0.000004 = 0.004 (shown 0.00); exact sum 100,000.008 → formula price 100,000.01
    const result = calculate({
      formula: { type: "index", indexName: "test", improvementCredit: { creditRate: "0.000004", depreciationYears: 0 } },
      purchase: { price: "100000.00", date: "2020-01-01" },
      valuationDate: "2021-01-01",
      index: { atPurchase: "1", current: "1.00000004" },
      improvements: [{ description: "Tap", cost: "1000.00", completedOn: "2020-06-01", approved: true }],
    });
    expect(line(result, "Rounding of the lines above").amount).toBe("0.01");
    expect(result.formulaPrice).toBe("100000.01");
    const formulaLines = result.lines.slice(0, result.lines.findIndex((l) => l.label === "Formula price"));
    const sum = formulaLines.reduce((total, l) => total.plus(l.amount), new Decimal(0));
    expect(sum.toFixed(2)).toBe(result.formulaPrice);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2024-01-31", "2024-02-29", 0], // Jan 31 → Feb 29 is not a full month
    ["2023-01-31", "2023-02-28", 0],
    ["2024-01-31", "2024-03-01", 1],
    ["2024-01-31", "2024-03-31", 2],
    ["2024-01-15", "2024-02-15", 1],
    ["2024-01-15", "2024-02-14", 0],
    ["2024-02-29", "2025-02-28", 11], // leap day: the year completes on Mar 1 of a common year
    ["2024-02-29", "2025-03-01", 12],
    ["2020-02-29", "2024-02-29", 48],
    ["2015-06-01", "2025-06-01", 120],
    ["2015-06-01", "2025-05-31", 119],
    ["2025-06-01", "2025-06-01", 0],
    ["1999-12-31", "2000-12-31", 12],
  ] as const)("full months %s → %s = %i", (from, to, months) => {
    expect(fullMonthsBetween(from, to)).toBe(months);
  });

  it.each([
    ["2024-02-29", "2025-02-28", 0],
    ["2024-02-29", "2025-03-01", 1],
    ["2015-03-10", "2022-03-09", 6],
    ["2015-03-10", "2022-03-10", 7],
  ] as const)("full years %s → %s = %i", (from, to, years) => {
    expect(fullYearsBetween(from, to)).toBe(years);
  });

  it("rejects impossible dates", () => {
    expect(parseCalendarDate("2023-02-29")).toBeNull();
    expect(parseCalendarDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate("1900-02-29")).toBeNull();
    expect(parseCalendarDate("2000-02-29")).not.toBeNull();
    expect(parseCalendarDate("2024-04-31")).toBeNull();
    expect(parseCalendarDate("2024-4-01")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const isoDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
  });
const cents = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`);
const rateText = fc.integer({ min: 0, max: 2500 }).map((bp) => new Decimal(bp).div(10000).toFixed());

describe("properties", () => {
  it("fixed-rate never decreases with time", () => {
    fc.assert(
      fc.property(
        cents(1000, 900000),
        rateText,
        fc.constantFrom("simple", "compound"),
        fc.constantFrom("full-years", "full-months"),
        fc.uniqueArray(isoDate, { minLength: 3, maxLength: 3 }),
        (price, annualRate, compounding, elapsed, dates) => {
          const [purchase, earlier, later] = [...dates].sort();
          const at = (valuationDate: string) =>
            new Decimal(
              calculate({
                formula: { type: "fixed-rate", annualRate, compounding: compounding as "simple", elapsed: elapsed as "full-years" },
                purchase: { price, date: purchase! },
                valuationDate,
              }).maxResalePrice,
            );
          expect(at(earlier!).lte(at(later!))).toBe(true);
          expect(at(earlier!).gte(price)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  const anyFormula = fc.oneof(
    fc.record({ type: fc.constant("fixed-rate" as const), annualRate: rateText, compounding: fc.constantFrom("simple" as const, "compound" as const) }),
    fc.record({
      type: fc.constant("appraisal" as const),
      ownerShare: fc.integer({ min: 0, max: 100 }).map((p) => new Decimal(p).div(100).toFixed()),
      losses: fc.constantFrom("shielded" as const, "shared" as const),
    }),
    fc.record({ type: fc.constant("index" as const), indexName: fc.constant("AMI") }),
    fc.constant({ type: "affordability" as const, ...affordabilityTerms }),
  );

  it("never exceeds the market-value cap, whatever the formula, floor and improvements", () => {
    fc.assert(
      fc.property(
        anyFormula,
        cents(1000, 500000),
        cents(1000, 900000),
        cents(1000, 900000),
        fc.integer({ min: 1, max: 200000 }),
        fc.integer({ min: 1, max: 200000 }),
        fc.array(cents(0, 50000), { maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom("0.01", "1", "100"),
        (formula, price, atPurchase, current, index0, index1, costs, floor, increment) => {
          const result = calculate({
            formula,
            purchase: { price, date: "2010-01-01" },
            valuationDate: "2024-01-01",
            appraisals: { atPurchase, current },
            index: { atPurchase: String(index0), current: String(index1) },
            improvements: costs.map((cost, n) => ({ description: `Work ${n}`, cost, completedOn: "2015-01-01", approved: true })),
            caps: [{ type: "market-value" }],
            floor: floor ? { type: "purchase-price" } : null,
            rounding: { mode: "nearest", increment: increment as "1" },
          });
          const maximum = new Decimal(result.maxResalePrice);
          expect(maximum.lte(current)).toBe(true);
          expect(maximum.gte(0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never exceeds the market-value cap with a floor, rounding down or to the cent", () => {
    fc.assert(
      fc.property(anyFormula, cents(1000, 500000), cents(1000, 900000), cents(1000, 900000), fc.constantFrom("0.01-nearest", "100-down"), (formula, price, atPurchase, current, rule) => {
        const [increment, mode] = rule.split("-") as ["0.01", "nearest"];
        const result = calculate({
          formula,
          purchase: { price, date: "2010-01-01" },
          valuationDate: "2024-01-01",
          appraisals: { atPurchase, current },
          index: { atPurchase: "60000", current: "75000" },
          caps: [{ type: "market-value" }],
          floor: { type: "purchase-price" },
          rounding: { mode, increment },
        });
        expect(new Decimal(result.maxResalePrice).lte(current)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a shielded appraisal formula never goes below the purchase price unless a cap binds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }).map((p) => new Decimal(p).div(100).toFixed()),
        cents(1000, 500000),
        cents(1000, 900000),
        cents(1000, 900000),
        fc.boolean(),
        (ownerShare, price, atPurchase, current, withCap) => {
          const result = calculate({
            formula: { type: "appraisal", ownerShare, losses: "shielded" },
            purchase: { price, date: "2012-02-29" },
            valuationDate: "2024-02-28",
            appraisals: { atPurchase, current },
            caps: withCap ? [{ type: "market-value" }] : [],
          });
          if (result.boundBy === "formula") expect(new Decimal(result.maxResalePrice).gte(price)).toBe(true);
          else expect(result.boundBy).toBe("market-value");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("has no floating-point drift on long sums (1,000 improvements of $0.10)", () => {
    const result = calculate({
      formula: { type: "fixed-rate", annualRate: "0", compounding: "simple" },
      purchase: { price: "100000.00", date: "2020-01-01" },
      valuationDate: "2025-01-01",
      improvements: Array.from({ length: 1000 }, (_, n) => ({ description: `Item ${n}`, cost: "0.10", completedOn: "2021-01-01", approved: true })),
    });
    // 1,000 × 0.10 = 100.00 exactly (in binary floating point the running sum would be 99.9999999999986)
    expect(result.maxResalePrice).toBe("100100.00");
    expect(result.lines.some((l) => l.label === "Rounding of the lines above")).toBe(false);
  });
});
