import type { BoundBy, ResaleRequest, ResaleResult } from "./contract";
import { Link } from "@remix-run/react";
import { useFormatInstant } from "~/components/instant";
import { formatUsd } from "~/utils/money";
import { capLabel, roundingText } from "./describe";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";

/** The resale pages' shared pieces: the worksheet, the inputs of a calculation, and lists of saved ones. */
export const BOUND_BY_LABELS: Record<BoundBy, string> = {
  formula: "the formula price",
  floor: "the purchase-price floor",
  "market-value": "the market-value cap",
  affordability: "the affordability cap",
  "fair-return": "the fair-return cap",
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
      <TableWrap label="Worksheet: each step of the calculation">
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
                  <td>{withScreenDates(line.explanation)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {result.warnings.length ? (
        <div className="card" role="note" aria-label="Warnings">
          <h3 style={{ marginTop: 0 }}>Warnings</h3>
          <ul>
            {result.warnings.map((warning) => (
              <li key={warning}>{withScreenDates(warning)}</li>
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
    ["Purchase", `${formatUsd(request.purchase.price)} on ${formatScreenDate(request.purchase.date)}`],
    ["Valuation date", formatScreenDate(request.valuationDate)],
  ];
  if (request.appraisals?.atPurchase) rows.push(["Appraised value at purchase", formatUsd(request.appraisals.atPurchase)]);
  if (request.appraisals?.current) rows.push(["Current appraised value", formatUsd(request.appraisals.current)]);
  if (request.appraisals?.improvementValue) rows.push(["Improvement value (appraiser)", formatUsd(request.appraisals.improvementValue)]);
  if (request.index?.atPurchase || request.index?.current) rows.push(["Index", `${request.index.atPurchase ?? "—"} at purchase, ${request.index.current ?? "—"} now`]);
  for (const improvement of request.improvements) {
    rows.push([
      "Improvement",
      `${improvement.description}: ${formatUsd(improvement.cost)}, completed ${formatScreenDate(improvement.completedOn)}${improvement.approved ? ", approved" : ", not approved"}`,
    ]);
  }
  for (const deduction of request.deductions) rows.push(["Deduction", `${deduction.description}: ${formatUsd(deduction.amount)}`]);
  rows.push(["Caps", request.caps.length ? request.caps.map(capLabel).join("; ") : "none"]);
  rows.push(["Floor", request.floor ? "not below the purchase price" : "none"]);
  rows.push(["Rounding", roundingText(request.rounding).replace(/^rounded /, "")]);
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

export type SavedCalculationRow = {
  id: string;
  createdAt: string;
  createdByLabel: string;
  presetName: string;
  valuationDate: string;
  maxResalePrice: string;
  boundBy: string;
  homeLabel?: string;
};

/** Saved calculations, newest first; with `showHome` a column names each one's home. */
export function SavedCalculationsTable({ rows, showHome = false }: { rows: SavedCalculationRow[]; showHome?: boolean }) {
  const formatInstant = useFormatInstant();
  return (
    <TableWrap label="Saved calculations">
      <table>
        <thead>
          <tr>
            {showHome ? <th scope="col">Home</th> : null}
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Rule</th>
            <th scope="col">Valuation date</th>
            <th scope="col" className="num">
              Maximum resale price
            </th>
            <th scope="col">Bound by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              {showHome ? (
                <td>
                  <Link to={`/resale/calculations/${c.id}`}>{c.homeLabel}</Link>
                </td>
              ) : null}
              <td>{showHome ? formatInstant(c.createdAt) : <Link to={`/resale/calculations/${c.id}`}>{formatInstant(c.createdAt)}</Link>}</td>
              <td>{c.createdByLabel}</td>
              <td>{c.presetName || "by hand"}</td>
              <td>{formatScreenDate(c.valuationDate)}</td>
              <td className="num">{formatUsd(c.maxResalePrice)}</td>
              <td>{BOUND_BY_LABELS[c.boundBy as BoundBy] ?? c.boundBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
