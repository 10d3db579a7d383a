/**
 * The resale calculator's answer (/resale/homes/:homeId, after "Calculate"): the worksheet, the outcome
 * measures (income needed, % AMI, the seller's gain and net proceeds, subsidy retained) and the inputs used.
 * Shown, not saved.
 */
import type { ResaleRequest, ResaleResult } from "~/modules/resale/contract";
import { RequestInputs, Worksheet } from "~/modules/resale/components";
import type { OutcomeMeasures } from "~/modules/resale/outcome-measures";
import { formatUsd } from "~/utils/money";

export function CalculationResult({
  calculation,
}: {
  calculation: { presetName: string; request: ResaleRequest; result: ResaleResult; outcome: OutcomeMeasures };
}) {
  return (
    <section className="card stack" aria-labelledby="result-heading" style={{ marginTop: "1.5rem" }}>
      <h2 id="result-heading" style={{ marginTop: 0 }}>
        Result{calculation.presetName ? ` — ${calculation.presetName}` : ""}
      </h2>
      <Worksheet result={calculation.result} />
      <h3>Outcome measures</h3>
      <dl className="details">
        <dt>Income needed to buy at this price</dt>
        <dd>
          {formatUsd(calculation.outcome.incomeNeeded)} a year
          {calculation.outcome.percentOfAmi
            ? ` — ${calculation.outcome.percentOfAmi.atResalePrice}% AMI for ${calculation.outcome.householdSize} (at the seller's purchase price: ${calculation.outcome.percentOfAmi.atPurchasePrice}% AMI, ${formatUsd(calculation.outcome.incomeNeededAtPurchasePrice)})`
            : ` (at the seller's purchase price: ${formatUsd(calculation.outcome.incomeNeededAtPurchasePrice)})`}
        </dd>
        {calculation.outcome.percentOfAmi ? (
          <>
            <dt>100% AMI used</dt>
            <dd>
              {formatUsd(calculation.outcome.percentOfAmi.hundredPercentIncome)} — {calculation.outcome.percentOfAmi.explanation}
            </dd>
          </>
        ) : null}
        <dt>Seller&apos;s gain over the purchase price</dt>
        <dd>{formatUsd(calculation.outcome.ownerGain)}</dd>
        <dt>Seller&apos;s net proceeds</dt>
        <dd>{formatUsd(calculation.outcome.sellerNetProceeds)} (price − mortgage payoff − closing costs − unpaid lease fees)</dd>
        <dt>Subsidy retained</dt>
        <dd>
          {calculation.outcome.subsidyRetained
            ? `${formatUsd(calculation.outcome.subsidyRetained)} (current market value − maximum resale price)`
            : "Enter the current appraised value to see it"}
        </dd>
      </dl>
      <h3>Inputs used</h3>
      <RequestInputs request={calculation.request} />
    </section>
  );
}
