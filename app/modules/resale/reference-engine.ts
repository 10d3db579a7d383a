/**
 * The reference implementation of the resale engine: every amount an exact `Decimal` at 50
 * significant digits, formatted with `toMoneyString`/`formatUsd`. The rules are documented in the
 * header of engine.ts; every label, explanation and warning comes from engine-texts.ts, shared with the
 * fast path (fast-path.ts), and compound growth from growth.ts. Neither implementation imports the other.
 *
 * Two roles: `calculateResale` (engine.ts) hands it every request the fast path does not cover,
 * and the exactness tests (fast-path.test.ts) compare the fast path with it, byte for byte. Keep
 * it straightforward: its value is in being obviously right.
 */
import { centsToString, Decimal, formatPercent, formatUsd, toMoneyString } from "~/utils/money";
import { resolveAmiLevel, type AmiIncome } from "./ami-level";
import type {
  AffordabilityTerms,
  AppraisalFormula,
  BoundBy,
  FairReturnFormula,
  FixedRateFormula,
  Formula,
  ImprovementCredit,
  IncomeResolution,
  IndexFormula,
  ResaleRequest,
  ResaleResult,
  ResolvedAffordabilityTerms,
} from "./contract";
import { fullMonthsBetween } from "~/utils/calendar-date";
import { incrementText, roundingVerb, type RoundingMode } from "./rounding";
import { compoundGrowth } from "./growth";
import { bindsBelow, compoundGrowthText, simpleGrowthText, BOUND_TEXT, boundByText, capExplanation, capWinsOverFloorWarning, completedAfterValuation, completedBeforePurchase, creditedAtCost, creditRateText, deductionLabel, depreciatedCredit, doesNotBindNotBelow, elapsedText as elapsed, improvementLabel, improvementNotCreditedWarning, indexFellWarning, loanTermsText, notCreditedExplanation, notDepreciated, plural, purchasePriceExplanation, roundedDownForCap, TEXT } from "./engine-texts";
import { affordablePrice, type AffordablePrice } from "./outcomes";

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/**
 * A line of the formula price: `amount` is exact; `shown` (two decimals) is filled in when the
 * amount is an input already in cents, to save a Decimal formatting step on the hot path.
 */
type ExactLine = { label: string; amount: Decimal; shown?: string; explanation: string };

const ZERO = new Decimal(0);

const termCache = new Map<string, Decimal>();

/**
 * A Decimal for a rate, share or other term that recurs across a portfolio ("0.015", "0.5"):
 * parsed once (Decimals are immutable, so sharing is safe).
 */
function term(text: string): Decimal {
  let value = termCache.get(text);
  if (value === undefined) {
    value = new Decimal(text);
    if (termCache.size > 10_000) termCache.clear();
    termCache.set(text, value);
  }
  return value;
}

/**
 * "$1,234.57" for a cent amount; "$1,234.57 (exactly 1234.567123…)" when more digits were carried.
 * `shown` is the value already formatted to the cent (saves a Decimal step on the hot path).
 */
function exactUsd(value: Decimal, shown: string): string {
  const places = value.decimalPlaces();
  if (places <= 2) return formatUsd(shown);
  const digits = value.toFixed(Math.min(places, 6), Decimal.ROUND_DOWN);
  return `${formatUsd(shown)} (exactly ${digits}${places > 6 ? "…" : ""})`;
}

/** Two-decimal string -> integer cents (exact; amounts are far below 2^53 cents). */
function centsOf(shown: string): number {
  return Number(shown.replace(".", ""));
}

function negate(shown: string): string {
  return shown === "0.00" ? shown : shown.startsWith("-") ? shown.slice(1) : `-${shown}`;
}

type FormulaOutcome = { lines: ExactLine[]; warnings: string[] };

type FixedRateTerms = Pick<FixedRateFormula, "annualRate" | "compounding" | "elapsed">;

function fixedRateLines(formula: FixedRateTerms, basePrice: Decimal, priceText: string, months: number, label: string = TEXT.fixedRateIncrease): FormulaOutcome {
  const byYears = formula.elapsed === "full-years";
  const years = Math.floor(months / 12);
  const countedMonths = byYears ? years * 12 : months;
  const elapsedText = elapsed(byYears, years, months);
  const rateText = formatPercent(formula.annualRate);
  let amount: Decimal;
  let explanation: string;
  if (formula.compounding === "simple") {
    // P0 · r · (months / 12): one division, last, so only it carries a repeating fraction.
    amount = basePrice.times(term(formula.annualRate)).times(countedMonths).div(12);
    explanation = simpleGrowthText(rateText, countedMonths, elapsedText, priceText);
  } else {
    const growth = compoundGrowth(formula.annualRate, countedMonths, byYears);
    amount = basePrice.times(growth.minusOne);
    explanation = compoundGrowthText(rateText, countedMonths, growth.percentText, elapsedText, priceText);
  }
  return { lines: [{ label, amount, explanation }], warnings: [] };
}

function appraisalLines(formula: AppraisalFormula, request: ResaleRequest): FormulaOutcome {
  const appraisals = request.appraisals!;
  const atPurchase = new Decimal(appraisals.atPurchase!);
  const current = new Decimal(appraisals.current!);
  const { share: ownerShare, note: shareNote } = ownerShareAt(formula, request);
  const shareText = formatPercent(ownerShare);
  const lines: ExactLine[] = [];
  const warnings: string[] = [];
  let change = current.minus(atPurchase);
  let changeText = `${formatUsd(appraisals.current!)} current appraisal − ${formatUsd(appraisals.atPurchase!)} at purchase`;
  if (formula.creditImprovementValue) {
    const improvementValue = appraisals.improvementValue!;
    lines.push({
      label: TEXT.improvementValueCredited,
      amount: new Decimal(improvementValue),
      shown: toMoneyString(improvementValue),
      explanation: TEXT.improvementValueExplanation,
    });
    change = change.minus(improvementValue);
    changeText += ` − ${formatUsd(improvementValue)} improvement value`;
  }
  let counted = change;
  let note = "";
  if (change.isNegative()) {
    if (formula.losses === "shielded") {
      counted = ZERO;
      note = `; the change of ${formatUsd(change)} is a loss and the owner is shielded from losses`;
    } else {
      note = TEXT.lossesShared;
      warnings.push(`The appraised value fell (${formatUsd(change)}); losses are shared, so the owner bears ${shareText} of the loss.`);
    }
  }
  lines.push({
    label: formula.losses === "shielded" ? TEXT.ownerShareOfAppreciation : TEXT.ownerShareOfChange,
    amount: counted.isZero() ? ZERO : counted.times(term(ownerShare)),
    explanation: `${shareText} × (${changeText}) = ${shareText} × ${formatUsd(counted)}${note}${shareNote}`,
  });
  return { lines, warnings };
}

/**
 * The owner's share: the formula's fixed share, or the step of its schedule reached after the full years owned
 * (the last step whose `fromYears` ≤ full years from purchase to valuation date), with a note saying which.
 */
export function ownerShareAt(formula: AppraisalFormula, request: Pick<ResaleRequest, "purchase" | "valuationDate">): { share: string; note: string } {
  if (formula.ownerShare !== undefined) return { share: formula.ownerShare, note: "" };
  const steps = formula.ownerShareSchedule!;
  const years = Math.floor(fullMonthsBetween(request.purchase.date, request.valuationDate) / 12);
  let position = 0;
  steps.forEach((step, at) => {
    if (step.fromYears <= years) position = at;
  });
  const step = steps[position]!;
  const next = steps[position + 1];
  const band = next ? `${step.fromYears}–${next.fromYears} years` : `${step.fromYears}+ years`;
  return { share: step.share, note: `; the share steps with years owned: ${plural(years, "full year")} owned, step ${band}` };
}

function indexLines(formula: Pick<IndexFormula, "indexName">, request: ResaleRequest, basePrice: Decimal, priceText: string, label: string = "Index adjustment"): FormulaOutcome {
  const { atPurchase, current } = request.index as { atPurchase: string; current: string };
  const warnings: string[] = [];
  const indexNow = term(current);
  const indexThen = term(atPurchase);
  if (indexNow.lt(indexThen)) {
    warnings.push(indexFellWarning(formula.indexName, atPurchase, current));
  }
  return {
    lines: [
      {
        label,
        // P0 · I1 / I0 − P0, one division.
        amount: basePrice.times(indexNow).div(indexThen).minus(basePrice),
        explanation: `${priceText} × ${current} / ${atPurchase} (${formula.indexName} now / at purchase) − ${priceText}`,
      },
    ],
    warnings,
  };
}

const affordabilityTexts = new WeakMap<AffordablePrice, string>();

/** The explanation of an affordable price; memoised with the (memoised) result it explains. */
export function affordabilityExplanation(terms: ResolvedAffordabilityTerms, result: AffordablePrice): string {
  let text = affordabilityTexts.get(result);
  if (text === undefined) {
    text = buildAffordabilityExplanation(terms, result);
    affordabilityTexts.set(result, text);
  }
  return text;
}

function buildAffordabilityExplanation(terms: ResolvedAffordabilityTerms, result: AffordablePrice): string {
  return (
    `(B − F) / f: budget B = ${formatPercent(terms.housingCostRatio)} × ${formatUsd(terms.income)} / 12 = ${formatUsd(result.budget)}/month, ` +
    `fixed costs F = ${formatUsd(result.fixedCosts)}/month, ` +
    `f = ${formatUsd(result.costPerDollar.times(1000))}/month per $1,000 of price ` +
    loanTermsText({ interestRate: formatPercent(terms.interestRate), termYears: terms.termYears, downPaymentRate: formatPercent(terms.downPaymentRate), propertyTaxRate: formatPercent(terms.propertyTaxRate), mortgageInsuranceRate: formatPercent(terms.mortgageInsuranceRate) })
  );
}

function improvementLines(request: ResaleRequest, formula: Formula): FormulaOutcome {
  const lines: ExactLine[] = [];
  const warnings: string[] = [];
  const credit: ImprovementCredit | undefined = formula.improvementCredit;
  const alreadyInAppraisal = formula.type === "appraisal" && formula.creditImprovementValue;
  request.improvements.forEach((improvement, position) => {
    const label = improvementLabel(improvement.description);
    const exclude = (reason: string) => {
      warnings.push(improvementNotCreditedWarning(improvement.description, position, reason));
      lines.push({ label, amount: ZERO, shown: "0.00", explanation: notCreditedExplanation(reason) });
    };
    if (!improvement.approved) return exclude(TEXT.notApprovedByTrust);
    if (improvement.completedOn < request.purchase.date) {
      return exclude(completedBeforePurchase(improvement.completedOn, request.purchase.date));
    }
    if (improvement.completedOn > request.valuationDate) {
      return exclude(completedAfterValuation(improvement.completedOn, request.valuationDate));
    }
    if (alreadyInAppraisal) return exclude(TEXT.coveredByAppraisal);
    const costText = formatUsd(improvement.cost);
    if (!credit) {
      lines.push({
        label,
        amount: new Decimal(improvement.cost),
        shown: toMoneyString(improvement.cost),
        explanation: creditedAtCost(costText),
      });
      return;
    }
    const cost = new Decimal(improvement.cost);
    if (cost.lt(term(credit.minimumCost))) return exclude(`its cost ${costText} is below the minimum of ${formatUsd(credit.minimumCost)}`);
    const rateText = creditRateText(costText, formatPercent(credit.creditRate));
    if (credit.depreciationYears === 0) {
      lines.push({ label, amount: cost.times(term(credit.creditRate)), explanation: notDepreciated(rateText) });
      return;
    }
    const lifeMonths = credit.depreciationYears * 12;
    const usedMonths = Math.min(fullMonthsBetween(improvement.completedOn, request.valuationDate), lifeMonths);
    const remainingMonths = lifeMonths - usedMonths;
    lines.push({
      label,
      amount: remainingMonths === 0 ? ZERO : cost.times(term(credit.creditRate)).times(remainingMonths).div(lifeMonths),
      explanation: depreciatedCredit(rateText, remainingMonths, lifeMonths, usedMonths, improvement.completedOn, credit.depreciationYears),
    });
  });
  return { lines, warnings };
}

const HUNDRED = new Decimal(100);
const HUNDREDTH = new Decimal("0.01");

/** Rounds a non-negative price once to the lease's increment (any positive amount): exact (`toNearest` divides to a whole number of increments). */
function roundToIncrement(value: Decimal, mode: RoundingMode, increment: string): Decimal {
  const rounding = mode === "nearest" ? Decimal.ROUND_HALF_UP : mode === "down" ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL;
  if (increment === "0.01") return value.toDecimalPlaces(2, rounding);
  if (increment === "1") return value.toDecimalPlaces(0, rounding);
  if (increment === "100") return value.times(HUNDREDTH).toDecimalPlaces(0, rounding).times(HUNDRED);
  return value.toNearest(term(increment), rounding);
}

type CapValue = { kind: "market-value" | "affordability" | "fair-return"; label: string; value: Decimal; shown: string; detail: string };

/**
 * The HOME fair-return formula's lines before the improvements: purchase price, inflation on it (fixed rate or
 * index), principal paid down, and the seller's closing costs (last, so the improvements go before it).
 */
function fairReturnLines(formula: FairReturnFormula, request: ResaleRequest, purchasePrice: Decimal, purchaseText: string, purchaseShown: string): FormulaOutcome {
  const figures = request.fairReturn!;
  const lines: ExactLine[] = [{ label: TEXT.purchasePrice, amount: purchasePrice, shown: purchaseShown, explanation: purchasePriceExplanation(request.purchase.date) }];
  const months = fullMonthsBetween(request.purchase.date, request.valuationDate);
  const inflation =
    formula.inflation.type === "fixed-rate"
      ? fixedRateLines(formula.inflation, purchasePrice, purchaseText, months, "Fair return: inflation on the purchase price")
      : indexLines(formula.inflation, request, purchasePrice, purchaseText, "Fair return: inflation on the purchase price");
  lines.push(...inflation.lines);
  lines.push({
    label: "Fair return: principal paid down",
    amount: new Decimal(figures.principalPaidDown),
    shown: toMoneyString(figures.principalPaidDown),
    explanation: "Mortgage principal the seller repaid while owning the home",
  });
  lines.push({
    label: "Fair return: seller's closing costs",
    amount: new Decimal(figures.sellerClosingCosts),
    shown: toMoneyString(figures.sellerClosingCosts),
    explanation: "The seller's closing costs, returned to the seller",
  });
  return { lines, warnings: inflation.warnings };
}

/** `terms` with a dollar income: the given income, or the AMI level resolved at the valuation date (validated by the contract). */
function resolvedTerms(
  terms: AffordabilityTerms,
  request: ResaleRequest,
  target: string,
  resolutions: IncomeResolution[],
): { terms: ResolvedAffordabilityTerms; resolution: AmiIncome | null } {
  if (terms.income !== undefined) return { terms: terms as ResolvedAffordabilityTerms, resolution: null };
  const resolved = resolveAmiLevel(terms.amiLevel!, request.incomeLimitTables, request.valuationDate, request.home?.bedrooms);
  if (!resolved.ok) throw new RangeError(`${target}.amiLevel ${resolved.message} (the request was not validated)`);
  const value = resolved.value;
  resolutions.push({
    for: target,
    level: value.level,
    householdSize: value.householdSize,
    householdSizeRule: value.householdSizeRule,
    income: value.income,
    table: value.table,
    explanation: value.explanation,
  });
  return { terms: { ...terms, income: value.income }, resolution: value };
}

function incomeNote(resolution: AmiIncome | null): string {
  return resolution ? `Income ${formatUsd(resolution.income)} = ${resolution.explanation}. ` : "";
}

/** The maximum resale price of one home by Decimal arithmetic throughout. `request` must have passed `parseResaleRequest`. */
export function calculateResaleReference(request: ResaleRequest): ResaleResult {
  const formula = request.formula;
  const purchasePrice = new Decimal(request.purchase.price);
  const purchaseShown = toMoneyString(request.purchase.price);
  const purchaseText = formatUsd(request.purchase.price);
  const adjustments: ExactLine[] = [];
  const warnings: string[] = [];
  const resolutions: IncomeResolution[] = [];
  /** Caps the formula itself sets (fair return; cap at affordability), considered before the listed caps. */
  const formulaCaps: CapValue[] = [];
  let affordableBase: { price: Decimal; income: string } | null = null;

  // 1. Base and formula adjustment.
  if (formula.type === "affordability") {
    const { terms, resolution } = resolvedTerms(formula, request, "formula", resolutions);
    const affordable = affordablePrice(terms);
    affordableBase = { price: affordable.price, income: terms.income };
    if (affordable.budgetBelowFixedCosts) {
      warnings.push(
        `The target household's housing budget (${formatUsd(affordable.budget)}/month) does not cover the fixed monthly costs (${formatUsd(affordable.fixedCosts)}/month); the affordable price is $0.00.`,
      );
    }
    adjustments.push({ label: TEXT.affordablePrice, amount: affordable.price, explanation: incomeNote(resolution) + affordabilityExplanation(terms, affordable) });
    if (formula.capAtAffordability) {
      formulaCaps.push({
        kind: "affordability",
        label: "Cap: affordable to the target household",
        value: affordable.price,
        shown: toMoneyString(affordable.price),
        detail: `The lease caps the price at what the target household (income ${formatUsd(terms.income)}) can afford: credits may not lift it higher`,
      });
    }
  } else if (formula.type === "fair-return") {
    const outcome = fairReturnLines(formula, request, purchasePrice, purchaseText, purchaseShown);
    adjustments.push(...outcome.lines);
    warnings.push(...outcome.warnings);
  } else {
    adjustments.push({
      label: TEXT.purchasePrice,
      amount: purchasePrice,
      shown: purchaseShown,
      explanation: purchasePriceExplanation(request.purchase.date),
    });
    const months = fullMonthsBetween(request.purchase.date, request.valuationDate);
    const outcome =
      formula.type === "fixed-rate"
        ? fixedRateLines(formula, purchasePrice, purchaseText, months)
        : formula.type === "appraisal"
          ? appraisalLines(formula, request)
          : indexLines(formula, request, purchasePrice, purchaseText);
    adjustments.push(...outcome.lines);
    warnings.push(...outcome.warnings);
  }

  // Improvement credits and deductions.
  const improvements = improvementLines(request, formula);
  if (formula.type === "fair-return") {
    // The fair return's parts: inflation, principal paid down, improvements, seller's closing costs (before them).
    const closingCosts = adjustments.pop()!;
    adjustments.push(...improvements.lines, closingCosts);
    const parts = adjustments.slice(1);
    const fairReturn = parts.reduce((sum, part) => sum.plus(part.amount), ZERO);
    const [inflation, principal] = parts;
    const improvementTotal = improvements.lines.reduce((sum, part) => sum.plus(part.amount), ZERO);
    const partsText = [
      `inflation ${formatUsd(inflation!.amount)}`,
      `principal paid down ${formatUsd(principal!.amount)}`,
      ...(improvements.lines.length ? [`improvements ${formatUsd(improvementTotal)}`] : []),
      `seller's closing costs ${formatUsd(closingCosts.amount)}`,
    ].join(" + ");
    const liens = request.fairReturn!.outstandingLiens;
    const cap = fairReturn.plus(liens);
    formulaCaps.push({
      kind: "fair-return",
      label: "Cap: outstanding liens + fair return",
      value: cap.isNegative() ? ZERO : cap,
      shown: toMoneyString(cap.isNegative() ? ZERO : cap),
      detail: `Outstanding liens ${formatUsd(liens)} + fair return ${formatUsd(fairReturn)} (${partsText}; the seller's closing costs are counted once, in the fair return)`,
    });
  } else adjustments.push(...improvements.lines);
  warnings.push(...improvements.warnings);
  if (request.leaseIntentChecks && formula.type === "appraisal" && !formula.creditImprovementValue) {
    improvements.lines.forEach((line, position) => {
      if (line.amount.isZero()) return; // not credited (one line per listed improvement, in order)
      const improvement = request.improvements[position]!;
      warnings.push(
        `Improvement "${improvement.description}" is credited at cost on top of an appraisal-based price, but the current appraisal (on or after ${improvement.completedOn}) already values it: the owner is paid for it twice. Use the appraiser's improvement value instead (formula.creditImprovementValue with appraisals.improvementValue).`,
      );
    });
  }
  for (const deduction of request.deductions) {
    adjustments.push({
      label: deductionLabel(deduction.description),
      amount: new Decimal(deduction.amount).negated(),
      shown: negate(toMoneyString(deduction.amount)),
      explanation: TEXT.deductedFromFormulaPrice,
    });
  }

  // Exact sum; the shown (cent) amounts are summed as integer cents to detect display rounding.
  let formulaPrice = ZERO;
  let shownCents = 0;
  const lines: ResaleResult["lines"] = [];
  for (const line of adjustments) {
    if (!line.amount.isZero()) formulaPrice = formulaPrice.isZero() ? line.amount : formulaPrice.plus(line.amount);
    const shown = line.shown ?? toMoneyString(line.amount);
    shownCents += centsOf(shown);
    lines.push({ label: line.label, amount: shown, explanation: line.explanation });
  }
  if (formulaPrice.isNegative()) {
    warnings.push(`The formula gives a negative price (${formatUsd(formulaPrice)}); a resale price is never below $0.00.`);
    const shown = negate(toMoneyString(formulaPrice));
    shownCents += centsOf(shown);
    lines.push({ label: TEXT.notBelowZero, amount: shown, explanation: TEXT.neverNegative });
    formulaPrice = ZERO;
  }
  const formulaShown = toMoneyString(formulaPrice);
  const displayDifference = centsOf(formulaShown) - shownCents;
  if (displayDifference !== 0) {
    lines.push({
      label: TEXT.roundingOfLinesAbove,
      amount: centsToString(displayDifference),
      explanation: `Each line is shown to the cent; the exact sum is ${exactUsd(formulaPrice, formulaShown)}`,
    });
  }
  lines.push({ label: TEXT.formulaPrice, amount: formulaShown, explanation: TEXT.sumOfLinesAbove });

  // 2. Floor.
  let price = formulaPrice;
  let priceShown = formulaShown;
  let boundBy: BoundBy = "formula";
  if (request.floor?.type === "purchase-price") {
    const applies = formulaPrice.lt(purchasePrice);
    lines.push({
      label: TEXT.floorPurchasePrice,
      amount: purchaseShown,
      explanation: applies
        ? `Applied: the price may not fall below the purchase price; raised from ${formatUsd(formulaShown)}`
        : TEXT.floorNotApplied,
    });
    if (applies) {
      price = purchasePrice;
      priceShown = purchaseShown;
      boundBy = "floor";
    }
  }

  // 3. Caps: the lowest cap strictly below the price binds (the first listed among equals).
  if (affordableBase && request.leaseIntentChecks && formulaPrice.gt(affordableBase.price) && !(formula.type === "affordability" && formula.capAtAffordability)) {
    warnings.push(
      `Improvement credits lift the price to ${formatUsd(formulaPrice)}, above the ${formatUsd(affordableBase.price)} the target household (income ${formatUsd(affordableBase.income)}) can afford. The lease prices the home for that household: consider "cap at affordability" (formula.capAtAffordability).`,
    );
  }
  let lowestCap: CapValue | undefined;
  if (request.caps.length > 0 || formulaCaps.length > 0) {
    const caps: CapValue[] = formulaCaps.concat(request.caps.map((cap, position) => {
      if (cap.type === "market-value") {
        const current = request.appraisals!.current!;
        return {
          kind: "market-value",
          label: TEXT.capMarketValue,
          value: new Decimal(current),
          shown: toMoneyString(current),
          detail: `Current appraised market value ${formatUsd(current)}`,
        } satisfies CapValue;
      }
      const { terms, resolution } = resolvedTerms(cap, request, `caps.${position}`, resolutions);
      const affordable = affordablePrice(terms);
      if (affordable.budgetBelowFixedCosts) {
        warnings.push(TEXT.affordabilityCapIsZero);
      }
      return {
        kind: "affordability",
        label: TEXT.capAffordability,
        value: affordable.price,
        shown: toMoneyString(affordable.price),
        detail: `Price affordable at an income of ${formatUsd(terms.income)}: ${incomeNote(resolution)}${affordabilityExplanation(terms, affordable)}`,
      } satisfies CapValue;
    }));
    const priceBeforeCaps = price;
    const priceBeforeCapsText = formatUsd(priceShown);
    let binding = -1;
    caps.forEach((cap, position) => {
      if (lowestCap === undefined || cap.value.lt(lowestCap.value)) lowestCap = cap;
      if (cap.value.lt(price)) {
        price = cap.value;
        priceShown = cap.shown;
        binding = position;
      }
    });
    caps.forEach((cap, position) => {
      const verdict =
        position === binding
          ? bindsBelow(priceBeforeCapsText)
          : cap.value.lt(priceBeforeCaps)
            ? TEXT.capAnotherIsLower
            : doesNotBindNotBelow(priceBeforeCapsText);
      lines.push({ label: cap.label, amount: cap.shown, explanation: capExplanation(verdict, cap.detail) });
    });
    if (binding >= 0) {
      boundBy = caps[binding]!.kind;
      if (request.floor && price.lt(purchasePrice)) {
        const capText = BOUND_TEXT[boundBy];
        warnings.push(capWinsOverFloorWarning(capText));
      }
    }
  }

  // 4. One rounding step. Rounding to the nearest increment may not lift the price above a cap
  //    (e.g. a $140,050 market value with "nearest $100"): then the price is rounded down instead.
  const { increment } = request.rounding;
  let mode: RoundingMode = request.rounding.mode;
  let rounded = roundToIncrement(price, mode, increment);
  let capNote = "";
  if (mode !== "down" && lowestCap !== undefined && rounded.gt(lowestCap.value)) {
    capNote = roundedDownForCap(mode, lowestCap.kind);
    mode = "down";
    rounded = roundToIncrement(price, mode, increment);
  }
  const finalShown = toMoneyString(rounded);
  lines.push({
    label: "Rounding",
    amount: centsToString(centsOf(finalShown) - centsOf(priceShown)),
    explanation: `${roundingVerb(mode)} ${incrementText(increment)} from ${exactUsd(price, priceShown)}${capNote}`,
  });
  lines.push({ label: TEXT.maximumResalePrice, amount: finalShown, explanation: boundByText(boundBy) });

  const result: ResaleResult = { maxResalePrice: finalShown, formulaPrice: formulaShown, boundBy, lines, warnings };
  if (resolutions.length > 0) result.incomeResolutions = resolutions;
  return result;
}
