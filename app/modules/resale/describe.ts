import { Decimal, formatPercent, formatUsd } from "~/utils/money";
import type { Formula, ImprovementCredit } from "./contract";

/**
 * Plain-language descriptions of a resale formula, for the ground lease exhibit and the UI.
 * They describe the rule (frozen at signing), not a particular calculation.
 */

function improvementSentence(credit: ImprovementCredit | undefined): string {
  if (!credit) {
    return "The cost of capital improvements approved in advance by the trust is added in full.";
  }
  const minimum = new Decimal(credit.minimumCost).gt(0) ? ` costing at least ${formatUsd(credit.minimumCost)}` : "";
  const depreciation =
    credit.depreciationYears === 0
      ? "without depreciation"
      : `reduced in a straight line over ${credit.depreciationYears} year${credit.depreciationYears === 1 ? "" : "s"} from the date the work was completed, counted in full months`;
  return `For capital improvements approved in advance by the trust${minimum}, ${formatPercent(credit.creditRate)} of the cost is added, ${depreciation}.`;
}

function formulaSentence(formula: Formula): string {
  switch (formula.type) {
    case "fixed-rate": {
      const rate = formatPercent(formula.annualRate);
      const period =
        formula.elapsed === "full-years"
          ? "each full year of ownership"
          : "each full month of ownership divided by 12 (a month counts once the same day of the month is reached again)";
      return formula.compounding === "simple"
        ? `The maximum resale price is the purchase price increased by ${rate} simple interest for ${period}.`
        : `The maximum resale price is the purchase price increased by ${rate} a year, compounded, for ${period}.`;
    }
    case "appraisal": {
      const share = formatPercent(formula.ownerShare);
      const base = formula.creditImprovementValue
        ? `the purchase price, plus the value an independent appraiser attributes to the owner's capital improvements, plus ${share} of the remaining change in appraised market value between the purchase and the resale`
        : `the purchase price plus ${share} of the change in appraised market value between the purchase and the resale`;
      const losses =
        formula.losses === "shielded"
          ? " If the appraised value has not increased, the owner shares no loss and the price is not reduced below that amount."
          : " If the appraised value has fallen, the owner bears the same share of the loss.";
      return `The maximum resale price is ${base}.${losses}`;
    }
    case "index":
      return `The maximum resale price is the purchase price multiplied by the ${formula.indexName} at the time of resale divided by the ${formula.indexName} at the time of purchase.`;
    case "affordability":
      return (
        `The maximum resale price is the price a household earning ${formatUsd(formula.income)} a year can afford, ` +
        `spending ${formatPercent(formula.housingCostRatio)} of its income on housing: a ${formula.termYears}-year mortgage at ` +
        `${formatPercent(formula.interestRate)} with ${formatPercent(formula.downPaymentRate)} down, property tax of ` +
        `${formatPercent(formula.propertyTaxRate)} and mortgage insurance of ${formatPercent(formula.mortgageInsuranceRate)} a year, ` +
        `after monthly costs of ${formatUsd(formula.monthlyCosts.insurance)} insurance, ${formatUsd(formula.monthlyCosts.hoa)} association dues, ` +
        `${formatUsd(formula.monthlyCosts.leaseFee)} ground lease fee and ${formatUsd(formula.monthlyCosts.utilities)} utilities.`
      );
  }
}

/** A paragraph in plain English describing the formula and its improvement credit. */
export function describeFormula(formula: Formula): string {
  return `${formulaSentence(formula)} ${improvementSentence(formula.improvementCredit)}`;
}

/** A short label: "Fixed rate 1.5% simple (full months)", "Shared appreciation 25%", … */
export function formulaLabel(formula: Formula): string {
  switch (formula.type) {
    case "fixed-rate":
      return `Fixed rate ${formatPercent(formula.annualRate)} ${formula.compounding} (${formula.elapsed === "full-years" ? "full years" : "full months"})`;
    case "appraisal":
      return `Shared appreciation ${formatPercent(formula.ownerShare)}${formula.losses === "shared" ? ", losses shared" : ""}${formula.creditImprovementValue ? ", improvement value credited" : ""}`;
    case "index":
      return `Indexed to ${formula.indexName}`;
    case "affordability":
      return `Affordable at ${formatUsd(formula.income)} income`;
  }
}
