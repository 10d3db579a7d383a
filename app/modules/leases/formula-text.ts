/**
 * The whole resale formula frozen into a lease, in plain words, for Article 10 and Exhibit E: the formula and
 * its improvement-credit terms (`describeFormula`), then every cap, the floor and the rounding, and the order
 * in which the resale engine applies them. The worked example in Exhibit E applies exactly this spec.
 */
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { describeFormula } from "~/modules/resale/describe";
import { formatPercent, formatUsd } from "~/utils/money";

type Cap = FormulaPresetSpec["caps"][number];

function capSentence(cap: Cap, position: number, count: number): string {
  const label = count > 1 ? ` (limit ${position + 1})` : "";
  if (cap.type === "market-value") {
    return `Limit${label}: the price shall not exceed the appraised market value of the Home at the time of resale, determined by an independent appraiser the Trust approves.`;
  }
  const terms = cap as Record<string, unknown>;
  if (typeof terms.income === "string") {
    const costs = (terms.monthlyCosts ?? {}) as Record<string, string>;
    return (
      `Limit${label}: the price shall not exceed the price a household earning ${formatUsd(terms.income)} a year can afford, spending ` +
      `${formatPercent(String(terms.housingCostRatio))} of its income on housing: a ${String(terms.termYears)}-year mortgage at ` +
      `${formatPercent(String(terms.interestRate))} with ${formatPercent(String(terms.downPaymentRate))} down, property tax of ` +
      `${formatPercent(String(terms.propertyTaxRate))} and mortgage insurance of ${formatPercent(String(terms.mortgageInsuranceRate))} a year, ` +
      `after monthly costs of ${formatUsd(costs.insurance ?? "0")} insurance, ${formatUsd(costs.hoa ?? "0")} association dues, ` +
      `${formatUsd(costs.leaseFee ?? "0")} ground lease fee and ${formatUsd(costs.utilities ?? "0")} utilities.`
    );
  }
  // other ways of stating the affordable price: the resale module's own description of the same terms
  const described = describeFormula({ ...(cap as object), type: "affordability" } as Parameters<typeof describeFormula>[0]);
  return `Limit${label}: the price shall not exceed the following affordable price. ${described.replace(/^The maximum resale price is/, "It is")}`;
}

/** "the nearest cent", "the next lower $1,000.00", … */
function roundingPhrase(rounding: FormulaPresetSpec["rounding"]): string {
  const increment = String(rounding.increment);
  const unit = increment === "0.01" ? "cent" : increment === "1" ? "whole dollar" : `multiple of ${formatUsd(increment)}`;
  const mode = String(rounding.mode);
  if (mode === "down") return `rounded down to the ${unit} (any amount below the next ${unit} is dropped)`;
  if (mode === "up") return `rounded up to the next ${unit}, but never above a limit that applies`;
  return `rounded to the nearest ${unit} (a half rounds up), but never above a limit that applies: if rounding up would exceed it, the price is rounded down instead`;
}

/** The frozen formula as paragraphs, in the order the engine applies it. */
export function frozenFormulaParagraphs(spec: FormulaPresetSpec): string[] {
  const paragraphs = [describeFormula(spec.formula)];
  paragraphs.push(
    "Any deductions this Lease provides for are then subtracted from that amount; it is never less than zero.",
  );
  if (spec.floor) {
    paragraphs.push("Floor: if the amount so calculated is less than the purchase price the Homeowner paid, it is raised to that purchase price (unless a limit below applies).");
  } else {
    paragraphs.push("Floor: none. The Formula Price may be less than the purchase price the Homeowner paid.");
  }
  if (spec.caps.length === 0) {
    paragraphs.push("Limits: none other than the formula itself.");
  } else {
    spec.caps.forEach((cap, i) => paragraphs.push(capSentence(cap, i, spec.caps.length)));
    paragraphs.push(
      spec.caps.length > 1
        ? "When more than one limit is below the price, the lowest applies; a limit applies even where it is below the floor."
        : "The limit applies even where it is below the floor.",
    );
  }
  paragraphs.push(`Rounding: the result is ${roundingPhrase(spec.rounding)}. The result is the Formula Price.`);
  return paragraphs;
}

/** The same paragraphs as one text, for the `{{resale_formula_in_words}}` field. */
export function frozenFormulaInWords(spec: FormulaPresetSpec): string {
  return frozenFormulaParagraphs(spec).join(" ");
}
