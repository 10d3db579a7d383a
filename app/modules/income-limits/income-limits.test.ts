import { Decimal } from "~/utils/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  DERIVATION_METHODS,
  DERIVATION_METHOD_IDS,
  IncomeLimitError,
  dollarsFromCents,
  incomeBand9902,
  limitFor,
  limitForFractionalSize,
  percentOfAmi,
  sizeAdjustment,
  unitBasedHouseholdSize,
  type DerivationMethod,
  type IncomeLimitTable,
} from "./income-limits";
import { ADDISON_COUNTY_VT_FY2023, ALBUQUERQUE_NM_MSA_FY2024 } from "./seed-tables";

const ABQ = ALBUQUERQUE_NM_MSA_FY2024; // median 86,400; 50% row 30,250 34,600 38,900 43,200 46,700 50,150 53,600 57,050
const ADDISON = ADDISON_COUNTY_VT_FY2023;

describe("sizeAdjustment", () => {
  it.each([
    [1, "0.7"], [2, "0.8"], [3, "0.9"], [4, "1"], [5, "1.08"], [6, "1.16"], [7, "1.24"], [8, "1.32"],
    [9, "1.4"], [10, "1.48"], [12, "1.64"],
  ])("size %i → %s", (size, factor) => {
    expect(sizeAdjustment(size).toString()).toBe(factor);
  });

  it.each([0, -1, 2.5, Number.NaN])("rejects size %s", (size) => {
    expect(() => sizeAdjustment(size)).toThrow(IncomeLimitError);
  });
});

describe("limitFor — published levels", () => {
  it.each([
    // [level, size, expected, basis]
    [50, 1, "30250.00", "published"],
    [50, 4, "43200.00", "published"],
    [50, 8, "57050.00", "published"],
    [80, 5, "74650.00", "published"],
    // 9 persons: 4-person 43,200 × 1.40 = 60,480 → up to the next $50 = 60,500
    [50, 9, "60500.00", "hud-large-household"],
    // 10 persons, 80%: 69,100 × 1.48 = 102,268 → up to the next $50 = 102,300
    [80, 10, "102300.00", "hud-large-household"],
  ] as const)("ABQ FY2024 %i%% for %i persons = %s (%s)", (level, size, amount, basis) => {
    const r = limitFor(ABQ, level, size);
    expect(r.amount).toBe(amount);
    expect(r.basis).toBe(basis);
    expect(r.method).toBeNull();
  });

  it("uses the published figure even where it differs from the arithmetic (Addison 50% 4p is not median/2)", () => {
    // 108,100 / 2 = 54,050, but HUD published 49,550.
    expect(limitFor(ADDISON, 50, 4).amount).toBe("49550.00");
    // The 30% row for 5 persons is the 2023 poverty guideline, published as 35,140 (not a multiple of $50).
    expect(limitFor(ADDISON, 30, 5).amount).toBe("35140.00");
  });

  it("caps a derived 9+ person 30% limit at the 50% limit of the same size", () => {
    const table: IncomeLimitTable = {
      fiscalYear: 2024,
      areaCode: "TEST",
      areaName: "ILLUSTRATIVE — not HUD data",
      medianFamilyIncome: 50_000,
      source: "ILLUSTRATIVE — not HUD data",
      effectiveFrom: "2024-04-01",
      limits: [
        // 30% 4p deliberately equal to the 50% 4p (HUD caps ELI at VLI in poor areas)
        { level: 30, byHouseholdSize: [17_500, 20_000, 22_500, 25_000, 27_000, 29_000, 31_000, 33_000] },
        { level: 50, byHouseholdSize: [17_500, 20_000, 22_500, 25_000, 27_000, 29_000, 31_000, 33_000] },
      ],
    };
    // 30%: 25,000 × 1.40 = 35,000; 50% 9p: 25,000 × 1.40 = 35,000 → equal, cap not exceeded
    expect(limitFor(table, 30, 9).amount).toBe("35000.00");
    const lowerVli: IncomeLimitTable = {
      ...table,
      limits: [
        { level: 30, byHouseholdSize: [17_500, 20_000, 22_500, 25_000, 27_000, 29_000, 31_000, 33_000] },
        { level: 50, byHouseholdSize: [16_850, 19_250, 21_650, 24_050, 26_000, 27_900, 29_850, 31_750] },
      ],
    };
    // 30%: 25,000 × 1.40 = 35,000 > 50% 9p: 24,050 × 1.40 = 33,670 → 33,700 (up to $50) → capped
    const r = limitFor(lowerVli, 30, 9);
    expect(r.amount).toBe("33700.00");
    expect(r.explanation).toMatch(/capped/);
  });

  it("refuses a level the table does not publish", () => {
    expect(() => limitFor(ABQ, 30, 4)).toThrow(/no published 30% row/);
  });
});

describe("limitFor — derived levels", () => {
  it("multiple-of-50 at 60% reproduces the published FY2024 Albuquerque 60% (MTSP) row exactly", () => {
    // Habitat ABQ's 2024 chart: 36,300 41,520 46,680 51,840 56,040 60,180 64,320 68,460 = 1.2 × the 50% row, no $50 rounding.
    const expected = [36_300, 41_520, 46_680, 51_840, 56_040, 60_180, 64_320, 68_460];
    expected.forEach((amount, i) => {
      const r = limitFor(ABQ, 60, i + 1, "multiple-of-50");
      expect(r.amount).toBe(`${amount}.00`);
      expect(r.basis).toBe("derived");
      expect(r.method).toBe("multiple-of-50");
    });
  });

  it.each([
    // multiple-of-50: level/50 × 50% limit
    ["multiple-of-50", 100, 1, "60500.00"], // 2 × 30,250
    ["multiple-of-50", 100, 4, "86400.00"], // 2 × 43,200
    ["multiple-of-50", 100, 5, "93400.00"], // 2 × 46,700
    ["multiple-of-50", 100, 8, "114100.00"], // 2 × 57,050
    ["multiple-of-50", 100, 9, "121000.00"], // 2 × 60,500 (9p 50% by HUD's rule)
    ["multiple-of-50", 120, 4, "103680.00"], // 2.4 × 43,200
    ["multiple-of-50", 140, 2, "96880.00"], // 2.8 × 34,600
    ["multiple-of-50", 62.5, 1, "37813.00"], // 1.25 × 30,250 = 37,812.50 → up to the dollar
    // median-times-size: median × level% × factor, rounded up to next $50
    ["median-times-size", 100, 1, "60500.00"], // 86,400 × 0.70 = 60,480 → 60,500
    ["median-times-size", 100, 4, "86400.00"], // 86,400 × 1.00
    ["median-times-size", 100, 5, "93350.00"], // 86,400 × 1.08 = 93,312 → 93,350
    ["median-times-size", 100, 8, "114050.00"], // 86,400 × 1.32 = 114,048 → 114,050
    ["median-times-size", 100, 9, "121000.00"], // 86,400 × 1.40 = 120,960 → 121,000
    ["median-times-size", 120, 3, "93350.00"], // 86,400 × 1.2 × 0.9 = 93,312 → 93,350
  ] as const)("%s %s%% for %i persons = %s", (method, level, size, amount) => {
    const r = limitFor(ABQ, level, size, method);
    expect(r.amount).toBe(amount);
    expect(r.method).toBe(method);
    expect(r.explanation.length).toBeGreaterThan(10);
  });

  it("requires a method for an unpublished level", () => {
    expect(() => limitFor(ABQ, 100, 4)).toThrow(/derivation method/);
  });

  it("rejects an unknown method and a non-positive level", () => {
    expect(() => limitFor(ABQ, 100, 4, "guess" as DerivationMethod)).toThrow(/Unknown derivation method/);
    expect(() => limitFor(ABQ, 0, 4, "multiple-of-50")).toThrow(IncomeLimitError);
  });

  it("lists each method with a label and description for the settings dropdown", () => {
    expect(Object.keys(DERIVATION_METHODS).sort()).toEqual([...DERIVATION_METHOD_IDS].sort());
    for (const id of DERIVATION_METHOD_IDS) {
      expect(DERIVATION_METHODS[id].id).toBe(id);
      expect(DERIVATION_METHODS[id].label).not.toBe("");
      expect(DERIVATION_METHODS[id].description).not.toBe("");
    }
  });
});

describe("percentOfAmi", () => {
  it.each([
    // [income, size, method, percent, 100% limit]
    // 1p: 40,000 / 60,500 = 66.1157… → 66.12 (rounded up)
    ["40000", 1, "multiple-of-50", "66.12", "60500.00"],
    // 4p: 58,250 / 86,400 = 67.41898… → 67.42
    ["58250", 4, "multiple-of-50", "67.42", "86400.00"],
    // 5p: exactly the 100% limit 2 × 46,700 = 93,400 → 100.00
    ["93400", 5, "multiple-of-50", "100.00", "93400.00"],
    // 8p: 50,000 / 114,100 = 43.8212… → 43.83
    ["50000", 8, "multiple-of-50", "43.83", "114100.00"],
    // 9p: 121,001 / 121,000 = 100.0008… → 100.01
    ["121001", 9, "multiple-of-50", "100.01", "121000.00"],
    // 8p with the median method: 50,000 / 114,050 = 43.8404… → 43.85
    ["50000", 8, "median-times-size", "43.85", "114050.00"],
    // cents are accepted: 58,250.00
    ["58250.00", 4, "median-times-size", "67.42", "86400.00"],
  ] as const)("%s for %i persons (%s) = %s%%", (income, size, method, percent, limit) => {
    const r = percentOfAmi(income, ABQ, size, method);
    expect(r.percent).toBe(percent);
    expect(r.hundredPercentLimit).toBe(limit);
    expect(r.method).toBe(method);
    expect(r.fiscalYear).toBe(2024);
    expect(r.areaCode).toBe("METRO10740M10740");
  });

  it("prices a fractional (unit-based) household size by interpolation", () => {
    // 3 bedrooms → 4.5 persons → 100% limit = (86,400 + 93,400) / 2 = 89,900; 70,000 / 89,900 = 77.864… → 77.87
    const r = percentOfAmi("70000", ABQ, unitBasedHouseholdSize(3), "multiple-of-50");
    expect(r.hundredPercentLimit).toBe("89900.00");
    expect(r.percent).toBe("77.87");
    expect(r.householdSize).toBe("4.5");
  });

  it("accepts income in cents via dollarsFromCents and whole-dollar numbers, rejects floats and negatives", () => {
    expect(percentOfAmi(dollarsFromCents(5_825_000), ABQ, 4, "multiple-of-50").percent).toBe("67.42");
    expect(percentOfAmi(58_250, ABQ, 4, "multiple-of-50").percent).toBe("67.42");
    expect(() => percentOfAmi(58_250.5, ABQ, 4, "multiple-of-50")).toThrow(/float/);
    expect(() => percentOfAmi("-1", ABQ, 4, "multiple-of-50")).toThrow(/negative/);
    expect(() => percentOfAmi("abc", ABQ, 4, "multiple-of-50")).toThrow(/not a number/);
  });

  const incomeCents = fc.bigInt({ min: 0n, max: 100_000_000n }); // up to $1,000,000.00
  const size = fc.integer({ min: 1, max: 12 });
  const method = fc.constantFrom<DerivationMethod>(...DERIVATION_METHOD_IDS);

  it("is monotonic in income (property)", () => {
    fc.assert(
      fc.property(incomeCents, incomeCents, size, method, (a, b, s, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = new Decimal(percentOfAmi(dollarsFromCents(lo), ABQ, s, m).percent);
        const pHi = new Decimal(percentOfAmi(dollarsFromCents(hi), ABQ, s, m).percent);
        return pLo.lte(pHi);
      }),
    );
  });

});

describe("incomeBand9902", () => {
  it.each([
    ["0.00", "<30%"],
    ["29.99", "<30%"],
    ["30.00", "30–49%"],
    ["49.99", "30–49%"],
    ["50.00", "50–79%"],
    ["79.99", "50–79%"],
    ["80.00", "80–100%"],
    ["100.00", "80–100%"],
    ["100.01", ">100%"],
    ["250", ">100%"],
  ] as const)("%s → %s", (percent, band) => {
    expect(incomeBand9902(percent)).toBe(band);
  });
});

describe("unit-based household size and fractional sizes", () => {
  it.each([
    [0, "1"],
    [1, "1.5"],
    [2, "3"],
    [3, "4.5"],
    [4, "6"],
  ] as const)("%i bedrooms → %s persons", (bedrooms, size) => {
    expect(unitBasedHouseholdSize(bedrooms)).toBe(size);
  });

  it("rejects negative or fractional bedroom counts", () => {
    expect(() => unitBasedHouseholdSize(-1)).toThrow(IncomeLimitError);
    expect(() => unitBasedHouseholdSize(1.5)).toThrow(IncomeLimitError);
  });

  it.each([
    // 50% at 4.5 persons = (43,200 + 46,700) / 2 = 44,950
    [50, "4.5", undefined, "44950.00"],
    // 80% at 1.5 persons = (48,400 + 55,300) / 2 = 51,850
    [80, "1.5", undefined, "51850.00"],
    // 60% at 1.5 persons = (36,300 + 41,520) / 2 = 38,910
    [60, "1.5", "multiple-of-50", "38910.00"],
    // 50% at 8.5 persons = (57,050 + 60,500) / 2 = 58,775
    [50, "8.5", undefined, "58775.00"],
    // whole sizes pass straight through
    [50, "4", undefined, "43200.00"],
  ] as const)("%i%% at %s persons = %s", (level, size, method, amount) => {
    const r = limitForFractionalSize(ABQ, level, size, method);
    expect(r.amount).toBe(amount);
  });

  it("records the method and basis of an interpolated derived limit", () => {
    const r = limitForFractionalSize(ABQ, 100, "4.5", "median-times-size");
    // (86,400 + 93,350) / 2 = 89,875
    expect(r).toMatchObject({ amount: "89875.00", basis: "interpolated", method: "median-times-size" });
  });

  it("rejects sizes below 1", () => {
    expect(() => limitForFractionalSize(ABQ, 50, "0.5")).toThrow(IncomeLimitError);
  });
});
