import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { MONITORING_EVENT_TYPES } from "~/modules/stewardship/events";
import { assignableStaff, createMonitoringEvent, signedLeaseChoices } from "~/modules/stewardship/events.server";
import { NewEventSchema } from "~/modules/stewardship/schemas";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Record a monitoring event · Commonground" }];

/** Records an event by hand (an inspection, a late payment, an enforcement violation …) on a signed lease. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const leases = await signedLeaseChoices(db(), actor.organisationId);
  return {
    leases: leases.map((l) => ({ value: l.id, label: `${l.reference} — ${l.household.name}` })),
    staff: await assignableStaff(db(), actor.organisationId),
    today: todayIn(actor.timeZone),
    leaseId: new URL(request.url).searchParams.get("lease") ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: NewEventSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createMonitoringEvent(db(), auditActor(actor), submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithToast(`/stewardship/events/${result.id}`, { kind: "success", message: "The event was recorded." });
}

export default function NewEventPage() {
  const { leases, staff, today, leaseId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-event",
    lastResult,
    defaultValue: { leaseId, dueDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewEventSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div style={{ maxWidth: "40rem" }}>
      <p>
        <Link to="/stewardship">← Compliance calendar</Link>
      </p>
      <h1>Record a monitoring event</h1>
      <p className="muted">Yearly certifications, insurance and tax proof come from each lease&apos;s schedule by themselves; record the others here.</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <SelectField label="Lease" errors={fields.leaseId.errors} selectProps={getSelectProps(fields.leaseId)} options={leases} placeholder="Choose…" />
        <SelectField label="Type" errors={fields.type.errors} selectProps={getSelectProps(fields.type)} options={Object.entries(MONITORING_EVENT_TYPES).map(([value, label]) => ({ value, label }))} placeholder="Choose…" />
        <Field label="Subject" hint="For 90+ days delinquent: mortgage, property taxes or lease fee." errors={fields.subject.errors} inputProps={getInputProps(fields.subject, { type: "text" })} />
        <Field label="Due date" errors={fields.dueDate.errors} inputProps={getInputProps(fields.dueDate, { type: "date" })} />
        <SelectField label="Staff member" errors={fields.assignedToId.errors} selectProps={getSelectProps(fields.assignedToId)} options={staff.map((s) => ({ value: s.id, label: s.name }))} placeholder="Nobody" />
        <TextareaField label="Notes" errors={fields.notes.errors} textareaProps={getTextareaProps(fields.notes)} />
        <div className="actions">
          <button type="submit" className="primary">
            Record event
          </button>
          <Link to="/stewardship">Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
