import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { getLeaseSchedule, leaseForSchedule, saveLeaseSchedule, stewardshipSettings } from "~/modules/stewardship/events.server";
import { LeaseScheduleSchema } from "~/modules/stewardship/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Monitoring schedule ${data?.lease.reference ?? ""} · Commonground` }];

/**
 * A lease's monitoring schedule: the homeowner's insurance policy expiry (proof of insurance is due by it and
 * by each yearly renewal) and, when this lease differs from the trust, its own certification and tax proof
 * dates. The compliance calendar is computed, so it follows a change at once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const lease = await leaseForSchedule(db(), actor.organisationId, params.leaseId ?? "");
  if (!lease) throw new Response("Lease not found", { status: 404 });
  const [schedule, settings] = await Promise.all([getLeaseSchedule(db(), actor.organisationId, lease.id), stewardshipSettings(db(), actor.organisationId)]);
  return {
    lease,
    trust: { occupancyFixedDate: settings.occupancyFixedDate, taxProofDate: settings.taxProofDate },
    values: {
      version: String(schedule.version),
      insuranceExpiresOn: schedule.insuranceExpiresOn ?? "",
      occupancyFixedDate: schedule.occupancyFixedDate ?? "",
      taxProofDate: schedule.taxProofDate ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const leaseId = params.leaseId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: LeaseScheduleSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const saved = await saveLeaseSchedule(db(), auditActor(actor), leaseId, submission.value);
    if (!saved.ok) throw new Response(saved.message, { status: saved.status });
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
  return redirectWithToast(`/leases/${leaseId}`, { kind: "success", message: "The monitoring schedule was saved; the compliance calendar follows it." });
}

export default function LeaseSchedulePage() {
  const { lease, trust, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `schedule-${lease.id}-${values.version}`,
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeaseScheduleSchema }),
    shouldRevalidate: "onInput",
  });
  const anniversary = lease.commencementDate.slice(5);
  return (
    <div style={{ maxWidth: "48rem" }}>
      <p>
        <Link to={`/leases/${lease.id}`}>← Lease {lease.reference}</Link>
      </p>
      <h1>Monitoring schedule — {lease.reference}</h1>
      <p className="muted">
        Commenced {formatScreenDate(lease.commencementDate)}. Without dates of its own this lease follows the trust: occupancy certification on{" "}
        {trust.occupancyFixedDate ?? `the commencement anniversary (${anniversary})`}, property tax proof on {trust.taxProofDate ?? `the commencement anniversary (${anniversary})`}.
      </p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="version" value={values.version} />
        <div className="form-grid">
          <Field
            label="Insurance policy expires on"
            hint="Proof of insurance is due by this date and by the same date each year after. Leave empty when not known."
            errors={fields.insuranceExpiresOn.errors}
            inputProps={getInputProps(fields.insuranceExpiresOn, { type: "date" })}
          />
          <Field
            label="Occupancy certification due each year on (MM-DD)"
            hint="Only if this lease differs from the trust's date. Empty: the trust's date."
            errors={fields.occupancyFixedDate.errors}
            inputProps={{ ...getInputProps(fields.occupancyFixedDate, { type: "text" }), placeholder: "MM-DD" }}
          />
          <Field
            label="Property tax proof due each year on (MM-DD)"
            hint="Only if this lease differs from the trust's date. Empty: the trust's date."
            errors={fields.taxProofDate.errors}
            inputProps={{ ...getInputProps(fields.taxProofDate, { type: "text" }), placeholder: "MM-DD" }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Save the schedule
          </button>
        </div>
      </Form>
    </div>
  );
}
