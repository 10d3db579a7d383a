import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  chooseTableInEffect,
  eligibilityAtLevel,
  formatLimit,
  incomeLimitFor,
  isTableOfArea,
  type IncomeLimitTable,
} from "./income-limits";
import { ADDISON_COUNTY_VT_FY2023, ALBUQUERQUE_NM_MSA_FY2024 } from "./seed-tables";

const ABQ = ALBUQUERQUE_NM_MSA_FY2024;
const ADDISON = ADDISON_COUNTY_VT_FY2023;
/** A later Addison table, for choosing between tables only: its figures are NOT HUD's. */
const ADDISON_LATER: IncomeLimitTable = {
  ...ADDISON,
  fiscalYear: 2024,
  effectiveFrom: "2024-04-01",
  source: "ILLUSTRATIVE — not HUD data (a copy of FY2023 to test the choice of table)",
};

describe("chooseTableInEffect", () => {
  const tables = [ABQ, ADDISON, ADDISON_LATER];
  it.each([
    ["NCNTY50001N50001", "2023-05-15", 2023], // the effective date itself
    ["NCNTY50001N50001", "2024-03-31", 2023], // the day before the next table
    ["NCNTY50001N50001", "2024-04-01", 2024],
    ["Addison County, VT", "2030-01-01", 2024], // by name too
    ["  addison county,   vt ", "2023-12-31", 2023], // case and spaces ignored
    ["METRO10740M10740", "2024-04-01", 2024],
  ] as const)("%s on %s → FY%i", (area, date, fiscalYear) => {
    const table = chooseTableInEffect(tables, area, date);
    expect(table?.fiscalYear).toBe(fiscalYear);
    expect(isTableOfArea(table!, area)).toBe(true);
  });

  it.each([
    ["NCNTY50001N50001", "2023-05-14"], // before Addison's first table
    ["METRO10740M10740", "2024-03-31"], // Albuquerque's only table is not in effect yet; never Addison's
    ["Burlington-South Burlington, VT HMFA", "2025-01-01"], // no table for that area at all
    ["", "2025-01-01"],
  ])("%s on %s → none (never another area's table)", (area, date) => {
    expect(chooseTableInEffect(tables, area, date)).toBeNull();
  });

  it("prefers the later fiscal year when two tables of an area take effect the same day", () => {
    const sameDay = { ...ADDISON_LATER, fiscalYear: 2022, effectiveFrom: "2024-04-01" };
    expect(chooseTableInEffect([sameDay, ADDISON_LATER], "Addison County, VT", "2024-05-01")?.fiscalYear).toBe(2024);
  });
});

describe("incomeLimitFor", () => {
  it("30/50/80 %: HUD's published row for the size", () => {
    const r = incomeLimitFor(ADDISON, 80, 3);
    expect(r).toMatchObject({ limit: "71400.00", limitCents: 7_140_000, source: "published" });
    expect(r.description).toBe("HUD FY2023 80 % limit for 3 persons, Addison County, VT");
    expect(r.table).toEqual({ fiscalYear: 2023, areaCode: "NCNTY50001N50001", areaName: "Addison County, VT", effectiveFrom: "2023-05-15" });
    expect(incomeLimitFor(ABQ, 80, 4).limit).toBe("69100.00");
    expect(incomeLimitFor(ADDISON, 30, 5).limit).toBe("35140.00");
  });

  it.each([
    // HUD's rule above 8 persons: 4-person limit × (1.32 + 0.08 per person beyond 8), rounded UP to the next $50
    [80, 9, "111050.00"], // 79,300 × 1.40 = 111,020 → 111,050
    [80, 12, "130100.00"], // 79,300 × 1.64 = 130,052 → 130,100
    [50, 10, "73350.00"], // 49,550 × 1.48 = 73,334 → 73,350
  ] as const)("Addison FY2023 %i %% for %i persons = %s (published source, HUD's rule)", (level, size, limit) => {
    const r = incomeLimitFor(ADDISON, level, size);
    expect(r.limit).toBe(limit);
    expect(r.source).toBe("published");
  });

  it("other levels: the table's stored derivation method", () => {
    // multiple-of-50: 120 % = 2.4 × the 50 % limit (3 persons 44,600) = 107,040
    expect(incomeLimitFor(ADDISON, 120, 3)).toMatchObject({ limit: "107040.00", source: "derived:multiple-of-50" });
    // median-times-size: 108,100 × 100 % × 0.90 = 97,290 → 97,300
    const r = incomeLimitFor({ ...ADDISON, derivationMethod: "median-times-size" }, 100, 3);
    expect(r).toMatchObject({ limit: "97300.00", source: "derived:median-times-size" });
    expect(r.description).toMatch(/^100 % limit for 3 persons derived from HUD FY2023, Addison County, VT/);
  });
});

describe("eligibilityAtLevel (income ≤ the published limit)", () => {
  it("Albuquerque NM MSA FY2024, 4 persons, $69,110 is NOT eligible at 80 % (limit $69,100)", () => {
    // (the old rule, 69,110 ÷ (2 × 43,200) = 79.99 % ≤ 80 %, called it eligible)
    const r = eligibilityAtLevel("69110.00", ABQ, 80, 4);
    expect(r.eligible).toBe(false);
    expect(r.limit).toBe("69100.00");
    expect(r.verdict).toBe("> $69,100, HUD FY2024 80 % limit for 4 persons, Albuquerque, NM MSA");
  });

  it("Addison County VT FY2023, 3 persons, $71,380 IS eligible at 80 % (limit $71,400)", () => {
    // (the old rule, 71,380 ÷ (2 × 44,600) = 80.03 % > 80 %, refused it)
    const r = eligibilityAtLevel("71380", ADDISON, 80, 3);
    expect(r.eligible).toBe(true);
    expect(r.verdict).toBe("≤ $71,400, HUD FY2023 80 % limit for 3 persons, Addison County, VT");
  });

  it("at the limit is eligible, a cent above is not", () => {
    expect(eligibilityAtLevel("71400.00", ADDISON, 80, 3).eligible).toBe(true);
    expect(eligibilityAtLevel("71400.01", ADDISON, 80, 3).eligible).toBe(false);
  });

  it("agrees with income ≤ the published row for every size and level (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(30, 50, 80), fc.integer({ min: 1, max: 8 }), fc.integer({ min: -5_000, max: 5_000 }), (level, size, deltaCents) => {
        const row = ADDISON.limits.find((l) => l.level === level)!.byHouseholdSize[size - 1]!;
        const cents = row * 100 + deltaCents;
        const income = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
        return eligibilityAtLevel(income, ADDISON, level, size).eligible === cents <= row * 100;
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a negative income", () => {
    expect(() => eligibilityAtLevel("-1", ADDISON, 80, 3)).toThrow(/negative/);
  });
});

describe("formatLimit", () => {
  it.each([
    ["71400.00", "$71,400"],
    ["1234567.50", "$1,234,567.50"],
    ["950.00", "$950"],
  ])("%s → %s", (amount, text) => expect(formatLimit(amount)).toBe(text));
});
