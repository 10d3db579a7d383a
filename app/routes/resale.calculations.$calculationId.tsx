import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { getResaleCalculation } from "~/modules/resale/calculations.server";
import type { BoundBy, ResaleRequest, ResaleResult } from "~/modules/resale/contract";
import { describeFormula, formulaLabel } from "~/modules/resale/describe";
import { subsidyRetained } from "~/modules/resale/outcomes";
import { db } from "~/utils/db.server";
import { formatInstant, formatLegalDate } from "~/utils/format";
import { formatUsd, toMoneyString } from "~/utils/money";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Resale worksheet${data ? ` — ${data.calculation.homeLabel}` : ""} · Commonground` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const calculation = await getResaleCalculation(db(), actor.organisationId, params.calculationId ?? "");
  if (!calculation) throw new Response("Calculation not found", { status: 404 });
  return {
    calculation: {
      ...calculation,
      createdAt: calculation.createdAt.toISOString(),
      formulaLabel: formulaLabel(calculation.request.formula),
      formulaDescription: describeFormula(calculation.request.formula),
      subsidyRetained: calculation.request.appraisals?.current
        ? toMoneyString(subsidyRetained(calculation.request.appraisals.current, calculation.result.maxResalePrice))
        : null,
    },
  };
}

export const BOUND_BY_LABELS: Record<BoundBy, string> = {
  formula: "the formula price",
  floor: "the purchase-price floor",
  "market-value": "the market-value cap",
  affordability: "the affordability cap",
};

/** The worksheet: every line with its amount and explanation, which bound set the price, and the warnings. */
export function Worksheet({ result, caption = "Worksheet" }: { result: ResaleResult; caption?: string }) {
  return (
    <section aria-label={caption} className="stack">
      <p className="stat" aria-live="polite">
        Maximum resale price: {formatUsd(result.maxResalePrice)}
      </p>
      <p>
        Formula price {formatUsd(result.formulaPrice)} · the price is bound by <strong>{BOUND_BY_LABELS[result.boundBy]}</strong>.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="muted" style={{ textAlign: "left", padding: "0.5rem 0.75rem" }}>
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">How it was found</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((line, index) => {
              const total = line.label === "Maximum resale price" || line.label === "Formula price";
              return (
                <tr key={`${index}-${line.label}`}>
                  <th scope="row" style={{ fontWeight: total ? 700 : 400 }}>
                    {line.label}
                  </th>
                  <td className="num" style={{ fontWeight: total ? 700 : 400 }}>
                    {formatUsd(line.amount)}
                  </td>
                  <td>{line.explanation}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result.warnings.length ? (
        <div className="card" role="note" aria-label="Warnings">
          <h3 style={{ marginTop: 0 }}>Warnings</h3>
          <ul>
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="muted">This is the highest price the ground lease allows; it is not a guaranteed sale price.</p>
    </section>
  );
}

/** The inputs of a request as label/value rows (the worksheet's "Inputs" block). */
export function RequestInputs({ request }: { request: ResaleRequest }) {
  const rows: [string, string][] = [
    ["Purchase", `${formatUsd(request.purchase.price)} on ${formatLegalDate(request.purchase.date)}`],
    ["Valuation date", formatLegalDate(request.valuationDate)],
  ];
  if (request.appraisals?.atPurchase) rows.push(["Appraised value at purchase", formatUsd(request.appraisals.atPurchase)]);
  if (request.appraisals?.current) rows.push(["Current appraised value", formatUsd(request.appraisals.current)]);
  if (request.appraisals?.improvementValue) rows.push(["Improvement value (appraiser)", formatUsd(request.appraisals.improvementValue)]);
  if (request.index?.atPurchase || request.index?.current) rows.push(["Index", `${request.index.atPurchase ?? "—"} at purchase, ${request.index.current ?? "—"} now`]);
  for (const improvement of request.improvements) {
    rows.push([
      "Improvement",
      `${improvement.description}: ${formatUsd(improvement.cost)}, completed ${formatLegalDate(improvement.completedOn)}${improvement.approved ? ", approved" : ", not approved"}`,
    ]);
  }
  for (const deduction of request.deductions) rows.push(["Deduction", `${deduction.description}: ${formatUsd(deduction.amount)}`]);
  rows.push(["Caps", request.caps.length ? request.caps.map((cap) => (cap.type === "market-value" ? "market value" : `affordable at ${formatUsd(cap.income)} income`)).join("; ") : "none"]);
  rows.push(["Floor", request.floor ? "not below the purchase price" : "none"]);
  rows.push(["Rounding", `${request.rounding.mode === "nearest" ? "to the nearest" : "down to the"} ${request.rounding.increment === "0.01" ? "cent" : `$${request.rounding.increment}`}`]);
  return (
    <dl className="details">
      {rows.map(([label, value], index) => (
        <div key={`${index}-${label}`} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function SavedCalculationPage() {
  const { calculation } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/resale">← Resale calculator</Link> · <Link to={`/resale/homes/${calculation.homeId}`}>Calculate again for this home</Link>
      </p>
      <div className="page-header">
        <h1>Resale worksheet — {calculation.homeLabel}</h1>
        <div className="actions">
          <a className="button" href={`/resale/calculations/${calculation.id}/worksheet.pdf`} download>
            Download worksheet (PDF)
          </a>
        </div>
      </div>
      <p className="muted">
        Saved {formatInstant(calculation.createdAt)} by {calculation.createdByLabel}. A saved calculation never changes: it shows the inputs
        and rule as they were on that day.
      </p>
      <section className="card" aria-labelledby="rule">
        <h2 id="rule" style={{ marginTop: 0 }}>
          Rule: {calculation.presetName ? `${calculation.presetName} (${calculation.formulaLabel})` : calculation.formulaLabel}
        </h2>
        <p>{calculation.formulaDescription}</p>
        <RequestInputs request={calculation.request} />
      </section>
      <Worksheet result={calculation.result} />
      {calculation.subsidyRetained ? (
        <p>
          Subsidy retained (market value − maximum resale price): <strong>{formatUsd(calculation.subsidyRetained)}</strong>
        </p>
      ) : null}
    </>
  );
}
