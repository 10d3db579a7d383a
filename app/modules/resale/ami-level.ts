import {
  chooseTableInEffect,
  IncomeLimitError,
  incomeLimitFor,
  isTableOfArea,
  type DerivationMethod,
  type HouseholdSizeLimits,
  type IncomeLimitTable,
} from "~/modules/income-limits/income-limits";

/**
 * Resolving an affordability income named by an AMI level ("80 % AMI, bedrooms + 1 persons, area X") to dollars,
 * at the valuation date (issue 8 §2; docs/income-limits.md). Pure: the tables come with the request
 * (`incomeLimitTables`), so the same request always gives the same result; the app's server fills them in from
 * the organisation's stored tables (docs/resale-contract.md, "AMI levels").
 *
 *   - the table: `chooseTableInEffect` (income-limits.ts) — among the tables of the named area (HUD area code or
 *     name, ignoring case and surrounding spaces), the one with the latest `effectiveFrom` on or before the
 *     valuation date. None → an error naming the area and the date and listing the tables given. Never another
 *     area's table.
 *   - the household size: the fixed size, or the home's bedrooms + 1.
 *   - the income: `incomeLimitFor` — HUD's published row for 30 / 50 / 80 % (9+ persons by HUD's large-household
 *     rule), any other level by the table's stored derivation method.
 */

export type AmiLevelSpec = { level: number; householdSize: number | "bedrooms-plus-one"; area: string };

/** A table as the contract carries it: whole dollars as decimal strings. */
export type IncomeLimitTableInput = {
  areaCode: string;
  areaName: string;
  fiscalYear: number;
  effectiveFrom: string;
  medianFamilyIncome: string;
  derivationMethod: DerivationMethod;
  limits: { "30"?: string[]; "50": string[]; "80": string[] };
  source?: string;
};

export type AmiIncome = {
  /** Dollars, two decimals. */
  income: string;
  level: number;
  householdSize: number;
  /** "fixed" or "bedrooms-plus-one" (with the bedrooms). */
  householdSizeRule: string;
  table: { areaCode: string; areaName: string; fiscalYear: number; effectiveFrom: string };
  /** How the limit was obtained (published row, HUD's large-household rule, or the derivation). */
  limitExplanation: string;
  /** One sentence for the worksheet. */
  explanation: string;
};

export type AmiResolution = { ok: true; value: AmiIncome } | { ok: false; path: "area" | "householdSize" | "level"; message: string };

/** The table of `area` in effect on `date`, or null. */
export function tableInEffect(tables: readonly IncomeLimitTableInput[], area: string, date: string): IncomeLimitTableInput | null {
  return chooseTableInEffect(tables, area, date);
}

function toTable(input: IncomeLimitTableInput): IncomeLimitTable {
  const row = (values: string[]) => values.map(Number) as unknown as HouseholdSizeLimits;
  const limits: { level: 30 | 50 | 80; byHouseholdSize: HouseholdSizeLimits }[] = [];
  if (input.limits["30"]) limits.push({ level: 30, byHouseholdSize: row(input.limits["30"]) });
  limits.push({ level: 50, byHouseholdSize: row(input.limits["50"]) }, { level: 80, byHouseholdSize: row(input.limits["80"]) });
  return {
    fiscalYear: input.fiscalYear,
    areaCode: input.areaCode,
    areaName: input.areaName,
    medianFamilyIncome: Number(input.medianFamilyIncome),
    limits,
    source: input.source ?? "",
    effectiveFrom: input.effectiveFrom,
    derivationMethod: input.derivationMethod,
  };
}

function persons(size: number): string {
  return `${size} person${size === 1 ? "" : "s"}`;
}

/** The income an AMI level names on `date`, or why it cannot be resolved (in the user's words). */
export function resolveAmiLevel(
  spec: AmiLevelSpec,
  tables: readonly IncomeLimitTableInput[] | undefined,
  date: string,
  bedrooms: number | undefined,
): AmiResolution {
  let householdSize: number;
  let householdSizeRule: string;
  if (spec.householdSize === "bedrooms-plus-one") {
    if (bedrooms === undefined) return { ok: false, path: "householdSize", message: 'needs the home\'s bedrooms (home.bedrooms) for "bedrooms-plus-one"' };
    householdSize = bedrooms + 1;
    householdSizeRule = `bedrooms + 1 = ${bedrooms} + 1`;
  } else {
    householdSize = spec.householdSize;
    householdSizeRule = "fixed";
  }
  const available = tables ?? [];
  const table = tableInEffect(available, spec.area, date);
  if (!table) {
    const sameArea = available.filter((t) => isTableOfArea(t, spec.area));
    const listed = (sameArea.length ? sameArea : available).map((t) => `${t.areaName} FY${t.fiscalYear} from ${t.effectiveFrom}`);
    const existing = listed.length ? `; tables given: ${listed.join(", ")}` : "; no income-limit tables were given (incomeLimitTables)";
    return { ok: false, path: "area", message: `has no income-limit table in effect on ${date} for "${spec.area.trim()}"${existing}` };
  }
  let limit;
  try {
    limit = incomeLimitFor(toTable(table), spec.level, householdSize);
  } catch (error) {
    if (!(error instanceof IncomeLimitError)) throw error;
    return { ok: false, path: "level", message: `cannot be resolved from the ${table.areaName} FY${table.fiscalYear} table: ${error.message}` };
  }
  const sizeText = householdSizeRule === "fixed" ? persons(householdSize) : `${persons(householdSize)} (${householdSizeRule})`;
  return {
    ok: true,
    value: {
      income: limit.limit,
      level: spec.level,
      householdSize,
      householdSizeRule: householdSizeRule === "fixed" ? "fixed" : "bedrooms-plus-one",
      table: { areaCode: table.areaCode, areaName: table.areaName, fiscalYear: table.fiscalYear, effectiveFrom: table.effectiveFrom },
      limitExplanation: limit.explanation,
      explanation: `${spec.level}% AMI for ${sizeText} from the ${table.areaName} FY${table.fiscalYear} table in effect on ${date} (effective ${table.effectiveFrom}): ${limit.explanation}`,
    },
  };
}
