/**
 * What the resale calculator starts from for a home (issue 15: "the calculator works on the first click"):
 * which of the home's figures a rule needs, the owner's purchase mortgage as an estimated payoff, and the
 * stored valuation inputs (app/modules/home-inputs) as form values. Pure: no I/O.
 */
import type { ResaleInputs } from "./resale-inputs";
import { fullMonthsBetween, compareCalendarDates } from "~/utils/calendar-date";
import { Decimal, centsToString, isDecimalString, toMoneyString } from "~/utils/money";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";

/** The calculator's "This home" figures beyond the purchase and the valuation date. */
export const HOME_FIGURES = ["appraisalAtPurchase", "appraisalCurrent", "improvementValue", "principalPaidDown", "indexAtPurchase", "indexCurrent"] as const;
export type HomeFigure = (typeof HOME_FIGURES)[number];

/**
 * The figures a rule reads (the contract's own requirements, docs/resale-contract.md): an appraisal formula the
 * market value at purchase and now (and the appraiser's improvement value when credited); an index formula, or a
 * fair return inflated by an index, the index at purchase and now; a fair return the principal paid down; a
 * market-value cap the market value now. Without a rule (a formula by hand not yet chosen): all of them.
 */
export function figuresNeeded(spec: FormulaPresetSpec | null): HomeFigure[] {
  if (!spec) return [...HOME_FIGURES];
  const needed = new Set<HomeFigure>();
  const formula = spec.formula;
  if (formula.type === "appraisal") {
    needed.add("appraisalAtPurchase");
    needed.add("appraisalCurrent");
    if (formula.creditImprovementValue) needed.add("improvementValue");
  }
  if (formula.type === "index" || (formula.type === "fair-return" && formula.inflation.type === "index")) {
    needed.add("indexAtPurchase");
    needed.add("indexCurrent");
  }
  if (formula.type === "fair-return") needed.add("principalPaidDown");
  if (spec.caps.some((cap) => cap.type === "market-value")) needed.add("appraisalCurrent");
  return HOME_FIGURES.filter((figure) => needed.has(figure));
}

/** The index a rule names (an index formula, or a fair return inflated by an index); null otherwise. */
export function indexNamed(spec: FormulaPresetSpec | null): string | null {
  if (!spec) return null;
  if (spec.formula.type === "index") return spec.formula.indexName;
  if (spec.formula.type === "fair-return" && spec.formula.inflation.type === "index") return spec.formula.inflation.indexName;
  return null;
}

export type PurchaseMortgage = { amountCents: number; ratePercent: string | null; termYears: number | null; purchaseDate: string };

/**
 * The balance of a fixed-rate purchase mortgage after the monthly payments due between the purchase and
 * `on` (full months; the first payment a month after the purchase): B = P(1+i)^k − M((1+i)^k − 1)/i with
 * M = P·i / (1 − (1+i)^−n), i the yearly rate ÷ 12, n the term in months; without interest P − k·P/n. To the
 * cent, never below zero. Null when the rate or the term is not recorded (the payoff is then typed by hand).
 */
export function mortgageBalance(mortgage: PurchaseMortgage, on: string): string | null {
  if (mortgage.ratePercent === null || mortgage.termYears === null || !isDecimalString(mortgage.ratePercent)) return null;
  if (compareCalendarDates(on, mortgage.purchaseDate) < 0) return centsToString(mortgage.amountCents);
  const principal = new Decimal(centsToString(mortgage.amountCents));
  const n = mortgage.termYears * 12;
  const k = Math.min(fullMonthsBetween(mortgage.purchaseDate, on), n);
  const i = new Decimal(mortgage.ratePercent).div(100).div(12);
  let balance: Decimal;
  if (i.isZero()) balance = principal.minus(principal.times(k).div(n));
  else {
    const payment = principal.times(i).div(new Decimal(1).minus(i.plus(1).pow(-n)));
    const growth = i.plus(1).pow(k);
    balance = principal.times(growth).minus(payment.times(growth.minus(1)).div(i));
  }
  return toMoneyString(Decimal.max(balance, 0));
}

/** Stored inputs as the calculator's form values (dollars and index values as typed; improvements approved). */
export function storedFormValues(inputs: ResaleInputs | null) {
  return {
    appraisalAtPurchase: inputs?.appraisals?.atPurchase ?? "",
    appraisalCurrent: inputs?.appraisals?.current ?? "",
    improvementValue: inputs?.appraisals?.improvementValue ?? "",
    indexAtPurchase: inputs?.index?.atPurchase ?? "",
    indexCurrent: inputs?.index?.current ?? "",
    improvements: (inputs?.improvements ?? []).map((i) => ({ description: i.description, cost: i.cost, completedOn: i.completedOn ?? "", approved: i.approved ? "on" : "" })),
    deductions: (inputs?.deductions ?? []).map((d) => ({ description: d.description, amount: d.amount })),
  };
}
