import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { createMeeting } from "~/modules/governance/meetings.server";
import { getBylaws } from "~/modules/governance/members.server";
import { MeetingSchema, MEETING_KINDS } from "~/modules/governance/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Schedule a meeting · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  return { noticeDays: (await getBylaws(db(), actor.organisationId)).noticeDays };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const submission = parseWithZod(await readFormData(request), { schema: MeetingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createMeeting(db(), auditActor(actor), submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithToast(`/governance/meetings/${result.id}`, { kind: "success", message: "The meeting was scheduled. Send its notice from this page." });
}

export default function NewMeetingPage() {
  const { noticeDays } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "new-meeting", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }), shouldRevalidate: "onInput" });
  return (
    <div style={{ maxWidth: "40rem" }}>
      <p><Link to="/governance">← Governance</Link></p>
      <h1>Schedule a meeting</h1>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <SelectField label="Kind" errors={fields.kind.errors} selectProps={getSelectProps(fields.kind)} options={Object.entries(MEETING_KINDS).map(([value, label]) => ({ value, label }))} placeholder="Choose…" />
        <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
        <Field label="Date" errors={fields.date.errors} inputProps={getInputProps(fields.date, { type: "date" })} />
        <Field label="Time" hint="e.g. 6:30 pm" errors={fields.time.errors} inputProps={getInputProps(fields.time, { type: "text" })} />
        <Field label="Place" errors={fields.place.errors} inputProps={getInputProps(fields.place, { type: "text" })} />
        <Field label="Video link" errors={fields.link.errors} inputProps={getInputProps(fields.link, { type: "text" })} />
        <Field label="Record date" hint={`Who may vote is decided by the roll on this date. Left empty: the meeting date less the bylaws' ${noticeDays}-day notice period.`} errors={fields.recordDate.errors} inputProps={getInputProps(fields.recordDate, { type: "date" })} />
        <TextareaField label="Agenda" errors={fields.agenda.errors} textareaProps={getTextareaProps(fields.agenda)} />
        <div className="actions">
          <button type="submit" className="primary">Schedule meeting</button>
          <Link to="/governance">Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
