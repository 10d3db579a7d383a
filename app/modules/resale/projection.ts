/**
 * Resale price projection (the comparison page /resale/homes/:homeId/compare). Pure: plain data in, plain
 * data out, exact decimals; the engine (`calculateResale`) computes every formula price.
 *
 * Year 0 is the valuation date; year k is the same calendar day k years later (29 Feb → 28 Feb in a common
 * year). Assumptions, each a constant annual rate compounded yearly:
 *   market value_k  = current appraisal × (1 + marketGrowth)^k, to the cent
 *   index_k         = current index value × (1 + indexGrowth)^k, to 6 decimals   (CPI or the lease's index)
 *   AMI_k           = AMI income × (1 + amiGrowth)^k, to the cent                 (also scales the incomes of
 *                     affordability formulas and caps in the specs — their income is an AMI figure)
 *   affordable_k    = the price a household at the target % AMI can afford at `interestRate`, to the cent
 * The appraisal at purchase, the index at purchase and the purchase itself do not change. No improvements or
 * deductions are projected.
 */
import type { FormulaPresetSpec } from "./formula-spec";
import { addYears } from "~/utils/calendar-date";
import { Decimal, toMoneyString } from "~/utils/money";
import { resolveAmiLevel, type IncomeLimitTableInput } from "./ami-level";
import { parseResaleRequest, type AffordabilityTerms, type BoundBy, type Cap, type Formula, type ResaleRequest } from "./contract";
import { calculateResale } from "./engine";
import { affordablePrice, type HousingCostTerms } from "./outcomes";

export type ProjectionAssumptions = {
  /** Number of years after the valuation date (1–50). */
  years: number;
  /** Annual growth rates as fractions ("0.03" = 3 %); may be negative (not below −1). */
  marketGrowth: string;
  amiGrowth: string;
  indexGrowth: string;
  /** Annual mortgage interest rate for the affordable-price line (fraction). */
  interestRate: string;
};

export type ProjectionInput = {
  base: Pick<ResaleRequest, "purchase" | "valuationDate"> & {
    appraisals?: { atPurchase?: string; current?: string; improvementValue?: string };
    index?: { atPurchase?: string; current?: string };
  };
  specs: { label: string; spec: FormulaPresetSpec }[];
  assumptions: ProjectionAssumptions;
  /** The target household: its income at year 0 (the % AMI limit) and loan terms; null for no affordable line. */
  target: { label: string; income: string; terms: HousingCostTerms } | null;
  /** Tables for specs whose incomes name an AMI level (resolved at the valuation date), and the home's bedrooms. */
  incomeLimitTables?: readonly IncomeLimitTableInput[];
  bedrooms?: number;
};

/** A price, or why there is none: `error` in the contract's words, `problems` by contract path (for the page to word). */
export type ProjectedPrice = { maxResalePrice: string; formulaPrice: string; boundBy: BoundBy } | { error: string; problems: { path: string; message: string }[] };

export type ProjectionRow = {
  year: number;
  date: string;
  marketValue: string | null;
  indexValue: string | null;
  targetIncome: string | null;
  prices: ProjectedPrice[];
  affordablePrice: string | null;
};

function growthFactor(rate: string, years: number): Decimal {
  return new Decimal(1).plus(rate).pow(years);
}

function scaleIncome(income: string, factor: Decimal): string {
  return toMoneyString(new Decimal(income).times(factor));
}

type AmiContext = { tables: readonly IncomeLimitTableInput[]; date: string; bedrooms: number | undefined };

/**
 * An affordability income grown with AMI: a dollar income, or an AMI level resolved at year 0 (the valuation
 * date, from the table then in effect) — later tables are not known, so the level's income grows like AMI.
 * An AMI level that cannot be resolved is left as it is (the contract then says why).
 */
function grownTerms<T extends AffordabilityTerms>(terms: T, amiFactor: Decimal, ami: AmiContext): T {
  if (terms.income !== undefined) return { ...terms, income: scaleIncome(terms.income, amiFactor) };
  const resolved = resolveAmiLevel(terms.amiLevel!, ami.tables, ami.date, ami.bedrooms);
  if (!resolved.ok) return terms;
  const { amiLevel: _level, ...rest } = terms;
  return { ...rest, income: scaleIncome(resolved.value.income, amiFactor) } as T;
}

/** A spec with the incomes of its affordability formula and caps grown with AMI. */
function specInYear(spec: FormulaPresetSpec, amiFactor: Decimal, ami: AmiContext): FormulaPresetSpec {
  const formula: Formula = spec.formula.type === "affordability" ? grownTerms(spec.formula, amiFactor, ami) : spec.formula;
  const caps: Cap[] = spec.caps.map((cap) => (cap.type === "affordability" ? grownTerms(cap, amiFactor, ami) : cap));
  return { ...spec, formula, caps };
}

/** One row per year 0…N: each spec's maximum price and the price affordable to the target household. */
export function projectResalePrices(input: ProjectionInput): ProjectionRow[] {
  const { base, assumptions } = input;
  if (!Number.isInteger(assumptions.years) || assumptions.years < 1 || assumptions.years > 50) {
    throw new RangeError("The projection runs for 1 to 50 years");
  }
  const rows: ProjectionRow[] = [];
  for (let year = 0; year <= assumptions.years; year++) {
    const date = addYears(base.valuationDate, year);
    const amiFactor = growthFactor(assumptions.amiGrowth, year);
    const marketValue = base.appraisals?.current ? toMoneyString(new Decimal(base.appraisals.current).times(growthFactor(assumptions.marketGrowth, year))) : null;
    const indexValue = base.index?.current
      ? new Decimal(base.index.current).times(growthFactor(assumptions.indexGrowth, year)).toDecimalPlaces(6).toFixed()
      : null;
    const appraisals = { ...base.appraisals, ...(marketValue ? { current: marketValue } : {}) };
    const index = { ...base.index, ...(indexValue ? { current: indexValue } : {}) };
    const prices = input.specs.map(({ spec }): ProjectedPrice => {
      const parsed = parseResaleRequest({
        ...specInYear(spec, amiFactor, { tables: input.incomeLimitTables ?? [], date: base.valuationDate, bedrooms: input.bedrooms }),
        purchase: base.purchase,
        valuationDate: date,
        ...(Object.keys(appraisals).length ? { appraisals } : {}),
        ...(Object.keys(index).length ? { index } : {}),
        ...(input.bedrooms !== undefined ? { home: { bedrooms: input.bedrooms } } : {}),
      });
      if (!parsed.ok) return { error: parsed.errors.map((e) => `${e.path} ${e.message}`).join("; "), problems: parsed.errors };
      const result = calculateResale(parsed.request);
      return { maxResalePrice: result.maxResalePrice, formulaPrice: result.formulaPrice, boundBy: result.boundBy };
    });
    let targetIncome: string | null = null;
    let affordable: string | null = null;
    if (input.target) {
      targetIncome = scaleIncome(input.target.income, amiFactor);
      affordable = toMoneyString(affordablePrice({ ...input.target.terms, interestRate: assumptions.interestRate, income: targetIncome }).price);
    }
    rows.push({ year, date, marketValue, indexValue, targetIncome, prices, affordablePrice: affordable });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Chart geometry (an inline SVG line chart; the table is its accessible equivalent)
// ---------------------------------------------------------------------------------------------------------

export type ChartSeries = { label: string; values: (string | null)[] };

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  series: { label: string; points: string }[];
  yTicks: { label: string; y: number }[];
  xTicks: { label: string; x: number }[];
};

/** A round number ≥ value: 1, 2 or 5 × a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * Pixel coordinates for the series over the years. Only geometry uses floating point (pixels, not money);
 * a null value breaks nothing — the point is left out.
 */
export function chartGeometry(years: number[], series: ChartSeries[], size = { width: 720, height: 320 }): ChartGeometry {
  const plot = { left: 80, top: 16, right: size.width - 16, bottom: size.height - 36 };
  const all = series.flatMap((s) => s.values.filter((v): v is string => v !== null).map(Number));
  const maxValue = niceCeiling(Math.max(0, ...all));
  const lastYear = Math.max(1, ...years);
  const x = (year: number) => plot.left + ((plot.right - plot.left) * year) / lastYear;
  const y = (value: number) => plot.bottom - ((plot.bottom - plot.top) * value) / maxValue;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width: size.width,
    height: size.height,
    plot,
    series: series.map((s) => ({
      label: s.label,
      points: s.values
        .map((value, i) => (value === null ? null : `${round(x(years[i]!))},${round(y(Number(value)))}`))
        .filter((p): p is string => p !== null)
        .join(" "),
    })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((share) => ({
      label: `$${Math.round((maxValue * share) / 1000).toLocaleString("en-US")}k`,
      y: round(y(maxValue * share)),
    })),
    xTicks: years.map((year) => ({ label: String(year), x: round(x(year)) })),
  };
}
