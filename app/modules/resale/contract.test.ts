import { describe, expect, it } from "vitest";
import { runResaleCommand } from "./cli";
import { parseResaleRequest } from "./contract";

const valid = {
  formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple" },
  purchase: { price: "250000.00", date: "2015-06-01" },
  valuationDate: "2025-06-01",
};

const affordability = {
  income: "60000.00",
  housingCostRatio: "0.3",
  interestRate: "0.065",
  termYears: 30,
  downPaymentRate: "0.05",
  propertyTaxRate: "0.012",
  mortgageInsuranceRate: "0.005",
  monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
};

function errorsFor(json: unknown) {
  const parsed = parseResaleRequest(json);
  if (parsed.ok) throw new Error("expected the request to be rejected");
  return parsed.errors;
}

describe("parseResaleRequest", () => {
  it("accepts a minimal request and applies the defaults", () => {
    const parsed = parseResaleRequest(valid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request.formula).toEqual({ ...valid.formula, elapsed: "full-months" });
    expect(parsed.request).toMatchObject({ improvements: [], deductions: [], caps: [], floor: null, rounding: { mode: "nearest", increment: "0.01" } });
  });

  it("defaults losses to shielded", () => {
    const parsed = parseResaleRequest({ ...valid, formula: { type: "appraisal", ownerShare: "0.25" }, appraisals: { atPurchase: "1.00", current: "2.00" } });
    expect(parsed.ok && parsed.request.formula).toMatchObject({ losses: "shielded", creditImprovementValue: false });
  });

  it.each([
    ["a float given as a JSON number", { ...valid, formula: { ...valid.formula, annualRate: 0.015 } }, "formula.annualRate", /not a JSON number/],
    ["an exponent", { ...valid, purchase: { ...valid.purchase, price: "1e5" } }, "purchase.price", /plain decimal string/],
    ["more than two decimals on an amount", { ...valid, purchase: { ...valid.purchase, price: "100.005" } }, "purchase.price", /at most 2 decimal places/],
    ["a negative price", { ...valid, purchase: { ...valid.purchase, price: "-1.00" } }, "purchase.price", /greater than zero/],
    ["a non-existent date", { ...valid, purchase: { ...valid.purchase, date: "2023-02-29" } }, "purchase.date", /real calendar date/],
    ["a date with a time", { ...valid, valuationDate: "2025-06-01T00:00:00Z" }, "valuationDate", /YYYY-MM-DD/],
    ["valuation before purchase", { ...valid, valuationDate: "2015-05-31" }, "valuationDate", /not be before the purchase date/],
    ["a rate above the bound", { ...valid, formula: { ...valid.formula, annualRate: "0.3" } }, "formula.annualRate", /at most 0.25/],
    ["an unknown compounding", { ...valid, formula: { ...valid.formula, compounding: "daily" } }, "formula.compounding", /"simple" or "compound"/],
    ["an unknown formula type", { ...valid, formula: { type: "magic" } }, "formula.type", /one of "fixed-rate"/],
    ["a misspelt field", { ...valid, formula: { ...valid.formula, anualRate: "0.01" } }, "formula.anualRate", /not a recognised field/],
    ["a missing required field", { ...valid, purchase: { date: "2015-06-01" } }, "purchase.price", /is required/],
    ["an owner share above 1", { ...valid, formula: { type: "appraisal", ownerShare: "1.5" }, appraisals: { atPurchase: "1.00", current: "2.00" } }, "formula.ownerShare", /at most 1/],
    ["appraisals missing for the appraisal formula", { ...valid, formula: { type: "appraisal", ownerShare: "0.25" } }, "appraisals.atPurchase", /required for an appraisal formula/],
    ["improvement value missing", { ...valid, formula: { type: "appraisal", ownerShare: "0.25", creditImprovementValue: true }, appraisals: { atPurchase: "1.00", current: "2.00" } }, "appraisals.improvementValue", /required when formula.creditImprovementValue/],
    ["index missing for the index formula", { ...valid, formula: { type: "index", indexName: "AMI" } }, "index.current", /required for an index formula/],
    ["a zero index", { ...valid, formula: { type: "index", indexName: "AMI" }, index: { atPurchase: "0", current: "1" } }, "index.atPurchase", /greater than zero/],
    ["market-value cap without an appraisal", { ...valid, caps: [{ type: "market-value" }] }, "appraisals.current", /required by the market-value cap \(caps.0\)/],
    ["housingCostRatio of 0", { ...valid, caps: [{ type: "affordability", ...affordability, housingCostRatio: "0" }] }, "caps.0.housingCostRatio", /greater than 0/],
    ["a fractional term", { ...valid, caps: [{ type: "affordability", ...affordability, termYears: 29.5 }] }, "caps.0.termYears", /whole number/],
    ["missing monthly costs", { ...valid, formula: { type: "affordability", ...affordability, monthlyCosts: { insurance: "1.00", hoa: "0", utilities: "0" } } }, "formula.monthlyCosts.leaseFee", /is required/],
    ["a negative deduction", { ...valid, deductions: [{ description: "Paint", amount: "-5.00" }] }, "deductions.0.amount", /zero or more/],
    ["an improvement without approval flag", { ...valid, improvements: [{ description: "Roof", cost: "1.00", completedOn: "2020-01-01" }] }, "improvements.0.approved", /is required/],
    ["a bad improvement date", { ...valid, improvements: [{ description: "Roof", cost: "1.00", completedOn: "2020-13-01", approved: true }] }, "improvements.0.completedOn", /real calendar date/],
    ["a credit rate above 1", { ...valid, formula: { ...valid.formula, improvementCredit: { creditRate: "1.2", depreciationYears: 10 } } }, "formula.improvementCredit.creditRate", /at most 1/],
    ["a zero rounding increment", { ...valid, rounding: { mode: "nearest", increment: "0" } }, "rounding.increment", /greater than zero/],
    ["a rounding increment below a cent", { ...valid, rounding: { mode: "up", increment: "0.005" } }, "rounding.increment", /at most 2 decimal places/],
    ["an unknown rounding mode", { ...valid, rounding: { mode: "half-even", increment: "100" } }, "rounding.mode", /"nearest", "down" or "up"/],
    ["an unknown floor", { ...valid, floor: { type: "market" } }, "floor.type", /"purchase-price"/],
    ["not an object", [1, 2], "", /object/],
  ])("rejects %s at %s", (_name, json, path, message) => {
    const errors = errorsFor(json);
    const match = errors.find((error) => error.path === path);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match!.message).toMatch(message);
  });

  it("reports every bad field at once", () => {
    const errors = errorsFor({
      formula: { type: "fixed-rate", annualRate: 0.015, compounding: "weekly" },
      purchase: { price: "1e5", date: "2023-02-29" },
      valuationDate: 20250601,
    });
    expect(errors.map((error) => error.path)).toEqual(["formula.annualRate", "formula.compounding", "purchase.price", "purchase.date", "valuationDate"]);
  });
});

describe("runResaleCommand", () => {
  it("prints the result JSON, pretty, with a trailing newline, and exits 0", () => {
    const output = runResaleCommand(JSON.stringify(valid));
    expect(output.exitCode).toBe(0);
    expect(output.stderr).toBe("");
    expect(output.stdout.endsWith("}\n")).toBe(true);
    expect(output.stdout).toContain('\n  "maxResalePrice": "287500.00",\n');
    expect(JSON.parse(output.stdout)).toMatchObject({ maxResalePrice: "287500.00", formulaPrice: "287500.00", boundBy: "formula" });
  });

  it("exits 2 with the field errors on stderr for an invalid request", () => {
    const output = runResaleCommand(JSON.stringify({ ...valid, valuationDate: "2015-01-01" }));
    expect(output.exitCode).toBe(2);
    expect(output.stdout).toBe("");
    expect(JSON.parse(output.stderr)).toEqual({
      error: "invalid-request",
      fields: [{ path: "valuationDate", message: "must not be before the purchase date (2015-06-01)" }],
    });
  });

  it("exits 2 with the same error shape for input that is not JSON", () => {
    const output = runResaleCommand("{ formula: ");
    expect(output.exitCode).toBe(2);
    const body = JSON.parse(output.stderr);
    expect(body.error).toBe("invalid-request");
    expect(body.fields).toHaveLength(1);
    expect(body.fields[0].path).toBe("");
    expect(body.fields[0].message).toMatch(/^is not valid JSON/);
  });
});
