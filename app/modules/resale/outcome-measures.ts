/**
 * The outcome measures shown beside the calculator's worksheet (docs/resale-calculator.md "Outcome measures"):
 * income needed, % AMI, the owner's gain, the seller's net proceeds and the subsidy retained. Pure: no I/O.
 */
import { limitFor } from "~/modules/income-limits/income-limits";
import { Decimal, toMoneyString } from "~/utils/money";
import type { ResaleRequest, ResaleResult } from "./contract";
import { incomeNeeded, incomeNeededPercentOfAmi, sellerNetProceeds, subsidyRetained } from "./outcomes";
import type { CalculatorContext, OutcomeInput } from "./calculator-fields";

export type OutcomeMeasures = {
  householdSize: number;
  /** Annual income needed to buy at the maximum resale price / at the seller's purchase price (dollars). */
  incomeNeeded: string;
  incomeNeededAtPurchasePrice: string;
  /** Present when the organisation has an income-limit table. */
  percentOfAmi: {
    atResalePrice: string;
    atPurchasePrice: string;
    hundredPercentIncome: string;
    explanation: string;
  } | null;
  ownerGain: string;
  sellerNetProceeds: string;
  /** Market value − maximum resale price; null without a current appraisal. */
  subsidyRetained: string | null;
};

/**
 * The outcome measures for a calculated price. % AMI: income needed (12·(f·P + F)/ratio) ÷ the 100 % AMI
 * income for the household size × 100, one decimal, where the 100 % figure is `limitFor(table, 100, size,
 * method)` with the table's derivation method (by default 2 × HUD's 50 % limit). The purchase-price figure
 * uses the same (latest) table, so it compares prices, not the AMI of the earlier year.
 */
export function outcomeMeasures(
  request: ResaleRequest,
  result: ResaleResult,
  input: OutcomeInput,
  incomeLimits: CalculatorContext["incomeLimits"],
): OutcomeMeasures {
  const price = result.maxResalePrice;
  const purchasePrice = request.purchase.price;
  let percentOfAmi: OutcomeMeasures["percentOfAmi"] = null;
  if (incomeLimits) {
    const hundred = limitFor(incomeLimits.table, 100, input.householdSize, incomeLimits.method);
    percentOfAmi = {
      atResalePrice: incomeNeededPercentOfAmi(price, input.terms, hundred.amount).toFixed(1),
      atPurchasePrice: incomeNeededPercentOfAmi(purchasePrice, input.terms, hundred.amount).toFixed(1),
      hundredPercentIncome: hundred.amount,
      explanation: `${incomeLimits.table.areaName}, FY${incomeLimits.table.fiscalYear}: 100% AMI for ${input.householdSize} ${input.householdSize === 1 ? "person" : "people"} — ${hundred.explanation}`,
    };
  }
  return {
    householdSize: input.householdSize,
    incomeNeeded: toMoneyString(incomeNeeded(price, input.terms)),
    incomeNeededAtPurchasePrice: toMoneyString(incomeNeeded(purchasePrice, input.terms)),
    percentOfAmi,
    ownerGain: toMoneyString(new Decimal(price).minus(purchasePrice)),
    sellerNetProceeds: toMoneyString(
      sellerNetProceeds({ price, mortgagePayoff: input.mortgagePayoff, closingCosts: input.closingCosts, unpaidLeaseFees: input.unpaidLeaseFees }),
    ),
    subsidyRetained: request.appraisals?.current ? toMoneyString(subsidyRetained(request.appraisals.current, price)) : null,
  };
}
