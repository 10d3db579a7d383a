import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { DEADLINE_STATE_LABELS } from "~/modules/transfers/deadlines";
import { cancelSchema, CASE_KIND_LABELS, CASE_STATUS_LABELS, formulaPriceSchema, NOTICE_METHOD_LABELS, optionSchema } from "~/modules/transfers/schemas";
import { calculateFormulaPrice, cancelTransferCase, decideOption, getTransferCase, TransferCaseError } from "~/modules/transfers/transfers.server";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { formatLegalDate } from "~/utils/format";
import { intentFailure, type IntentReply } from "~/utils/intent-reply.server";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";

/** One resale / transfer case as a timeline: notice → formula price → option → buyer → closing, with what is next. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Case — ${data.transfer.home.label}` : "Case"} · Commonground` }];

const SCHEMAS: Record<string, ZodTypeAny> = { "formula-price": formulaPriceSchema, option: optionSchema, cancel: cancelSchema };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const today = todayIn(actor.timeZone);
  const transfer = await getTransferCase(db(), actor.organisationId, params.caseId ?? "", today);
  if (!transfer) throw new Response("Case not found", { status: 404 });
  return { transfer, today, canWrite: can(actor.role, "records:write") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const caseId = params.caseId ?? "";
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const schema = SCHEMAS[intent];
  if (!schema) throw new Response("Unknown form", { status: 400 });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const today = todayIn(actor.timeZone);
  const back = `/transfers/${caseId}`;
  try {
    if (intent === "formula-price") {
      const { result } = await calculateFormulaPrice(db(), auditActor(actor), caseId, submission.value as never);
      return redirectWithToast(back, { kind: "success", message: `Formula price calculated: at most ${formatUsd(result.maxResalePrice)}.` });
    }
    if (intent === "option") {
      await decideOption(db(), auditActor(actor), caseId, submission.value as never, today);
      return redirectWithToast(back, { kind: "success", message: "The trust's option decision is recorded." });
    }
    await cancelTransferCase(db(), auditActor(actor), caseId, submission.value as never, today);
    return redirectWithToast(back, { kind: "success", message: "Case cancelled; its history is kept." });
  } catch (error) {
    if (error instanceof TransferCaseError) {
      if (error.status === 404) throw new Response(error.message, { status: 404 });
      const failure = intentFailure(intent, submission, error.field ? { fieldErrors: { [error.field]: [error.message] } } : { formErrors: [error.message] });
      if (error.status === 409) failure.init = { ...failure.init, status: 409 };
      return failure;
    }
    throw error;
  }
}

function useIntentForm(intent: string, schema: ZodTypeAny, defaultValue?: Record<string, string>) {
  const actionData = useActionData<typeof action>() as IntentReply | undefined;
  return useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? (actionData.reply as SubmissionResult<string[]>) : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onBlur",
  });
}

const OPTION_LABELS = {
  open: "Open: the trust has not decided",
  lapsed: "Lapsed: the option period ended without a decision",
  exercised: "Exercised: the trust buys the home",
  assigned: "Assigned to a buyer",
  waived: "Waived",
  "not-applicable": "Not applicable (a sale by the trust)",
} as const;

export default function TransferCasePage() {
  const { transfer: t, today, canWrite } = useLoaderData<typeof loader>();
  const open = t.status === "open";
  return (
    <>
      <p>
        <Link to="/transfers">← Resale and transfer cases</Link> · <Link to={`/resale/homes/${t.home.id}/inputs`}>Valuation inputs</Link>
      </p>
      <h1>
        {CASE_KIND_LABELS[t.kind]} — {t.home.label}
      </h1>
      <p>
        <strong>{CASE_STATUS_LABELS[t.status]}</strong>
        {t.seller ? (
          <>
            {" "}
            · Homeowner: <Link to={`/households/${t.seller.householdId}`}>{t.seller.name}</Link>
            {t.seller.purchasePrice ? ` (bought ${formatLegalDate(t.seller.purchaseDate)} for ${formatUsd(t.seller.purchasePrice)})` : ""}
          </>
        ) : null}
        {t.lease ? (
          <>
            {" "}
            · Lease <Link to={`/leases/${t.lease.id}`}>{t.lease.reference}</Link>
          </>
        ) : null}
      </p>
      {t.next ? (
        <p className="card">
          <strong>Next:</strong> {t.next.label} by {formatLegalDate(t.next.due)} <span className={`badge badge-${t.next.state}`}>{DEADLINE_STATE_LABELS[t.next.state]}</span>
        </p>
      ) : null}
      {t.cancelled ? (
        <p className="card">
          Cancelled on {formatLegalDate(t.cancelled.on)}: {t.cancelled.reason}
        </p>
      ) : null}

      <section className="card" aria-labelledby="deadlines">
        <h2 id="deadlines">Deadlines (lease terms in force on the notice date)</h2>
        <ol className="timeline">
          <li>
            Notice of intent received {formatLegalDate(t.notice.date)} ({NOTICE_METHOD_LABELS[t.notice.method as keyof typeof NOTICE_METHOD_LABELS] ?? t.notice.method})
            {t.notice.note ? ` — ${t.notice.note}` : ""}
          </li>
          {t.deadlines.map((d) => (
            <li key={d.key}>
              {d.label}: {formatLegalDate(d.due)} <span className={`badge badge-${d.state}`}>{DEADLINE_STATE_LABELS[d.state]}</span>
              {d.doneOn ? ` on ${formatLegalDate(d.doneOn)}` : ""} <span className="muted">({d.rule})</span>
            </li>
          ))}
        </ol>
      </section>

      {t.kind !== "trust-sale" ? (
        <section className="card" aria-labelledby="price">
          <h2 id="price">1. Formula price</h2>
          {t.calculation ? (
            <p>
              Maximum price <strong>{formatUsd(t.calculation.maxPrice)}</strong> (bound by {t.calculation.boundBy}), valued {formatLegalDate(t.calculation.valuationDate)}; price notice
              sent {formatLegalDate(t.calculation.priceNoticeOn)}. <Link to={`/resale/calculations/${t.calculation.id}`}>Worksheet</Link>
            </p>
          ) : (
            <p className="muted">Not calculated yet. It uses the lease&apos;s frozen formula and the home&apos;s valuation inputs.</p>
          )}
          {open && canWrite && t.option.state !== "exercised" && t.option.state !== "assigned" && t.option.state !== "waived" ? <FormulaPriceForm version={t.version} noticeDate={t.notice.date} today={today} /> : null}
        </section>
      ) : null}

      {t.kind !== "trust-sale" ? (
        <section className="card" aria-labelledby="option">
          <h2 id="option">2. The trust&apos;s purchase option</h2>
          <p>
            {OPTION_LABELS[t.option.state]}
            {t.option.decidedOn ? ` on ${formatLegalDate(t.option.decidedOn)}` : ""}
            {t.option.note ? ` — ${t.option.note}` : ""}
          </p>
          {open && canWrite && t.option.state === "open" ? <OptionForm version={t.version} today={today} /> : null}
        </section>
      ) : null}

      {open && canWrite ? <CancelForm version={t.version} today={today} /> : null}
    </>
  );
}

function FormulaPriceForm({ version, noticeDate, today }: { version: number; noticeDate: string; today: string }) {
  const [form, fields] = useIntentForm("formula-price", formulaPriceSchema, { valuationDate: noticeDate, priceNoticeOn: today });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="formula-price" />
      <input type="hidden" name="version" value={version} />
      <div className="form-grid">
        <Field label="Valuation date" hint="The notice date unless the lease says otherwise." errors={fields.valuationDate.errors} inputProps={getInputProps(fields.valuationDate, { type: "date" })} />
        <Field label="Price notice sent on" errors={fields.priceNoticeOn.errors} inputProps={getInputProps(fields.priceNoticeOn, { type: "date" })} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Calculate the formula price
        </button>
      </div>
    </Form>
  );
}

function OptionForm({ version, today }: { version: number; today: string }) {
  const [form, fields] = useIntentForm("option", optionSchema, { decidedOn: today });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="option" />
      <input type="hidden" name="version" value={version} />
      <div className="form-grid">
        <SelectField
          label="Decision"
          errors={fields.decision.errors}
          selectProps={getSelectProps(fields.decision)}
          placeholder="Choose"
          options={[
            { value: "exercised", label: "Exercise: the trust buys the home" },
            { value: "assigned", label: "Assign the option to an eligible buyer" },
            { value: "waived", label: "Waive: the homeowner sells to an eligible buyer" },
          ]}
        />
        <Field label="Decided on" errors={fields.decidedOn.errors} inputProps={getInputProps(fields.decidedOn, { type: "date" })} />
        <Field label="Note (board resolution, letter)" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Record the decision
        </button>
      </div>
    </Form>
  );
}

function CancelForm({ version, today }: { version: number; today: string }) {
  const [form, fields] = useIntentForm("cancel", cancelSchema, { cancelledOn: today });
  return (
    <details className="card" open={Boolean(form.errors?.length || fields.reason.errors?.length || fields.cancelledOn.errors?.length)}>
      <summary>Cancel the case (the homeowner withdrew)</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="version" value={version} />
        <div className="form-grid">
          <Field label="Withdrawn on" errors={fields.cancelledOn.errors} inputProps={getInputProps(fields.cancelledOn, { type: "date" })} />
          <Field label="Reason" errors={fields.reason.errors} inputProps={getInputProps(fields.reason, { type: "text" })} />
        </div>
        <div className="actions">
          <button type="submit" className="secondary">
            Cancel the case
          </button>
        </div>
      </Form>
    </details>
  );
}
