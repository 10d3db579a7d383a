import { describe, expect, it } from "vitest";
import { parseResaleRequest, type ResaleRequestInput, type ResaleResult } from "./contract";
import { describeResaleRule, formulaLabel } from "./describe";
import { calculateResale } from "./engine";
import { fastCalculateResale } from "./fast-path";
import { calculateResaleReference } from "./reference-engine";
import { incrementText } from "./rounding";
import { ILLUSTRATIVE_TABLES } from "~/modules/demo/income-limit-tables";

/**
 * Issue 8 §2 — the resale rules added to the contract, each with figures worked by hand in the comments
 * (independent of the engine). Income-limit tables here are ILLUSTRATIVE (made-up figures for a made-up
 * "Test County"), shaped like HUD's tables; they are not HUD's figures.
 */

function calculate(input: ResaleRequestInput): ResaleResult {
  const parsed = parseResaleRequest(input);
  if (!parsed.ok) throw new Error(`test request invalid: ${JSON.stringify(parsed.errors)}`);
  const result = calculateResale(parsed.request);
  expect(result).toEqual(calculateResaleReference(parsed.request));
  return result;
}

function errors(input: unknown) {
  const parsed = parseResaleRequest(input);
  if (parsed.ok) throw new Error("expected the request to be rejected");
  return parsed.errors;
}

function line(result: ResaleResult, label: string) {
  const found = result.lines.find((l) => l.label === label);
  if (!found) throw new Error(`no line "${label}" in ${result.lines.map((l) => l.label).join(", ")}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Rounding to any increment, nearest / down / up
// ---------------------------------------------------------------------------------------------------------

describe("rounding to any positive increment", () => {
  // 0 % fixed rate: the formula price is the purchase price, $123,456.78.
  const base = {
    formula: { type: "fixed-rate" as const, annualRate: "0", compounding: "simple" as const },
    purchase: { price: "123456.78", date: "2020-01-01" },
    valuationDate: "2025-01-01",
  };
  it.each([
    // 123,456.78 / 1,000 = 123.45678 → nearest 123, down 123, up 124
    ["nearest", "1000", "123000.00", "-456.78"],
    ["down", "1000", "123000.00", "-456.78"],
    ["up", "1000", "124000.00", "543.22"],
    // / 500 = 246.91356 → nearest 247 (123,500), down 246 (123,000), up 247
    ["nearest", "500", "123500.00", "43.22"],
    ["down", "500", "123000.00", "-456.78"],
    ["up", "500", "123500.00", "43.22"],
    // / 50 = 2,469.1356 → nearest 2,469 (123,450), down 2,469, up 2,470 (123,500)
    ["nearest", "50", "123450.00", "-6.78"],
    ["down", "50", "123450.00", "-6.78"],
    ["up", "50", "123500.00", "43.22"],
    // / 0.25 = 493,827.12 → up 493,828 × 0.25 = 123,457.00
    ["up", "0.25", "123457.00", "0.22"],
    // the increments of the first contract keep their meaning
    ["up", "100", "123500.00", "43.22"],
    ["up", "1", "123457.00", "0.22"],
    ["up", "0.01", "123456.78", "0.00"],
  ] as const)("%s to %s", (mode, increment, price, difference) => {
    const result = calculate({ ...base, rounding: { mode, increment } });
    expect(result.maxResalePrice).toBe(price);
    expect(line(result, "Rounding").amount).toBe(difference);
  });

  it("says the increment in words", () => {
    const result = calculate({ ...base, rounding: { mode: "up", increment: "1000" } });
    expect(line(result, "Rounding").explanation).toBe("Rounded up to the $1,000 from $123,456.78");
    expect(incrementText("0.01")).toBe("cent");
    expect(incrementText("100.00")).toBe("$100");
    expect(incrementText("0.5")).toBe("$0.50");
    expect(incrementText("1000000")).toBe("$1,000,000");
  });

  it("never rounds up past the lowest cap: it rounds down instead and says so", () => {
    // Market value $123,900 does not bind (price $123,456.78), but up to $124,000 would pass it → down to $123,000.
    const result = calculate({ ...base, appraisals: { current: "123900.00" }, caps: [{ type: "market-value" }], rounding: { mode: "up", increment: "1000" } });
    expect(result.maxResalePrice).toBe("123000.00");
    expect(line(result, "Rounding").explanation).toBe(
      "Rounded down to the $1,000 from $123,456.78; down rather than up so as not to exceed the market-value cap",
    );
  });

  it("refuses an increment that is not a positive amount in cents", () => {
    expect(errors({ ...base, rounding: { mode: "up", increment: "-50" } })[0]!.path).toBe("rounding.increment");
    expect(errors({ ...base, rounding: { mode: "up", increment: 50 } })[0]!.message).toMatch(/decimal string/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// An owner share that steps with years owned
// ---------------------------------------------------------------------------------------------------------

describe("appraisal formula with an owner share stepping with years owned", () => {
  // P0 200,000; A0 250,000; A1 330,000 → change 80,000. Schedule: 0–5 years 20 %, 5–10 years 25 %, 10+ years 30 %.
  const schedule = [
    { fromYears: 0, share: "0.20" },
    { fromYears: 5, share: "0.25" },
    { fromYears: 10, share: "0.30" },
  ];
  const request = (valuationDate: string): ResaleRequestInput => ({
    formula: { type: "appraisal", ownerShareSchedule: schedule },
    purchase: { price: "200000.00", date: "2014-06-15" },
    valuationDate,
    appraisals: { atPurchase: "250000.00", current: "330000.00" },
  });

  it.each([
    // 2014-06-15 → 2019-06-14: 59 full months = 4 full years → 20 % × 80,000 = 16,000
    ["2019-06-14", "216000.00", "4 full years owned, step 0–5 years"],
    // → 2019-06-15: 5 full years → 25 % × 80,000 = 20,000
    ["2019-06-15", "220000.00", "5 full years owned, step 5–10 years"],
    // → 2024-06-15: 10 full years → 30 % × 80,000 = 24,000
    ["2024-06-15", "224000.00", "10 full years owned, step 10+ years"],
  ])("valued on %s", (valuationDate, price, step) => {
    const result = calculate(request(valuationDate));
    expect(result.maxResalePrice).toBe(price);
    expect(line(result, "Owner's share of appreciation").explanation).toContain(step);
  });

  it("refuses a schedule that does not start at 0 years, goes backwards, or comes with a fixed share", () => {
    const bad = (formula: unknown) => errors({ ...request("2020-01-01"), formula }).map((e) => `${e.path}: ${e.message}`);
    expect(bad({ type: "appraisal", ownerShareSchedule: [{ fromYears: 2, share: "0.2" }] })).toEqual([
      "formula.ownerShareSchedule.0.fromYears: must be 0: the first step starts at the purchase",
    ]);
    expect(bad({ type: "appraisal", ownerShareSchedule: [{ fromYears: 0, share: "0.2" }, { fromYears: 0, share: "0.3" }] })).toEqual([
      "formula.ownerShareSchedule.1.fromYears: must be after the previous step (0 years)",
    ]);
    expect(bad({ type: "appraisal", ownerShare: "0.25", ownerShareSchedule: schedule })[0]).toMatch(/^formula.ownerShareSchedule: must not be given together with ownerShare/);
    expect(bad({ type: "appraisal" })[0]).toMatch(/^formula.ownerShare: is required \(or give an ownerShareSchedule\)/);
  });

  it("is stated in the lease text", () => {
    const text = describeResaleRule({ formula: { type: "appraisal", ownerShareSchedule: schedule, losses: "shielded", creditImprovementValue: false }, caps: [], floor: null, rounding: { mode: "down", increment: "1000" } });
    expect(text).toContain("20% if the home is sold before 5 full years of ownership, 25% from 5 to less than 10 full years, 30% from 10 full years");
    expect(text).toContain("rounded down to the nearest $1,000");
  });
});

// ---------------------------------------------------------------------------------------------------------
// HOME fair return
// ---------------------------------------------------------------------------------------------------------

describe("HOME-program itemized fair-return formula", () => {
  // P0 150,000 on 2016-01-01, valued 2026-01-01 (120 full months). Inflation 2 % simple: 150,000 × 0.02 × 10 = 30,000.
  // Principal paid down 22,000; roof 10,000 credited at 50 % = 5,000; seller's closing costs 9,000.
  // Fair return = 30,000 + 22,000 + 5,000 + 9,000 = 66,000. Formula price = 150,000 + 66,000 = 216,000.
  // Cap = outstanding liens 118,000 + fair return 66,000 = 184,000 → binds.
  const request = (liens: string, inflation: unknown = { type: "fixed-rate", annualRate: "0.02", compounding: "simple" }): ResaleRequestInput =>
    ({
      formula: { type: "fair-return", inflation, improvementCredit: { creditRate: "0.5", depreciationYears: 0 } },
      purchase: { price: "150000.00", date: "2016-01-01" },
      valuationDate: "2026-01-01",
      index: { atPurchase: "240.000", current: "300.000" },
      improvements: [{ description: "Roof", cost: "10000.00", completedOn: "2020-05-01", approved: true }],
      fairReturn: { principalPaidDown: "22000.00", sellerClosingCosts: "9000.00", outstandingLiens: liens },
    }) as ResaleRequestInput;

  it("shows each part as a line and caps at outstanding liens + the fair return", () => {
    const result = calculate(request("118000.00"));
    expect(result.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Purchase price", "150000.00"],
      ["Fair return: inflation on the purchase price", "30000.00"],
      ["Fair return: principal paid down", "22000.00"],
      ["Improvement credit: Roof", "5000.00"],
      ["Fair return: seller's closing costs", "9000.00"],
      ["Formula price", "216000.00"],
      ["Cap: outstanding liens + fair return", "184000.00"],
      ["Rounding", "0.00"],
      ["Maximum resale price", "184000.00"],
    ]);
    expect(result.boundBy).toBe("fair-return");
    expect(line(result, "Cap: outstanding liens + fair return").explanation).toContain("Outstanding liens $118,000.00 + fair return $66,000.00");
    const parsed = parseResaleRequest(request("118000.00"));
    expect(parsed.ok && fastCalculateResale(parsed.request)).toBeNull(); // the Decimal implementation computes it
  });

  it("lets the formula price stand when the liens are high enough", () => {
    // Cap = 160,000 + 66,000 = 226,000 > 216,000.
    const result = calculate(request("160000.00"));
    expect(result.maxResalePrice).toBe("216000.00");
    expect(result.boundBy).toBe("formula");
  });

  it("inflates by an index", () => {
    // 150,000 × 300 / 240 − 150,000 = 37,500 → fair return 37,500 + 22,000 + 5,000 + 9,000 = 73,500; price 223,500; cap 118,000 + 73,500 = 191,500.
    const result = calculate(request("118000.00", { type: "index", indexName: "CPI-U" }));
    expect(line(result, "Fair return: inflation on the purchase price").amount).toBe("37500.00");
    expect(result.formulaPrice).toBe("223500.00");
    expect(result.maxResalePrice).toBe("191500.00");
  });

  it("needs the sale figures, and the index when inflated by one", () => {
    const { fairReturn: _figures, ...withoutFigures } = request("1.00") as Record<string, unknown>;
    expect(errors(withoutFigures).map((e) => e.path)).toEqual(["fairReturn"]);
    const { index: _index, ...withoutIndex } = request("1.00", { type: "index", indexName: "CPI-U" }) as Record<string, unknown>;
    expect(errors(withoutIndex).map((e) => e.path)).toEqual(["index.atPurchase", "index.current"]);
  });

  it("is stated in the lease text and labelled", () => {
    const formula = parseResaleRequest(request("1.00"));
    if (!formula.ok) throw new Error("invalid");
    const text = describeResaleRule({ ...formula.request });
    expect(text).toContain("plus the mortgage principal the seller paid down");
    expect(text).toContain("plus the seller's closing costs");
    expect(text).toContain("may not exceed the seller's outstanding liens plus that fair return");
    expect(text).toContain("50% of the cost is added");
    expect(formulaLabel(formula.request.formula)).toBe("HOME fair return (2% simple)");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Incomes named by an AMI level, resolved at the valuation date
// ---------------------------------------------------------------------------------------------------------

describe("affordability incomes named by an AMI level", () => {
  // Loan terms: f = 0.9/360 + 0.012/12 + 0.006 × 0.9/12 = 0.0025 + 0.001 + 0.00045 = 0.00395; F = 100 + 50 = 150.
  const loan = {
    housingCostRatio: "0.3",
    interestRate: "0",
    termYears: 30,
    downPaymentRate: "0.1",
    propertyTaxRate: "0.012",
    mortgageInsuranceRate: "0.006",
    monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
  };
  const request = (valuationDate: string, amiLevel: unknown = { level: 80, householdSize: "bedrooms-plus-one", area: "Test County" }): ResaleRequestInput =>
    ({
      formula: { type: "affordability", amiLevel, ...loan },
      purchase: { price: "250000.00", date: "2020-01-01" },
      valuationDate,
      home: { bedrooms: 2 },
      incomeLimitTables: ILLUSTRATIVE_TABLES,
    }) as ResaleRequestInput;

  it("uses the table in effect on the valuation date: a table taking effect between two dates changes the price", () => {
    // 2024-03-31: FY2023 table, 2 bedrooms + 1 = 3 persons, 80 % → 64,300. B = 0.3 × 64,300 / 12 = 1,607.50;
    // P = (1,607.50 − 150) / 0.00395 = 368,987.341772… → 368,987.34
    const before = calculate(request("2024-03-31"));
    expect(before.maxResalePrice).toBe("368987.34");
    expect(before.incomeResolutions).toEqual([
      {
        for: "formula",
        level: 80,
        householdSize: 3,
        householdSizeRule: "bedrooms-plus-one",
        income: "64300.00",
        table: { areaCode: "TEST0001", areaName: "Test County", fiscalYear: 2023, effectiveFrom: "2023-05-15" },
        explanation: expect.stringContaining("80% AMI for 3 persons (bedrooms + 1 = 2 + 1) from the Test County FY2023 table in effect on 2024-03-31 (effective 2023-05-15)"),
      },
    ]);
    expect(line(before, "Affordable price").explanation).toMatch(/^Income \$64,300\.00 = 80% AMI for 3 persons/);
    // 2024-04-01: FY2024 table → 66,850. B = 1,671.25; P = 1,521.25 / 0.00395 = 385,126.582278… → 385,126.58
    const after = calculate(request("2024-04-01"));
    expect(after.maxResalePrice).toBe("385126.58");
    expect(after.incomeResolutions![0]!.table.fiscalYear).toBe(2024);
  });

  it("derives levels HUD does not publish by the table's method, for a fixed household size", () => {
    // 100 % for 4 persons, multiple-of-50: 2 × 46,400 (FY2024) = 92,800. B = 2,320; P = 2,170 / 0.00395 = 549,367.088607… → 549,367.09
    const result = calculate(request("2025-01-01", { level: 100, householdSize: 4, area: "TEST0001" }));
    expect(result.incomeResolutions![0]!.income).toBe("92800.00");
    expect(result.maxResalePrice).toBe("549367.09");
  });

  it("resolves an affordability cap's AMI level too", () => {
    // Fixed rate 2 % simple, full years: 600,000 × 1.10 = 660,000. Cap at 120 % AMI, 4 persons, FY2023:
    // 2.4 × 44,600 = 107,040; B = 2,676; P = 2,526 / 0.00395 = 639,493.670886… → binds; nearest cent 639,493.67.
    const result = calculate({
      formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-years" },
      purchase: { price: "600000.00", date: "2018-06-01" },
      valuationDate: "2023-06-01",
      caps: [{ type: "affordability", amiLevel: { level: 120, householdSize: 4, area: "test county" }, ...loan }],
      incomeLimitTables: ILLUSTRATIVE_TABLES,
    } as ResaleRequestInput);
    expect(result.maxResalePrice).toBe("639493.67");
    expect(result.boundBy).toBe("affordability");
    expect(result.incomeResolutions![0]!.for).toBe("caps.0");
    expect(line(result, "Cap: affordability").explanation).toContain("Price affordable at an income of $107,040.00: Income $107,040.00 = 120% AMI for 4 persons");
  });

  it("refuses what cannot be resolved, naming the field, the area and the date", () => {
    expect(errors(request("2023-05-14"))).toEqual([
      {
        path: "formula.amiLevel.area",
        message: 'has no income-limit table in effect on 2023-05-14 for "Test County"; tables given: Test County FY2023 from 2023-05-15, Test County FY2024 from 2024-04-01',
      },
    ]);
    expect(errors({ ...request("2024-05-01", { level: 80, householdSize: 3, area: "Elsewhere" }) })[0]!.message).toMatch(/for "Elsewhere"; tables given: Test County FY2023/);
    const { home: _home, ...withoutHome } = request("2024-05-01") as Record<string, unknown>;
    expect(errors(withoutHome)).toEqual([{ path: "home.bedrooms", message: 'needs the home\'s bedrooms (home.bedrooms) for "bedrooms-plus-one"' }]);
    const { incomeLimitTables: _tables, ...withoutTables } = request("2024-05-01") as Record<string, unknown>;
    expect(errors(withoutTables)[0]!.message).toMatch(/no income-limit tables were given \(incomeLimitTables\)/);
    expect(errors({ ...request("2024-05-01"), formula: { type: "affordability", income: "60000.00", amiLevel: { level: 80, householdSize: 3, area: "Test County" }, ...loan } })[0]!.path).toBe(
      "formula.amiLevel",
    );
    expect(errors({ ...request("2024-05-01"), formula: { type: "affordability", ...loan } })).toEqual([{ path: "formula.income", message: "is required (or name an AMI level with amiLevel)" }]);
  });

  it("is stated in the lease text", () => {
    const parsed = parseResaleRequest(request("2024-05-01"));
    if (!parsed.ok) throw new Error("invalid");
    expect(describeResaleRule(parsed.request)).toContain(
      "a household earning the income limit at 80% of area median income for one person more than the home has bedrooms, from HUD's income-limit table for Test County in effect on the date the price is set (the valuation date) can afford",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Warnings where a result breaks the lease's intent
// ---------------------------------------------------------------------------------------------------------

describe("lease-intent warnings", () => {
  // Affordability at $60,000: B = 1,500; P = 1,350 / 0.00395 = 341,772.151898… An approved $20,000 kitchen at cost
  // lifts the formula price to 361,772.15.
  const affordability: ResaleRequestInput = {
    formula: {
      type: "affordability",
      income: "60000.00",
      housingCostRatio: "0.3",
      interestRate: "0",
      termYears: 30,
      downPaymentRate: "0.1",
      propertyTaxRate: "0.012",
      mortgageInsuranceRate: "0.006",
      monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
    },
    purchase: { price: "250000.00", date: "2020-01-01" },
    valuationDate: "2025-01-01",
    improvements: [{ description: "Kitchen", cost: "20000.00", completedOn: "2022-03-01", approved: true }],
  };

  it("warns when credits lift an affordability price above what the household can afford, and shows that figure", () => {
    const result = calculate({ ...affordability, leaseIntentChecks: true });
    expect(result.maxResalePrice).toBe("361772.15");
    expect(result.warnings).toEqual([
      'Improvement credits lift the price to $361,772.15, above the $341,772.15 the target household (income $60,000.00) can afford. The lease prices the home for that household: consider "cap at affordability" (formula.capAtAffordability).',
    ]);
  });

  it("caps at affordability when the lease says so", () => {
    const result = calculate({ ...affordability, formula: { ...affordability.formula, capAtAffordability: true } as ResaleRequestInput["formula"], leaseIntentChecks: true });
    expect(result.maxResalePrice).toBe("341772.15");
    expect(result.boundBy).toBe("affordability");
    expect(line(result, "Cap: affordable to the target household").amount).toBe("341772.15");
    expect(result.warnings).toEqual([]);
  });

  it("gives a request without leaseIntentChecks exactly the result it gave before (no new warning)", () => {
    expect(calculate(affordability).warnings).toEqual([]);
  });

  it("warns when an improvement is credited at cost on top of an appraisal that already includes it", () => {
    // 25 % × (330,000 − 250,000) = 20,000 + kitchen 20,000 at cost → 240,000
    const appraisal: ResaleRequestInput = {
      ...affordability,
      formula: { type: "appraisal", ownerShare: "0.25" },
      purchase: { price: "200000.00", date: "2020-01-01" },
      appraisals: { atPurchase: "250000.00", current: "330000.00", improvementValue: "15000.00" },
      leaseIntentChecks: true,
    };
    const result = calculate(appraisal);
    expect(result.maxResalePrice).toBe("240000.00");
    expect(result.warnings).toEqual([
      'Improvement "Kitchen" is credited at cost on top of an appraisal-based price, but the current appraisal (on or after 2022-03-01) already values it: the owner is paid for it twice. Use the appraiser\'s improvement value instead (formula.creditImprovementValue with appraisals.improvementValue).',
    ]);
    // In the appraiser's improvement-value mode: 200,000 + 15,000 + 25 % × (80,000 − 15,000) = 231,250, and no such warning.
    const mode = calculate({ ...appraisal, formula: { type: "appraisal", ownerShare: "0.25", creditImprovementValue: true } });
    expect(mode.maxResalePrice).toBe("231250.00");
    expect(mode.warnings.some((w) => w.includes("credited at cost"))).toBe(false);
  });
});
