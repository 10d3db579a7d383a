import { formatPercent, formatUsd } from "~/utils/money";
import type { AffordabilityTerms, BoundBy, ImprovementCredit, ResaleRequest, ResaleResult, ResolvedAffordabilityTerms } from "./contract";
import { compoundGrowth } from "./growth";
import { incrementText, roundingVerb, type RoundingMode } from "./rounding";
import { bindsBelow, compoundGrowthText, simpleGrowthText, BOUND_TEXT, boundByText, capExplanation, capWinsOverFloorWarning, completedAfterValuation, completedBeforePurchase, creditedAtCost, creditRateText, deductionLabel, depreciatedCredit, doesNotBindNotBelow, elapsedText as elapsed, improvementLabel, improvementNotCreditedWarning, indexFellWarning, loanTermsText, notCreditedExplanation, notDepreciated, purchasePriceExplanation, roundedDownForCap, TEXT } from "./engine-texts";
import { add, compare, decimalPlaces, div, fromCents, hasMoreDecimalsThan, mul, mulInt, parseScaled, pow10, roundToPlaces, type Scaled, sub, toFixedDown, ZERO } from "./fast-scaled";
import { fixedMonthlyCosts, monthlyBudget, monthlyCostPerDollar } from "./outcomes";

/**
 * The fast path of `calculateResale` (engine.ts). It follows the reference implementation
 * (reference-engine.ts) step by step and must give byte-identical results — every amount, label,
 * explanation and warning — so any change to the rules is made in both (fast-path.test.ts
 * compares them on random requests of every formula type). The texts both write live once, in
 * engine-texts.ts; neither implementation imports the other.
 *
 * What makes it fast, without JavaScript floating point for money:
 *   - amounts that are inputs (two decimals at most) are integer cents in `number`s: exact, as the
 *     contract limits them to 13 integer digits, far below 2^53; sums of shown cents are checked
 *     to stay safe integers, and otherwise the request goes to the Decimal implementation;
 *   - computed amounts are scaled BigInts (fast-scaled.ts) whose operations reproduce the
 *     50-significant-digit Decimal operations exactly, including where they round;
 *   - every text is built from integer cents by string templates, no Decimal formatting;
 *   - program terms that recur across a portfolio (rates, index values, compound growth, the
 *     parts of the affordable price and of its explanation) are parsed or computed once.
 * Returns null when a request falls outside what it covers; the caller then uses the Decimal path. It
 * declines (see `covered`): incomes named by an AMI level, owner-share schedules, the fair-return formula,
 * "cap at affordability" and the lease-intent checks — the Decimal implementation alone computes those.
 */

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// Integer cents and their texts
// ---------------------------------------------------------------------------------------------

/** An amount string of the contract ("250000.5", "-3.50", at most two decimals) -> integer cents. */
function cents(text: string): number {
  const negative = text.charCodeAt(0) === 45; // "-"
  let value = 0;
  let places = -1; // decimals seen after the point; -1 before it
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) places = 0; // "."
    else {
      value = value * 10 + (code - 48);
      if (places >= 0) places++;
    }
  }
  value *= places <= 0 ? 100 : places === 1 ? 10 : 1;
  // Every partial value is at most the result, so all were exact if the result is a safe integer.
  if (places > 2 || !Number.isSafeInteger(value)) throw new Unsupported();
  return negative && value !== 0 ? -value : value;
}

/** Integer cents -> two decimals ("1234.50", "-3.00"), as `toMoneyString`; never "-0.00". */
function money(value: number): string {
  const negative = value < 0;
  const abs = negative ? -value : value;
  const fraction = abs % 100;
  const whole = (abs - fraction) / 100;
  return `${negative ? "-" : ""}${whole}.${fraction < 10 ? "0" : ""}${fraction}`;
}

/** Integer cents -> "$1,234.50" / "-$3.00", as `formatUsd`. */
function usd(value: number): string {
  const negative = value < 0;
  const abs = negative ? -value : value;
  const fraction = abs % 100;
  const digits = String((abs - fraction) / 100);
  const firstGroup = digits.length % 3 || 3;
  let grouped = digits.slice(0, firstGroup);
  for (let i = firstGroup; i < digits.length; i += 3) grouped += "," + digits.slice(i, i + 3);
  return `${negative ? "-" : ""}$${grouped}.${fraction < 10 ? "0" : ""}${fraction}`;
}

/** A computed amount rounded half-up to the cent (as `toMoneyString` does), in integer cents. */
function centsOf(value: Scaled): number {
  if (value.s === 2) return safe(Number(value.c));
  return safe(Number(roundToPlaces(value, 2, "half-up")));
}

function safe(value: number): number {
  if (!Number.isSafeInteger(value)) throw new Unsupported();
  return value === 0 ? 0 : value;
}

/** `exactUsd` of the Decimal implementation: "$1,234.57 (exactly 1234.567123…)". */
function exactUsd(value: Scaled, shown: number): string {
  if (!hasMoreDecimalsThan(value, 2)) return usd(shown);
  const places = hasMoreDecimalsThan(value, 6) ? 7 : decimalPlaces(value);
  return `${usd(shown)} (exactly ${toFixedDown(value, Math.min(places, 6))}${places > 6 ? "…" : ""})`;
}

/** The integer in `text` at [at, at + length) (ASCII digits of a validated date). */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** Full calendar months between two valid YYYY-MM-DD dates, `from` ≤ `to` (as `fullMonthsBetween`). */
function fullMonths(from: string, to: string): number {
  if (to < from) throw new Unsupported();
  const months = (digitsAt(to, 0, 4) - digitsAt(from, 0, 4)) * 12 + (digitsAt(to, 5, 2) - digitsAt(from, 5, 2));
  return digitsAt(to, 8, 2) < digitsAt(from, 8, 2) ? months - 1 : months;
}

// ---------------------------------------------------------------------------------------------
// Recurring terms, parsed or computed once
// ---------------------------------------------------------------------------------------------

/** A cache that is emptied when it grows past 10,000 entries (terms recur; requests need not). */
function remember<K, T>(cache: Map<K, T>, key: K, value: T): T {
  if (cache.size > 10_000) cache.clear();
  cache.set(key, value);
  return value;
}

const terms = new Map<string, Scaled>();
/** A rate, share or index value ("0.015", "81234"): validated by the contract, parsed exactly once. */
function term(text: string): Scaled {
  return terms.get(text) ?? remember(terms, text, parseScaled(text));
}

type Growth = { minusOne: Scaled; percentText: string };
const growths = new Map<string, Map<number, Growth>>();
/** (1 + r)^t − 1 from the Decimal implementation (memoised there too), as a scaled BigInt. */
function growth(rate: string, months: number, wholeYears: boolean): Growth {
  const key = wholeYears ? `${rate}|y` : rate;
  const byMonths = growths.get(key) ?? remember(growths, key, new Map<number, Growth>());
  let value = byMonths.get(months);
  if (value === undefined) {
    const decimal = compoundGrowth(rate, months, wholeYears);
    value = remember(byMonths, months, { minusOne: parseScaled(decimal.minusOne.toFixed()), percentText: decimal.percentText });
  }
  return value;
}

type AffordableParts = { price: Scaled; budgetBelowFixedCosts: boolean; budgetText: string; fixedCostsText: string; explanation: string };

type Budget = { value: Scaled; text: string; part: string };
type FixedCosts = { value: Scaled; text: string; part: string };
type Loan = { value: Scaled; part: string };
/** Keyed by income, then ratio. */
const budgets = new Map<string, Map<string, Budget>>();
/** Keyed by the four monthly costs joined with "|". */
const fixedCostParts = new Map<string, FixedCosts>();
/** Keyed by interest rate, then the other loan terms joined with "|". */
const loans = new Map<string, Map<string, Loan>>();

function budgetOf(terms: ResolvedAffordabilityTerms): Budget {
  const byRatio = budgets.get(terms.income) ?? remember(budgets, terms.income, new Map<string, Budget>());
  let budget = byRatio.get(terms.housingCostRatio);
  if (budget === undefined) {
    const value = monthlyBudget(terms.income, terms.housingCostRatio);
    const text = formatUsd(value);
    budget = remember(byRatio, terms.housingCostRatio, {
      value: parseScaled(value.toFixed()),
      text,
      part: `(B − F) / f: budget B = ${formatPercent(terms.housingCostRatio)} × ${formatUsd(terms.income)} / 12 = ${text}/month, `,
    });
  }
  return budget;
}

function fixedCostsOf(terms: AffordabilityTerms): FixedCosts {
  const costs = terms.monthlyCosts;
  const key = `${costs.insurance}|${costs.hoa}|${costs.leaseFee}|${costs.utilities}`;
  let fixed = fixedCostParts.get(key);
  if (fixed === undefined) {
    const value = fixedMonthlyCosts(terms);
    const text = formatUsd(value);
    fixed = remember(fixedCostParts, key, { value: parseScaled(value.toFixed()), text, part: `fixed costs F = ${text}/month, ` });
  }
  return fixed;
}

function loanOf(terms: AffordabilityTerms): Loan {
  const byTerms = loans.get(terms.interestRate) ?? remember(loans, terms.interestRate, new Map<string, Loan>());
  const key = `${terms.downPaymentRate}|${terms.termYears}|${terms.propertyTaxRate}|${terms.mortgageInsuranceRate}`;
  let loan = byTerms.get(key);
  if (loan === undefined) {
    const value = monthlyCostPerDollar(terms);
    loan = remember(byTerms, key, {
      value: parseScaled(value.toFixed()),
      part:
        `f = ${formatUsd(value.times(1000))}/month per $1,000 of price ` +
        loanTermsText({ interestRate: formatPercent(terms.interestRate), termYears: terms.termYears, downPaymentRate: formatPercent(terms.downPaymentRate), propertyTaxRate: formatPercent(terms.propertyTaxRate), mortgageInsuranceRate: formatPercent(terms.mortgageInsuranceRate) }),
    });
  }
  return loan;
}

/**
 * `affordablePrice` (outcomes.ts) and its explanation: B, F and f come from outcomes.ts
 * (memoised here on the few terms each depends on); P = (B − F) / f, 0 when B ≤ F, is computed
 * with the same two Decimal operations in scaled BigInts.
 */
function affordable(terms: ResolvedAffordabilityTerms): AffordableParts {
  const budget = budgetOf(terms);
  const fixed = fixedCostsOf(terms);
  const loan = loanOf(terms);
  const below = compare(budget.value, fixed.value) <= 0;
  return {
    price: below ? ZERO : div(sub(budget.value, fixed.value), loan.value),
    budgetBelowFixedCosts: below,
    budgetText: budget.text,
    fixedCostsText: fixed.text,
    explanation: budget.part + fixed.part + loan.part,
  };
}

// ---------------------------------------------------------------------------------------------
// The calculation (same steps, in the same order, as calculateResaleReference in reference-engine.ts)
// ---------------------------------------------------------------------------------------------

/** A line of the formula price: `amount` exact, `shown` its amount rounded to the cent. */
type Line = { label: string; amount: Scaled; shown: number; explanation: string };

function line(label: string, amount: Scaled, explanation: string): Line {
  return { label, amount, shown: centsOf(amount), explanation };
}

function centsLine(label: string, value: number, explanation: string): Line {
  return { label, amount: fromCents(value), shown: value, explanation };
}

type CapValue = { kind: "market-value" | "affordability"; label: string; value: Scaled; shown: number; detail: string };

function improvementLines(request: ResaleRequest, lines: Line[], warnings: string[]): void {
  const formula = request.formula;
  const credit: ImprovementCredit | undefined = formula.improvementCredit;
  const alreadyInAppraisal = formula.type === "appraisal" && formula.creditImprovementValue;
  const improvements = request.improvements;
  for (let position = 0; position < improvements.length; position++) {
    const improvement = improvements[position]!;
    const label = improvementLabel(improvement.description);
    let reason: string | undefined;
    if (!improvement.approved) reason = TEXT.notApprovedByTrust;
    else if (improvement.completedOn < request.purchase.date) {
      reason = completedBeforePurchase(improvement.completedOn, request.purchase.date);
    } else if (improvement.completedOn > request.valuationDate) {
      reason = completedAfterValuation(improvement.completedOn, request.valuationDate);
    } else if (alreadyInAppraisal) reason = TEXT.coveredByAppraisal;
    let cost = 0;
    if (reason === undefined) {
      cost = cents(improvement.cost);
      if (credit && cost < cents(credit.minimumCost)) reason = `its cost ${usd(cost)} is below the minimum of ${usd(cents(credit.minimumCost))}`;
    }
    if (reason !== undefined) {
      warnings.push(improvementNotCreditedWarning(improvement.description, position, reason));
      lines.push({ label, amount: ZERO, shown: 0, explanation: notCreditedExplanation(reason) });
      continue;
    }
    const costText = usd(cost);
    if (!credit) {
      lines.push(
        centsLine(label, cost, creditedAtCost(costText)),
      );
      continue;
    }
    const rateText = creditRateText(costText, formatPercent(credit.creditRate));
    const credited = mul(fromCents(cost), term(credit.creditRate));
    if (credit.depreciationYears === 0) {
      lines.push(line(label, credited, notDepreciated(rateText)));
      continue;
    }
    const lifeMonths = credit.depreciationYears * 12;
    const usedMonths = Math.min(fullMonths(improvement.completedOn, request.valuationDate), lifeMonths);
    const remainingMonths = lifeMonths - usedMonths;
    lines.push(
      line(
        label,
        remainingMonths === 0 ? ZERO : div(mulInt(credited, remainingMonths), fromCents(lifeMonths * 100)),
        depreciatedCredit(rateText, remainingMonths, lifeMonths, usedMonths, improvement.completedOn, credit.depreciationYears),
      ),
    );
  }
}

/** The fast calculation, or null when the request is outside what it covers (see the file comment). */
export function fastCalculateResale(request: ResaleRequest): ResaleResult | null {
  try {
    return calculate(request);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** Throws `Unsupported` for the features only the Decimal implementation computes (file comment). */
function covered(request: ResaleRequest): void {
  const formula = request.formula;
  if (request.leaseIntentChecks || formula.type === "fair-return") throw new Unsupported();
  if (formula.type === "appraisal" && formula.ownerShare === undefined) throw new Unsupported();
  if (formula.type === "affordability" && (formula.income === undefined || formula.capAtAffordability !== undefined)) throw new Unsupported();
  for (const cap of request.caps) if (cap.type === "affordability" && cap.income === undefined) throw new Unsupported();
}

/** Narrows terms whose income `covered` has checked. */
function withIncome(terms: AffordabilityTerms): ResolvedAffordabilityTerms {
  if (terms.income === undefined) throw new Unsupported();
  return terms as ResolvedAffordabilityTerms;
}

function calculate(request: ResaleRequest): ResaleResult {
  covered(request);
  const formula = request.formula;
  const purchaseCents = cents(request.purchase.price);
  const purchasePrice = fromCents(purchaseCents);
  const purchaseText = usd(purchaseCents);
  const adjustments: Line[] = [];
  const warnings: string[] = [];

  // 1. Base and formula adjustment.
  if (formula.type === "affordability") {
    const parts = affordable(withIncome(formula));
    if (parts.budgetBelowFixedCosts) {
      warnings.push(
        `The target household's housing budget (${parts.budgetText}/month) does not cover the fixed monthly costs (${parts.fixedCostsText}/month); the affordable price is $0.00.`,
      );
    }
    adjustments.push(line(TEXT.affordablePrice, parts.price, parts.explanation));
  } else {
    adjustments.push(centsLine(TEXT.purchasePrice, purchaseCents, purchasePriceExplanation(request.purchase.date)));
    const months = fullMonths(request.purchase.date, request.valuationDate);
    if (formula.type === "fixed-rate") {
      const byYears = formula.elapsed === "full-years";
      const years = Math.floor(months / 12);
      const countedMonths = byYears ? years * 12 : months;
      const elapsedText = elapsed(byYears, years, months);
      const rateText = formatPercent(formula.annualRate);
      if (formula.compounding === "simple") {
        adjustments.push(
          line(
            TEXT.fixedRateIncrease,
            div(mulInt(mul(purchasePrice, term(formula.annualRate)), countedMonths), TWELVE),
            simpleGrowthText(rateText, countedMonths, elapsedText, purchaseText),
          ),
        );
      } else {
        const g = growth(formula.annualRate, countedMonths, byYears);
        adjustments.push(
          line(
            TEXT.fixedRateIncrease,
            mul(purchasePrice, g.minusOne),
            compoundGrowthText(rateText, countedMonths, g.percentText, elapsedText, purchaseText),
          ),
        );
      }
    } else if (formula.type === "appraisal") {
      const appraisals = request.appraisals!;
      const ownerShare = formula.ownerShare!;
      const shareText = formatPercent(ownerShare);
      const current = cents(appraisals.current!);
      const atPurchase = cents(appraisals.atPurchase!);
      let change = current - atPurchase;
      let changeText = `${usd(current)} current appraisal − ${usd(atPurchase)} at purchase`;
      if (formula.creditImprovementValue) {
        const improvementValue = cents(appraisals.improvementValue!);
        adjustments.push(
          centsLine(
            TEXT.improvementValueCredited,
            improvementValue,
            TEXT.improvementValueExplanation,
          ),
        );
        change -= improvementValue;
        changeText += ` − ${usd(improvementValue)} improvement value`;
      }
      let counted = change;
      let note = "";
      if (change < 0) {
        if (formula.losses === "shielded") {
          counted = 0;
          note = `; the change of ${usd(change)} is a loss and the owner is shielded from losses`;
        } else {
          note = TEXT.lossesShared;
          warnings.push(`The appraised value fell (${usd(change)}); losses are shared, so the owner bears ${shareText} of the loss.`);
        }
      }
      adjustments.push(
        line(
          formula.losses === "shielded" ? TEXT.ownerShareOfAppreciation : TEXT.ownerShareOfChange,
          counted === 0 ? ZERO : mul(fromCents(counted), term(ownerShare)),
          `${shareText} × (${changeText}) = ${shareText} × ${usd(counted)}${note}`,
        ),
      );
    } else if (formula.type === "index") {
      const { atPurchase, current } = request.index as { atPurchase: string; current: string };
      const indexNow = term(current);
      const indexThen = term(atPurchase);
      if (compare(indexNow, indexThen) < 0) {
        warnings.push(indexFellWarning(formula.indexName, atPurchase, current));
      }
      adjustments.push(
        line(
          "Index adjustment",
          sub(div(mul(purchasePrice, indexNow), indexThen), purchasePrice),
          `${purchaseText} × ${current} / ${atPurchase} (${formula.indexName} now / at purchase) − ${purchaseText}`,
        ),
      );
    }
  }

  // Improvement credits and deductions.
  improvementLines(request, adjustments, warnings);
  for (const deduction of request.deductions) {
    const amount = -cents(deduction.amount);
    adjustments.push(centsLine(deductionLabel(deduction.description), amount === 0 ? 0 : amount, TEXT.deductedFromFormulaPrice));
  }

  // Exact sum; the shown (cent) amounts are summed as integer cents to detect display rounding.
  let formulaPrice: Scaled = ZERO;
  let shownCents = 0;
  const lines: ResaleResult["lines"] = [];
  for (const adjustment of adjustments) {
    if (adjustment.amount.c !== 0n) formulaPrice = formulaPrice.c === 0n ? adjustment.amount : add(formulaPrice, adjustment.amount);
    shownCents += adjustment.shown;
    lines.push({ label: adjustment.label, amount: money(adjustment.shown), explanation: adjustment.explanation });
  }
  if (formulaPrice.c < 0n) {
    const negativeCents = centsOf(formulaPrice);
    warnings.push(`The formula gives a negative price (${usd(negativeCents)}); a resale price is never below $0.00.`);
    shownCents -= negativeCents;
    lines.push({ label: TEXT.notBelowZero, amount: money(-negativeCents), explanation: TEXT.neverNegative });
    formulaPrice = ZERO;
  }
  safe(shownCents);
  const formulaCents = centsOf(formulaPrice);
  const formulaShown = money(formulaCents);
  const displayDifference = formulaCents - shownCents;
  if (displayDifference !== 0) {
    lines.push({
      label: TEXT.roundingOfLinesAbove,
      amount: money(displayDifference),
      explanation: `Each line is shown to the cent; the exact sum is ${exactUsd(formulaPrice, formulaCents)}`,
    });
  }
  lines.push({ label: TEXT.formulaPrice, amount: formulaShown, explanation: TEXT.sumOfLinesAbove });

  // 2. Floor.
  let price = formulaPrice;
  let priceCents = formulaCents;
  let boundBy: BoundBy = "formula";
  if (request.floor?.type === "purchase-price") {
    const applies = compare(formulaPrice, purchasePrice) < 0;
    lines.push({
      label: TEXT.floorPurchasePrice,
      amount: money(purchaseCents),
      explanation: applies
        ? `Applied: the price may not fall below the purchase price; raised from ${usd(formulaCents)}`
        : TEXT.floorNotApplied,
    });
    if (applies) {
      price = purchasePrice;
      priceCents = purchaseCents;
      boundBy = "floor";
    }
  }

  // 3. Caps: the lowest cap strictly below the price binds (the first listed among equals).
  let lowestCap: CapValue | undefined;
  if (request.caps.length > 0) {
    const caps: CapValue[] = request.caps.map((cap) => {
      if (cap.type === "market-value") {
        const current = cents(request.appraisals!.current!);
        return {
          kind: "market-value",
          label: TEXT.capMarketValue,
          value: fromCents(current),
          shown: current,
          detail: `Current appraised market value ${usd(current)}`,
        };
      }
      const parts = affordable(withIncome(cap));
      if (parts.budgetBelowFixedCosts) {
        warnings.push(TEXT.affordabilityCapIsZero);
      }
      return {
        kind: "affordability",
        label: TEXT.capAffordability,
        value: parts.price,
        shown: centsOf(parts.price),
        detail: `Price affordable at an income of ${usd(cents(withIncome(cap).income))}: ${parts.explanation}`,
      };
    });
    const priceBeforeCaps = price;
    const priceBeforeCapsText = usd(priceCents);
    let binding = -1;
    caps.forEach((cap, position) => {
      if (lowestCap === undefined || compare(cap.value, lowestCap.value) < 0) lowestCap = cap;
      if (compare(cap.value, price) < 0) {
        price = cap.value;
        priceCents = cap.shown;
        binding = position;
      }
    });
    caps.forEach((cap, position) => {
      const verdict =
        position === binding
          ? bindsBelow(priceBeforeCapsText)
          : compare(cap.value, priceBeforeCaps) < 0
            ? TEXT.capAnotherIsLower
            : doesNotBindNotBelow(priceBeforeCapsText);
      lines.push({ label: cap.label, amount: money(cap.shown), explanation: capExplanation(verdict, cap.detail) });
    });
    if (binding >= 0) {
      boundBy = caps[binding]!.kind;
      if (request.floor && compare(price, purchasePrice) < 0) {
        const capText = BOUND_TEXT[boundBy];
        warnings.push(capWinsOverFloorWarning(capText));
      }
    }
  }

  // 4. One rounding step. Rounding to the nearest increment may not lift the price above a cap
  //    (e.g. a $140,050 market value with "nearest $100"): then the price is rounded down instead.
  const { increment } = request.rounding;
  let mode = request.rounding.mode;
  let roundedCents = roundToIncrement(price, mode, increment);
  let capNote = "";
  if (mode !== "down" && lowestCap !== undefined && compare(fromCents(roundedCents), lowestCap.value) > 0) {
    capNote = roundedDownForCap(mode, lowestCap.kind);
    mode = "down";
    roundedCents = roundToIncrement(price, mode, increment);
  }
  const finalShown = money(roundedCents);
  lines.push({
    label: "Rounding",
    amount: money(roundedCents - priceCents),
    explanation: `${roundingVerb(mode)} ${incrementText(increment)} from ${exactUsd(price, priceCents)}${capNote}`,
  });
  lines.push({ label: TEXT.maximumResalePrice, amount: finalShown, explanation: boundByText(boundBy) });

  return { maxResalePrice: finalShown, formulaPrice: formulaShown, boundBy, lines, warnings };
}

const TWELVE: Scaled = { c: 12n, s: 0 };

/** The price (never negative) rounded once to the lease's increment (any positive amount in cents), in integer cents. */
function roundToIncrement(value: Scaled, mode: RoundingMode, increment: string): number {
  const step = BigInt(cents(increment));
  // value = c × 10^−s; in cents: c × 10^(2−s). Divide exactly by the step, then round the quotient.
  const numerator = value.s <= 2 ? value.c * pow10(2 - value.s) : value.c;
  const denominator = value.s <= 2 ? step : step * pow10(value.s - 2);
  let units = numerator / denominator;
  const remainder = numerator - units * denominator;
  if (remainder > 0n && (mode === "up" || (mode === "nearest" && 2n * remainder >= denominator))) units += 1n;
  return safe(Number(units * step));
}
