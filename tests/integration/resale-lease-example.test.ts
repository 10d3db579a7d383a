import { describe, expect, it } from "vitest";
import { parsePresetSpec } from "~/modules/resale/formula-spec";
import { workedExample, WorkedExampleError } from "~/modules/leases/documents.server";
import { ILLUSTRATIVE_TABLES } from "~/modules/demo/income-limit-tables";

/** The lease's worked resale example applies the new rules of issue 8 §2 (fair return, AMI levels) too. */
function spec(input: unknown) {
  const parsed = parsePresetSpec(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.spec;
}

describe("the lease's worked resale example", () => {
  it("computes a HOME fair return with illustrative sale figures, each part a line", () => {
    // $200,000 on 2025-01-01, valued 2035-01-01 (120 months): inflation 2 % simple = 40,000; principal 10 % = 20,000;
    // closing costs 3 % = 6,000 → fair return 66,000, formula price 266,000; cap = liens 70 % (140,000) + 66,000 = 206,000.
    const example = workedExample(spec({ formula: { type: "fair-return", inflation: { type: "fixed-rate", annualRate: "0.02", compounding: "simple" } }, caps: [], floor: null, rounding: { mode: "nearest", increment: "0.01" } }), {
      commencementDate: "2025-01-01",
      purchasePriceCents: 20_000_000,
      purchaseIsRecorded: true,
    });
    expect(example.maxResalePrice).toBe("206000.00");
    expect(example.lines.map((line) => [line.label, line.amount])).toEqual(
      expect.arrayContaining([
        ["Fair return: inflation on the purchase price", "40000.00"],
        ["Fair return: principal paid down", "20000.00"],
        ["Fair return: seller's closing costs", "6000.00"],
        ["Cap: outstanding liens + fair return", "206000.00"],
      ]),
    );
    expect(example.description).toContain("$20,000.00 of mortgage principal paid down, $6,000.00 of closing costs for the seller and $140,000.00 of outstanding liens");
  });

  it("resolves an AMI level from the trust's tables ten years on, and says so in the user's words when it cannot", () => {
    const rule = spec({
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
    });
    const tables = ILLUSTRATIVE_TABLES.map((table) => ({ ...table, derivationMethod: "multiple-of-50" as const }));
    // valued 2024-06-01 (commenced 2014-06-01): the FY2024 table, 3 persons → $66,850 → 385,126.58
    const example = workedExample(rule, { commencementDate: "2014-06-01", purchasePriceCents: null, purchaseIsRecorded: false, incomeLimitTables: tables, bedrooms: 2 });
    expect(example.maxResalePrice).toBe("385126.58");
    expect(() => workedExample(rule, { commencementDate: "2010-01-01", purchasePriceCents: null, purchaseIsRecorded: false, incomeLimitTables: tables, bedrooms: 2 })).toThrow(WorkedExampleError);
  });
});
