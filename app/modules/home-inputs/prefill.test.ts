import { describe, expect, it } from "vitest";
import { DEMO_PRESETS } from "~/modules/demo/formula-presets";
import { parsePresetSpec, type FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { figuresNeeded, mortgageBalance, storedFormValues } from "./prefill";

const spec = (index: number): FormulaPresetSpec => {
  const parsed = parsePresetSpec(DEMO_PRESETS[index]!.spec);
  if (!parsed.ok) throw new Error("demo preset does not validate");
  return parsed.spec;
};

describe("the figures a rule needs (the calculator shows only these)", () => {
  it("a fixed rate with a market-value cap needs only the market value now", () => {
    expect(figuresNeeded(spec(0))).toEqual(["appraisalCurrent"]);
  });
  it("an appraisal share needs both appraisals", () => {
    expect(figuresNeeded(spec(1))).toEqual(["appraisalAtPurchase", "appraisalCurrent"]);
  });
  it("an index formula with a market-value cap needs the index twice and the market value now", () => {
    expect(figuresNeeded(spec(2))).toEqual(["appraisalCurrent", "indexAtPurchase", "indexCurrent"]);
  });
  it("a formula by hand not chosen yet: every figure", () => {
    expect(figuresNeeded(null)).toHaveLength(6);
  });
});

describe("the owner's purchase mortgage as an estimated payoff", () => {
  it("amortises a fixed-rate loan by the full months since the purchase", () => {
    // $100,000 at 6% for 30 years: M = 100000·0.005/(1 − 1.005^−360) = 599.55; after 12 payments
    // B = 100000·1.005^12 − 599.5505·(1.005^12 − 1)/0.005 = 98,771.99 (the standard amortisation table's figure)
    expect(mortgageBalance({ amountCents: 10_000_000, ratePercent: "6", termYears: 30, purchaseDate: "2024-01-15" }, "2025-01-15")).toBe("98771.99");
    // the demo's first purchase: $144,400 at 4.125%, bought 2024-01-15, valued 2026-12-01 → 34 full months:
    // i = 0.04125/12, B = 144400·(1+i)^34 − M·((1+i)^34 − 1)/i = 137,075.25
    expect(mortgageBalance({ amountCents: 14_440_000, ratePercent: "4.125", termYears: 30, purchaseDate: "2024-01-15" }, "2026-12-01")).toBe("137075.25");
  });
  it("without interest repays the principal evenly; without a rate or term there is no estimate", () => {
    // $120,000 over 30 years, 24 payments: 120000 − 24·120000/360 = 112,000
    expect(mortgageBalance({ amountCents: 12_000_000, ratePercent: "0", termYears: 30, purchaseDate: "2024-01-01" }, "2026-01-01")).toBe("112000.00");
    expect(mortgageBalance({ amountCents: 12_000_000, ratePercent: null, termYears: 30, purchaseDate: "2024-01-01" }, "2026-01-01")).toBeNull();
  });
});

describe("stored inputs as form values", () => {
  it("fills the appraisals, index values and approved improvements; nothing stored leaves the fields empty", () => {
    const values = storedFormValues({
      appraisals: { atPurchase: "240000.00", current: "260000.00" },
      index: { atPurchase: "101200", current: "108900" },
      improvements: [{ description: "New roof", cost: "12000.00", completedOn: "2025-05-01", approved: true }],
      deductions: [],
      sources: [],
    });
    expect(values).toMatchObject({ appraisalAtPurchase: "240000.00", appraisalCurrent: "260000.00", improvementValue: "", indexAtPurchase: "101200", indexCurrent: "108900" });
    expect(values.improvements).toEqual([{ description: "New roof", cost: "12000.00", completedOn: "2025-05-01", approved: "on" }]);
    expect(storedFormValues(null).appraisalCurrent).toBe("");
  });
});
