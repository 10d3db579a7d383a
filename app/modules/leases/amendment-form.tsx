/**
 * The ground lease page's "Record an amendment" form (for a signed lease): the terms in force today as defaults,
 * validated with the action's own schema (AmendmentSchema) in the browser and on the server.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { LeaseTermFields, timedTermFormValues } from "~/components/lease-terms";
import { centsToString, rateToPercent } from "~/utils/money";
import { riderOptions } from "./riders";
import { AmendmentSchema, ESCALATION_KINDS, ESCALATION_LABELS } from "./schemas";
import type { LeaseTerms } from "./terms";

export function AmendmentForm({
  lease,
  terms,
  riderChoices,
  lastResult,
  today,
}: {
  lease: { id: string; version: number };
  terms: LeaseTerms;
  riderChoices: { name: string; versionNumber: number | null }[];
  lastResult: SubmissionResult<string[]> | undefined;
  today: string;
}) {
  const escalation = terms.feeEscalation;
  const [form, fields] = useForm({
    id: `amend-${lease.id}-${lease.version}`,
    lastResult,
    defaultValue: {
      effectiveDate: today,
      ...timedTermFormValues(terms),
      monthlyFeeCents: centsToString(terms.monthlyFeeCents),
      escalationKind: escalation.kind,
      escalationRate: escalation.kind === "fixed-percent" ? rateToPercent(escalation.annualRate) : "",
      escalationCap: escalation.kind === "index" ? rateToPercent(escalation.cap) : "",
      escalationIndexName: escalation.kind === "index" ? escalation.indexName ?? "" : "",
      renewalTermYears: String(terms.renewalTermYears),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AmendmentSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card">
      <h2>Record an amendment</h2>
      <p className="muted">For a signed lease: states what changes and from when. The lease keeps its terms as signed; the amendment changes them from its effective date.</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="amend" />
        <input type="hidden" name="version" value={lease.version} />
        <div className="form-grid">
          <Field label="Effective date" errors={fields.effectiveDate.errors} inputProps={getInputProps(fields.effectiveDate, { type: "date" })} />
          <Field label="Monthly lease fee ($)" errors={fields.monthlyFeeCents.errors} inputProps={getInputProps(fields.monthlyFeeCents, { type: "text" })} />
          <SelectField label="Fee escalation" errors={fields.escalationKind.errors} selectProps={getSelectProps(fields.escalationKind)} options={ESCALATION_KINDS.map((k) => ({ value: k, label: ESCALATION_LABELS[k] }))} />
          <Field label="Yearly increase (%) — fixed percent" errors={fields.escalationRate.errors} inputProps={getInputProps(fields.escalationRate, { type: "text" })} />
          <Field label="Index — index rule" errors={fields.escalationIndexName.errors} inputProps={getInputProps(fields.escalationIndexName, { type: "text" })} />
          <Field label="Yearly cap (%) — index rule" errors={fields.escalationCap.errors} inputProps={getInputProps(fields.escalationCap, { type: "text" })} />
          <Field label="Renewal term (years)" errors={fields.renewalTermYears.errors} inputProps={getInputProps(fields.renewalTermYears, { type: "number" })} />
        </div>
        <LeaseTermFields fields={fields} />
        <fieldset>
          <legend>Riders</legend>
          {riderOptions(riderChoices, terms.riders).map((rider, i) => (
            <div className="field field-checkbox" key={rider.name}>
              <input type="checkbox" id={`amend-rider-${i}`} name="riders" value={rider.name} defaultChecked={terms.riders.includes(rider.name)} />
              <label htmlFor={`amend-rider-${i}`}>
                {rider.name} <span className="muted">{rider.detail}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Add a permitted mortgage (optional)</legend>
          <div className="form-grid">
            <Field label="Lender" errors={fields.newMortgageLender.errors} inputProps={getInputProps(fields.newMortgageLender, { type: "text" })} />
            <Field label="Amount ($)" errors={fields.newMortgageAmountCents.errors} inputProps={getInputProps(fields.newMortgageAmountCents, { type: "text" })} />
            <Field label="Mortgage date" errors={fields.newMortgageRecordedOn.errors} inputProps={getInputProps(fields.newMortgageRecordedOn, { type: "date" })} />
          </div>
        </fieldset>
        <TextareaField label="What the amendment says" errors={fields.description.errors} textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }} />
        <div className="actions">
          <button type="submit" className="primary">
            Record amendment
          </button>
        </div>
      </Form>
    </section>
  );
}
