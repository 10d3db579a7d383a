/**
 * Refinance approval, the pure rule (issue 10). A homeowner may refinance only within the trust's policy:
 * - the new principal is at most the trust's share (StewardshipSettings.refinanceMaxShare, e.g. 95 %) of the
 *   current maximum resale price (the formula price of a saved calculation valued no more than
 *   `calculationMaxAgeDays` before the decision), rounded down to the cent;
 * - the cash taken out (new principal − payoff of the loans it repays, never below zero) is at most the
 *   trust's cash-out limit.
 * A refusal names both figures of every limit it breaks. Plain data in, plain data out; money in cents.
 */
import { daysBetween } from "~/utils/calendar-date";
import { centsToString, Decimal, formatPercent, formatUsd } from "~/utils/money";

export type RefinancePolicy = { calculationMaxAgeDays: number; refinanceMaxShare: string; cashOutLimitCents: number };
export const DEFAULT_REFINANCE_POLICY: RefinancePolicy = { calculationMaxAgeDays: 180, refinanceMaxShare: "0.95", cashOutLimitCents: 500_000 };

export type RefinanceRequest = { lender: string; principalCents: number; payoffCents: number };
export type FormulaPriceCalculation = { id: string; valuationDate: string; maxResalePriceCents: number };

export type RefinanceFigures = {
  calculationId: string;
  valuationDate: string;
  maxResalePriceCents: number;
  maxShare: string;
  principalLimitCents: number;
  principalCents: number;
  payoffCents: number;
  cashOutCents: number;
  cashOutLimitCents: number;
};
export type RefinanceDecision = { approved: boolean; reasons: string[]; figures: RefinanceFigures };

const usd = (cents: number) => formatUsd(centsToString(cents));

/** The calculation is too old (or missing) to decide on: the message to show, or null when it will do. */
export function staleCalculationError(calculation: FormulaPriceCalculation | null, decisionDate: string, policy: RefinancePolicy): string | null {
  if (!calculation) {
    return `This home has no saved resale calculation. Save one valued within ${policy.calculationMaxAgeDays} days of ${decisionDate} (the trust's policy) before deciding a refinance.`;
  }
  const age = daysBetween(calculation.valuationDate, decisionDate);
  if (age > policy.calculationMaxAgeDays) {
    return `The newest saved resale calculation of this home is valued ${calculation.valuationDate}, ${age} days before ${decisionDate}; the trust's policy allows at most ${policy.calculationMaxAgeDays}. Save a current calculation first.`;
  }
  if (age < 0) return `The newest saved resale calculation is valued ${calculation.valuationDate}, after the decision date ${decisionDate}.`;
  return null;
}

/** Approves or refuses the refinance against the calculation and the policy. */
export function decideRefinance(request: RefinanceRequest, calculation: FormulaPriceCalculation, policy: RefinancePolicy): RefinanceDecision {
  const principalLimitCents = new Decimal(calculation.maxResalePriceCents).times(policy.refinanceMaxShare).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
  const cashOutCents = Math.max(0, request.principalCents - request.payoffCents);
  const reasons: string[] = [];
  if (request.principalCents > principalLimitCents) {
    reasons.push(
      `The new principal of ${usd(request.principalCents)} is above the trust's limit of ${usd(principalLimitCents)}: ${formatPercent(policy.refinanceMaxShare)} of the maximum resale price of ${usd(calculation.maxResalePriceCents)} (calculation valued ${calculation.valuationDate}).`,
    );
  }
  if (cashOutCents > policy.cashOutLimitCents) {
    reasons.push(
      `The cash out of ${usd(cashOutCents)} (new principal ${usd(request.principalCents)} less the payoff of ${usd(request.payoffCents)}) is above the trust's cash-out limit of ${usd(policy.cashOutLimitCents)}.`,
    );
  }
  return {
    approved: reasons.length === 0,
    reasons,
    figures: {
      calculationId: calculation.id,
      valuationDate: calculation.valuationDate,
      maxResalePriceCents: calculation.maxResalePriceCents,
      maxShare: policy.refinanceMaxShare,
      principalLimitCents,
      principalCents: request.principalCents,
      payoffCents: request.payoffCents,
      cashOutCents,
      cashOutLimitCents: policy.cashOutLimitCents,
    },
  };
}
