import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { DocumentsPanel } from "~/modules/stored-documents/components";
import { documentMaxBytes } from "~/utils/env.server";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { DEADLINE_STATE_LABELS } from "~/modules/transfers/deadlines";
import { availableLetters, CASE_LETTER_LABELS, isCaseLetterKind } from "~/modules/transfers/letters";
import { produceCaseLetter } from "~/modules/transfers/letters.server";
import { BuyerForm, CancelForm, ClosingForm, ClosingSummary, eligibilityText, FormulaPriceForm, OPTION_LABELS, OptionForm } from "~/modules/transfers/case-forms";
import { buyerSchema, cancelSchema, CASE_KIND_LABELS, CASE_STATUS_LABELS, closingSchema, formulaPriceSchema, NOTICE_METHOD_LABELS, optionSchema } from "~/modules/transfers/schemas";
import { buyerCandidates, calculateFormulaPrice, cancelTransferCase, chooseBuyer, closeTransferCase, decideOption, getTransferCase, homeBedrooms, TransferCaseError } from "~/modules/transfers/transfers.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { intentFailure } from "~/utils/intent-reply.server";
import { readIntent } from "~/web/intent.server";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { formErrorsOf, formStatusOf } from "~/utils/errors";

/** One resale / transfer case as a timeline: notice → formula price → option → buyer → closing, with what is next. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Case — ${data.transfer.home.label}` : "Case"} · Commonground` }];

const SCHEMAS = { "formula-price": formulaPriceSchema, option: optionSchema, buyer: buyerSchema, close: closingSchema, cancel: cancelSchema } satisfies Record<string, ZodTypeAny>;
const INTENTS = ["letter", "formula-price", "option", "buyer", "close", "cancel"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const today = todayIn(actor.timeZone);
  const transfer = await getTransferCase(db(), actor.organisationId, params.caseId ?? "", today);
  if (!transfer) throw new Response("Case not found", { status: 404 });
  const bedrooms = await homeBedrooms(db(), actor.organisationId, transfer.home.id);
  const candidates = transfer.status === "open" ? await buyerCandidates(db(), actor.organisationId, transfer.seller?.householdId ?? null, bedrooms, transfer.id) : [];
  const documents = await listDocuments(db(), actor.organisationId, { ownerType: "transfer_case", ownerId: transfer.id });
  return { transfer, today, candidates, letters: availableLetters(transfer), documents, documentMaxBytes: documentMaxBytes(), canWrite: can(actor.role, "records:write"), isAdmin: actor.role === "admin" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const caseId = params.caseId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, INTENTS);
  const today = todayIn(actor.timeZone);
  if (intent === "letter") {
    const kind = String(formData.get("kind") ?? "");
    if (!isCaseLetterKind(kind)) throw new Response("Unknown letter", { status: 400 });
    try {
      const { name } = await produceCaseLetter(db(), auditActor(actor), caseId, kind, today);
      return redirectWithToast(`/transfers/${caseId}#letters`, { kind: "success", message: `${name} is stored with the case.` });
    } catch (error) {
      if (error instanceof TransferCaseError) throw new Response(error.message, { status: error.status });
      throw error;
    }
  }
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] as ZodTypeAny });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const back = `/transfers/${caseId}`;
  try {
    if (intent === "formula-price") {
      const { result } = await calculateFormulaPrice(db(), auditActor(actor), caseId, submission.value as never);
      return redirectWithToast(back, { kind: "success", message: `Formula price calculated: at most ${formatUsd(result.maxResalePrice)}.` });
    }
    if (intent === "buyer") {
      const eligibility = await chooseBuyer(db(), auditActor(actor), caseId, submission.value as never, today);
      return redirectWithToast(back, { kind: "success", message: `Buyer chosen: eligible (${eligibility.verdict}).` });
    }
    if (intent === "close") {
      const { buyerLeaseId } = await closeTransferCase(db(), { ...auditActor(actor), role: actor.role }, caseId, submission.value as never, today);
      return redirectWithToast(back, { kind: "success", message: buyerLeaseId ? "Closed: ownership transferred and a draft lease prepared for the buyer." : "Closed." });
    }
    if (intent === "option") {
      await decideOption(db(), auditActor(actor), caseId, submission.value as never, today);
      return redirectWithToast(back, { kind: "success", message: "The trust's option decision is recorded." });
    }
    await cancelTransferCase(db(), auditActor(actor), caseId, submission.value as never, today);
    return redirectWithToast(back, { kind: "success", message: "Case cancelled; its history is kept." });
  } catch (error) {
    if (error instanceof TransferCaseError) {
      if (error.kind === "not-found") throw error;
      const failure = intentFailure(intent, submission, formErrorsOf(error));
      failure.init = { ...failure.init, status: formStatusOf(error) };
      return failure;
    }
    throw error;
  }
}

export default function TransferCasePage() {
  const { transfer: t, today, canWrite, candidates, isAdmin, letters, documents, documentMaxBytes: maxBytes } = useLoaderData<typeof loader>();
  const open = t.status === "open";
  return (
    <>
      <p>
        <Link to="/transfers">← Resale and transfer cases</Link> · <Link to={`/parcels/${t.home.parcelId}#home-${t.home.id}`}>The home and its parcel</Link> ·{" "}
        <Link to={`/resale/homes/${t.home.id}/inputs`}>Valuation inputs</Link>
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
            {t.seller.purchasePrice ? ` (bought ${formatScreenDate(t.seller.purchaseDate)} for ${formatUsd(t.seller.purchasePrice)})` : ""}
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
          <strong>Next:</strong> {t.next.label} by {formatScreenDate(t.next.due)} <span className={`badge badge-${t.next.state}`}>{DEADLINE_STATE_LABELS[t.next.state]}</span>
        </p>
      ) : null}
      {t.cancelled ? (
        <p className="card">
          Cancelled on {formatScreenDate(t.cancelled.on)}: {t.cancelled.reason}
        </p>
      ) : null}

      <section className="card" aria-labelledby="deadlines">
        <h2 id="deadlines">Deadlines (lease terms in force on the notice date)</h2>
        <ol className="timeline">
          <li>
            Notice of intent received {formatScreenDate(t.notice.date)} ({NOTICE_METHOD_LABELS[t.notice.method as keyof typeof NOTICE_METHOD_LABELS] ?? t.notice.method})
            {t.notice.note ? ` — ${t.notice.note}` : ""}
          </li>
          {t.deadlines.map((d) => (
            <li key={d.key}>
              {d.label}: {formatScreenDate(d.due)} <span className={`badge badge-${d.state}`}>{DEADLINE_STATE_LABELS[d.state]}</span>
              {d.doneOn ? ` on ${formatScreenDate(d.doneOn)}` : ""} <span className="muted">({d.rule})</span>
            </li>
          ))}
        </ol>
      </section>

      {t.kind !== "trust-sale" ? (
        <section className="card" aria-labelledby="step-price">
          <h2 id="step-price">1. Formula price</h2>
          {t.calculation ? (
            <p>
              Maximum price <strong>{formatUsd(t.calculation.maxPrice)}</strong> (bound by {t.calculation.boundBy}), valued {formatScreenDate(t.calculation.valuationDate)}; price notice
              sent {formatScreenDate(t.calculation.priceNoticeOn)}. <Link to={`/resale/calculations/${t.calculation.id}`}>Worksheet</Link>
            </p>
          ) : (
            <p className="muted">Not calculated yet. It uses the lease&apos;s frozen formula and the home&apos;s valuation inputs.</p>
          )}
          {open && canWrite && t.option.state !== "exercised" && t.option.state !== "assigned" && t.option.state !== "waived" ? <FormulaPriceForm version={t.version} noticeDate={t.notice.date} today={today} /> : null}
        </section>
      ) : null}

      {t.kind !== "trust-sale" ? (
        <section className="card" aria-labelledby="step-option">
          <h2 id="step-option">2. The trust&apos;s purchase option</h2>
          <p>
            {OPTION_LABELS[t.option.state]}
            {t.option.decidedOn ? ` on ${formatScreenDate(t.option.decidedOn)}` : ""}
            {t.option.note ? ` — ${t.option.note}` : ""}
          </p>
          {open && canWrite && t.option.state === "open" ? <OptionForm version={t.version} today={today} /> : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="step-buyer">
        <h2 id="step-buyer">3. The buyer</h2>
        {t.buyer ? (
          <p>
            <Link to={`/households/${t.buyer.householdId}`}>{t.buyer.name}</Link> — {t.buyer.eligibility ? eligibilityText(t.buyer.eligibility as Record<string, unknown>) : ""}
          </p>
        ) : t.option.state === "exercised" ? (
          <p className="muted">The trust buys the home itself.</p>
        ) : (
          <p className="muted">No buyer yet. A buyer must hold a current income certification eligible at the lease&apos;s target level and own no other home.</p>
        )}
        {open && canWrite && ["assigned", "waived", "lapsed", "not-applicable"].includes(t.option.state) ? <BuyerForm version={t.version} candidates={candidates} /> : null}
      </section>

      <section className="card" aria-labelledby="step-closing">
        <h2 id="step-closing">4. Closing</h2>
        {t.closing ? <ClosingSummary closing={t.closing} outcomes={t.outcomes as Record<string, unknown> | null} /> : <p className="muted">Not closed yet.</p>}
        {open && canWrite && t.option.state !== "open" && (t.buyer || t.option.state === "exercised") ? (
          <ClosingForm version={t.version} today={today} maxPrice={t.calculation?.maxPrice ?? null} isAdmin={isAdmin} canAssign={Boolean(t.lease) && t.option.state !== "exercised"} />
        ) : null}
      </section>

      <section className="card" aria-labelledby="letters">
        <h2 id="letters">Letters</h2>
        <p className="muted">Each letter is a PDF in the lease&apos;s typography, stored with the case (below) once produced.</p>
        {canWrite ? (
          <ul className="stack">
            {letters.map((kind) => (
              <li key={kind}>
                <Form method="post">
                  <input type="hidden" name="intent" value="letter" />
                  <input type="hidden" name="kind" value={kind} />
                  <button type="submit" className="secondary">
                    Produce: {CASE_LETTER_LABELS[kind]}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <DocumentsPanel title="Letters and documents of the case" documents={documents} owner={{ ownerType: "transfer_case", ownerId: t.id }} canUpload={canWrite} maxBytes={maxBytes} returnTo={`/transfers/${t.id}`} defaultCategory="letter" />

      {open && canWrite ? <CancelForm version={t.version} today={today} /> : null}
    </>
  );
}

