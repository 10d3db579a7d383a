import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/forms";
import { LeaseTermFields, timedTermFormValues } from "~/components/lease-terms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { LeaseTermDefaultsSchema } from "~/modules/leases/schemas";
import { getLeaseTermDefaults, updateLeaseTermDefaults } from "~/modules/leases/terms.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Lease terms · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  return { defaults: await getLeaseTermDefaults(db(), actor.organisationId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const submission = parseWithZod(await readFormData(request), { schema: LeaseTermDefaultsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const result = await updateLeaseTermDefaults(db(), auditActor(actor), submission.value);
    if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
  return redirectWithToast("/settings/lease-terms", { kind: "success", message: "The lease term defaults were saved. They apply to new leases." });
}

export default function LeaseTermsSettingsPage() {
  const { defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `lease-terms-${defaults.version}`,
    lastResult,
    defaultValue: timedTermFormValues(defaults),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeaseTermDefaultsSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div style={{ maxWidth: "52rem" }}>
      <p>
        <Link to="/settings">← Settings</Link>
      </p>
      <h1>Lease terms</h1>
      <p className="muted">
        The timed and monetary terms a new lease starts with. Each lease keeps its own copy: a draft can change it, a signed lease changes it
        only by a dated amendment, and changing these defaults never changes an existing lease.
      </p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="version" value={defaults.version} />
        <LeaseTermFields fields={fields} />
        <div className="actions">
          <button type="submit" className="primary">
            Save defaults
          </button>
        </div>
      </Form>
    </div>
  );
}
