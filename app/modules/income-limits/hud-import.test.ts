import { describe, expect, it } from "vitest";

import {
  exampleHudCsv,
  parseHudIncomeLimitsCsv,
  parseIncomeLimitImport,
  parseIncomeLimitTablesJson,
} from "./hud-import";
import { ADDISON_COUNTY_VT_FY2023, SEED_INCOME_LIMIT_TABLES } from "./seed-tables";

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8];
const HEADER = [
  "FY",
  "Area_Name",
  "fips",
  "Median",
  ...SIZES.map((s) => `L50_${s}`),
  ...SIZES.map((s) => `eli_${s}`),
  ...SIZES.map((s) => `l80_${s}`),
].join(",");

/** Illustrative figures (not HUD data): 50% row from a 4p of 40,000 with HUD's size factors rounded up to $50. */
const VLI = [28000, 32000, 36000, 40000, 43200, 46400, 49600, 52800];
const ELI = [16800, 19200, 21600, 24000, 25950, 27850, 29800, 31700];
const LI = [44800, 51200, 57600, 64000, 69150, 74250, 79400, 84500];
/** HUD's announced FY2024 date, given on the import form (or in an effective_from column). */
const EFFECTIVE = { effectiveFrom: "2024-04-01" };
const line = (fy: string, name: string, code: string, median: string, vli = VLI.map(String), eli = ELI.map(String), li = LI.map(String)) =>
  [fy, `"${name}"`, code, median, ...vli, ...eli, ...li].join(",");

describe("parseHudIncomeLimitsCsv", () => {
  it("imports HUD's layout with case-insensitive headers (fy, Area_Name, fips, median)", () => {
    const csv = [HEADER, line("2024", "Example, ST (ILLUSTRATIVE)", "9900199999", "80000")].join("\n");
    const result = parseHudIncomeLimitsCsv(csv, { source: "ILLUSTRATIVE — not HUD data", ...EFFECTIVE });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.tables).toEqual([
      {
        fiscalYear: 2024,
        areaCode: "9900199999",
        areaName: "Example, ST (ILLUSTRATIVE)",
        medianFamilyIncome: 80000,
        limits: [
          { level: 30, byHouseholdSize: ELI },
          { level: 50, byHouseholdSize: VLI },
          { level: 80, byHouseholdSize: LI },
        ],
        source: "ILLUSTRATIVE — not HUD data",
        effectiveFrom: "2024-04-01",
      },
    ]);
  });

  it("takes the fiscal year from a medianYYYY column and prefers hud_area_code/hud_area_name", () => {
    const result = parseHudIncomeLimitsCsv(exampleHudCsv());
    expect(result.errors).toEqual([]);
    const { source: _source, notes: _notes, ...expected } = ADDISON_COUNTY_VT_FY2023;
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject(expected);
    expect(result.tables[0]!.source).toBe("HUD Section 8 Income Limits FY2023 (CSV import)");
  });

  it("reports each bad value with its row (header = 1) and column, and still imports the good rows", () => {
    const bad = (i: number, v: string) => VLI.map((x, j) => (j === i ? v : String(x)));
    const csv = [
      HEADER,
      line("2024", "Good A", "A", "80000"), // row 2: ok
      line("2024", "Missing", "B", "80000", bad(2, "")), // row 3: l50_3 missing
      line("2024", "Negative", "C", "-80000"), // row 4: median negative
      line("2024", "Text", "D", "80000", undefined, ELI.map((x, j) => (j === 0 ? "n/a" : String(x)))), // row 5: eli_1
      line("2024", "Decreasing", "E", "80000", bad(5, "43000")), // row 6: l50_6 < l50_5
      line("2024", "ELI above VLI", "F", "80000", undefined, ELI.map((x, j) => (j === 7 ? "53000" : String(x)))), // row 7
      line("2024", "Fraction", "G", "80000.50"), // row 8: not whole dollars
      line("2024", "Good H", "H", '"$80,000"'), // row 9: ok, "$80,000" (quoted) accepted
    ].join("\r\n");
    const result = parseHudIncomeLimitsCsv(csv, EFFECTIVE);
    expect(result.tables.map((t) => t.areaCode)).toEqual(["A", "H"]);
    expect(result.errors).toEqual([
      { row: 3, column: "L50_3", message: "missing value" },
      { row: 4, column: "Median", message: 'must not be negative (got "-80000")' },
      { row: 5, column: "eli_1", message: 'not a number (got "n/a")' },
      {
        row: 6,
        column: "L50_6",
        message: "50% limit for 6 persons (43000) is lower than for 5 (43200); limits must increase with household size",
      },
      { row: 7, column: "eli_8", message: "30% limit for 8 persons (53000) is above the 50% limit (52800)" },
      { row: 8, column: "Median", message: 'must be whole dollars (got "80000.50")' },
    ]);
  });

  it("warns (but imports) when a limit equals the next smaller household's", () => {
    const flat = VLI.map((x, j) => (j === 7 ? String(VLI[6]) : String(x)));
    const result = parseHudIncomeLimitsCsv([HEADER, line("2024", "Flat", "A", "80000", flat)].join("\n"), EFFECTIVE);
    expect(result.errors).toEqual([]);
    expect(result.tables).toHaveLength(1);
    expect(result.warnings).toEqual([
      { row: 2, column: "L50_8", message: "50% limit for 8 persons equals the limit for 7 (49600)" },
    ]);
  });

  it("does not flag a 30% limit equal to the 50% limit (HUD caps ELI at VLI)", () => {
    const result = parseHudIncomeLimitsCsv([HEADER, line("2024", "Capped", "A", "80000", undefined, VLI.map(String))].join("\n"), EFFECTIVE);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("merges HUD's repeated metro rows (one per county) and rejects conflicting repeats", () => {
    const csv = [
      HEADER,
      line("2024", "Metro", "M1", "80000"),
      line("2024", "Metro", "M1", "80000"),
      line("2024", "Metro", "M1", "81000"),
    ].join("\n");
    const result = parseHudIncomeLimitsCsv(csv, EFFECTIVE);
    expect(result.tables).toHaveLength(1);
    expect(result.errors).toEqual([
      { row: 4, column: "fips", message: "area M1 (FY2024) already appears on row 2 with different figures" },
    ]);
  });

  it("reports missing columns on row 1", () => {
    const header = HEADER.replace(",L50_4", "").replace(",Median", "");
    const result = parseHudIncomeLimitsCsv(header + "\n", EFFECTIVE);
    expect(result.tables).toEqual([]);
    expect(result.errors).toEqual([
      { row: 1, column: "median", message: "missing column (median family income: medianYYYY or median)" },
      { row: 1, column: "l50_4", message: "missing column" },
    ]);
  });

  it("needs a fiscal year from fy, the median column's name, or the options", () => {
    const header = HEADER.replace("FY,", "");
    const row = line("2024", "A", "A", "80000").replace(/^2024,/, "");
    expect(parseHudIncomeLimitsCsv(`${header}\n${row}\n`, EFFECTIVE).errors[0]).toMatchObject({ row: 1, column: "fy" });
    expect(parseHudIncomeLimitsCsv(`${header}\n${row}\n`, { fiscalYear: 2025, ...EFFECTIVE }).tables[0]!.fiscalYear).toBe(2025);
  });

  it("needs the date the tables take effect: an effective_from column or the date given with the import", () => {
    const csv = [HEADER, line("2024", "A", "A", "80000")].join("\n");
    expect(parseHudIncomeLimitsCsv(csv).errors).toEqual([
      { row: 1, column: "effective_from", message: expect.stringContaining("no effective date") },
    ]);
    expect(parseHudIncomeLimitsCsv(csv, { effectiveFrom: "2024-02-30" }).errors).toEqual([
      { row: 0, column: "effectiveFrom", message: 'effective date must be a calendar date YYYY-MM-DD (got "2024-02-30")' },
    ]);
    expect(parseHudIncomeLimitsCsv(csv, EFFECTIVE).tables[0]!.effectiveFrom).toBe("2024-04-01");
    // a column wins over the date given with the import; an empty cell falls back to it; a bad cell is an error
    const withColumn = [
      `${HEADER},effective_from`,
      `${line("2024", "A", "A", "80000")},2024-05-01`,
      `${line("2024", "B", "B", "80000")},`,
      `${line("2024", "C", "C", "80000")},1 May 2024`,
    ].join("\n");
    const result = parseHudIncomeLimitsCsv(withColumn, EFFECTIVE);
    expect(result.tables.map((t) => [t.areaCode, t.effectiveFrom])).toEqual([["A", "2024-05-01"], ["B", "2024-04-01"]]);
    expect(result.errors).toEqual([
      { row: 4, column: "effective_from", message: 'effective date must be a calendar date YYYY-MM-DD (got "1 May 2024")' },
    ]);
  });

  it("turns malformed CSV into an error with a line number", () => {
    const result = parseHudIncomeLimitsCsv(`${HEADER}\n"2024,unclosed\n`);
    expect(result.tables).toEqual([]);
    expect(result.errors[0]).toMatchObject({ row: 2, message: expect.stringContaining("line 2") });
  });
});

describe("parseIncomeLimitTablesJson", () => {
  it("round-trips the seed tables", () => {
    const result = parseIncomeLimitTablesJson(JSON.stringify(SEED_INCOME_LIMIT_TABLES));
    expect(result.errors).toEqual([]);
    expect(result.tables).toEqual(SEED_INCOME_LIMIT_TABLES);
  });

  it("reports each bad table by its position and field path", () => {
    const good = { ...ADDISON_COUNTY_VT_FY2023 };
    const badValue = {
      ...good,
      areaCode: "X",
      limits: [{ level: 50, byHouseholdSize: [1, 2, 3, -4, 5, 6, 7, 8] }],
    };
    const badLevel = { ...good, areaCode: "Y", limits: [{ level: 60, byHouseholdSize: [1, 2, 3, 4, 5, 6, 7, 8] }] };
    const noSource = { ...good, areaCode: "Z", source: undefined };
    const noDate = { ...good, areaCode: "V", effectiveFrom: undefined };
    const badDate = { ...good, areaCode: "U", effectiveFrom: "2023-13-01" };
    const decreasing = {
      ...good,
      areaCode: "W",
      limits: [{ level: 50, byHouseholdSize: [8, 7, 9, 10, 11, 12, 13, 14] }],
    };
    const result = parseIncomeLimitTablesJson(JSON.stringify([good, badValue, badLevel, noSource, decreasing, noDate, badDate]));
    expect(result.tables.map((t) => t.areaCode)).toEqual([good.areaCode]);
    expect(result.errors).toEqual([
      { row: 2, column: "limits[0].byHouseholdSize[3]", message: "must be greater than 0" },
      { row: 3, column: "limits[0].level", message: "level must be 30, 50 or 80" },
      { row: 4, column: "source", message: "missing value: say where the figures come from" },
      {
        row: 5,
        column: "limits[0].byHouseholdSize[1]",
        message: "50% limit for 2 persons (7) is lower than for 1 (8); limits must increase with household size",
      },
      { row: 6, column: "effectiveFrom", message: expect.stringContaining("no effective date") },
      { row: 7, column: "effectiveFrom", message: "effective date must be a calendar date YYYY-MM-DD" },
    ]);
  });

  it("rejects text that is not a JSON array", () => {
    expect(parseIncomeLimitTablesJson("{").errors[0]).toMatchObject({ row: 0 });
    expect(parseIncomeLimitTablesJson("{}").errors).toEqual([{ row: 0, column: "", message: "expected a JSON array of tables" }]);
  });
});

describe("parseIncomeLimitImport", () => {
  it("detects JSON and CSV", () => {
    expect(parseIncomeLimitImport(JSON.stringify(SEED_INCOME_LIMIT_TABLES)).tables).toHaveLength(SEED_INCOME_LIMIT_TABLES.length);
    expect(parseIncomeLimitImport(exampleHudCsv()).tables).toHaveLength(1);
    expect(parseIncomeLimitImport(exampleHudCsv()).tables[0]!.effectiveFrom).toBe("2023-05-15");
  });
});

describe("seed tables", () => {
  it.each(SEED_INCOME_LIMIT_TABLES.map((t) => [t.areaName, t] as const))("%s is internally consistent and sourced", (_name, table) => {
    const result = parseIncomeLimitTablesJson(JSON.stringify([table]));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(table.source).toMatch(/https?:\/\//);
    // sizes 1–3 and 5–8 of the 50% row follow HUD's factors applied to the 4-person limit, rounded up to $50
    const vli = table.limits.find((l) => l.level === 50)!.byHouseholdSize;
    const factors = [70, 80, 90, 100, 108, 116, 124, 132];
    factors.forEach((f, i) => {
      expect(vli[i]).toBe(Math.ceil((vli[3] * f) / 100 / 50) * 50);
    });
  });
});
