import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { Field, FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import {
  getHomeInputs,
  HomeInputError,
  recordAppraisal,
  recordAppraisalReceived,
  recordApprovedImprovement,
  recordInspection,
} from "~/modules/home-inputs/home-inputs.server";
import { appraisalReceiptSchema, appraisalSchema, improvementSchema, inspectionSchema, MAX_DEDUCTIONS } from "~/modules/home-inputs/schemas";
import { getHomeForResale } from "~/modules/resale/calculations.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { intentFailure, type IntentReply } from "~/utils/intent-reply.server";
import { readIntent } from "~/web/intent.server";
import { centsToString, formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { formErrorsOf, formStatusOf } from "~/utils/errors";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";

/** The valuation inputs of one home: appraisals, inspections with deductions, approved improvements (docs/home-inputs.md). */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Valuation inputs${data ? ` — ${data.home.label}` : ""} · Commonground` }];

const SCHEMAS = {
  appraisal: appraisalSchema,
  "appraisal-received": appraisalReceiptSchema,
  inspection: inspectionSchema,
  improvement: improvementSchema,
} satisfies Record<string, ZodTypeAny>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const home = await getHomeForResale(db(), actor.organisationId, params.homeId ?? "");
  if (!home) throw new Response("Home not found", { status: 404 });
  const inputs = await getHomeInputs(db(), actor.organisationId, home.id);
  return { home: { id: home.id, label: home.label, parcelId: home.parcelId }, inputs, canWrite: can(actor.role, "records:write"), canManageSettings: can(actor.role, "settings:manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const homeId = params.homeId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["appraisal", "appraisal-received", "inspection", "improvement"]);
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] as ZodTypeAny });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const back = `/resale/homes/${homeId}/inputs`;
  try {
    if (intent === "appraisal") {
      await recordAppraisal(db(), auditActor(actor), homeId, submission.value as never);
      return redirectWithToast(back, { kind: "success", message: "Appraisal recorded." });
    }
    if (intent === "appraisal-received") {
      await recordAppraisalReceived(db(), auditActor(actor), submission.value as never);
      return redirectWithToast(back, { kind: "success", message: "Appraisal report recorded." });
    }
    if (intent === "inspection") {
      await recordInspection(db(), auditActor(actor), homeId, submission.value as never);
      return redirectWithToast(back, { kind: "success", message: "Inspection recorded." });
    }
    await recordApprovedImprovement(db(), auditActor(actor), homeId, submission.value as never);
    return redirectWithToast(back, { kind: "success", message: "Approved improvement recorded." });
  } catch (error) {
    if (error instanceof HomeInputError) {
      if (error.kind === "not-found") throw error;
      const failure = intentFailure(intent, submission, formErrorsOf(error));
      failure.init = { ...failure.init, status: formStatusOf(error) };
      return failure;
    }
    throw error;
  }
}

const money = (cents: number | null) => (cents === null ? "—" : formatUsd(centsToString(cents)));

function useIntentForm(intent: string, schema: ZodTypeAny, id = intent) {
  const actionData = useActionData<typeof action>() as IntentReply | undefined;
  return useForm({
    id,
    lastResult: actionData?.intent === intent ? (actionData.reply as SubmissionResult<string[]>) : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onInput",
  });
}

export default function HomeInputsPage() {
  const { home, inputs, canWrite, canManageSettings } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/parcels/${home.parcelId}`}>← Parcel</Link> · <Link to={`/resale/homes/${home.id}`}>Resale calculator</Link>
      </p>
      <h1>Valuation inputs — {home.label}</h1>
      <p className="muted">
        Dated, sourced records the resale formula reads. Each is kept on the home and used by every later calculation: the latest appraisal by the valuation date, the pre-sale
        inspection&apos;s deductions, the improvements the trust approved. Index values are the trust&apos;s ({canManageSettings ? <Link to="/settings/lease-fees">Settings → Lease fees</Link> : "recorded by an administrator under Settings → Lease fees"}).
      </p>

      <section className="card" aria-labelledby="appraisals">
        <h2 id="appraisals">Appraisals</h2>
        {inputs.appraisals.length ? (
          <TableWrap label="Appraisals">
            <table>
              <thead>
                <tr>
                  <th scope="col">Appraiser</th>
                  <th scope="col">Ordered</th>
                  <th scope="col">Received</th>
                  <th scope="col">Effective</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    Improvement value
                  </th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {inputs.appraisals.map((a) => (
                  <tr key={a.id}>
                    <td>{a.appraiser}</td>
                    <td>{formatScreenDate(a.orderedOn)}</td>
                    <td>{a.receivedOn ? formatScreenDate(a.receivedOn) : <ReceiveAppraisal appraisalId={a.id} version={a.version} canWrite={canWrite} />}</td>
                    <td>{a.effectiveDate ? formatScreenDate(a.effectiveDate) : "—"}</td>
                    <td className="num">{money(a.valueCents)}</td>
                    <td className="num">{money(a.improvementValueCents)}</td>
                    <td>{withScreenDates(a.source)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted">No appraisals recorded.</p>
        )}
        {canWrite ? <AppraisalForm /> : null}
      </section>

      <section className="card" aria-labelledby="inspections">
        <h2 id="inspections">Inspections and deductions</h2>
        {inputs.inspections.length ? (
          <ul>
            {inputs.inspections.map((i) => (
              <li key={i.id}>
                {formatScreenDate(i.inspectedOn)} — {i.inspector}
                {i.source ? ` (${i.source})` : ""}
                {i.deductions.length ? (
                  <ul>
                    {i.deductions.map((d, index) => (
                      <li key={index}>
                        {d.description}: {money(d.amountCents)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted"> — no deductions</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No inspections recorded.</p>
        )}
        {canWrite ? <InspectionForm /> : null}
      </section>

      <section className="card" aria-labelledby="improvements">
        <h2 id="improvements">Approved improvements</h2>
        {inputs.improvements.length ? (
          <TableWrap label="Approved improvements">
            <table>
              <thead>
                <tr>
                  <th scope="col">Work</th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                  <th scope="col">Approved</th>
                  <th scope="col">Completed</th>
                  <th scope="col">Credit terms</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {inputs.improvements.map((i) => (
                  <tr key={i.id}>
                    <td>{i.description}</td>
                    <td className="num">{money(i.costCents)}</td>
                    <td>{formatScreenDate(i.approvedOn)}</td>
                    <td>{formatScreenDate(i.completedOn)}</td>
                    <td>{i.creditTerms}</td>
                    <td>{i.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted">No approved improvements recorded.</p>
        )}
        {canWrite ? <ImprovementForm /> : null}
      </section>
    </>
  );
}

function AppraisalForm() {
  const [form, fields] = useIntentForm("appraisal", appraisalSchema);
  return (
    <details open={Boolean(form.errors?.length || Object.values(fields).some((f) => f.errors?.length))}>
      <summary>Record an appraisal</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="appraisal" />
        <div className="form-grid">
          <Field label="Appraiser" errors={fields.appraiser.errors} inputProps={getInputProps(fields.appraiser, { type: "text" })} />
          <Field label="Ordered on" errors={fields.orderedOn.errors} inputProps={getInputProps(fields.orderedOn, { type: "date" })} />
          <Field label="Report received on" hint="Leave the report's fields empty while it is on order." errors={fields.receivedOn.errors} inputProps={getInputProps(fields.receivedOn, { type: "date" })} />
          <Field label="Value effective on" errors={fields.effectiveDate.errors} inputProps={getInputProps(fields.effectiveDate, { type: "date" })} />
          <Field label="Appraised value ($)" errors={fields.value.errors} inputProps={{ ...getInputProps(fields.value, { type: "text" }), inputMode: "decimal" }} />
          <Field label="Improvement value ($)" hint="The part the appraiser attributes to the owner's improvements." errors={fields.improvementValue.errors} inputProps={{ ...getInputProps(fields.improvementValue, { type: "text" }), inputMode: "decimal" }} />
          <Field label="Report reference" errors={fields.source.errors} inputProps={getInputProps(fields.source, { type: "text" })} />
          <Field label="Note" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
        </div>
        <div className="actions">
          <button type="submit" className="secondary">
            Record appraisal
          </button>
        </div>
      </Form>
    </details>
  );
}

function ReceiveAppraisal({ appraisalId, version, canWrite }: { appraisalId: string; version: number; canWrite: boolean }) {
  const [form, fields] = useIntentForm("appraisal-received", appraisalReceiptSchema, `receive-${appraisalId}`);
  if (!canWrite) return <span className="muted">on order</span>;
  return (
    <details open={Boolean(form.errors?.length || Object.values(fields).some((f) => f.errors?.length))}>
      <summary>On order — record the report</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="appraisal-received" />
        <input type="hidden" name="appraisalId" value={appraisalId} />
        <input type="hidden" name="version" value={version} />
        <Field label="Received on" errors={fields.receivedOn.errors} inputProps={getInputProps(fields.receivedOn, { type: "date" })} />
        <Field label="Value effective on" errors={fields.effectiveDate.errors} inputProps={getInputProps(fields.effectiveDate, { type: "date" })} />
        <Field label="Appraised value ($)" errors={fields.value.errors} inputProps={{ ...getInputProps(fields.value, { type: "text" }), inputMode: "decimal" }} />
        <Field label="Improvement value ($)" errors={fields.improvementValue.errors} inputProps={{ ...getInputProps(fields.improvementValue, { type: "text" }), inputMode: "decimal" }} />
        <Field label="Report reference" errors={fields.source.errors} inputProps={getInputProps(fields.source, { type: "text" })} />
        <button type="submit" className="secondary">
          Record report
        </button>
      </Form>
    </details>
  );
}

function InspectionForm() {
  const [form, fields] = useIntentForm("inspection", inspectionSchema);
  const rows = Array.from({ length: MAX_DEDUCTIONS }, (_, index) => index);
  const errorsOf = (index: number, key: "description" | "amount") => form.allErrors[`deductions[${index}].${key}`];
  return (
    <details open={Boolean(Object.keys(form.allErrors).length)}>
      <summary>Record an inspection</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="inspection" />
        <div className="form-grid">
          <Field label="Inspected on" errors={fields.inspectedOn.errors} inputProps={getInputProps(fields.inspectedOn, { type: "date" })} />
          <Field label="Inspector" errors={fields.inspector.errors} inputProps={getInputProps(fields.inspector, { type: "text" })} />
          <Field label="Report reference" errors={fields.source.errors} inputProps={getInputProps(fields.source, { type: "text" })} />
          <Field label="Note" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
        </div>
        <fieldset>
          <legend>Deductions for deferred maintenance or damage (leave unused rows empty)</legend>
          {rows.map((index) => (
            <div className="form-grid" key={index}>
              <Field
                label={`Deduction ${index + 1}: what for`}
                errors={errorsOf(index, "description")}
                inputProps={{ id: `deduction-${index}-description`, name: `deductions[${index}].description`, type: "text" }}
              />
              <Field
                label={`Deduction ${index + 1}: amount ($)`}
                errors={errorsOf(index, "amount")}
                inputProps={{ id: `deduction-${index}-amount`, name: `deductions[${index}].amount`, type: "text", inputMode: "decimal" }}
              />
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="secondary">
            Record inspection
          </button>
        </div>
      </Form>
    </details>
  );
}

function ImprovementForm() {
  const [form, fields] = useIntentForm("improvement", improvementSchema);
  return (
    <details open={Boolean(form.errors?.length || Object.values(fields).some((f) => f.errors?.length))}>
      <summary>Record an approved improvement</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="improvement" />
        <div className="form-grid">
          <Field label="Work done" errors={fields.description.errors} inputProps={getInputProps(fields.description, { type: "text" })} />
          <Field label="Cost ($)" errors={fields.cost.errors} inputProps={{ ...getInputProps(fields.cost, { type: "text" }), inputMode: "decimal" }} />
          <Field label="Approved on" errors={fields.approvedOn.errors} inputProps={getInputProps(fields.approvedOn, { type: "date" })} />
          <Field label="Completed on" errors={fields.completedOn.errors} inputProps={getInputProps(fields.completedOn, { type: "date" })} />
          <Field label="Credit terms approved" hint="e.g. 100 % of cost, depreciated over 15 years" errors={fields.creditTerms.errors} inputProps={getInputProps(fields.creditTerms, { type: "text" })} />
          <Field label="Approval reference" errors={fields.source.errors} inputProps={getInputProps(fields.source, { type: "text" })} />
        </div>
        <div className="actions">
          <button type="submit" className="secondary">
            Record improvement
          </button>
        </div>
      </Form>
    </details>
  );
}
