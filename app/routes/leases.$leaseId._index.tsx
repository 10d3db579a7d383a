import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { storedSpec } from "~/modules/formula-presets/formula-presets.server";
import { buildLeaseDocumentData } from "~/modules/leases/documents.server";
import { amendLease, getLease, leaseEscalation, leaseRiders, transitionLease } from "~/modules/leases/leases.server";
import { LEASE_STATUS_LABELS, leaseStatusOn, nextStepsOn } from "~/modules/leases/lifecycle";
import { AmendmentSchema, TransitionSchema } from "~/modules/leases/schemas";
import { frozenRiders } from "~/modules/leases/riders";
import { transitionFields } from "~/modules/leases/status-confirmation";
import { AmendmentForm } from "~/modules/leases/amendment-form";
import { AmendmentsSection, Money, MortgagesAndRidersSection, ProducedDocumentsSection, ResaleFormulaSection } from "~/modules/leases/lease-sections";
import { LeaseStatusSection } from "~/modules/leases/status-section";
import { riderChoices as listRiderChoices } from "~/modules/leases/riders.server";
import { feeEscalationInWords } from "~/modules/leases/template";
import { leaseTermsOn, renewalNoticeWindow, termsAsSigned } from "~/modules/leases/terms";
import { leaseRowTerms } from "~/modules/leases/terms.server";
import { LeaseTermsList } from "~/components/lease-terms";
import { describeResaleRule, formulaLabel } from "~/modules/resale/describe";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { LeaseFeesPanel } from "~/modules/lease-fees/components";
import { leaseFeesPanel } from "~/modules/lease-fees/ledger.server";
import { feeLedgerForAmendments } from "~/modules/lease-fees/terms.server";
import { DocumentsPanel } from "~/modules/stored-documents/components";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { getLeaseSchedule } from "~/modules/stewardship/events.server";
import { documentMaxBytes } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.lease.reference ?? "Lease"} · Commonground` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const lease = await getLease(db(), actor.organisationId, params.leaseId ?? "");
  if (!lease) throw new Response("Lease not found", { status: 404 });
  const today = todayIn(actor.timeZone);
  // the lease just read, and the trust's today: the documents' data needs no second read of either
  const documentData = await buildLeaseDocumentData(db(), actor.organisationId, lease.id, { lease, today });
  const spec = lease.formulaSpec != null ? storedSpec(lease.formulaSpec) : null;
  const rowTerms = leaseRowTerms(lease);
  // a draft's terms are its own; a signed lease's are those signed, changed by amendments from their dates
  const termsToday = lease.status === "draft" ? rowTerms : leaseTermsOn(rowTerms, lease.amendments, today);
  const renewalWindow = renewalNoticeWindow(lease.expirationDate, termsToday);
  return {
    /** the status on the trust's today (an executed or recorded lease is active from commencement) */
    statusToday: leaseStatusOn(lease, today),
    nextSteps: nextStepsOn(lease, today),
    renewalWindow: { ...renewalWindow, isOpen: renewalWindow.opens <= today && today <= renewalWindow.closes },
    lease: { ...lease, lateChargeCents: Number(lease.lateChargeCents), escalation: leaseEscalation(lease), riders: leaseRiders(lease) },
    termsToday,
    signedTerms: lease.status === "draft" ? null : termsAsSigned(rowTerms, lease.amendments),
    frozenFormula: spec ? { label: formulaLabel(spec.formula), words: describeResaleRule(spec) } : null,
    documents: documentData.ok
      ? { ready: true as const, example: documentData.data.resale.workedExample, formulaInWords: documentData.data.resale.formulaInWords }
      : { ready: false as const, errors: documentData.errors },
    canWrite: can(actor.role, "records:write"),
    riderChoices: await listRiderChoices(db(), actor.organisationId),
    /** the rider library's versions the lease was signed with */
    signedRiderVersions: frozenRiders(lease.riderVersions),
    today,
    fees: await leaseFeesPanel(db(), auditActor(actor), lease.id, today, new URL(request.url).searchParams.get("payoffDate")),
    storedDocuments: await listDocuments(db(), actor.organisationId, { leaseId: lease.id }),
    monitoringSchedule: await getLeaseSchedule(db(), actor.organisationId, lease.id),
    documentMaxBytes: documentMaxBytes(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const leaseId = params.leaseId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["transition", "amend"]);
  try {
    if (intent === "transition") {
      const submission = parseWithZod(formData, { schema: TransitionSchema });
      if (submission.status !== "success") return data({ intent: "transition" as const, to: String(formData.get("to") ?? ""), result: submission.reply() }, { status: 400 });
      // a status change asks first: the page shows what it does, and "Yes" posts the same fields confirmed
      if (submission.value.confirmed !== "yes") return data({ intent: "transition" as const, to: submission.value.to, result: submission.reply(), confirm: transitionFields(formData) });
      const result = await transitionLease(db(), auditActor(actor), leaseId, submission.value);
      if (!result.ok) {
        return data({ intent: "transition" as const, to: submission.value.to, result: submission.reply({ formErrors: result.formErrors ?? [], fieldErrors: result.fieldErrors }) }, { status: 400 });
      }
      return redirectWithToast(`/leases/${leaseId}`, { kind: "success", message: `The lease is now ${LEASE_STATUS_LABELS[submission.value.to].toLowerCase()}.` });
    }
    if (intent === "amend") {
      const submission = parseWithZod(formData, { schema: AmendmentSchema });
      if (submission.status !== "success") return data({ intent: "amend" as const, to: "", result: submission.reply() }, { status: 400 });
      const result = await amendLease(db(), auditActor(actor), leaseId, submission.value, feeLedgerForAmendments);
      if (!result.ok) return data({ intent: "amend" as const, to: "", result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
      return redirectWithToast(`/leases/${leaseId}`, { kind: "success", message: "The amendment was recorded and applied." });
    }
  } catch (error) {
    if (error instanceof StaleRecordError) {
      return data({ intent: String(intent) as "transition" | "amend", to: String(formData.get("to") ?? ""), result: { status: "error" as const, error: { "": [error.message] } } }, { status: 409 });
    }
    throw error;
  }
  return data({ intent: "unknown" as const, to: "", result: { status: "error" as const, error: { "": ["Unknown action."] } } }, { status: 400 });
}

export default function LeasePage() {
  const { lease, statusToday, nextSteps: next, renewalWindow, termsToday, signedTerms, frozenFormula, documents, canWrite, today, fees, riderChoices, signedRiderVersions, storedDocuments, documentMaxBytes, monitoringSchedule } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = statusToday;
  const parcel = lease.home.parcel;
  return (
    <>
      <p>
        <Link to="/leases">← Ground leases</Link>
      </p>
      <div className="page-header">
        <h1>
          Ground lease {lease.reference} <span className="badge">{LEASE_STATUS_LABELS[status]}</span>
        </h1>
        <div className="actions">
          {canWrite && status === "draft" ? (
            <Link className="button" to={`/leases/${lease.id}/edit`}>
              Edit draft
            </Link>
          ) : null}
          {documents.ready ? (
            <>
              <a className="button secondary" href={`/leases/${lease.id}/document.pdf`} download>
                Download lease (PDF)
              </a>
              <a className="button secondary" href={`/leases/${lease.id}/memorandum.pdf`} download>
                Download memorandum (PDF)
              </a>
              {canWrite ? (
                // a plain form (not Remix's): the browser saves the PDF the POST answers with
                <form method="post" action={`/leases/${lease.id}/document.pdf`}>
                  <button type="submit" className="secondary" title="Produce the lease and record it under Documents produced">
                    Produce and record lease
                  </button>
                </form>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      {!documents.ready ? (
        <div className="form-errors" role="status">
          <p>
            <strong>No document can be produced yet:</strong>
          </p>
          <ul>
            {documents.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {status === "active" && lease.status !== "active" ? (
        <p className="muted" id="status-by-date">
          Active since its commencement on {formatScreenDate(lease.commencementDate)}
          {lease.status === "executed" ? " — signed, but the memorandum is not recorded with the county yet." : " (signed and recorded)."}
        </p>
      ) : null}
      {status !== "draft" ? <p className="muted">The terms of a signed lease are frozen; they change only by a dated amendment (below).</p> : null}
      <div className="cards cards-wide">
        <section className="card span-all">
          <h2>Parties and property</h2>
          <dl className="details">
            <dt>Lessees</dt>
            <dd>{lease.lessees.map((l) => l.fullName).join(", ")}</dd>
            <dt>Household</dt>
            <dd>
              <Link to={`/households/${lease.household.id}`}>{lease.household.name}</Link>
            </dd>
            <dt>Home</dt>
            <dd>
              <Link to={`/parcels/${parcel.id}#home-${lease.home.id}`}>
                {parcel.streetAddress}
                {lease.home.label ? `, ${lease.home.label}` : ""}
              </Link>{" "}
              (APN {parcel.parcelNumber})
            </dd>
            <dt>Legal description</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{parcel.legalDescription || <span className="muted">— missing (enter it on the parcel)</span>}</dd>
          </dl>
        </section>
        <section className="card">
          <h2>Term</h2>
          <dl className="details">
            <dt>Execution date</dt>
            <dd>{formatScreenDate(lease.executionDate)}</dd>
            <dt>Commencement</dt>
            <dd>{formatScreenDate(lease.commencementDate)}</dd>
            <dt>Term</dt>
            <dd>{lease.termYears} years</dd>
            <dt>Expiration</dt>
            <dd>{formatScreenDate(lease.expirationDate)}</dd>
            <dt>Renewal term</dt>
            <dd>{termsToday.renewalTermYears} years</dd>
            <dt>Renewal notice window</dt>
            <dd id="renewal-window">
              {formatScreenDate(renewalWindow.opens)} to {formatScreenDate(renewalWindow.closes)}
              {renewalWindow.isOpen ? <strong> — open now</strong> : null}
            </dd>
            {lease.endedOn ? (
              <>
                <dt>{status === "assigned" ? "Assigned on" : "Ended on"}</dt>
                <dd>{formatScreenDate(lease.endedOn)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>Lease fee</h2>
          <dl className="details">
            <dt>Monthly fee</dt>
            <dd>
              <Money cents={termsToday.monthlyFeeCents} />, due on day {termsToday.feeDueDay}
            </dd>
            <dt>Escalation</dt>
            <dd>The lease fee {feeEscalationInWords(termsToday.feeEscalation)}.</dd>
          </dl>
          {signedTerms && signedTerms.monthlyFeeCents !== termsToday.monthlyFeeCents ? (
            <p className="muted">
              As signed: <Money cents={signedTerms.monthlyFeeCents} /> a month.
            </p>
          ) : null}
        </section>
        <section className="card span-all">
          <h2>{status === "draft" ? "Timed and monetary terms" : `Timed and monetary terms in force on ${formatScreenDate(today)}`}</h2>
          <LeaseTermsList terms={termsToday} />
        </section>
        <section className="card">
          <h2>Recording</h2>
          <dl className="details">
            <dt>County</dt>
            <dd>{lease.recordingCounty || "—"}</dd>
            <dt>Instrument</dt>
            <dd>{lease.recordingInstrument || "—"}</dd>
            <dt>Book / page</dt>
            <dd>{lease.recordingBook || lease.recordingPage ? `${lease.recordingBook} / ${lease.recordingPage}` : "—"}</dd>
            <dt>Recorded on</dt>
            <dd>{formatScreenDate(lease.recordingDate)}</dd>
          </dl>
        </section>
      </div>

      <LeaseFeesPanel leaseId={lease.id} fees={fees} canWrite={canWrite} />

      <DocumentsPanel
        title="Stored documents"
        documents={storedDocuments}
        owner={{ ownerType: "lease", ownerId: lease.id }}
        canUpload={canWrite}
        maxBytes={documentMaxBytes}
        returnTo={`/leases/${lease.id}`}
        defaultCategory="signed-lease"
      />

      <ResaleFormulaSection lease={lease} frozenFormula={frozenFormula} documents={documents} />

      <MortgagesAndRidersSection lease={lease} signedRiderVersions={signedRiderVersions} monitoringSchedule={monitoringSchedule} canWrite={canWrite} />

      {canWrite && next.length ? <LeaseStatusSection lease={lease} next={next} today={today} transition={actionData?.intent === "transition" ? actionData : undefined} /> : null}

      {canWrite && (status === "executed" || status === "recorded" || status === "active") ? (
        <AmendmentForm lease={lease} terms={termsToday} riderChoices={riderChoices} lastResult={actionData?.intent === "amend" ? (actionData.result as SubmissionResult<string[]>) : undefined} today={today} />
      ) : null}

      <AmendmentsSection amendments={lease.amendments} />

      <ProducedDocumentsSection documents={lease.documents} />
    </>
  );
}
