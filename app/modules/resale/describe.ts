import { formatPercent, formatUsd, Decimal } from "~/utils/money";
import type { AffordabilityTerms, AmiLevel, AppraisalFormula, Cap, Formula, ImprovementCredit, ResaleRequest } from "./contract";
import { incrementText } from "./rounding";

/**
 * Plain-language descriptions of a resale formula, for the ground lease and the UI. They describe the rule
 * (frozen at signing), not a particular calculation. `resaleRuleParagraphs` / `describeResaleRule` state the
 * whole rule — formula, improvement credit, deductions, the floor, every cap and the rounding — and are the
 * only whole-rule describer: the calculator, Article 10.5 and Exhibit E all use them.
 */

type Rule = Pick<ResaleRequest, "formula" | "caps" | "floor" | "rounding">;

function persons(size: number): string {
  return `${size} person${size === 1 ? "" : "s"}`;
}

/** "80% of area median income for a household of 4 persons (HUD's income-limit table for X in effect on the date of the resale)". */
export function amiLevelText(ami: AmiLevel): string {
  const size =
    ami.householdSize === "bedrooms-plus-one" ? "one person more than the home has bedrooms" : `a household of ${persons(ami.householdSize)}`;
  return `the income limit at ${ami.level}% of area median income for ${size}, from HUD's income-limit table for ${ami.area.trim()} in effect on the date the price is set (the valuation date)`;
}

/** The target household's income in words: a fixed dollar income or an AMI level. */
function incomeText(terms: Pick<AffordabilityTerms, "income" | "amiLevel">): string {
  return terms.amiLevel ? amiLevelText(terms.amiLevel) : `${formatUsd(terms.income ?? "0")} a year`;
}

/** The improvement-credit terms of a formula in plain words (the lease's Exhibit E and an improvement approval). */
export function improvementSentence(formula: Formula): string {
  const credit: ImprovementCredit | undefined = formula.improvementCredit;
  if (!credit) {
    return formula.type === "fair-return"
      ? "The fair return includes the full cost of capital improvements approved in advance by the trust."
      : "The cost of capital improvements approved in advance by the trust is added in full.";
  }
  const minimum = new Decimal(credit.minimumCost).gt(0) ? ` costing at least ${formatUsd(credit.minimumCost)}` : "";
  const depreciation =
    credit.depreciationYears === 0
      ? "without depreciation"
      : `reduced in a straight line over ${credit.depreciationYears} year${credit.depreciationYears === 1 ? "" : "s"} from the date the work was completed, counted in full months`;
  return `For capital improvements approved in advance by the trust${minimum}, ${formatPercent(credit.creditRate)} of the cost is added, ${depreciation}.`;
}

function elapsedText(elapsed: "full-years" | "full-months"): string {
  return elapsed === "full-years"
    ? "each full year of ownership"
    : "each full month of ownership divided by 12 (a month counts once the same day of the month is reached again)";
}

/** "25%", or "20% for the first 5 full years of ownership, 25% from 5 full years, 30% from 10 full years". */
export function ownerShareText(formula: AppraisalFormula): string {
  if (formula.ownerShare !== undefined) return formatPercent(formula.ownerShare);
  const steps = formula.ownerShareSchedule!;
  return steps
    .map((step, position) => {
      const next = steps[position + 1];
      if (step.fromYears === 0) return `${formatPercent(step.share)} ${next ? `if the home is sold before ${next.fromYears} full years of ownership` : "whatever the years of ownership"}`;
      return `${formatPercent(step.share)} ${next ? `from ${step.fromYears} to less than ${next.fromYears} full years` : `from ${step.fromYears} full years`}`;
    })
    .join(", ");
}

function formulaSentence(formula: Formula): string {
  switch (formula.type) {
    case "fixed-rate": {
      const rate = formatPercent(formula.annualRate);
      return formula.compounding === "simple"
        ? `The maximum resale price is the purchase price increased by ${rate} simple interest for ${elapsedText(formula.elapsed)}.`
        : `The maximum resale price is the purchase price increased by ${rate} a year, compounded, for ${elapsedText(formula.elapsed)}.`;
    }
    case "appraisal": {
      const share = ownerShareText(formula);
      const scheduled = formula.ownerShare === undefined;
      const shareWords = scheduled ? "the owner's share" : share;
      const base = formula.creditImprovementValue
        ? `the purchase price, plus the value an independent appraiser attributes to the owner's capital improvements, plus ${shareWords} of the remaining change in appraised market value between the purchase and the resale`
        : `the purchase price plus ${shareWords} of the change in appraised market value between the purchase and the resale`;
      const schedule = scheduled ? ` The owner's share steps with the full years of ownership at the valuation date: ${share}.` : "";
      const losses =
        formula.losses === "shielded"
          ? " If the appraised value has not increased, the owner shares no loss and the price is not reduced below that amount."
          : " If the appraised value has fallen, the owner bears the same share of the loss.";
      return `The maximum resale price is ${base}.${schedule}${losses}`;
    }
    case "index":
      return `The maximum resale price is the purchase price multiplied by the ${formula.indexName} at the time of resale divided by the ${formula.indexName} at the time of purchase.`;
    case "affordability":
      return (
        `The maximum resale price is the price a household earning ${incomeText(formula)} can afford, ` +
        `spending ${formatPercent(formula.housingCostRatio)} of its income on housing: a ${formula.termYears}-year mortgage at ` +
        `${formatPercent(formula.interestRate)} with ${formatPercent(formula.downPaymentRate)} down, property tax of ` +
        `${formatPercent(formula.propertyTaxRate)} and mortgage insurance of ${formatPercent(formula.mortgageInsuranceRate)} a year, ` +
        `after monthly costs of ${formatUsd(formula.monthlyCosts.insurance)} insurance, ${formatUsd(formula.monthlyCosts.hoa)} association dues, ` +
        `${formatUsd(formula.monthlyCosts.leaseFee)} ground lease fee and ${formatUsd(formula.monthlyCosts.utilities)} utilities.` +
        (formula.capAtAffordability ? " Improvement credits may not raise the price above what that household can afford." : "")
      );
    case "fair-return": {
      const inflation =
        formula.inflation.type === "fixed-rate"
          ? `the purchase price increased by ${formatPercent(formula.inflation.annualRate)} a year${formula.inflation.compounding === "compound" ? ", compounded," : " simple interest"} for ${elapsedText(formula.inflation.elapsed)}`
          : `the purchase price adjusted by the change in the ${formula.inflation.indexName} between the purchase and the resale`;
      return (
        `The maximum resale price is the purchase price plus the seller's fair return, which is: the inflation on the purchase price ` +
        `(${inflation}, less the purchase price), plus the mortgage principal the seller paid down, plus the credit for capital improvements ` +
        `described below, plus the seller's closing costs. The price may not exceed the seller's outstanding liens plus that fair return ` +
        `(the closing costs counted once).`
      );
    }
  }
}

/** A paragraph in plain English describing the formula and its improvement credit. */
export function describeFormula(formula: Formula): string {
  return `${formulaSentence(formula)} ${improvementSentence(formula)}`;
}

/** The rounding in words: "rounded to the nearest cent", "rounded down to the nearest $1,000", "rounded up to the nearest $50". */
export function roundingText(rounding: Rule["rounding"]): string {
  const step = incrementText(rounding.increment);
  return rounding.mode === "nearest" ? `rounded to the nearest ${step}` : `rounded ${rounding.mode} to the nearest ${step}`;
}

/** A cap as the rule states it: market value, or the affordable price with every loan and cost term. */
function capSentence(cap: Cap, position: number, count: number): string {
  const label = count > 1 ? ` (limit ${position + 1})` : "";
  if (cap.type === "market-value") {
    return `Limit${label}: the price shall not exceed the appraised market value of the Home at the time of resale, determined by an independent appraiser the Trust approves.`;
  }
  return (
    `Limit${label}: the price shall not exceed the price a household earning ${incomeText(cap)} can afford, spending ` +
    `${formatPercent(cap.housingCostRatio)} of its income on housing: a ${cap.termYears}-year mortgage at ` +
    `${formatPercent(cap.interestRate)} with ${formatPercent(cap.downPaymentRate)} down, property tax of ` +
    `${formatPercent(cap.propertyTaxRate)} and mortgage insurance of ${formatPercent(cap.mortgageInsuranceRate)} a year, ` +
    `after monthly costs of ${formatUsd(cap.monthlyCosts.insurance)} insurance, ${formatUsd(cap.monthlyCosts.hoa)} association dues, ` +
    `${formatUsd(cap.monthlyCosts.leaseFee)} ground lease fee and ${formatUsd(cap.monthlyCosts.utilities)} utilities.`
  );
}

/** The rounding as the rule states it, with what happens at a limit. */
function roundingSentence(rounding: Rule["rounding"]): string {
  const step = incrementText(rounding.increment);
  const next = step === "cent" ? "cent" : `multiple of ${step}`;
  if (rounding.mode === "down") return `${roundingText(rounding)} (any amount below the next ${next} is dropped)`;
  if (rounding.mode === "up") return `${roundingText(rounding)}, but never above a limit that applies`;
  return `${roundingText(rounding)} (a half rounds up), but never above a limit that applies: if rounding up would exceed it, the price is rounded down instead`;
}

/**
 * The whole resale rule in plain words, in the order the resale engine applies it: the formula and its
 * improvement credit, deductions, the floor (or "none"), every cap and how caps and floor interact, and the
 * rounding. The one describer of a rule: the calculator shows it, the lease prints it in Article 10.5
 * (`{{resale_formula_in_words}}`) and Exhibit E. Every term the calculator applies appears.
 */
export function resaleRuleParagraphs(rule: Rule): string[] {
  const paragraphs = [describeFormula(rule.formula)];
  paragraphs.push("Any deductions this Lease provides for are then subtracted from that amount; it is never less than zero.");
  paragraphs.push(
    rule.floor
      ? "Floor: if the amount so calculated is less than the purchase price the Homeowner paid, it is raised to that purchase price (unless a limit below applies)."
      : "Floor: none. The Formula Price may be less than the purchase price the Homeowner paid.",
  );
  if (rule.caps.length === 0) {
    paragraphs.push("Limits: none other than the formula itself.");
  } else {
    rule.caps.forEach((cap, i) => paragraphs.push(capSentence(cap, i, rule.caps.length)));
    paragraphs.push(
      rule.caps.length > 1
        ? "When more than one limit is below the price, the lowest applies; a limit applies even where it is below the floor."
        : "The limit applies even where it is below the floor.",
    );
  }
  paragraphs.push(`Rounding: the result is ${roundingSentence(rule.rounding)}. The result is the Formula Price.`);
  return paragraphs;
}

/** `resaleRuleParagraphs` as one text (the `{{resale_formula_in_words}}` field, the calculator's summary). */
export function describeResaleRule(rule: Rule): string {
  return resaleRuleParagraphs(rule).join(" ");
}

/** A short label: "Fixed rate 1.5% simple (full months)", "Shared appreciation 25%", … */
export function formulaLabel(formula: Formula): string {
  switch (formula.type) {
    case "fixed-rate":
      return `Fixed rate ${formatPercent(formula.annualRate)} ${formula.compounding} (${formula.elapsed === "full-years" ? "full years" : "full months"})`;
    case "appraisal": {
      const share =
        formula.ownerShare !== undefined ? formatPercent(formula.ownerShare) : formula.ownerShareSchedule!.map((step) => formatPercent(step.share)).join("→");
      return `Shared appreciation ${share}${formula.ownerShare === undefined ? " by years owned" : ""}${formula.losses === "shared" ? ", losses shared" : ""}${formula.creditImprovementValue ? ", improvement value credited" : ""}`;
    }
    case "index":
      return `Indexed to ${formula.indexName}`;
    case "affordability":
      return formula.amiLevel
        ? `Affordable at ${formula.amiLevel.level}% AMI (${formula.amiLevel.householdSize === "bedrooms-plus-one" ? "bedrooms + 1" : persons(formula.amiLevel.householdSize)}, ${formula.amiLevel.area})${formula.capAtAffordability ? ", capped" : ""}`
        : `Affordable at ${formatUsd(formula.income ?? "0")} income${formula.capAtAffordability ? ", capped" : ""}`;
    case "fair-return":
      return `HOME fair return (${formula.inflation.type === "fixed-rate" ? `${formatPercent(formula.inflation.annualRate)} ${formula.inflation.compounding}` : `indexed to ${formula.inflation.indexName}`})`;
  }
}

/** A cap as a short label for the worksheet inputs: "market value", "affordable at $80,000.00 income", "affordable at 120% AMI". */
export function capLabel(cap: Cap): string {
  if (cap.type === "market-value") return "market value";
  return cap.amiLevel ? `affordable at ${cap.amiLevel.level}% AMI` : `affordable at ${formatUsd(cap.income ?? "0")} income`;
}
