import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { Field, FormErrors, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { addInterestedBuyer, BuyerPoolError, listBuyerPool, setInterestedBuyerStatus } from "~/modules/transfers/buyer-pool.server";
import { householdsWithoutHome } from "~/modules/households/households.server";
import { BUYER_POOL_STATUS_LABELS, poolAddSchema, poolStatusSchema } from "~/modules/transfers/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { intentFailure, type IntentReply } from "~/utils/intent-reply.server";
import { readIntent } from "~/web/intent.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { TableWrap } from "~/components/table-wrap";

/** The pool of interested buyers (docs/transfers.md → The buyer pool): in the order they were added; cases draw their buyer from it. */
export const meta: MetaFunction = () => [{ title: "Interested buyers · Commonground" }];

const SCHEMAS = { "pool-add": poolAddSchema, "pool-status": poolStatusSchema } satisfies Record<string, ZodTypeAny>;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const today = todayIn(actor.timeZone);
  const pool = await listBuyerPool(db(), actor.organisationId);
  const pooled = new Set(pool.map((e) => e.householdId));
  const households = await householdsWithoutHome(db(), actor.organisationId);
  return {
    today,
    pool,
    households: households.filter((h) => !pooled.has(h.id)).map((h) => ({ value: h.id, label: h.name })),
    canWrite: can(actor.role, "records:write"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["pool-add", "pool-status"]);
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] as ZodTypeAny });
  if (submission.status !== "success") return intentFailure(intent, submission);
  try {
    if (intent === "pool-add") {
      await addInterestedBuyer(db(), auditActor(actor), submission.value as never, todayIn(actor.timeZone));
      return redirectWithToast("/transfers/buyers", { kind: "success", message: "Added to the pool of interested buyers." });
    }
    await setInterestedBuyerStatus(db(), auditActor(actor), submission.value as never);
    return redirectWithToast("/transfers/buyers", { kind: "success", message: "The interested buyer's status is recorded." });
  } catch (error) {
    if (error instanceof BuyerPoolError) {
      if (error.status === 404) throw new Response(error.message, { status: 404 });
      const failure = intentFailure(intent, submission, error.field ? { fieldErrors: { [error.field]: [error.message] } } : { formErrors: [error.message] });
      if (error.status === 409) failure.init = { ...failure.init, status: 409 };
      return failure;
    }
    throw error;
  }
}

export default function BuyerPoolPage() {
  const { pool, households, canWrite, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as IntentReply | undefined;
  const [form, fields] = useForm({
    id: "pool-add",
    lastResult: actionData?.intent === "pool-add" ? (actionData.reply as SubmissionResult<string[]>) : undefined,
    defaultValue: { addedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: poolAddSchema }),
    shouldRevalidate: "onInput",
  });
  const statusErrors = actionData?.intent === "pool-status" ? (actionData.reply as SubmissionResult<string[]>).error : undefined;
  return (
    <>
      <p>
        <Link to="/transfers">← Resale and transfer cases</Link>
      </p>
      <h1>Interested buyers</h1>
      <p className="muted">
        Households waiting to buy a home, in the order they were added. A case chooses its buyer from this pool first; the buyer is checked for eligibility then (a current income
        certification at the lease&apos;s target level). Size for a home: one person per bedroom to two per bedroom plus one.
      </p>
      {statusErrors ? <FormErrors errors={Object.values(statusErrors).flat().filter((e): e is string => typeof e === "string")} /> : null}
      {pool.length ? (
        <TableWrap label="Interested buyers">
          <table>
            <thead>
              <tr>
                <th scope="col">Household</th>
                <th scope="col">Added</th>
                <th scope="col" className="num">
                  Bedrooms wanted
                </th>
                <th scope="col">Eligibility</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {pool.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/households/${e.householdId}`}>{e.name}</Link>
                    {e.note ? <div className="muted">{e.note}</div> : null}
                  </td>
                  <td>{formatScreenDate(e.addedOn)}</td>
                  <td className="num">{e.bedroomsWanted}</td>
                  <td>
                    {e.certification ? `${e.certification.householdSize} ${e.certification.householdSize === 1 ? "person" : "persons"}, certified ${formatScreenDate(e.certification.certifiedOn)} at ${e.certification.percentAmi} % AMI` : "No income certification"}
                    {e.fitsWanted === null ? "" : e.fitsWanted ? "; size fits the bedrooms wanted" : "; size outside the bedrooms wanted"}
                    {`; first-time buyer: ${e.firstTimeBuyer === null ? "not recorded" : e.firstTimeBuyer ? "yes" : "no"}`}
                    {e.ownsHome ? "; owns a home now" : ""}
                  </td>
                  <td>
                    {BUYER_POOL_STATUS_LABELS[e.status]}
                    {canWrite && (e.status === "waiting" || e.status === "withdrawn") ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="pool-status" />
                        <input type="hidden" name="entryId" value={e.id} />
                        <input type="hidden" name="version" value={e.version} />
                        <input type="hidden" name="status" value={e.status === "waiting" ? "withdrawn" : "waiting"} />
                        <button type="submit" className="secondary">
                          {e.status === "waiting" ? "Mark withdrawn" : "Back to waiting"}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">Nobody in the pool yet.</p>
      )}
      {canWrite ? (
        <section className="card" aria-labelledby="pool-add-heading">
          <h2 id="pool-add-heading">Add an interested buyer</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <FormErrorSummary form={form} />
            <input type="hidden" name="intent" value="pool-add" />
            <div className="form-grid">
              <SelectField label="Household" errors={fields.householdId.errors} selectProps={getSelectProps(fields.householdId)} options={households} placeholder="Choose a household" />
              <Field label="Date added" errors={fields.addedOn.errors} inputProps={getInputProps(fields.addedOn, { type: "date" })} />
              <Field label="Bedrooms wanted" errors={fields.bedroomsWanted.errors} inputProps={{ ...getInputProps(fields.bedroomsWanted, { type: "number" }), min: 0, max: 8 }} />
              <Field label="Note" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
            </div>
            <div className="actions">
              <button type="submit" className="primary">
                Add to the pool
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
