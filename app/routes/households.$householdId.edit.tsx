import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { HouseholdFormFields } from "~/modules/households/components";
import { getHouseholdRecord, updateHousehold } from "~/modules/households/households.server";
import { UpdateHouseholdSchema } from "~/modules/households/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Edit household · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const household = await getHouseholdRecord(db(), actor.organisationId, params.householdId ?? "");
  if (!household) throw new Response("Household not found", { status: 404 });
  return {
    household: {
      id: household.id,
      name: household.name,
      email: household.email,
      phone: household.phone,
      mailingAddress: household.mailingAddress,
      firstTimeBuyer: household.firstTimeBuyer === null ? "" : household.firstTimeBuyer ? "yes" : "no",
      ethnicity: household.ethnicity,
      race: household.race,
      version: household.version,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const id = params.householdId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: UpdateHouseholdSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await updateHousehold(db(), auditActor(actor), id, submission.value);
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
  return redirectWithToast(`/households/${id}`, { kind: "success", message: `${submission.value.name} was updated.` });
}

export default function EditHouseholdPage() {
  const { household } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `household-${household.id}-${household.version}`,
    lastResult,
    defaultValue: { ...household, version: String(household.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateHouseholdSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div style={{ maxWidth: "48rem" }}>
      <p>
        <Link to={`/households/${household.id}`}>← {household.name}</Link>
      </p>
      <h1>Edit {household.name}</h1>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <HouseholdFormFields fields={fields} />
        <div className="actions">
          <button type="submit" className="primary">
            Save
          </button>
          <Link to={`/households/${household.id}`}>Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
