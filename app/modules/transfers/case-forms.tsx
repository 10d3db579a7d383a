import { getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Link, useActionData } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { Field, IntentForm, SelectField } from "~/components/forms";
import { TableWrap } from "~/components/table-wrap";
import { formatUsd } from "~/utils/money";
import { buyerSchema, cancelSchema, closingSchema, formulaPriceSchema, LEASE_DISPOSITION_LABELS, LEASE_DISPOSITIONS, optionSchema } from "./schemas";
import { formatScreenDate } from "~/utils/calendar-date";

/**
 * The case page's forms (formula price, option, buyer, closing, cancellation) and its closing summary
 * (app/routes/transfers.$caseId.tsx). Each form is told apart by its `intent`; a refusal comes back as
 * `{ intent, reply }` (app/utils/intent-reply.server.ts) and is shown beside that form only.
 */

function useIntentForm(intent: string, schema: ZodTypeAny, defaultValue?: Record<string, string>) {
  const actionData = useActionData() as { intent: string; reply: SubmissionResult<string[]> } | undefined;
  return useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.reply : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onInput",
  });
}

export const OPTION_LABELS = {
  open: "Open: the trust has not decided",
  lapsed: "Lapsed: the option period ended without a decision",
  exercised: "Exercised: the trust buys the home",
  assigned: "Assigned to a buyer",
  waived: "Waived",
  "not-applicable": "Not applicable (a sale by the trust)",
} as const;

export function FormulaPriceForm({ version, noticeDate, today }: { version: number; noticeDate: string; today: string }) {
  const [form, fields] = useIntentForm("formula-price", formulaPriceSchema, {
    valuationDate: noticeDate,
    priceNoticeOn: today,
  });
  return (
    <IntentForm form={form} intent="formula-price" version={version} submitLabel="Calculate the formula price">
      <Field label="Valuation date" hint="The notice date unless the lease says otherwise." errors={fields.valuationDate.errors} inputProps={getInputProps(fields.valuationDate, { type: "date" })} />
      <Field label="Price notice sent on" errors={fields.priceNoticeOn.errors} inputProps={getInputProps(fields.priceNoticeOn, { type: "date" })} />
    </IntentForm>
  );
}

export function OptionForm({ version, today }: { version: number; today: string }) {
  const [form, fields] = useIntentForm("option", optionSchema, {
    decidedOn: today,
  });
  return (
    <IntentForm form={form} intent="option" version={version} submitLabel="Record the decision">
      <SelectField
        label="Decision"
        errors={fields.decision.errors}
        selectProps={getSelectProps(fields.decision)}
        placeholder="Choose"
        options={[
          { value: "exercised", label: "Exercise: the trust buys the home" },
          {
            value: "assigned",
            label: "Assign the option to an eligible buyer",
          },
          {
            value: "waived",
            label: "Waive: the homeowner sells to an eligible buyer",
          },
        ]}
      />
      <Field label="Decided on" errors={fields.decidedOn.errors} inputProps={getInputProps(fields.decidedOn, { type: "date" })} />
      <Field label="Note (board resolution, letter)" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
    </IntentForm>
  );
}

export function CancelForm({ version, today }: { version: number; today: string }) {
  const [form, fields] = useIntentForm("cancel", cancelSchema, {
    cancelledOn: today,
  });
  return (
    <details className="card" open={Boolean(form.errors?.length || fields.reason.errors?.length || fields.cancelledOn.errors?.length)}>
      <summary>Cancel the case (the homeowner withdrew)</summary>
      <IntentForm form={form} intent="cancel" version={version} submitLabel="Cancel the case" secondary>
        <Field label="Withdrawn on" errors={fields.cancelledOn.errors} inputProps={getInputProps(fields.cancelledOn, { type: "date" })} />
        <Field label="Reason" errors={fields.reason.errors} inputProps={getInputProps(fields.reason, { type: "text" })} />
      </IntentForm>
    </details>
  );
}

export function eligibilityText(e: Record<string, unknown>): string {
  return `eligible at ${String(e.level)} % AMI: ${String(e.verdict)}; certified ${formatScreenDate(String(e.certifiedOn))} (valid until ${formatScreenDate(String(e.validUntil))}); ${String(e.sizeForBedrooms)}; first-time buyer: ${
    e.firstTimeBuyer === null ? "not recorded" : e.firstTimeBuyer ? "yes" : "no"
  }`;
}

export function BuyerForm({ version, candidates }: { version: number; candidates: { value: string; label: string }[] }) {
  const [form, fields] = useIntentForm("buyer", buyerSchema);
  return (
    <IntentForm form={form} intent="buyer" version={version} submitLabel="Check eligibility and choose">
      <SelectField
        label="Buyer household"
        hint="The pool of interested buyers first, in the order they were added; then other households that own no home."
        errors={fields.householdId.errors}
        selectProps={getSelectProps(fields.householdId)}
        options={candidates}
        placeholder="Choose a household"
      />
    </IntentForm>
  );
}

export function ClosingForm({ version, today, maxPrice, isAdmin, canAssign }: { version: number; today: string; maxPrice: string | null; isAdmin: boolean; canAssign: boolean }) {
  const [form, fields] = useIntentForm("close", closingSchema, {
    closingDate: today,
    price: maxPrice ?? "",
    trustFees: "0",
    mortgagePayoff: "0",
    sellerClosingCosts: "0",
    leaseDisposition: "new-lease",
  });
  const money = (meta: typeof fields.price, label: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      errors={meta.errors}
      inputProps={{
        ...getInputProps(meta, { type: "text" }),
        inputMode: "decimal",
      }}
    />
  );
  return (
    <IntentForm
      form={form}
      intent="close"
      version={version}
      submitLabel="Close"
      after={
        <p className="muted">
          Unpaid lease fees come from the lease&apos;s ledger on the closing date. Closing ends the seller&apos;s ownership and lease (or assigns the lease), starts the buyer&apos;s ownership and
          prepares the buyer&apos;s draft lease, all at once.
        </p>
      }
    >
      <Field label="Closing date" errors={fields.closingDate.errors} inputProps={getInputProps(fields.closingDate, { type: "date" })} />
      {money(fields.price, "Closing price ($)", maxPrice ? `At most ${formatUsd(maxPrice)} (the formula price).` : undefined)}
      {money(fields.mortgagePayoff, "Seller's mortgage payoff ($)")}
      {money(fields.sellerClosingCosts, "Seller's closing costs ($)")}
      {money(fields.trustFees, "The trust's fees ($)")}
      {canAssign ? (
        <SelectField
          label="The seller's lease"
          errors={fields.leaseDisposition.errors}
          selectProps={getSelectProps(fields.leaseDisposition)}
          options={LEASE_DISPOSITIONS.map((value) => ({
            value,
            label: LEASE_DISPOSITION_LABELS[value],
          }))}
        />
      ) : null}
      {isAdmin ? (
        <Field label="Reason for a price above the maximum (administrators)" errors={fields.overrideReason.errors} inputProps={getInputProps(fields.overrideReason, { type: "text" })} />
      ) : null}
    </IntentForm>
  );
}

export function ClosingSummary({
  closing,
  outcomes,
}: {
  closing: {
    date: string;
    price: string | null;
    overrideReason: string | null;
    statement: unknown;
    buyerLeaseId: string | null;
    leaseDisposition: string | null;
  };
  outcomes: Record<string, unknown> | null;
}) {
  const s = (closing.statement ?? {}) as Record<string, string>;
  const o = outcomes as null | {
    percentAmiNeeded: {
      atThisSale: string | null;
      atPreviousSale: string | null;
    };
    subsidyRetained: string | null;
    sellerGain: string;
    netProceeds: string;
    annualisedReturnOnDownPayment: string | null;
  };
  return (
    <>
      <p>
        Closed {formatScreenDate(closing.date)} at <strong>{closing.price ? formatUsd(closing.price) : "—"}</strong>
        {closing.overrideReason ? ` (above the maximum: ${closing.overrideReason})` : ""}.{" "}
        {closing.leaseDisposition === "assignment" ? "The seller's lease was assigned to the buyer. " : closing.leaseDisposition === "new-lease" ? "The seller's lease ended. " : ""}
        {closing.buyerLeaseId ? (
          <Link to={`/leases/${closing.buyerLeaseId}`}>{closing.leaseDisposition === "assignment" ? "The buyer's draft lease (the assignment)" : "The buyer's draft lease"}</Link>
        ) : null}
      </p>
      <TableWrap label="Closing statement">
        <table>
          <caption className="muted">Closing statement — seller&apos;s net proceeds</caption>
          <tbody>
            <tr>
              <th scope="row">Price</th>
              <td className="num">{formatUsd(s.price ?? "0")}</td>
            </tr>
            <tr>
              <th scope="row">Mortgage payoff</th>
              <td className="num">−{formatUsd(s.mortgagePayoff ?? "0")}</td>
            </tr>
            <tr>
              <th scope="row">Seller&apos;s closing costs</th>
              <td className="num">−{formatUsd(s.sellerClosingCosts ?? "0")}</td>
            </tr>
            <tr>
              <th scope="row">Unpaid lease fees</th>
              <td className="num">−{formatUsd(s.unpaidLeaseFees ?? "0")}</td>
            </tr>
            <tr>
              <th scope="row">The trust&apos;s fees</th>
              <td className="num">−{formatUsd(s.trustFees ?? "0")}</td>
            </tr>
            <tr>
              <th scope="row">Net proceeds</th>
              <td className="num">
                <strong>{formatUsd(s.netProceeds ?? "0")}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      {o ? (
        <ul>
          <li>
            Income needed: {o.percentAmiNeeded.atThisSale ?? "—"} % AMI at this sale, {o.percentAmiNeeded.atPreviousSale ?? "—"} % at the previous sale
          </li>
          <li>Subsidy retained: {o.subsidyRetained ? formatUsd(o.subsidyRetained) : "—"}</li>
          <li>
            Seller&apos;s gain: {formatUsd(o.sellerGain)}; annualised return on the down payment: {o.annualisedReturnOnDownPayment ? `${o.annualisedReturnOnDownPayment} %` : "—"}
          </li>
        </ul>
      ) : null}
    </>
  );
}
