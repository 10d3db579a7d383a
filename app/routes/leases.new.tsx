import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { createLease, leaseFormOptions } from "~/modules/leases/leases.server";
import { expirationDate } from "~/modules/leases/lifecycle";
import { formatScreenDate, isCalendarDate } from "~/utils/calendar-date";
import { riderOptions } from "~/modules/leases/riders";
import { ESCALATION_KINDS, ESCALATION_LABELS, LeaseFormSchema } from "~/modules/leases/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";

import { LeaseTermFields, timedTermFormValues } from "~/components/lease-terms";
import { getLeaseTermDefaults } from "~/modules/leases/terms.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "New ground lease · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const [options, termDefaults] = await Promise.all([leaseFormOptions(db(), actor.organisationId), getLeaseTermDefaults(db(), actor.organisationId)]);
  const url = new URL(request.url);
  return { options, termDefaults: timedTermFormValues(termDefaults), homeId: url.searchParams.get("homeId") ?? "", householdId: url.searchParams.get("householdId") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: LeaseFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createLease(db(), auditActor(actor), submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithToast(`/leases/${result.id}`, { kind: "success", message: `Draft lease ${result.reference} was created.` });
}

type Options = Awaited<ReturnType<typeof leaseFormOptions>>;

/** The draft lease form, shared by "new" and "edit". */
export function LeaseForm({
  id,
  options,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  options: Options;
  defaultValue: Record<string, unknown>;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const lessees = useRef<HTMLTextAreaElement>(null);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeaseFormSchema }),
    // checked when submitted (every error at once, in the summary), then again as each field is corrected
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const commencement = String(fields.commencementDate.value ?? "");
  const term = Number(fields.termYears.value ?? "");
  const expiration = isCalendarDate(commencement) && Number.isInteger(term) && term > 0 ? formatScreenDate(expirationDate(commencement, term)) : "—";
  const escalation = String(fields.escalationKind.value ?? "none");
  const existingMortgages = (defaultValue.mortgages as unknown[] | undefined)?.length ?? 0;
  const mortgageRows = Math.max(2, existingMortgages + 1);
  const fillLessees = (householdId: string, onlyIfEmpty: boolean) => {
    const household = options.households.find((h) => h.id === householdId);
    if (!household || !lessees.current) return;
    if (onlyIfEmpty && lessees.current.value.trim()) return;
    lessees.current.value = (household.members.length ? household.members : [household.name]).join("\n");
  };
  const selectedRiders = new Set((defaultValue.riders as string[] | undefined) ?? []);
  const allErrors = form.allErrors;
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrorSummary form={form} />
      {defaultValue.version ? <input type="hidden" name="version" value={String(defaultValue.version)} /> : null}
      <fieldset className="card">
        <legend>Home and homeowners</legend>
        <div className="form-grid">
          <SelectField
            label="Home"
            errors={fields.homeId.errors}
            selectProps={getSelectProps(fields.homeId)}
            placeholder="Choose a home…"
            options={options.homes.map((h) => ({ value: h.id, label: h.label }))}
          />
          <SelectField
            label="Household"
            errors={fields.householdId.errors}
            selectProps={{ ...getSelectProps(fields.householdId), onChange: (event) => fillLessees(event.currentTarget.value, true) }}
            placeholder="Choose a household…"
            options={options.households.map((h) => ({ value: h.id, label: h.name }))}
          />
          <div className="span-all">
            <TextareaField
              label="Lessees (one full name a line)"
              hint="The homeowners who sign the lease. Filled from the household's members when you choose a household."
              errors={fields.lesseeNames.errors}
              textareaProps={{ ...getTextareaProps(fields.lesseeNames), rows: 3, ref: lessees } as ReturnType<typeof getTextareaProps> & { ref: typeof lessees }}
            />
            <button type="button" className="secondary" onClick={() => fillLessees(String(fields.householdId.value ?? ""), false)}>
              Fill from household members
            </button>
          </div>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Term</legend>
        <div className="form-grid">
          <Field label="Execution date (signed)" hint="Leave blank until signed" errors={fields.executionDate.errors} inputProps={getInputProps(fields.executionDate, { type: "date" })} />
          <Field label="Commencement date" errors={fields.commencementDate.errors} inputProps={getInputProps(fields.commencementDate, { type: "date" })} />
          <Field label="Term (years)" errors={fields.termYears.errors} inputProps={{ ...getInputProps(fields.termYears, { type: "number" }), min: 1 }} />
          <div className="field">
            <span>Expiration date</span>
            <output aria-live="polite" data-testid="expiration">{expiration}</output>
            <p className="field-hint">The day before the last anniversary; computed and stored.</p>
          </div>
          <Field label="Renewal term (years)" errors={fields.renewalTermYears.errors} inputProps={{ ...getInputProps(fields.renewalTermYears, { type: "number" }), min: 0 }} />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Timed and monetary terms</legend>
        <p className="field-hint">Printed in the lease and used for every deadline and late charge; they start from the trust's defaults (Settings → Lease terms).</p>
        <LeaseTermFields fields={fields} />
      </fieldset>
      <fieldset className="card">
        <legend>Lease fee</legend>
        <div className="form-grid">
          <Field label="Monthly lease fee ($)" errors={fields.monthlyFeeCents.errors} inputProps={{ ...getInputProps(fields.monthlyFeeCents, { type: "text" }), inputMode: "decimal" }} />
          <SelectField
            label="Fee escalation"
            errors={fields.escalationKind.errors}
            selectProps={getSelectProps(fields.escalationKind)}
            options={ESCALATION_KINDS.map((k) => ({ value: k, label: ESCALATION_LABELS[k] }))}
          />
          {escalation === "fixed-percent" ? (
            <Field label="Yearly increase (%)" errors={fields.escalationRate.errors} inputProps={{ ...getInputProps(fields.escalationRate, { type: "text" }), inputMode: "decimal" }} />
          ) : null}
          {escalation === "index" ? (
            <>
              <Field label="Index" hint="e.g. CPI-U" errors={fields.escalationIndexName.errors} inputProps={getInputProps(fields.escalationIndexName, { type: "text" })} />
              <Field label="Yearly cap (%)" errors={fields.escalationCap.errors} inputProps={{ ...getInputProps(fields.escalationCap, { type: "text" }), inputMode: "decimal" }} />
            </>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Resale formula</legend>
        <SelectField
          label="Formula preset"
          hint={<>Copied into the lease (frozen) when it is signed. Presets are managed under <Link to="/settings/formula-presets">Settings → Formula presets</Link>.</>}
          errors={fields.formulaPresetName.errors}
          selectProps={getSelectProps(fields.formulaPresetName)}
          placeholder="None yet"
          options={options.presets.map((p) => ({ value: p.name, label: p.name }))}
        />
      </fieldset>
      <fieldset className="card">
        <legend>Permitted mortgages</legend>
        <p className="field-hint">The household's purchase mortgage is listed from its purchase: do not type it here. Other mortgages may not exceed the purchase price. Leave a row blank to skip it.</p>
        {Array.from({ length: mortgageRows }, (_, i) => {
          const value = ((defaultValue.mortgages as Record<string, string>[] | undefined) ?? [])[i] ?? {};
          const err = (name: string) => allErrors[`mortgages[${i}].${name}`];
          return (
            <div className="form-grid" key={i}>
              <Field label={`Lender ${i + 1}`} errors={err("lender")} inputProps={{ id: `${id}-mortgages[${i}].lender`, name: `mortgages[${i}].lender`, defaultValue: value.lender ?? "" }} />
              <Field label={`Amount ${i + 1} ($)`} errors={err("amountCents")} inputProps={{ id: `${id}-mortgages[${i}].amountCents`, name: `mortgages[${i}].amountCents`, defaultValue: value.amountCents ?? "", inputMode: "decimal" }} />
              <Field label={`Mortgage date ${i + 1}`} errors={err("recordedOn")} inputProps={{ id: `${id}-mortgages[${i}].recordedOn`, name: `mortgages[${i}].recordedOn`, type: "date", defaultValue: value.recordedOn ?? "" }} />
            </div>
          );
        })}
      </fieldset>
      <fieldset className="card">
        <legend>Riders</legend>
        {riderOptions(options.riders, [...selectedRiders]).map((rider, i) => (
          <div className="field field-checkbox" key={rider.name}>
            <input type="checkbox" id={i === 0 ? `${id}-riders` : `${id}-rider-${i}`} name="riders" value={rider.name} defaultChecked={selectedRiders.has(rider.name)} />
            <label htmlFor={i === 0 ? `${id}-riders` : `${id}-rider-${i}`}>
              {rider.name} <span className="muted">{rider.detail}</span>
            </label>
          </div>
        ))}
        {fields.riders.errors ? <p className="field-error">{fields.riders.errors.join(" ")}</p> : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
        <Link to="/leases">Cancel</Link>
      </div>
    </Form>
  );
}

export default function NewLeasePage() {
  const { options, termDefaults, homeId, householdId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const household = options.households.find((h) => h.id === householdId);
  return (
    <div style={{ maxWidth: "60rem" }}>
      <p>
        <Link to="/leases">← Ground leases</Link>
      </p>
      <h1>New ground lease</h1>
      <p className="muted">The lease starts as a draft. Its reference (GL-year-number) is assigned when it is saved.</p>
      <LeaseForm
        id="new-lease"
        options={options}
        lastResult={lastResult}
        submitLabel="Create draft lease"
        defaultValue={{
          homeId,
          householdId,
          lesseeNames: household ? (household.members.length ? household.members : [household.name]).join("\n") : "",
          termYears: "99",
          renewalTermYears: "99",
          ...termDefaults,
          escalationKind: "none",
          formulaPresetName: options.defaultPresetName ?? "",
        }}
      />
    </div>
  );
}
