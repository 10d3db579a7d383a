/**
 * HUD income limits (AMI): pure logic, no I/O.
 *
 * Money conventions in this module (one rule, everywhere):
 * - A table stores figures exactly as HUD publishes them: **whole dollars** (JS safe integers).
 * - Incomes passed in are **dollars** as a decimal string ("52000", "52000.50") or a `Decimal`.
 *   A JS `number` is accepted only when it is a safe integer (whole dollars) — never a float.
 *   The database stores integer cents; convert with `dollarsFromCents()` at the boundary.
 * - Amounts returned are **dollar strings with two decimals** ("43200.00").
 * - Percentages are decimal strings with two decimals ("67.42"), never floats.
 *
 * See docs/income-limits.md for the rules and their sources.
 */
import { Decimal } from "~/utils/money";

/** The app's decimal type (~/utils/money) at the 40 significant digits these rules were written and checked with. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** The levels HUD publishes: 30 % ("extremely low"), 50 % ("very low"), 80 % ("low"). */
export const PUBLISHED_LEVELS = [30, 50, 80] as const;
export type PublishedLevel = (typeof PUBLISHED_LEVELS)[number];

/** Eight whole-dollar limits, for household sizes 1 to 8 (index 0 = 1 person). */
export type HouseholdSizeLimits = readonly [number, number, number, number, number, number, number, number];

export interface PublishedIncomeLimit {
  level: PublishedLevel;
  byHouseholdSize: HouseholdSizeLimits;
}

/** One HUD income-limit table: one fiscal year, one area. */
export interface IncomeLimitTable {
  fiscalYear: number;
  /** HUD area code, e.g. "METRO10740M10740". */
  areaCode: string;
  areaName: string;
  /** HUD's 4-person median family income for the area, whole dollars. */
  medianFamilyIncome: number;
  /** The published rows, stored as published. A table may lack a level (e.g. no ELI row). */
  limits: readonly PublishedIncomeLimit[];
  /** Where the figures come from (document name / URL), or an "ILLUSTRATIVE" label. */
  source: string;
  /**
   * "YYYY-MM-DD": the date the table takes effect, as HUD announces it for the fiscal year (usually April–June;
   * FY2024: 2024-04-01). A certification uses the newest table of its area in effect on its date.
   */
  effectiveFrom: string;
  /** How levels HUD does not publish (60/100/120 %) are derived from this table; stored with the table. */
  derivationMethod?: DerivationMethod;
  /** Optional remarks on provenance (e.g. which figure was cross-checked, and how). */
  notes?: string;
}

export type MoneyInput = string | Decimal;

// ---------------------------------------------------------------------------------------------
// Derivation methods for levels HUD does not publish (60 %, 100 %, 120 %, …)
// ---------------------------------------------------------------------------------------------

export const DERIVATION_METHOD_IDS = ["multiple-of-50", "median-times-size"] as const;
export type DerivationMethod = (typeof DERIVATION_METHOD_IDS)[number];

export const DERIVATION_METHODS: Readonly<
  Record<DerivationMethod, { id: DerivationMethod; label: string; description: string }>
> = {
  "multiple-of-50": {
    id: "multiple-of-50",
    label: "Multiple of the 50 % (very low-income) limit",
    description:
      "Limit = (level ÷ 50) × HUD's published 50 % limit for the household size, not rounded to $50 " +
      "(whole dollars, rounded up only if the level itself has a fraction). This is how HUD derives the " +
      "60 % limit (120 % of the very low-income limit) and how many programs set 100 % (2 ×) and 120 % (2.4 ×). " +
      "Because it starts from the published 50 % row, it inherits HUD's caps and floors.",
  },
  "median-times-size": {
    id: "median-times-size",
    label: "Median × level × household-size factor",
    description:
      "Limit = 4-person median family income × level % × HUD's household-size adjustment " +
      "(70 % for 1 person … 132 % for 8, +8 points per extra person), rounded up to the next $50 " +
      "as HUD rounds its size-adjusted limits. Ignores HUD's caps and floors.",
  },
};

export function isDerivationMethod(value: unknown): value is DerivationMethod {
  return typeof value === "string" && (DERIVATION_METHOD_IDS as readonly string[]).includes(value);
}

/** Result of any limit look-up: the amount and how it was obtained. */
export interface IncomeLimitResult {
  /** Level in % of AMI, as a string ("50", "100", "62.5"). */
  level: string;
  /** Household size as a string ("4", "4.5"). */
  householdSize: string;
  /** Dollars, two decimals. */
  amount: string;
  /**
   * - "published": read from the table as HUD published it (sizes 1–8, levels 30/50/80);
   * - "hud-large-household": a published level for 9+ persons, by HUD's large-family rule;
   * - "derived": a level HUD does not publish, via `method`;
   * - "interpolated": a fractional household size, between the two neighbouring sizes.
   */
  basis: "published" | "hud-large-household" | "derived" | "interpolated";
  /** The derivation method, recorded whenever one was used (null for published figures). */
  method: DerivationMethod | null;
  explanation: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export class IncomeLimitError extends Error {
  override name = "IncomeLimitError";
}

function toMoney(value: MoneyInput | number, what: string): Dec {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new IncomeLimitError(`${what} must be whole dollars or a decimal string, not the float ${value}`);
    }
    return new D(value);
  }
  let d: Dec;
  try {
    d = new D(typeof value === "string" ? value.trim() : value.toString());
  } catch {
    throw new IncomeLimitError(`${what} is not a number: "${String(value)}"`);
  }
  if (!d.isFinite()) throw new IncomeLimitError(`${what} is not a finite number`);
  return d;
}

function toPositiveDecimal(value: number | string | Decimal, what: string): Dec {
  if (typeof value === "number" && !Number.isFinite(value)) throw new IncomeLimitError(`${what} is not finite`);
  let d: Dec;
  try {
    d = new D(typeof value === "number" ? String(value) : value.toString());
  } catch {
    throw new IncomeLimitError(`${what} is not a number: "${String(value)}"`);
  }
  if (!d.isFinite() || d.lte(0)) throw new IncomeLimitError(`${what} must be a positive number`);
  return d;
}

function assertHouseholdSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new IncomeLimitError(`Household size must be a whole number of at least 1 (got ${size})`);
  }
}

const roundUpTo50 = (x: Dec): Dec => x.div(50).ceil().times(50);
const dollars = (x: Dec): string => x.toFixed(2);

/** Integer cents (as stored by the DB layer) → dollar string with two decimals. */
export function dollarsFromCents(cents: number | bigint): string {
  if (typeof cents === "number" && !Number.isSafeInteger(cents)) {
    throw new IncomeLimitError(`Cents must be a safe integer (got ${cents})`);
  }
  return new D(cents.toString()).div(100).toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// Household-size adjustment
// ---------------------------------------------------------------------------------------------

const SIZE_FACTORS_PERCENT = [70, 80, 90, 100, 108, 116, 124, 132] as const;

/**
 * HUD's household-size adjustment relative to the 4-person figure, as a decimal factor:
 * 1p 0.70, 2p 0.80, 3p 0.90, 4p 1.00, 5p 1.08, 6p 1.16, 7p 1.24, 8p 1.32, then +0.08 per person beyond 8.
 */
export function sizeAdjustment(size: number): Decimal {
  assertHouseholdSize(size);
  const percent = size <= 8 ? SIZE_FACTORS_PERCENT[size - 1]! : 132 + 8 * (size - 8);
  return new Decimal(percent).div(100);
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

function isPublishedLevel(level: Dec): boolean {
  return (PUBLISHED_LEVELS as readonly number[]).some((l) => level.eq(l));
}

function publishedRow(table: IncomeLimitTable, level: number): PublishedIncomeLimit {
  const row = table.limits.find((l) => l.level === level);
  if (!row) {
    throw new IncomeLimitError(
      `The ${table.fiscalYear} table for ${table.areaName} has no published ${level}% row`,
    );
  }
  return row;
}

/**
 * A published level (30/50/80) for any household size, in whole dollars, with how it was obtained.
 * Sizes 1–8: the table as published. Sizes 9+: HUD's large-family rule — the published 4-person
 * limit × (1.32 + 0.08 per person beyond 8), rounded UP to the next $50, as HUD rounds its size-adjusted
 * limits for 1–8 persons (docs/income-limits.md explains the choice). For the 30 % level the result is capped at the 50 % limit of
 * the same size, as HUD caps extremely-low limits at very-low limits; HUD's poverty-guideline floor
 * for the 30 % level is NOT applied (the guideline is not part of the table).
 */
function publishedLimit(
  table: IncomeLimitTable,
  level: PublishedLevel,
  size: number,
): { amount: Dec; basis: "published" | "hud-large-household"; explanation: string } {
  const row = publishedRow(table, level);
  if (size <= 8) {
    const amount = new D(row.byHouseholdSize[size - 1]!);
    return {
      amount,
      basis: "published",
      explanation: `HUD FY${table.fiscalYear} ${level}% limit for ${size} person${size === 1 ? "" : "s"}, ${table.areaName}, as published`,
    };
  }
  const fourPerson = new D(row.byHouseholdSize[3]);
  const factor = new D(sizeAdjustment(size).toString());
  let amount = roundUpTo50(fourPerson.times(factor));
  let explanation =
    `HUD large-household rule: ${level}% 4-person limit ${fourPerson.toFixed(0)} × ${factor.toFixed(2)} ` +
    `for ${size} persons, rounded up to the next $50 = ${amount.toFixed(0)}`;
  if (level === 30) {
    const cap = publishedLimit(table, 50, size).amount;
    if (amount.gt(cap)) {
      amount = cap;
      explanation += `; capped at the 50% limit for ${size} persons (${cap.toFixed(0)})`;
    }
  }
  return { amount, basis: "hud-large-household", explanation };
}

/**
 * The income limit at `levelPercent` % of AMI for a household of `householdSize` persons (whole number ≥ 1).
 * Published levels (30, 50, 80) come from the table as published (9+ persons by HUD's rule, see above).
 * Any other level (60, 100, 120, 140, …) needs a named derivation `method`; the method is recorded in the result.
 */
export function limitFor(
  table: IncomeLimitTable,
  levelPercent: number,
  householdSize: number,
  method?: DerivationMethod,
): IncomeLimitResult {
  assertHouseholdSize(householdSize);
  const level = toPositiveDecimal(levelPercent, "Income level (%)");
  if (isPublishedLevel(level)) {
    const r = publishedLimit(table, level.toNumber() as PublishedLevel, householdSize);
    return {
      level: level.toString(),
      householdSize: String(householdSize),
      amount: dollars(r.amount),
      basis: r.basis,
      method: null,
      explanation: r.explanation,
    };
  }
  if (!method) {
    throw new IncomeLimitError(
      `HUD does not publish a ${level.toString()}% limit: choose a derivation method (${DERIVATION_METHOD_IDS.join(", ")})`,
    );
  }
  if (!isDerivationMethod(method)) throw new IncomeLimitError(`Unknown derivation method "${String(method)}"`);

  let amount: Dec;
  let explanation: string;
  if (method === "multiple-of-50") {
    const vli = publishedLimit(table, 50, householdSize);
    const multiple = level.div(50);
    amount = vli.amount.times(multiple).ceil();
    explanation =
      `${level.toString()}% = ${multiple.toString()} × the 50% limit (${vli.amount.toFixed(0)}; ${vli.explanation})` +
      ` = ${amount.toFixed(0)}`;
  } else {
    const median = new D(table.medianFamilyIncome);
    const factor = new D(sizeAdjustment(householdSize).toString());
    const raw = median.times(level).div(100).times(factor);
    amount = roundUpTo50(raw);
    explanation =
      `${level.toString()}% = median ${median.toFixed(0)} × ${level.toString()}% × size factor ${factor.toFixed(2)}` +
      ` = ${raw.toFixed(2)}, rounded up to the next $50 = ${amount.toFixed(0)}`;
  }
  return {
    level: level.toString(),
    householdSize: String(householdSize),
    amount: dollars(amount),
    basis: "derived",
    method,
    explanation,
  };
}

/**
 * The limit for a fractional household size (e.g. 4.5 persons from `unitBasedHouseholdSize`):
 * linear interpolation between the limits of the two neighbouring whole sizes — for x.5 the average
 * of the two, as HUD-style unit-based pricing does (a 3-bedroom at 4.5 persons = mean of the 4- and
 * 5-person limits). The result is rounded up to the cent. Whole sizes are passed straight to `limitFor`.
 */
export function limitForFractionalSize(
  table: IncomeLimitTable,
  levelPercent: number,
  householdSize: number | string | Decimal,
  method?: DerivationMethod,
): IncomeLimitResult {
  const size = toPositiveDecimal(householdSize, "Household size");
  if (size.lt(1)) throw new IncomeLimitError(`Household size must be at least 1 (got ${size.toString()})`);
  if (size.isInteger()) return limitFor(table, levelPercent, size.toNumber(), method);

  const lowerSize = size.floor().toNumber();
  const upperSize = lowerSize + 1;
  const lower = limitFor(table, levelPercent, lowerSize, method);
  const upper = limitFor(table, levelPercent, upperSize, method);
  const lo = new D(lower.amount);
  const hi = new D(upper.amount);
  const fraction = size.minus(lowerSize);
  const amount = lo.plus(hi.minus(lo).times(fraction)).toDecimalPlaces(2, Decimal.ROUND_CEIL);
  return {
    level: lower.level,
    householdSize: size.toString(),
    amount: dollars(amount),
    basis: "interpolated",
    method: lower.method,
    explanation:
      `${size.toString()} persons: interpolated between ${lowerSize} persons (${lower.amount}) and ` +
      `${upperSize} persons (${upper.amount}) = ${dollars(amount)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// % of AMI, eligibility, HUD-9902 bands, unit-based household size
// ---------------------------------------------------------------------------------------------

export interface PercentOfAmi {
  /** Income as % of the 100 % limit, two decimals, rounded UP (see `percentOfAmi`). */
  percent: string;
  /** The 100 % limit used, dollars with two decimals. */
  hundredPercentLimit: string;
  /** The derivation method that produced the 100 % limit (HUD publishes none). */
  method: DerivationMethod;
  householdSize: string;
  annualIncome: string;
  fiscalYear: number;
  areaCode: string;
  explanation: string;
}

/**
 * Household % of AMI = annual income ÷ (100 % limit for the household size) × 100.
 * HUD publishes no 100 % row, so the 100 % limit always comes from a named `method`, recorded in the result.
 * Fractional sizes (unit-based pricing) use `limitForFractionalSize`.
 *
 * Rounding: two decimals, rounded UP (toward +∞). A percent is then never shown below the true ratio,
 * and for any target with at most two decimals `percent ≤ target` holds exactly when
 * income ≤ target % of the limit. It is a reporting figure only (HUD-9902 bands): eligibility is decided
 * against the published limit by `eligibilityAtLevel`, never from this percent. Consequence: a ratio within 0.01 point below a HUD-9902 band boundary (e.g. 29.995) reports
 * in the higher band.
 */
export function percentOfAmi(
  annualIncome: MoneyInput | number,
  table: IncomeLimitTable,
  householdSize: number | string | Decimal,
  method: DerivationMethod,
): PercentOfAmi {
  if (!isDerivationMethod(method)) throw new IncomeLimitError(`Unknown derivation method "${String(method)}"`);
  const income = toMoney(annualIncome, "Annual income");
  if (income.isNegative()) throw new IncomeLimitError("Annual income cannot be negative");
  const limit = limitForFractionalSize(table, 100, householdSize, method);
  const hundred = new D(limit.amount);
  const percent = income.div(hundred).times(100).toDecimalPlaces(2, Decimal.ROUND_CEIL);
  return {
    percent: percent.toFixed(2),
    hundredPercentLimit: limit.amount,
    method,
    householdSize: limit.householdSize,
    annualIncome: dollars(income),
    fiscalYear: table.fiscalYear,
    areaCode: table.areaCode,
    explanation:
      `${dollars(income)} ÷ ${limit.amount} (100% limit; ${limit.explanation}) × 100 = ${percent.toFixed(2)}% of AMI`,
  };
}

export const INCOME_BANDS_9902 = ["<30%", "30–49%", "50–79%", "80–100%", ">100%"] as const;
export type IncomeBand9902 = (typeof INCOME_BANDS_9902)[number];

/**
 * HUD-9902 income band. Boundaries: a lower bound belongs to the higher band except at 100,
 * which belongs to "80–100%": p < 30 → "<30%"; 30 ≤ p < 50 → "30–49%"; 50 ≤ p < 80 → "50–79%";
 * 80 ≤ p ≤ 100 → "80–100%"; p > 100 → ">100%". So 30.00 → "30–49%", 49.99 → "30–49%", 100.00 → "80–100%".
 */
export function incomeBand9902(percent: string | Decimal | number): IncomeBand9902 {
  const p = new D(typeof percent === "number" ? String(percent) : percent.toString());
  if (!p.isFinite()) throw new IncomeLimitError("Percent must be finite");
  if (p.lt(30)) return "<30%";
  if (p.lt(50)) return "30–49%";
  if (p.lt(80)) return "50–79%";
  if (p.lte(100)) return "80–100%";
  return ">100%";
}

/**
 * Household size imputed from a unit when the buyer is not yet known: 1.5 persons per bedroom,
 * 1 person for a studio (0 bedrooms). Returned as a decimal string ("4.5" for 3 bedrooms);
 * price it with `limitForFractionalSize` (average of the 4- and 5-person limits for 4.5).
 */
export function unitBasedHouseholdSize(bedrooms: number): string {
  if (!Number.isInteger(bedrooms) || bedrooms < 0) {
    throw new IncomeLimitError(`Bedrooms must be a whole number ≥ 0 (got ${bedrooms})`);
  }
  if (bedrooms === 0) return "1";
  return new D(bedrooms).times("1.5").toString();
}

// ---------------------------------------------------------------------------------------------
// Tables in effect, the limit for a level and size, eligibility
// ---------------------------------------------------------------------------------------------

/**
 * The dates HUD announced for its income limits to take effect, by fiscal year (HUD User "Income Limits"
 * release notices; FY2023 was released and effective 15 May 2023). Used to suggest the date on import; the
 * migration that introduced effective dates gave existing tables these dates (1 April for other years).
 */
export const HUD_EFFECTIVE_DATES: Readonly<Record<number, string>> = {
  2019: "2019-04-24",
  2020: "2020-04-01",
  2021: "2021-04-01",
  2022: "2022-04-18",
  2023: "2023-05-15",
  2024: "2024-04-01",
  2025: "2025-04-01",
};

export type TableIdentity = Pick<IncomeLimitTable, "fiscalYear" | "areaCode" | "areaName" | "effectiveFrom">;

const foldArea = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** Does `area` (a HUD area code or name; case and surrounding spaces ignored) name this table's area? */
export function isTableOfArea(table: Pick<IncomeLimitTable, "areaCode" | "areaName">, area: string): boolean {
  const wanted = foldArea(area);
  return wanted !== "" && (foldArea(table.areaCode) === wanted || foldArea(table.areaName) === wanted);
}

/**
 * The table in effect for `area` on `date` ("YYYY-MM-DD"): among the tables of that area — never another
 * area's — whose `effectiveFrom` is on or before the date, the newest (latest `effectiveFrom`; on the same
 * date, the later fiscal year). `null` when no table of the area is in effect on that date.
 */
export function chooseTableInEffect<T extends TableIdentity>(tables: readonly T[], area: string, date: string): T | null {
  let best: T | null = null;
  for (const table of tables) {
    if (!isTableOfArea(table, area) || table.effectiveFrom > date) continue;
    if (
      !best ||
      table.effectiveFrom > best.effectiveFrom ||
      (table.effectiveFrom === best.effectiveFrom && table.fiscalYear > best.fiscalYear)
    ) {
      best = table;
    }
  }
  return best;
}

/** "published" (HUD's row for the size, or HUD's rule above 8 persons) or "derived:<method>". */
export type LimitSource = "published" | `derived:${DerivationMethod}`;

export interface IncomeLimitForResult {
  /** Level in % of AMI ("80", "120"). */
  level: string;
  /** Household size ("3", "4.5"). */
  householdSize: string;
  /** Dollars, two decimals ("71400.00"). */
  limit: string;
  /** The same in integer cents. */
  limitCents: number;
  source: LimitSource;
  /** Which limit, in words: "HUD FY2023 80 % limit for 3 persons, Addison County, VT". */
  description: string;
  /** How it was obtained, step by step. */
  explanation: string;
  table: TableIdentity;
}

const personsText = (size: string) => `${size} ${size === "1" ? "person" : "persons"}`;

/** Whole dollars without cents, cents only when there are some: "$71,400", "$60,181.50". */
export function formatLimit(dollarsText: string): string {
  const [whole, cents] = dollarsText.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents && cents !== "00" ? `$${grouped}.${cents}` : `$${grouped}`;
}

/**
 * The income limit at `level` % of AMI for a household of `householdSize` persons, with its source.
 * 30 / 50 / 80 %: HUD's published row for the size (`source: "published"`); above 8 persons HUD's rule
 * (4-person limit × (1.32 + 0.08 per person beyond 8), rounded up to the next $50). Any other level: the
 * table's stored derivation method (`source: "derived:<method>"`; a table without one uses
 * "multiple-of-50", the database default). A fractional size (unit-based pricing) is interpolated.
 */
export function incomeLimitFor(
  table: IncomeLimitTable,
  level: number,
  householdSize: number | string | Decimal,
): IncomeLimitForResult {
  const levelDec = toPositiveDecimal(level, "Income level (%)");
  const method = table.derivationMethod ?? "multiple-of-50";
  const published = isPublishedLevel(levelDec);
  const result = limitForFractionalSize(table, levelDec.toNumber(), householdSize, published ? undefined : method);
  const limit = new D(result.amount);
  const source: LimitSource = published ? "published" : `derived:${method}`;
  const where = `${table.areaName}`;
  const description = published
    ? `HUD FY${table.fiscalYear} ${result.level} % limit for ${personsText(result.householdSize)}, ${where}`
    : `${result.level} % limit for ${personsText(result.householdSize)} derived from HUD FY${table.fiscalYear}, ${where} (${DERIVATION_METHODS[method].label.toLowerCase()})`;
  return {
    level: result.level,
    householdSize: result.householdSize,
    limit: result.amount,
    limitCents: limit.times(100).toNumber(),
    source,
    description,
    explanation: result.explanation,
    table: { fiscalYear: table.fiscalYear, areaCode: table.areaCode, areaName: table.areaName, effectiveFrom: table.effectiveFrom },
  };
}

export interface EligibilityVerdict extends IncomeLimitForResult {
  eligible: boolean;
  /** Dollars, two decimals. */
  annualIncome: string;
  /** The comparison in words: "≤ $71,400, HUD FY2023 80 % limit for 3 persons, Addison County, VT". */
  verdict: string;
}

/**
 * Eligibility at a level: income ≤ the limit for the household size (at the limit is eligible). At 30, 50
 * and 80 % the limit is HUD's published row, never a percentage of a derived 100 % figure (HUD sets the
 * 80 % row by its own caps and adjustments, so the two disagree near the limit).
 */
export function eligibilityAtLevel(
  annualIncome: MoneyInput | number,
  table: IncomeLimitTable,
  level: number,
  householdSize: number | string | Decimal,
): EligibilityVerdict {
  const income = toMoney(annualIncome, "Annual income");
  if (income.isNegative()) throw new IncomeLimitError("Annual income cannot be negative");
  const limit = incomeLimitFor(table, level, householdSize);
  const eligible = income.lte(new D(limit.limit));
  return {
    ...limit,
    eligible,
    annualIncome: dollars(income),
    verdict: `${eligible ? "≤" : ">"} ${formatLimit(limit.limit)}, ${limit.description}`,
  };
}
