import { incomeNeededPercentOfAmi, sellerNetProceeds, subsidyRetained, type HousingCostTerms } from "~/modules/resale/outcomes";
import { daysBetween } from "~/utils/calendar-date";
import { centsToDecimal, Decimal, toMoneyString } from "~/utils/money";

/**
 * The outcome measures of a closed resale (docs/resale-calculator.md "Outcome measures"), computed once at the closing and stored with the case;
 * reports read the stored figures. Pure.
 *
 *   affordability preserved: income needed to buy (12·(f·P + F)/ratio, the standard buyer's loan terms) as %
 *     of the 100 % AMI income for the home's household size (bedrooms + 1) — at this sale's price with the
 *     HUD table in effect on the closing date, and at the previous sale's price with the table in effect on
 *     that purchase date (each sale judged by the incomes of its own year); null where no table was in effect;
 *   subsidy retained:    market value (the appraisal the formula price used) − the closing price;
 *   seller's gain:       closing price − the seller's purchase price;
 *   net proceeds:        price − mortgage payoff − seller's closing costs − unpaid lease fees − the trust's fees;
 *   annualised return on the down payment: (net proceeds / down payment)^(365 / days owned) − 1, where the down
 *     payment is the purchase price − the recorded first mortgage; null without a recorded mortgage, with no
 *     down payment, or when the net proceeds are not positive (no meaningful rate).
 * Percentages have one decimal; money two.
 */

export type OutcomeInputs = {
  priceCents: number;
  previousPriceCents: number;
  purchaseDate: string;
  closingDate: string;
  marketValueCents: number | null;
  mortgageAmountCents: number | null;
  closing: { mortgagePayoffCents: number; sellerClosingCostsCents: number; unpaidLeaseFeesCents: number; trustFeesCents: number };
  buyerTerms: HousingCostTerms;
  householdSize: number;
  /** 100 % AMI incomes (dollars) for the household size: at the closing date and at the previous purchase date. */
  ami100AtSale: { income: string; table: string } | null;
  ami100AtPrevious: { income: string; table: string } | null;
};

export type StoredOutcomes = {
  householdSize: number;
  percentAmiNeeded: { atThisSale: string | null; atPreviousSale: string | null; tableAtThisSale: string | null; tableAtPreviousSale: string | null };
  subsidyRetained: string | null;
  sellerGain: string;
  netProceeds: string;
  downPayment: string | null;
  annualisedReturnOnDownPayment: string | null;
  yearsOwned: string;
};

export function resaleOutcomes(input: OutcomeInputs): StoredOutcomes {
  const price = centsToDecimal(input.priceCents);
  const previous = centsToDecimal(input.previousPriceCents);
  const percent = (at: Decimal, ami: { income: string } | null) => (ami ? incomeNeededPercentOfAmi(at, input.buyerTerms, ami.income).toFixed(1) : null);
  const net = sellerNetProceeds({
    price,
    mortgagePayoff: centsToDecimal(input.closing.mortgagePayoffCents),
    closingCosts: centsToDecimal(input.closing.sellerClosingCostsCents),
    unpaidLeaseFees: centsToDecimal(input.closing.unpaidLeaseFeesCents),
  }).minus(centsToDecimal(input.closing.trustFeesCents));
  const days = daysBetween(input.purchaseDate, input.closingDate);
  const downPayment = input.mortgageAmountCents === null ? null : previous.minus(centsToDecimal(input.mortgageAmountCents));
  let annualised: string | null = null;
  if (downPayment && downPayment.gt(0) && net.gt(0) && days > 0) {
    annualised = net.div(downPayment).pow(new Decimal(365).div(days)).minus(1).times(100).toFixed(1);
  }
  return {
    householdSize: input.householdSize,
    percentAmiNeeded: {
      atThisSale: percent(price, input.ami100AtSale),
      atPreviousSale: percent(previous, input.ami100AtPrevious),
      tableAtThisSale: input.ami100AtSale?.table ?? null,
      tableAtPreviousSale: input.ami100AtPrevious?.table ?? null,
    },
    subsidyRetained: input.marketValueCents === null ? null : toMoneyString(subsidyRetained(centsToDecimal(input.marketValueCents), price)),
    sellerGain: toMoneyString(price.minus(previous)),
    netProceeds: toMoneyString(net),
    downPayment: downPayment ? toMoneyString(downPayment) : null,
    annualisedReturnOnDownPayment: annualised,
    yearsOwned: new Decimal(days).div(365).toFixed(2),
  };
}
