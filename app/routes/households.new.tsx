import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { HouseholdFormFields } from "~/modules/households/components";
import { createHousehold } from "~/modules/households/households.server";
import { CreateHouseholdSchema } from "~/modules/households/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Add a household · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "records:write");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: CreateHouseholdSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { id } = await createHousehold(db(), auditActor(actor), submission.value);
  return redirectWithToast(`/households/${id}`, {
    kind: "success",
    message: `${submission.value.name} was added. Add its members and an income certification below.`,
  });
}

export default function NewHouseholdPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-household",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateHouseholdSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div style={{ maxWidth: "48rem" }}>
      <p>
        <Link to="/households">← Households</Link>
      </p>
      <h1>Add a household</h1>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <HouseholdFormFields fields={fields} />
        <div className="actions">
          <button type="submit" className="primary">
            Add household
          </button>
          <Link to="/households">Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
