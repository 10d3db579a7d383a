import type { BoundBy } from "./contract";

/**
 * Every label, explanation and warning the resale engine writes, in one place. Both implementations of the
 * engine — the reference (reference-engine.ts, exact Decimals) and the fast path (fast-path.ts, integer
 * cents and scaled integers) — build their worksheets from these, each passing the amounts already written
 * out ("$245,000.00", "1.5%"), so a change of wording is made once and both stay byte-identical (the
 * comparison tests in fast-path.test.ts would show a difference).
 */

/** Line labels and fixed explanations. */
export const TEXT = {
  purchasePrice: "Purchase price",
  fixedRateIncrease: "Fixed-rate increase",
  ownerShareOfAppreciation: "Owner's share of appreciation",
  ownerShareOfChange: "Owner's share of the change in value",
  improvementValueCredited: "Improvement value credited",
  improvementValueExplanation: "100% of the value the appraiser attributes to the owner's capital improvements",
  affordablePrice: "Affordable price",
  deductedFromFormulaPrice: "Deducted from the formula price",
  sumOfLinesAbove: "Sum of the lines above",
  roundingOfLinesAbove: "Rounding of the lines above",
  formulaPrice: "Formula price",
  notBelowZero: "Not below zero",
  neverNegative: "A resale price is never negative",
  floorPurchasePrice: "Floor: purchase price",
  floorNotApplied: "Not applied: the formula price is not below the purchase price",
  capMarketValue: "Cap: market value",
  capAffordability: "Cap: affordability",
  capAnotherIsLower: "Does not bind: another cap is lower",
  maximumResalePrice: "Maximum resale price",
  lossesShared: "; losses are shared",
  notApprovedByTrust: "it was not approved by the trust",
  coveredByAppraisal: "the appraiser's improvement value already covers the owner's improvements",
  affordabilityCapIsZero: "The affordability cap's housing budget does not cover the fixed monthly costs; the cap is $0.00.",
} as const;

/** What bound the final price, as the "Maximum resale price" line and the rounding note say it. */
export const BOUND_TEXT: Record<BoundBy, string> = {
  formula: "the formula price",
  floor: "the purchase-price floor",
  "market-value": "the market-value cap",
  affordability: "the affordability cap",
  "fair-return": "the fair-return cap",
};

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** Years to two decimals from whole months, by integer arithmetic: 121 -> "10.08" (half-up). */
export function yearsText(months: number): string {
  const hundredths = Math.floor((months * 200 + 12) / 24);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

/** How the elapsed time counts: "3 full years", or "40 full months ÷ 12". */
export function elapsedText(byYears: boolean, years: number, months: number): string {
  return byYears ? plural(years, "full year") : `${plural(months, "full month")} ÷ 12`;
}

/** "0.015 × 3.00 years simple (3 full years) on $200,000.00". */
export function simpleGrowthText(rateText: string, countedMonths: number, elapsed: string, baseText: string): string {
  return `${rateText} × ${yearsText(countedMonths)} years simple (${elapsed}) on ${baseText}`;
}

/** "(1 + 0.015)^3.00 − 1 = 4.5678% compound (3 full years) on $200,000.00". */
export function compoundGrowthText(rateText: string, countedMonths: number, percentText: string, elapsed: string, baseText: string): string {
  return `(1 + ${rateText})^${yearsText(countedMonths)} − 1 = ${percentText} compound (${elapsed}) on ${baseText}`;
}

export function purchasePriceExplanation(purchaseDate: string): string {
  return `Price the seller paid on ${purchaseDate}`;
}

export function indexFellWarning(indexName: string, atPurchase: string, current: string): string {
  return `The index (${indexName}) fell from ${atPurchase} to ${current}; the price is below the purchase price.`;
}

/** The loan terms behind an affordable price, in parentheses (rates already written as percentages). */
export function loanTermsText(terms: { interestRate: string; termYears: number; downPaymentRate: string; propertyTaxRate: string; mortgageInsuranceRate: string }): string {
  return (
    `(${terms.interestRate} for ${terms.termYears} years, ${terms.downPaymentRate} down, ` +
    `tax ${terms.propertyTaxRate}, mortgage insurance ${terms.mortgageInsuranceRate})`
  );
}

export function improvementLabel(description: string): string {
  return `Improvement credit: ${description}`;
}

export function completedBeforePurchase(completedOn: string, purchaseDate: string): string {
  return `it was completed on ${completedOn}, before the purchase on ${purchaseDate}`;
}

export function completedAfterValuation(completedOn: string, valuationDate: string): string {
  return `it was completed on ${completedOn}, after the valuation date ${valuationDate}`;
}

export function improvementNotCreditedWarning(description: string, position: number, reason: string): string {
  return `Improvement "${description}" (improvements.${position}) was not credited: ${reason}.`;
}

export function notCreditedExplanation(reason: string): string {
  return `Not credited: ${reason}`;
}

export function creditedAtCost(costText: string): string {
  return `Approved improvement credited at its cost of ${costText} (the formula sets no credit terms: 100%, not depreciated)`;
}

export function creditRateText(costText: string, creditRate: string): string {
  return `${costText} × ${creditRate} credit`;
}

export function notDepreciated(rateText: string): string {
  return `${rateText}, not depreciated`;
}

export function depreciatedCredit(rateText: string, remainingMonths: number, lifeMonths: number, usedMonths: number, completedOn: string, depreciationYears: number): string {
  return `${rateText} × ${remainingMonths}/${lifeMonths} months of useful life remaining (${plural(usedMonths, "full month")} since ${completedOn}, straight-line over ${plural(depreciationYears, "year")})`;
}

export function deductionLabel(description: string): string {
  return `Deduction: ${description}`;
}

export function bindsBelow(priceBeforeCapsText: string): string {
  return `Binds: below the price of ${priceBeforeCapsText}`;
}

export function doesNotBindNotBelow(priceBeforeCapsText: string): string {
  return `Does not bind: not below the price of ${priceBeforeCapsText}`;
}

export function capExplanation(verdict: string, detail: string): string {
  return `${verdict}. ${detail}`;
}

export function capWinsOverFloorWarning(capText: string): string {
  return `${capText.charAt(0).toUpperCase()}${capText.slice(1)} is below the purchase price; the cap wins over the floor.`;
}

export function roundedDownForCap(mode: "nearest" | "up", lowestCap: BoundBy): string {
  return `; down rather than ${mode === "nearest" ? "to the nearest" : "up"} so as not to exceed ${BOUND_TEXT[lowestCap]}`;
}

export function boundByText(boundBy: BoundBy): string {
  return `Bound by ${BOUND_TEXT[boundBy]}`;
}
