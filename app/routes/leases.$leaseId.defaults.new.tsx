import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { DEFAULT_KINDS } from "~/modules/stewardship-decisions/defaults";
import { leaseForDefaultNotice, recordNoticeOfDefault } from "~/modules/stewardship-decisions/defaults.server";
import { noticeOfDefaultSchema } from "~/modules/stewardship-decisions/schemas";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Notice of default · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const lease = await leaseForDefaultNotice(db(), actor.organisationId, params.leaseId ?? "");
  if (!lease) throw new Response("Lease not found", { status: 404 });
  return { lease, today: todayIn(actor.timeZone) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: noticeOfDefaultSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await recordNoticeOfDefault(db(), auditActor(actor), params.leaseId ?? "", submission.value, { today: todayIn(actor.timeZone) });
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithToast(`/stewardship/defaults/${result.id}`, { kind: "success", message: "The notice of default was recorded. Print it and send the copies listed." });
}

export default function NewNoticeOfDefaultPage() {
  const { lease, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `default-${lease.id}`,
    lastResult,
    defaultValue: { noticeDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noticeOfDefaultSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div style={{ maxWidth: "48rem" }}>
      <p>
        <Link to={`/leases/${lease.id}`}>← Lease {lease.reference}</Link>
      </p>
      <h1>Notice of default — {lease.reference}</h1>
      <p className="muted">The cure period comes from the lease&apos;s own terms in force on the notice date. A copy is listed for every permitted mortgagee.</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <div className="form-grid">
          <SelectField
            label="Kind of default"
            errors={fields.kind.errors}
            selectProps={getSelectProps(fields.kind)}
            placeholder="Choose"
            options={Object.entries(DEFAULT_KINDS).map(([value, label]) => ({ value, label }))}
          />
          <Field label="Notice date" hint="YYYY-MM-DD" errors={fields.noticeDate.errors} inputProps={getInputProps(fields.noticeDate, { type: "date" })} />
          <Field label="Amount owed ($), for a monetary default" errors={fields.amountCents.errors} inputProps={{ ...getInputProps(fields.amountCents, { type: "text" }), inputMode: "decimal" }} />
        </div>
        <TextareaField label="The default (what the homeowner has not done)" errors={fields.description.errors} textareaProps={getTextareaProps(fields.description)} />
        <div>
          <button type="submit">Record the notice of default</button>
        </div>
      </Form>
    </div>
  );
}
