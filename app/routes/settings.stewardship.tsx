import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { getStewardshipPolicy, updateStewardshipPolicy } from "~/modules/stewardship-decisions/requests.server";
import { stewardshipSettingsSchema } from "~/modules/stewardship-decisions/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { centsToString, Decimal } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Stewardship settings · Commonground" }];

/** The trust's refinance policy: how fresh the resale calculation must be, the share of the formula price, the cash-out limit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const policy = await getStewardshipPolicy(db(), actor.organisationId);
  return {
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
  const submission = parseWithZod(await readFormData(request), { schema: stewardshipSettingsSchema });
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
  const { values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `stewardship-${values.version}`,
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stewardshipSettingsSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/settings">← Settings</Link>
      </p>
      <h1>Stewardship</h1>
      <section className="card">
        <h2>Refinance policy</h2>
        <p className="muted">A refinance is decided against the home&apos;s newest saved resale calculation (its maximum resale price is the formula price).</p>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
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
