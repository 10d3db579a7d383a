/**
 * Import of HUD income-limit tables: HUD's published CSV layout, or a JSON array of tables.
 * Pure: text in, `{ tables, errors, warnings }` out. See docs/income-limits.md for the format.
 *
 * Problem numbering: `row` is 1-based with the header as row 1 (first data row = row 2) for CSV;
 * for JSON, `row` is the 1-based position of the table in the array. Row 0 means the whole file.
 *
 * Errors reject the row/table (it is not in `tables`); warnings keep it but should be shown to the user.
 * - error: missing / non-numeric / negative / fractional value; a limit that DEcreases as the household
 *   grows; a 30 % limit above the 50 % limit, or a 50 % limit above the 80 % limit, for the same size;
 *   two rows for the same fiscal year and area code with different figures.
 * - warning: a limit equal to the next smaller household's; 50 % equal to 80 % for a size; the 4-person
 *   80 % limit above the median. 30 % equal to 50 % is NOT flagged: HUD caps extremely-low limits at the
 *   very-low limit, so equality is normal in lower-income areas.
 */
import { z } from "zod";

import { CsvFormatError, parseCsv, toCsv } from "~/utils/csv";
import { isCalendarDate } from "~/utils/calendar-date";

import {
  PUBLISHED_LEVELS,
  type HouseholdSizeLimits,
  type IncomeLimitTable,
  type PublishedIncomeLimit,
  type PublishedLevel,
} from "./income-limits";
import { ADDISON_COUNTY_VT_FY2023 } from "./seed-tables";

export interface HudImportIssue {
  row: number;
  column: string;
  message: string;
}

export interface HudImportResult {
  tables: IncomeLimitTable[];
  errors: HudImportIssue[];
  warnings: HudImportIssue[];
}

export interface HudImportOptions {
  /** Fiscal year to use when the file has neither an `fy` column nor a `medianYYYY` column. */
  fiscalYear?: number;
  /** Source recorded on every imported table (default: "HUD Section 8 Income Limits FYyyyy (CSV import)"). */
  source?: string;
  /**
   * "YYYY-MM-DD": the date the tables take effect (HUD announces one per fiscal year), for tables whose row has
   * no `effective_from` column (CSV) or `effectiveFrom` field (JSON). A table without any is refused.
   */
  effectiveFrom?: string;
}

const NO_EFFECTIVE_DATE =
  "no effective date: give the date HUD's tables take effect (HUD announces it each fiscal year, e.g. 2024-04-01 for FY2024)";

function effectiveDateIssue(value: string): string | null {
  return isCalendarDate(value) ? null : `effective date must be a calendar date YYYY-MM-DD (got "${value}")`;
}

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const LEVEL_PREFIX: Record<PublishedLevel, string> = { 30: "eli", 50: "l50", 80: "l80" };

// ---------------------------------------------------------------------------------------------
// Consistency rules shared by the CSV and JSON forms
// ---------------------------------------------------------------------------------------------

type ColumnNamer = (level: PublishedLevel | "median", size?: number) => string;

export function checkTableConsistency(
  table: Pick<IncomeLimitTable, "medianFamilyIncome" | "limits">,
  columnName: ColumnNamer,
): { errors: { column: string; message: string }[]; warnings: { column: string; message: string }[] } {
  const errors: { column: string; message: string }[] = [];
  const warnings: { column: string; message: string }[] = [];
  const byLevel = new Map<PublishedLevel, HouseholdSizeLimits>(table.limits.map((l) => [l.level, l.byHouseholdSize]));

  for (const [level, values] of byLevel) {
    for (let i = 1; i < 8; i++) {
      const prev = values[i - 1]!;
      const cur = values[i]!;
      if (cur < prev) {
        errors.push({
          column: columnName(level, i + 1),
          message: `${level}% limit for ${i + 1} persons (${cur}) is lower than for ${i} (${prev}); limits must increase with household size`,
        });
      } else if (cur === prev) {
        warnings.push({
          column: columnName(level, i + 1),
          message: `${level}% limit for ${i + 1} persons equals the limit for ${i} (${cur})`,
        });
      }
    }
  }

  const eli = byLevel.get(30);
  const vli = byLevel.get(50);
  const li = byLevel.get(80);
  for (const size of SIZES) {
    const i = size - 1;
    if (eli && vli && eli[i]! > vli[i]!) {
      errors.push({
        column: columnName(30, size),
        message: `30% limit for ${size} persons (${eli[i]}) is above the 50% limit (${vli[i]})`,
      });
    }
    if (vli && li) {
      if (vli[i]! > li[i]!) {
        errors.push({
          column: columnName(50, size),
          message: `50% limit for ${size} persons (${vli[i]}) is above the 80% limit (${li[i]})`,
        });
      } else if (vli[i] === li[i]) {
        warnings.push({
          column: columnName(80, size),
          message: `80% limit for ${size} persons equals the 50% limit (${li[i]})`,
        });
      }
    }
  }
  if (li && li[3]! > table.medianFamilyIncome) {
    warnings.push({
      column: columnName(80, 4),
      message: `80% limit for 4 persons (${li[3]}) is above the median family income (${table.medianFamilyIncome})`,
    });
  }
  return { errors, warnings };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** Whole dollars: "43200", "43,200", "$43,200", "43200.00". */
function parseWholeDollars(raw: string | undefined): { value: number } | { error: string } {
  const text = (raw ?? "").trim();
  if (text === "") return { error: "missing value" };
  const cleaned = text.replace(/^\$/, "").replace(/^-\$/, "-");
  if (/^-/.test(cleaned) && /^-[\d,]+(\.\d+)?$/.test(cleaned)) return { error: `must not be negative (got "${text}")` };
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(cleaned)) return { error: `not a number (got "${text}")` };
  const [whole, fraction] = cleaned.replace(/,/g, "").split(".");
  if (fraction !== undefined && !/^0+$/.test(fraction)) return { error: `must be whole dollars (got "${text}")` };
  const value = Number(whole);
  if (!Number.isSafeInteger(value)) return { error: `too large (got "${text}")` };
  return { value };
}

interface HeaderMap {
  fy?: string;
  effectiveFrom?: string;
  areaName: string;
  areaCode: string;
  median: string;
  medianYear?: number;
  levels: Record<PublishedLevel, string[]>;
}

function resolveHeaders(headers: string[]): { map?: HeaderMap; errors: HudImportIssue[] } {
  const byLower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const errors: HudImportIssue[] = [];
  const pick = (...names: string[]) => names.map((n) => byLower.get(n)).find((h) => h !== undefined);

  const areaName = pick("hud_area_name", "area_name", "areaname");
  const areaCode = pick("hud_area_code", "area_code", "fips");
  const medianHeaders = headers.filter((h) => /^median(\d{4})?$/i.test(h));
  if (!areaName) errors.push({ row: 1, column: "hud_area_name", message: "missing column (area name: hud_area_name or Area_Name)" });
  if (!areaCode) errors.push({ row: 1, column: "hud_area_code", message: "missing column (area code: hud_area_code or fips)" });
  if (medianHeaders.length === 0) errors.push({ row: 1, column: "median", message: "missing column (median family income: medianYYYY or median)" });
  if (medianHeaders.length > 1) {
    errors.push({ row: 1, column: medianHeaders.join(", "), message: "more than one median column; keep only one" });
  }

  const levels = {} as Record<PublishedLevel, string[]>;
  for (const level of PUBLISHED_LEVELS) {
    levels[level] = SIZES.map((size) => {
      const wanted = `${LEVEL_PREFIX[level]}_${size}`;
      const found = byLower.get(wanted);
      if (!found) errors.push({ row: 1, column: level === 30 ? `ELI_${size}` : wanted, message: "missing column" });
      return found ?? wanted;
    });
  }
  if (errors.length > 0) return { errors };
  const median = medianHeaders[0]!;
  const yearMatch = /^median(\d{4})$/i.exec(median);
  return {
    map: {
      fy: pick("fy", "fiscal_year"),
      effectiveFrom: pick("effective_from", "effectivefrom", "effective_date"),
      areaName: areaName!,
      areaCode: areaCode!,
      median,
      medianYear: yearMatch ? Number(yearMatch[1]) : undefined,
      levels,
    },
    errors,
  };
}

/**
 * Parse HUD's published income-limit CSV (the "Section 8 Income Limits" file saved as CSV).
 * Headers are case-insensitive: area name `hud_area_name`/`Area_Name`, area code `hud_area_code`/`fips`,
 * median `median2024` (any `medianYYYY`) or `median`, `l50_1`…`l50_8`, `ELI_1`…`ELI_8`, `l80_1`…`l80_8`,
 * and optionally `fy`. The fiscal year comes from `fy`, else the median column's year, else `options.fiscalYear`.
 * HUD's county-level file repeats a metro area on each of its counties: identical repeats are merged.
 */
export function parseHudIncomeLimitsCsv(text: string, options: HudImportOptions = {}): HudImportResult {
  let parsed: { headers: string[]; rows: Record<string, string>[] };
  try {
    parsed = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvFormatError) return { tables: [], errors: [{ row: e.line, column: "", message: e.message }], warnings: [] };
    throw e;
  }
  if (parsed.headers.length === 0) return { tables: [], errors: [{ row: 0, column: "", message: "the file is empty" }], warnings: [] };

  const { map, errors: headerErrors } = resolveHeaders(parsed.headers);
  if (!map) return { tables: [], errors: headerErrors, warnings: [] };
  if (!map.fy && map.medianYear === undefined && options.fiscalYear === undefined) {
    return {
      tables: [],
      errors: [{ row: 1, column: "fy", message: "no fiscal year: add an fy column, name the median column medianYYYY, or choose the year" }],
      warnings: [],
    };
  }

  if (!map.effectiveFrom && options.effectiveFrom === undefined) {
    return { tables: [], errors: [{ row: 1, column: "effective_from", message: NO_EFFECTIVE_DATE }], warnings: [] };
  }
  if (options.effectiveFrom !== undefined && effectiveDateIssue(options.effectiveFrom)) {
    return { tables: [], errors: [{ row: 0, column: "effectiveFrom", message: effectiveDateIssue(options.effectiveFrom)! }], warnings: [] };
  }

  const errors: HudImportIssue[] = [];
  const warnings: HudImportIssue[] = [];
  const tables: IncomeLimitTable[] = [];
  const seen = new Map<string, { row: number; fingerprint: string }>();

  const columnName: ColumnNamer = (level, size) => (level === "median" ? map.median : map.levels[level][size! - 1]!);

  parsed.rows.forEach((record, index) => {
    const row = index + 2;
    const rowErrors: HudImportIssue[] = [];

    let fiscalYear = map.medianYear ?? options.fiscalYear!;
    if (map.fy) {
      const fy = (record[map.fy] ?? "").trim();
      if (!/^\d{4}$/.test(fy)) rowErrors.push({ row, column: map.fy, message: `fiscal year must be four digits (got "${fy}")` });
      else fiscalYear = Number(fy);
    }
    let effectiveFrom = options.effectiveFrom ?? "";
    const effectiveCell = map.effectiveFrom ? (record[map.effectiveFrom] ?? "").trim() : "";
    if (effectiveCell !== "") effectiveFrom = effectiveCell;
    if (effectiveFrom === "") rowErrors.push({ row, column: map.effectiveFrom ?? "effective_from", message: NO_EFFECTIVE_DATE });
    else if (effectiveDateIssue(effectiveFrom)) rowErrors.push({ row, column: map.effectiveFrom ?? "effective_from", message: effectiveDateIssue(effectiveFrom)! });
    const areaName = (record[map.areaName] ?? "").trim();
    const areaCode = (record[map.areaCode] ?? "").trim();
    if (areaName === "") rowErrors.push({ row, column: map.areaName, message: "missing value" });
    if (areaCode === "") rowErrors.push({ row, column: map.areaCode, message: "missing value" });

    const median = parseWholeDollars(record[map.median]);
    if ("error" in median) rowErrors.push({ row, column: map.median, message: median.error });
    else if (median.value === 0) rowErrors.push({ row, column: map.median, message: "must be greater than 0" });

    const limits: PublishedIncomeLimit[] = [];
    for (const level of PUBLISHED_LEVELS) {
      const values: number[] = [];
      map.levels[level].forEach((column) => {
        const v = parseWholeDollars(record[column]);
        if ("error" in v) rowErrors.push({ row, column, message: v.error });
        else if (v.value === 0) rowErrors.push({ row, column, message: "must be greater than 0" });
        else values.push(v.value);
      });
      if (values.length === 8) limits.push({ level, byHouseholdSize: values as unknown as HouseholdSizeLimits });
    }
    if (rowErrors.length > 0 || "error" in median) {
      errors.push(...rowErrors);
      return;
    }

    const table: IncomeLimitTable = {
      fiscalYear,
      areaCode,
      areaName,
      medianFamilyIncome: median.value,
      limits,
      source: options.source ?? `HUD Section 8 Income Limits FY${fiscalYear} (CSV import)`,
      effectiveFrom,
    };
    const check = checkTableConsistency(table, columnName);
    warnings.push(...check.warnings.map((w) => ({ row, ...w })));
    if (check.errors.length > 0) {
      errors.push(...check.errors.map((e) => ({ row, ...e })));
      return;
    }

    const key = `${fiscalYear}|${areaCode}`;
    const fingerprint = JSON.stringify([table.areaName, table.medianFamilyIncome, table.limits, table.effectiveFrom]);
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        errors.push({
          row,
          column: map.areaCode,
          message: `area ${areaCode} (FY${fiscalYear}) already appears on row ${earlier.row} with different figures`,
        });
      }
      return;
    }
    seen.set(key, { row, fingerprint });
    tables.push(table);
  });

  return { tables, errors, warnings };
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

const wholeDollars = z.number().int("must be whole dollars").positive("must be greater than 0").max(Number.MAX_SAFE_INTEGER);

const publishedLimitSchema = z.object({
  level: z.union([z.literal(30), z.literal(50), z.literal(80)], {
    errorMap: () => ({ message: "level must be 30, 50 or 80" }),
  }),
  byHouseholdSize: z.tuple([
    wholeDollars, wholeDollars, wholeDollars, wholeDollars,
    wholeDollars, wholeDollars, wholeDollars, wholeDollars,
  ]),
});

export const incomeLimitTableSchema = z.object({
  fiscalYear: z.number().int().min(1970).max(2100),
  areaCode: z.string().trim().min(1, "missing value"),
  areaName: z.string().trim().min(1, "missing value"),
  medianFamilyIncome: wholeDollars,
  limits: z
    .array(publishedLimitSchema)
    .min(1, "at least one published level (30, 50 or 80) is needed")
    .refine((ls) => new Set(ls.map((l) => l.level)).size === ls.length, "a level appears twice"),
  source: z.string().trim().min(1, "missing value").optional(),
  effectiveFrom: z
    .string()
    .trim()
    .refine(isCalendarDate, "effective date must be a calendar date YYYY-MM-DD")
    .optional(),
  notes: z.string().optional(),
});

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");
}

/** Parse a JSON array of income-limit tables (the `IncomeLimitTable` shape; `source` defaults to options.source). */
export function parseIncomeLimitTablesJson(text: string, options: HudImportOptions = {}): HudImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { tables: [], errors: [{ row: 0, column: "", message: `not valid JSON: ${(e as Error).message}` }], warnings: [] };
  }
  if (!Array.isArray(data)) {
    return { tables: [], errors: [{ row: 0, column: "", message: "expected a JSON array of tables" }], warnings: [] };
  }
  const tables: IncomeLimitTable[] = [];
  const errors: HudImportIssue[] = [];
  const warnings: HudImportIssue[] = [];
  const seen = new Set<string>();
  data.forEach((item, index) => {
    const row = index + 1;
    const result = incomeLimitTableSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ row, column: formatPath(issue.path), message: issue.message });
      return;
    }
    const t = result.data;
    const source = t.source ?? options.source;
    if (!source) {
      errors.push({ row, column: "source", message: "missing value: say where the figures come from" });
      return;
    }
    const effectiveFrom = t.effectiveFrom ?? options.effectiveFrom;
    if (!effectiveFrom || effectiveDateIssue(effectiveFrom)) {
      errors.push({ row, column: "effectiveFrom", message: effectiveFrom ? effectiveDateIssue(effectiveFrom)! : NO_EFFECTIVE_DATE });
      return;
    }
    const levelIndex = new Map(t.limits.map((l, i) => [l.level, i]));
    const columnName: ColumnNamer = (level, size) =>
      level === "median" ? "medianFamilyIncome" : `limits[${levelIndex.get(level)}].byHouseholdSize[${size! - 1}]`;
    const table: IncomeLimitTable = {
      fiscalYear: t.fiscalYear,
      areaCode: t.areaCode,
      areaName: t.areaName,
      medianFamilyIncome: t.medianFamilyIncome,
      limits: t.limits.map((l) => ({ level: l.level, byHouseholdSize: l.byHouseholdSize })),
      source,
      effectiveFrom,
      ...(t.notes !== undefined ? { notes: t.notes } : {}),
    };
    const check = checkTableConsistency(table, columnName);
    warnings.push(...check.warnings.map((w) => ({ row, ...w })));
    if (check.errors.length > 0) {
      errors.push(...check.errors.map((e) => ({ row, ...e })));
      return;
    }
    const key = `${table.fiscalYear}|${table.areaCode}`;
    if (seen.has(key)) {
      errors.push({ row, column: "areaCode", message: `area ${table.areaCode} (FY${table.fiscalYear}) appears twice` });
      return;
    }
    seen.add(key);
    tables.push(table);
  });
  return { tables, errors, warnings };
}

/** Either form: text starting with "[" is JSON, anything else is HUD's CSV layout. */
export function parseIncomeLimitImport(text: string, options: HudImportOptions = {}): HudImportResult {
  return text.replace(/^\uFEFF/, "").trimStart().startsWith("[")
    ? parseIncomeLimitTablesJson(text, options)
    : parseHudIncomeLimitsCsv(text, options);
}

/**
 * A small valid example in HUD's CSV layout for the import screen's help text: one area (the seeded
 * FY2023 Addison County, VT table), the median column named by year so no `fy` column is needed.
 */
export function exampleHudCsv(): string {
  const t = ADDISON_COUNTY_VT_FY2023;
  const headers = [
    "hud_area_code",
    "hud_area_name",
    "effective_from",
    `median${t.fiscalYear}`,
    ...SIZES.map((s) => `l50_${s}`),
    ...SIZES.map((s) => `ELI_${s}`),
    ...SIZES.map((s) => `l80_${s}`),
  ];
  const level = (l: PublishedLevel) => t.limits.find((x) => x.level === l)!.byHouseholdSize;
  const row: Record<string, string> = {
    hud_area_code: t.areaCode,
    hud_area_name: t.areaName,
    effective_from: t.effectiveFrom,
    [`median${t.fiscalYear}`]: String(t.medianFamilyIncome),
  };
  SIZES.forEach((s, i) => {
    row[`l50_${s}`] = String(level(50)[i]);
    row[`ELI_${s}`] = String(level(30)[i]);
    row[`l80_${s}`] = String(level(80)[i]);
  });
  return toCsv(headers, [row]);
}
