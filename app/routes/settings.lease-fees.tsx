import { getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, IntentForm } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { accountCodes, LeaseFeeError, listIndexValues, recordIndexValue, saveAccountCodes } from "~/modules/lease-fees/ledger.server";
import { accountCodesSchema, indexValueSchema } from "~/modules/lease-fees/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { formErrorsOf, formStatusOf } from "~/utils/errors";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";
import { formatDecimal } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "Lease-fee settings · Commonground" }];

/** The trust's bookkeeping account codes for the lease-fee export, and the index values index-linked fees follow. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const [codes, indexValues] = await Promise.all([accountCodes(db(), actor.organisationId), listIndexValues(db(), actor.organisationId)]);
  const { updatedAt: _updatedAt, ...plain } = codes;
  return { codes: plain, indexValues: indexValues.map((v) => ({ id: v.id, indexName: v.indexName, date: v.date, value: v.value, source: v.source })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["codes", "index-value"]);
  const submission = parseWithZod(formData, { schema: intent === "codes" ? accountCodesSchema : indexValueSchema });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  try {
    if (intent === "codes") await saveAccountCodes(db(), auditActor(actor), submission.value as ReturnType<typeof accountCodesSchema.parse>);
    else await recordIndexValue(db(), auditActor(actor), submission.value as ReturnType<typeof indexValueSchema.parse>);
  } catch (error) {
    if (error instanceof LeaseFeeError) {
      return data({ intent, result: submission.reply(formErrorsOf(error)) }, { status: formStatusOf(error) });
    }
    throw error;
  }
  return redirectWithToast("/settings/lease-fees", { kind: "success", message: intent === "codes" ? "Account codes saved." : "Index value recorded." });
}

export default function LeaseFeeSettingsPage() {
  const { codes, indexValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [codesForm, codeFields] = useForm({
    id: `codes-${codes.version}`,
    lastResult: actionData?.intent === "codes" ? actionData.result : undefined,
    defaultValue: codes,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountCodesSchema }),
    shouldRevalidate: "onInput",
  });
  const [indexForm, indexFields] = useForm({
    id: "index-value",
    lastResult: actionData?.intent === "index-value" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: indexValueSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/settings">← Settings</Link>
      </p>
      <h1>Lease fees</h1>
      <section className="card">
        <h2>Account codes for the bookkeeping export</h2>
        <IntentForm form={codesForm} intent="codes" version={codes.version} submitLabel="Save account codes">
          <Field label="Lease fees receivable" errors={codeFields.receivableAccount.errors} inputProps={getInputProps(codeFields.receivableAccount, { type: "text" })} />
          <Field label="Lease-fee income" errors={codeFields.feeIncomeAccount.errors} inputProps={getInputProps(codeFields.feeIncomeAccount, { type: "text" })} />
          <Field label="Late-charge income" errors={codeFields.lateChargeAccount.errors} inputProps={getInputProps(codeFields.lateChargeAccount, { type: "text" })} />
          <Field label="Cash (bank)" errors={codeFields.cashAccount.errors} inputProps={getInputProps(codeFields.cashAccount, { type: "text" })} />
          <Field label="Waivers and reductions" errors={codeFields.waiverAccount.errors} inputProps={getInputProps(codeFields.waiverAccount, { type: "text" })} />
        </IntentForm>
      </section>
      <section className="card">
        <h2>Index values</h2>
        <p className="muted">
          Index-linked lease fees rise on each anniversary by the change in the index between the values recorded on or before the two anniversaries, capped as the lease says. Leave the
          name blank for the index of leases that name none.
        </p>
        <IntentForm form={indexForm} intent="index-value" submitLabel="Record index value" secondary>
          <Field label="Index name (as the lease names it)" errors={indexFields.indexName.errors} inputProps={getInputProps(indexFields.indexName, { type: "text" })} />
          <Field label="Date" errors={indexFields.date.errors} inputProps={getInputProps(indexFields.date, { type: "date" })} />
          <Field label="Value" errors={indexFields.value.errors} inputProps={getInputProps(indexFields.value, { type: "text" })} />
          <Field label="Source (publisher, release)" errors={indexFields.source.errors} inputProps={getInputProps(indexFields.source, { type: "text" })} />
        </IntentForm>
        {indexValues.length ? (
          <TableWrap label="Index values">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Index</th>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {indexValues.map((v) => (
                  <tr key={v.id}>
                    <td>{v.indexName || "(default)"}</td>
                    <td>{formatScreenDate(v.date)}</td>
                    <td className="num">{formatDecimal(v.value)}</td>
                    <td>{v.source || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted">No index values recorded yet.</p>
        )}
      </section>
    </>
  );
}
