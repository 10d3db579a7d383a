import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { stewardshipSettings, updateMonitoringSettings } from "~/modules/stewardship/events.server";
import { MonitoringSettingsSchema } from "~/modules/stewardship/schemas";
import { getStewardshipPolicy, updateStewardshipPolicy } from "~/modules/stewardship-decisions/requests.server";
import { stewardshipSettingsSchema } from "~/modules/stewardship-decisions/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { centsToString, Decimal } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Stewardship settings · Commonground" }];

/**
 * The trust's stewardship settings, one row with one version, in two forms: monitoring (the grace period
 * before an unanswered event is delinquent, fixed dates for the yearly certification and tax proof, the
 * first due date asked for) and the refinance policy (how fresh the resale calculation must be, the share of
 * the formula price, the cash-out limit).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const [policy, monitoring] = await Promise.all([getStewardshipPolicy(db(), actor.organisationId), stewardshipSettings(db(), actor.organisationId)]);
  return {
    monitoring: {
      intent: "monitoring",
      version: String(monitoring.version),
      graceDays: String(monitoring.graceDays),
      occupancyFixedDate: monitoring.occupancyFixedDate ?? "",
      taxProofDate: monitoring.taxProofDate ?? "",
      monitoringStartsOn: monitoring.monitoringStartsOn ?? "",
    },
    values: {
      version: String(policy.version),
      calculationMaxAgeDays: String(policy.calculationMaxAgeDays),
      refinanceMaxSharePercent: new Decimal(policy.refinanceMaxShare).times(100).toFixed(),
      cashOutLimitCents: centsToString(policy.cashOutLimitCents),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const formData = await readFormData(request);
  if (readIntent(formData, ["monitoring", "policy"]) === "monitoring") {
    const monitoring = parseWithZod(formData, { schema: MonitoringSettingsSchema });
    if (monitoring.status !== "success") return data(monitoring.reply(), { status: 400 });
    try {
      await updateMonitoringSettings(db(), auditActor(actor), monitoring.value);
    } catch (error) {
      if (error instanceof StaleRecordError) return data(monitoring.reply({ formErrors: [error.message] }), { status: 409 });
      throw error;
    }
    return redirectWithToast("/settings/stewardship", { kind: "success", message: "The monitoring settings were saved." });
  }
  const submission = parseWithZod(formData, { schema: stewardshipSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await updateStewardshipPolicy(db(), auditActor(actor), submission.value);
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
  return redirectWithToast("/settings/stewardship", { kind: "success", message: "The refinance policy was saved." });
}

export default function StewardshipSettingsPage() {
  const { values, monitoring } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const monitoringReply = (reply?.initialValue as { intent?: unknown } | undefined)?.intent === "monitoring";
  const lastResult = monitoringReply ? undefined : reply;
  const [monitoringForm, monitoringFields] = useForm({
    id: `monitoring-${monitoring.version}`,
    lastResult: monitoringReply ? reply : undefined,
    defaultValue: monitoring,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MonitoringSettingsSchema }),
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: `stewardship-${values.version}`,
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stewardshipSettingsSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/settings">← Settings</Link>
      </p>
      <h1>Stewardship</h1>
      <section className="card">
        <h2>Monitoring</h2>
        <p className="muted">
          Every signed lease is asked each year for an occupancy certification and property tax proof — on the anniversary of its commencement, or on
          the dates set here (a lease&apos;s own schedule, on its page, comes first). The compliance calendar follows these settings at once.
        </p>
        <Form method="post" className="stack" {...getFormProps(monitoringForm)}>
          <FormErrorSummary form={monitoringForm} />
          <input type="hidden" name="intent" value="monitoring" />
          <input type="hidden" name="version" value={monitoring.version} />
          <div className="form-grid">
            <Field
              label="Grace period (days)"
              hint="An unanswered event is delinquent from the day after its due date plus these days (default 14)."
              errors={monitoringFields.graceDays.errors}
              inputProps={{ ...getInputProps(monitoringFields.graceDays, { type: "text" }), inputMode: "numeric" }}
            />
            <Field
              label="Occupancy certification due each year on (MM-DD)"
              hint="For example 06-30. Leave empty for each lease's commencement anniversary."
              errors={monitoringFields.occupancyFixedDate.errors}
              inputProps={{ ...getInputProps(monitoringFields.occupancyFixedDate, { type: "text" }), placeholder: "MM-DD" }}
            />
            <Field
              label="Property tax proof due each year on (MM-DD)"
              hint="Leave empty for each lease's commencement anniversary."
              errors={monitoringFields.taxProofDate.errors}
              inputProps={{ ...getInputProps(monitoringFields.taxProofDate, { type: "text" }), placeholder: "MM-DD" }}
            />
            <Field
              label="Ask for nothing due before"
              hint="Optional: so an older portfolio does not start with years of overdue certifications."
              errors={monitoringFields.monitoringStartsOn.errors}
              inputProps={getInputProps(monitoringFields.monitoringStartsOn, { type: "date" })}
            />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              Save the monitoring settings
            </button>
          </div>
        </Form>
      </section>
      <section className="card">
        <h2>Refinance policy</h2>
        <p className="muted">A refinance is decided against the home&apos;s newest saved resale calculation (its maximum resale price is the formula price).</p>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrorSummary form={form} />
          <input type="hidden" name="intent" value="policy" />
          <input type="hidden" name="version" value={values.version} />
          <div className="form-grid">
            <Field
              label="Newest calculation at most (days old)"
              hint="Counted from its valuation date to the decision date."
              errors={fields.calculationMaxAgeDays.errors}
              inputProps={{ ...getInputProps(fields.calculationMaxAgeDays, { type: "text" }), inputMode: "numeric" }}
            />
            <Field
              label="Most a refinance may borrow (% of the formula price)"
              errors={fields.refinanceMaxSharePercent.errors}
              inputProps={{ ...getInputProps(fields.refinanceMaxSharePercent, { type: "text" }), inputMode: "decimal" }}
            />
            <Field
              label="Cash-out limit ($)"
              hint="New principal less the payoff of the loans it repays."
              errors={fields.cashOutLimitCents.errors}
              inputProps={{ ...getInputProps(fields.cashOutLimitCents, { type: "text" }), inputMode: "decimal" }}
            />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              Save the policy
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
