import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { usd } from "~/modules/mortgages/permitted-mortgages";
import { leaseForRequest, recordImprovementRequest, recordPeriodRequest, recordRefinanceRequest } from "~/modules/stewardship-decisions/requests.server";
import { improvementRequestSchema, PERIOD_KINDS, periodRequestSchema, refinanceRequestSchema, REQUEST_KINDS, type PeriodKind } from "~/modules/stewardship-decisions/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { fromDbCents } from "~/utils/cents";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Record a request · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const lease = await leaseForRequest(db(), actor.organisationId, params.leaseId ?? "");
  if (!lease) throw new Response("Lease not found", { status: 404 });
  const kindParam = new URL(request.url).searchParams.get("kind") ?? "refinance";
  const kind: PeriodKind | "refinance" | "improvement" = kindParam === "improvement" ? "improvement" : (PERIOD_KINDS as readonly string[]).includes(kindParam) ? (kindParam as PeriodKind) : "refinance";
  return {
    kind,
    lease: { ...lease, permittedMortgages: lease.permittedMortgages.map((m) => ({ id: m.id, lender: m.lender, amount: usd(fromDbCents(m.amountCents)), recordedOn: m.recordedOn })) },
    today: todayIn(actor.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const formData = await readFormData(request);
  if (formData.get("kind") === "improvement") {
    const submission = parseWithZod(formData, { schema: improvementRequestSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await recordImprovementRequest(db(), auditActor(actor), params.leaseId ?? "", submission.value);
    if (!result.ok) return data(submission.reply({ formErrors: result.formErrors }), { status: 400 });
    return redirectWithToast(`/stewardship/requests/${result.id}`, { kind: "success", message: "The improvement request was recorded." });
  }
  if (formData.get("kind") !== "refinance") {
    const submission = parseWithZod(formData, { schema: periodRequestSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await recordPeriodRequest(db(), auditActor(actor), params.leaseId ?? "", submission.value);
    if (!result.ok) return data(submission.reply({ formErrors: result.formErrors }), { status: 400 });
    return redirectWithToast(`/stewardship/requests/${result.id}`, { kind: "success", message: `The ${REQUEST_KINDS[submission.value.kind].toLowerCase()} request was recorded.` });
  }
  const submission = parseWithZod(formData, { schema: refinanceRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await recordRefinanceRequest(db(), auditActor(actor), params.leaseId ?? "", submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithToast(`/stewardship/requests/${result.id}`, { kind: "success", message: "The refinance request was recorded. Decide it when the figures are in." });
}

export default function NewRequestPage() {
  const { kind } = useLoaderData<typeof loader>();
  if (kind === "improvement") return <ImprovementRequestForm />;
  return kind === "refinance" ? <RefinanceRequestForm /> : <PeriodRequestForm kind={kind as PeriodKind} />;
}

/** What every request page shares: the way back to the lease, the kinds, the form with its errors and button. */
function RequestPage(props: { kind: string; title: ReactNode; intro: ReactNode; formProps: ReturnType<typeof getFormProps>; errors: string[] | undefined; children: ReactNode }) {
  const { kind, title, intro, formProps, errors, children } = props;
  const { lease } = useLoaderData<typeof loader>();
  return (
    <div style={{ maxWidth: "48rem" }}>
      <p>
        <Link to={`/leases/${lease.id}`}>← Lease {lease.reference}</Link>
      </p>
      <h1>{title}</h1>
      <KindLinks leaseId={lease.id} kind={kind} />
      <p className="muted">{intro}</p>
      <Form method="post" className="stack card" {...formProps}>
        <FormErrors errors={errors} />
        <input type="hidden" name="kind" value={kind} />
        {children}
        <div>
          <button type="submit">Record the request</button>
        </div>
      </Form>
    </div>
  );
}

function ImprovementRequestForm() {
  const { lease, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `improvement-${lease.id}`,
    lastResult,
    defaultValue: { kind: "improvement", receivedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: improvementRequestSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <RequestPage
      kind="improvement"
      title={<>Record an improvement request — {lease.reference}</>}
      intro={<>Approved, it becomes an approved improvement of the home with the lease&apos;s credit terms; the resale calculation reads it.</>}
      formProps={getFormProps(form)}
      errors={form.errors}
    >
      <div className="form-grid">
        <Field label="Date received" errors={fields.receivedOn.errors} inputProps={getInputProps(fields.receivedOn, { type: "date" })} />
        <Field label="Description of the work" errors={fields.description.errors} inputProps={getInputProps(fields.description, { type: "text" })} />
        <Field label="Estimated cost ($)" errors={fields.costCents.errors} inputProps={{ ...getInputProps(fields.costCents, { type: "text" }), inputMode: "decimal" }} />
        <Field label="Expected completion" errors={fields.completedOn.errors} inputProps={getInputProps(fields.completedOn, { type: "date" })} />
      </div>
    </RequestPage>
  );
}

function KindLinks({ leaseId, kind }: { leaseId: string; kind: string }) {
  return (
    <p>
      Request:{" "}
      {Object.entries(REQUEST_KINDS)
                .map(([key, label], i) => (
          <span key={key}>
            {i ? " · " : ""}
            {key === kind ? <strong>{label}</strong> : <Link to={`/leases/${leaseId}/requests/new?kind=${key}`}>{label}</Link>}
          </span>
        ))}
    </p>
  );
}

function PeriodRequestForm({ kind }: { kind: PeriodKind }) {
  const { lease, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `${kind}-${lease.id}`,
    lastResult,
    defaultValue: { kind: kind, receivedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: periodRequestSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <RequestPage
      kind={kind}
      title={<>Record a request — {REQUEST_KINDS[kind].toLowerCase()} — {lease.reference}</>}
      intro="The trust approves a period; the compliance calendar follows its end date."
      formProps={getFormProps(form)}
      errors={form.errors}
    >
      <div className="form-grid">
        <Field label="Date received" errors={fields.receivedOn.errors} inputProps={getInputProps(fields.receivedOn, { type: "date" })} />
        <Field label={kind === "short-sale" ? "Sale listed from" : "From"} errors={fields.periodStart.errors} inputProps={getInputProps(fields.periodStart, { type: "date" })} />
        <Field label={kind === "short-sale" ? "Approval valid until" : "Until (end date)"} errors={fields.periodEnd.errors} inputProps={getInputProps(fields.periodEnd, { type: "date" })} />
        {kind !== "leave-of-absence" ? (
          <Field label={kind === "rental" ? "Tenant" : "Lender accepting less than it is owed"} errors={fields.party.errors} inputProps={getInputProps(fields.party, { type: "text" })} />
        ) : null}
        {kind === "short-sale" ? (
          <Field label="Price offered ($)" errors={fields.priceCents.errors} inputProps={{ ...getInputProps(fields.priceCents, { type: "text" }), inputMode: "decimal" }} />
        ) : null}
      </div>
      <TextareaField label="Reason" errors={fields.reason.errors} textareaProps={getTextareaProps(fields.reason)} />
    </RequestPage>
  );
}

function RefinanceRequestForm() {
  const { lease, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `refinance-${lease.id}`,
    lastResult,
    defaultValue: { kind: "refinance", receivedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: refinanceRequestSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <RequestPage
      kind="refinance"
      title={<>Record a refinance request — {lease.reference}</>}
      intro={
        <>
          The trust decides it against the home&apos;s newest saved resale calculation and its refinance policy (Settings → Stewardship). An approval adds the new
          loan to the lease&apos;s permitted mortgages by a dated amendment.
        </>
      }
      formProps={getFormProps(form)}
      errors={form.errors}
    >
      <div className="form-grid">
        <Field label="Date received" errors={fields.receivedOn.errors} inputProps={getInputProps(fields.receivedOn, { type: "date" })} />
        <Field label="New lender" errors={fields.lender.errors} inputProps={getInputProps(fields.lender, { type: "text" })} />
        <Field label="New principal ($)" errors={fields.principalCents.errors} inputProps={{ ...getInputProps(fields.principalCents, { type: "text" }), inputMode: "decimal" }} />
        <Field
          label="Payoff of the loans it repays ($)"
          hint="The lender's payoff figure; the rest is cash out."
          errors={fields.payoffCents.errors}
          inputProps={{ ...getInputProps(fields.payoffCents, { type: "text" }), inputMode: "decimal" }}
        />
        <Field label="Interest rate (%)" errors={fields.rate.errors} inputProps={getInputProps(fields.rate, { type: "text" })} />
        <Field label="Term (years)" errors={fields.termYears.errors} inputProps={getInputProps(fields.termYears, { type: "text" })} />
      </div>
      <fieldset>
        <legend>Permitted mortgages the new loan repays</legend>
        {lease.permittedMortgages.length === 0 ? <p className="muted">The lease lists no permitted mortgage.</p> : null}
        {lease.permittedMortgages.map((m) => (
          <div className="field field-checkbox" key={m.id}>
            <input type="checkbox" id={`repays-${m.id}`} name="repays" value={m.id} />
            <label htmlFor={`repays-${m.id}`}>
              {m.lender}: {m.amount} ({formatScreenDate(m.recordedOn)})
            </label>
          </div>
        ))}
        {fields.repays.errors ? <p className="field-error">{fields.repays.errors.join(" ")}</p> : null}
      </fieldset>
      <TextareaField label="Note" errors={fields.note.errors} textareaProps={getTextareaProps(fields.note)} />
    </RequestPage>
  );
}
