import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { formatUsd, centsToString } from "~/utils/money";
import { AGING_BUCKETS, AGING_LABELS, type Aging } from "./rules";
import { paymentSchema, reversalSchema, waiverSchema } from "./schemas";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";

/** The lease-fee ledger on the lease page (and on /leases/:id/fees, which its forms post to). */

export { AGING_LABELS };

export type LedgerPanelData = {
  hasLedger: boolean;
  asOf: string;
  balanceCents: number;
  aging: Aging;
  lines: {
    date: string;
    kind: string;
    amountCents: number;
    balanceCents: number;
    label: string;
    reversed: boolean;
    entry: { id: string; kind: string; createdByLabel: string } | null;
  }[];
  unpaid: { key: string; label: string; unpaidCents: number }[];
  payoff: { closingDate: string; payoffCents: number };
  householdId: string;
};

export type FeeActionResult = { intent: "payment" | "waiver" | "reversal"; result: SubmissionResult<string[]> };

export const money = (cents: number) => formatUsd(centsToString(cents));

export function AgingTable({ aging, caption }: { aging: Aging; caption: string }) {
  return (
    <TableWrap label={caption}>
      <table className="table">
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            {AGING_BUCKETS.map((bucket) => (
              <th key={bucket} scope="col" className="num">
                {AGING_LABELS[bucket]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {AGING_BUCKETS.map((bucket) => (
              <td key={bucket} className="num">
                {money(aging[bucket])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Whether a ledger line can be reversed: a posted entry that is not itself a reversal and was not reversed yet. */
function reversible(line: LedgerPanelData["lines"][number]): line is LedgerPanelData["lines"][number] & { entry: NonNullable<LedgerPanelData["lines"][number]["entry"]> } {
  return line.entry !== null && line.entry.kind !== "reversal" && !line.reversed;
}

/**
 * The ledger panel. `reversing`: the entry whose reversal form is shown (the fees page's `?reverse=` or the entry of a
 * reversal just refused); each reversible line links there — one form on the page, not one per line (a lease ten
 * years old has over a hundred entries, and a form per line made the lease page's HTML and its rendering heavy).
 */
export function LeaseFeesPanel({ leaseId, fees, canWrite, last, reversing }: { leaseId: string; fees: LedgerPanelData; canWrite: boolean; last?: FeeActionResult; reversing?: string | null }) {
  if (!fees.hasLedger) {
    return (
      <section className="card" id="fees" aria-labelledby="fees-heading">
        <h2 id="fees-heading">Lease-fee ledger</h2>
        <p className="muted">The ledger starts when the lease is signed.</p>
      </section>
    );
  }
  const action = `/leases/${leaseId}/fees`;
  const toReverse = canWrite && reversing ? fees.lines.find((line) => reversible(line) && line.entry!.id === reversing) : undefined;
  return (
    <section className="card" id="fees" aria-labelledby="fees-heading">
      <h2 id="fees-heading">Lease-fee ledger</h2>
      <p>
        Balance on {formatScreenDate(fees.asOf)}: <strong data-testid="fee-balance">{money(fees.balanceCents)}</strong>
        {fees.balanceCents < 0 ? " (a credit)" : ""}
      </p>
      <AgingTable aging={fees.aging} caption="What is owed, by days past due" />
      <TableWrap label="Lease-fee ledger">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Entry</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col">Posted by</th>
              {canWrite ? <th scope="col">Correct</th> : null}
            </tr>
          </thead>
          <tbody>
            {fees.lines.length === 0 ? (
              <tr>
                <td colSpan={canWrite ? 6 : 5} className="muted">
                  Nothing yet: the first charge is posted on the commencement date.
                </td>
              </tr>
            ) : null}
            {fees.lines.map((line, index) => (
              <tr key={`${line.entry?.id ?? line.date}-${index}`}>
                <td>{formatScreenDate(line.date)}</td>
                <td>
                  {withScreenDates(line.label)}
                  {line.reversed ? <span className="badge">reversed</span> : null}
                </td>
                <td className="num">{money(line.amountCents)}</td>
                <td className="num">{money(line.balanceCents)}</td>
                <td>{line.entry?.createdByLabel ?? ""}</td>
                {canWrite ? (
                  <td>
                    {reversible(line) ? (
                      <Link to={`${action}?reverse=${encodeURIComponent(line.entry.id)}#fee-reversal`} aria-label={`Reverse: ${withScreenDates(line.label)}, ${formatScreenDate(line.date)}`}>
                        Reverse…
                      </Link>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        Payoff on {formatScreenDate(fees.payoff.closingDate)}: <strong data-testid="fee-payoff">{money(fees.payoff.payoffCents)}</strong>
      </p>
      <div className="cards">
        <Form method="get" className="stack" action={`/leases/${leaseId}`}>
          <h3>Payoff at a closing date</h3>
          <div className="field">
            <label htmlFor="payoffDate">Closing date</label>
            <input id="payoffDate" name="payoffDate" type="date" defaultValue={fees.payoff.closingDate} />
          </div>
          <div className="actions">
            <button type="submit" className="secondary">
              Show payoff
            </button>
          </div>
        </Form>
        <Form method="get" className="stack" action={`/households/${fees.householdId}/statement.pdf`} reloadDocument>
          <h3>Statement (PDF)</h3>
          <div className="field">
            <label htmlFor="statementFrom">From</label>
            <input id="statementFrom" name="from" type="date" defaultValue={`${fees.asOf.slice(0, 4)}-01-01`} />
          </div>
          <div className="field">
            <label htmlFor="statementTo">To</label>
            <input id="statementTo" name="to" type="date" defaultValue={fees.asOf} />
          </div>
          <div className="actions">
            <button type="submit" className="secondary">
              Download statement
            </button>
          </div>
        </Form>
      </div>
      {toReverse ? (
        <section className="card" id="fee-reversal" aria-labelledby="fee-reversal-heading">
          <h3 id="fee-reversal-heading">
            Reverse: {withScreenDates(toReverse.label)}, {formatScreenDate(toReverse.date)}, {money(toReverse.amountCents)}
          </h3>
          <ReversalForm action={action} entryId={toReverse.entry!.id} today={fees.asOf} last={last} />
          <p>
            <Link to={action}>Cancel</Link>
          </p>
        </section>
      ) : null}
      {canWrite ? (
        <div className="cards">
          <PaymentForm action={action} today={fees.asOf} last={last?.intent === "payment" ? last.result : undefined} />
          <WaiverForm action={action} today={fees.asOf} unpaid={fees.unpaid} last={last?.intent === "waiver" ? last.result : undefined} />
        </div>
      ) : null}
    </section>
  );
}

function PaymentForm({ action, today, last }: { action: string; today: string; last?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "fee-payment",
    lastResult: last,
    defaultValue: { date: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paymentSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" action={action} className="stack" {...getFormProps(form)}>
      <h3>Record a payment</h3>
      <FormErrorSummary form={form} />
      <input type="hidden" name="intent" value="payment" />
      <Field label="Date paid" errors={fields.date.errors} inputProps={getInputProps(fields.date, { type: "date" })} />
      <Field label="Amount ($)" errors={fields.amount.errors} inputProps={getInputProps(fields.amount, { type: "text" })} />
      <Field label="Method (check, ACH, cash …)" errors={fields.method.errors} inputProps={getInputProps(fields.method, { type: "text" })} />
      <Field label="Reference (check number, bank reference)" errors={fields.reference.errors} inputProps={getInputProps(fields.reference, { type: "text" })} />
      <div className="actions">
        <button type="submit" className="primary">
          Record payment
        </button>
      </div>
    </Form>
  );
}

function WaiverForm({ action, today, unpaid, last }: { action: string; today: string; unpaid: LedgerPanelData["unpaid"]; last?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "fee-waiver",
    lastResult: last,
    defaultValue: { date: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: waiverSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" action={action} className="stack" {...getFormProps(form)}>
      <h3>Waive or reduce</h3>
      <FormErrorSummary form={form} />
      <input type="hidden" name="intent" value="waiver" />
      <SelectField
        label="Of"
        errors={fields.appliesTo.errors}
        selectProps={getSelectProps(fields.appliesTo)}
        options={[{ value: "", label: "The balance in general (oldest first)" }, ...unpaid.map((row) => ({ value: row.key, label: `${withScreenDates(row.label)} (${money(row.unpaidCents)} unpaid)` }))]}
      />
      <Field label="Date" errors={fields.date.errors} inputProps={getInputProps(fields.date, { type: "date" })} />
      <Field label="Amount ($)" errors={fields.amount.errors} inputProps={getInputProps(fields.amount, { type: "text" })} />
      <Field label="Why, and who approved it" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
      <div className="actions">
        <button type="submit" className="secondary">
          Record waiver
        </button>
      </div>
    </Form>
  );
}

function ReversalForm({ action, entryId, today, last }: { action: string; entryId: string; today: string; last?: FeeActionResult }) {
  const [form, fields] = useForm({
    id: `fee-reversal-${entryId}`,
    lastResult: last?.intent === "reversal" && (last.result.initialValue as Record<string, unknown> | null | undefined)?.entryId === entryId ? last.result : undefined,
    defaultValue: { date: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reversalSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" action={action} className="stack" {...getFormProps(form)}>
      <FormErrorSummary form={form} />
      <input type="hidden" name="intent" value="reversal" />
      <input type="hidden" name="entryId" value={entryId} />
      <Field label="Reversal date" errors={fields.date.errors} inputProps={getInputProps(fields.date, { type: "date" })} />
      <Field label="Reason" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
      <button type="submit" className="secondary">
        Post reversal
      </button>
    </Form>
  );
}
