import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { homesWithoutCurrentOwner, householdSummary, recordPurchase } from "~/modules/households/households.server";
import { MORTGAGE_TYPES, options, PurchaseSchema } from "~/modules/households/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Record a purchase · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const household = await householdSummary(db(), actor.organisationId, params.householdId ?? "");
  if (!household) throw new Response("Household not found", { status: 404 });
  return { household, homes: await homesWithoutCurrentOwner(db(), actor.organisationId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const id = params.householdId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: PurchaseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await recordPurchase(db(), auditActor(actor), id, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  return redirectWithToast(`/households/${id}`, { kind: "success", message: "The purchase was recorded: the household is now the home's owner." });
}

export default function RecordPurchasePage() {
  const { household, homes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `purchase-${household.id}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PurchaseSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div style={{ maxWidth: "48rem" }}>
      <p>
        <Link to={`/households/${household.id}`}>← {household.name}</Link>
      </p>
      <h1>Record a purchase — {household.name}</h1>
      {homes.length === 0 ? (
        <p className="form-errors">Every home of the organisation has a current owner. Record a sale first, or register a home under Parcels.</p>
      ) : null}
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <fieldset className="form-grid">
          <legend>Purchase</legend>
          <SelectField
            className="span-all"
            label="Home"
            hint="Homes without a current owner."
            errors={fields.homeId.errors}
            selectProps={getSelectProps(fields.homeId)}
            placeholder="Choose a home"
            options={homes.map((h) => ({ value: h.id, label: h.label }))}
          />
          <Field
            label="Purchase price ($)"
            errors={fields.purchasePrice.errors}
            inputProps={{ ...getInputProps(fields.purchasePrice, { type: "text" }), inputMode: "decimal" }}
          />
          <Field
            label="Purchase date"
            errors={fields.purchaseDate.errors}
            inputProps={getInputProps(fields.purchaseDate, { type: "date" })}
          />
        </fieldset>
        <fieldset className="form-grid">
          <legend>Mortgage at purchase</legend>
          <Field label="Lender" errors={fields.mortgageLender.errors} inputProps={getInputProps(fields.mortgageLender, { type: "text" })} />
          <Field
            label="Amount ($)"
            errors={fields.mortgageAmount.errors}
            inputProps={{ ...getInputProps(fields.mortgageAmount, { type: "text" }), inputMode: "decimal" }}
          />
          <Field
            label="Interest rate (%)"
            hint="e.g. 6.125"
            errors={fields.mortgageRate.errors}
            inputProps={{ ...getInputProps(fields.mortgageRate, { type: "text" }), inputMode: "decimal" }}
          />
          <Field
            label="Term (years)"
            errors={fields.mortgageTermYears.errors}
            inputProps={{ ...getInputProps(fields.mortgageTermYears, { type: "number" }), min: 1, max: 50 }}
          />
          <SelectField
            label="Type"
            errors={fields.mortgageType.errors}
            selectProps={getSelectProps(fields.mortgageType)}
            placeholder="—"
            options={options(MORTGAGE_TYPES)}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            Record purchase
          </button>
          <Link to={`/households/${household.id}`}>Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
