import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { storedSpec } from "~/modules/formula-presets/formula-presets.server";
import { buildLeaseDocumentData } from "~/modules/leases/documents.server";
import { amendLease, getLease, leaseEscalation, leaseRiders, transitionLease } from "~/modules/leases/leases.server";
import { LEASE_STATUS_LABELS, leaseStatusOn, nextStepsOn, type LeaseStatus } from "~/modules/leases/lifecycle";
import { AmendmentSchema, ESCALATION_KINDS, ESCALATION_LABELS, TransitionSchema } from "~/modules/leases/schemas";
import { frozenRiders, riderOptions } from "~/modules/leases/riders";
import { StatusChangeConfirmation, transitionFields } from "~/modules/leases/status-confirmation";
import { riderChoices as listRiderChoices } from "~/modules/leases/riders.server";
import { feeEscalationInWords } from "~/modules/leases/template";
import { leaseTermsOn, renewalNoticeWindow, termsAsSigned, type LeaseTerms } from "~/modules/leases/terms";
import { leaseRowTerms } from "~/modules/leases/terms.server";
import { LeaseTermFields, LeaseTermsList, timedTermFormValues } from "~/components/lease-terms";
import { describeResaleRule, formulaLabel } from "~/modules/resale/describe";
import { TEXT } from "~/modules/resale/engine-texts";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { formatInstant } from "~/utils/format";
import { centsToString, formatUsd, rateToPercent } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { LeaseFeesPanel } from "~/modules/lease-fees/components";
import { leaseFeesPanel } from "~/modules/lease-fees/ledger.server";
import { DocumentsPanel } from "~/modules/stored-documents/components";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { getLeaseSchedule } from "~/modules/stewardship/events.server";
import { documentMaxBytes } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { TableWrap } from "~/components/table-wrap";

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
  const intent = formData.get("intent");
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
      const result = await amendLease(db(), auditActor(actor), leaseId, submission.value);
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

const ACTION_LABELS: Record<LeaseStatus, string> = {
  draft: "Back to draft",
  executed: "Mark as executed (signed)",
  recorded: "Mark as recorded with the county",
  active: "Mark as active",
  ended: "End the lease",
  assigned: "Mark as assigned to a buyer",
};

function Money({ cents }: { cents: number }) {
  return <>{formatUsd(centsToString(cents))}</>;
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

      <section className="card">
        <h2>Resale formula</h2>
        {frozenFormula ? (
          <p>
            <strong>{frozenFormula.label}</strong> (frozen into the lease at signing; preset “{lease.formulaPresetName}”). {frozenFormula.words}
          </p>
        ) : lease.formulaPresetName ? (
          <p>
            Preset <strong>{lease.formulaPresetName}</strong> — copied into the lease when it is signed.{" "}
            {documents.ready ? documents.formulaInWords : null}
          </p>
        ) : (
          <p className="muted">No formula preset chosen yet.</p>
        )}
        {documents.ready ? (
          <>
            <h3>Worked example (Exhibit)</h3>
            <p className="muted">{documents.example.description}</p>
            <TableWrap label="Worked example (Exhibit)">
              <table>
                <tbody>
                  {/* the engine's own "Maximum resale price" line is the bold total row below: shown once */}
                  {documents.example.lines.filter((line) => line.label !== TEXT.maximumResalePrice).map((line, i) => (
                    <tr key={i}>
                      <th scope="row">{line.label}</th>
                      <td className="num">{/^-?\d+(\.\d+)?$/.test(line.amount) ? formatUsd(line.amount) : line.amount}</td>
                      <td className="muted">{line.explanation}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Maximum resale price</th>
                    <td className="num">
                      <strong>{formatUsd(documents.example.maxResalePrice)}</strong>
                    </td>
                    <td />
                  </tr>
                </tbody>
              </table>
            </TableWrap>
          </>
        ) : null}
      </section>

      <section className="card">
        <h2>Permitted mortgages and riders</h2>
        {lease.permittedMortgages.length ? (
          <ul>
            {lease.permittedMortgages.map((m) => (
              <li key={m.id}>
                {m.lender}: <Money cents={m.amountCents} /> ({formatScreenDate(m.recordedOn)})
                {m.ownershipId ? <span className="muted"> — the purchase mortgage, recorded with the purchase</span> : null}
                {m.releasedOn ? <span className="muted"> — released {formatScreenDate(m.releasedOn)} (paid off; not in Exhibit D)</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No permitted mortgages.</p>
        )}
        <p>
          Riders:{" "}
          {lease.riders.length
            ? lease.riders
                .map((name) => {
                  const kept = signedRiderVersions.find((r) => r.name === name);
                  return kept ? `${name} (version ${kept.versionNumber}, as signed)` : name;
                })
                .join("; ")
            : "none"}
        </p>
        {canWrite && ["executed", "recorded", "active"].includes(lease.status) ? (
          <p>
            <Link to={`/leases/${lease.id}/requests/new`}>Record a request (refinance, leave of absence, renting, short sale)</Link> · <Link to={`/leases/${lease.id}/defaults/new`}>Give a notice of default</Link> ·{" "}
            <Link to="/stewardship/requests">Requests and decisions</Link> · <Link to="/stewardship/defaults">Defaults</Link>
          </p>
        ) : null}
        {lease.status !== "draft" ? (
          <p>
            Monitoring schedule: proof of insurance {monitoringSchedule.insuranceExpiresOn ? `by ${formatScreenDate(monitoringSchedule.insuranceExpiresOn)} and each year after` : "not scheduled (the policy's expiry is not recorded)"}
            {monitoringSchedule.occupancyFixedDate ? `; occupancy certification each year on ${monitoringSchedule.occupancyFixedDate}` : ""}
            {monitoringSchedule.taxProofDate ? `; property tax proof each year on ${monitoringSchedule.taxProofDate}` : ""}.
            {canWrite ? (
              <>
                {" "}
                <Link to={`/leases/${lease.id}/schedule`}>Edit the monitoring schedule</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </section>

      {canWrite && next.length ? (
        <section className="card" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          {actionData?.intent === "transition" && actionData.result.error ? (
            <FormErrors
              id="transition-errors"
              errors={[
                `The lease cannot become ${LEASE_STATUS_LABELS[actionData.to as LeaseStatus]?.toLowerCase() ?? actionData.to}:`,
                ...Object.values(actionData.result.error).flat().filter((e): e is string => typeof e === "string"),
              ]}
            />
          ) : null}
          {actionData?.intent === "transition" && "confirm" in actionData && actionData.confirm ? (
            <StatusChangeConfirmation leaseId={lease.id} to={actionData.to as LeaseStatus} actionLabel={ACTION_LABELS[actionData.to as LeaseStatus] ?? actionData.to} fields={actionData.confirm} />
          ) : null}
          {next.map((to) => (
            <Form method="post" key={to} className="form-grid" style={{ alignItems: "end", marginBottom: "1rem" }}>
              <input type="hidden" name="intent" value="transition" />
              <input type="hidden" name="to" value={to} />
              <input type="hidden" name="version" value={lease.version} />
              {to === "executed" ? (
                <Field label="Execution date (signed)" inputProps={{ id: "executionDate", name: "executionDate", type: "date", defaultValue: lease.executionDate ?? today }} />
              ) : null}
              {to === "recorded" ? (
                <>
                  <Field label="Recording county" inputProps={{ id: "recordingCounty", name: "recordingCounty", defaultValue: lease.recordingCounty }} />
                  <Field label="Instrument number" inputProps={{ id: "recordingInstrument", name: "recordingInstrument", defaultValue: lease.recordingInstrument }} />
                  <Field label="Book" inputProps={{ id: "recordingBook", name: "recordingBook", defaultValue: lease.recordingBook }} />
                  <Field label="Page" inputProps={{ id: "recordingPage", name: "recordingPage", defaultValue: lease.recordingPage }} />
                  <Field label="Recording date" inputProps={{ id: "recordingDate", name: "recordingDate", type: "date", defaultValue: lease.recordingDate ?? "" }} />
                </>
              ) : null}
              {to === "ended" || to === "assigned" ? (
                <Field label={to === "ended" ? "End date" : "Assignment date"} inputProps={{ id: `endedOn-${to}`, name: "endedOn", type: "date", defaultValue: today }} />
              ) : null}
              <div className="field">
                <button type="submit" className={to === "ended" ? "secondary" : "primary"}>
                  {ACTION_LABELS[to]}
                </button>
              </div>
            </Form>
          ))}
        </section>
      ) : null}

      {canWrite && (status === "executed" || status === "recorded" || status === "active") ? (
        <AmendmentForm lease={lease} terms={termsToday} riderChoices={riderChoices} lastResult={actionData?.intent === "amend" ? (actionData.result as SubmissionResult<string[]>) : undefined} today={today} />
      ) : null}

      <section className="card">
        <h2>Amendments</h2>
        {lease.amendments.length ? (
          <ul>
            {lease.amendments.map((a) => (
              <li key={a.id}>
                <strong>{formatScreenDate(a.effectiveDate)}</strong>: {a.description}{" "}
                <span className="muted">({Object.keys((a.changes as { after?: Record<string, unknown> }).after ?? {}).join(", ")})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>

      <section className="card">
        <h2>Documents produced</h2>
        {lease.documents.length ? (
          <TableWrap label="Documents produced">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Document</th>
                  <th scope="col">By</th>
                  <th scope="col">Template version</th>
                  <th scope="col" className="num">
                    Pages
                  </th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {lease.documents.map((d) => (
                  <tr key={d.id}>
                    <td>{formatInstant(d.createdAt)}</td>
                    <td>{d.kind === "lease" ? "Ground lease" : "Memorandum"}</td>
                    <td>{d.generatedByLabel}</td>
                    <td>{d.templateVersion ? `Version ${d.templateVersion.versionNumber}` : "—"}</td>
                    <td className="num">{d.pages}</td>
                    <td>
                      <code>{d.sha256.slice(0, 16)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted">No document has been produced yet.</p>
        )}
      </section>
    </>
  );
}

type LeaseView = ReturnType<typeof useLoaderData<typeof loader>>["lease"];

function AmendmentForm({
  lease,
  terms,
  riderChoices,
  lastResult,
  today,
}: {
  lease: LeaseView;
  terms: LeaseTerms;
  riderChoices: { name: string; versionNumber: number | null }[];
  lastResult: SubmissionResult<string[]> | undefined;
  today: string;
}) {
  const escalation = terms.feeEscalation;
  const [form, fields] = useForm({
    id: `amend-${lease.id}-${lease.version}`,
    lastResult,
    defaultValue: {
      effectiveDate: today,
      ...timedTermFormValues(terms),
      monthlyFeeCents: centsToString(terms.monthlyFeeCents),
      escalationKind: escalation.kind,
      escalationRate: escalation.kind === "fixed-percent" ? rateToPercent(escalation.annualRate) : "",
      escalationCap: escalation.kind === "index" ? rateToPercent(escalation.cap) : "",
      escalationIndexName: escalation.kind === "index" ? escalation.indexName ?? "" : "",
      renewalTermYears: String(terms.renewalTermYears),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AmendmentSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card">
      <h2>Record an amendment</h2>
      <p className="muted">For a signed lease: states what changes and from when. The lease keeps its terms as signed; the amendment changes them from its effective date.</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="amend" />
        <input type="hidden" name="version" value={lease.version} />
        <div className="form-grid">
          <Field label="Effective date" errors={fields.effectiveDate.errors} inputProps={getInputProps(fields.effectiveDate, { type: "date" })} />
          <Field label="Monthly lease fee ($)" errors={fields.monthlyFeeCents.errors} inputProps={getInputProps(fields.monthlyFeeCents, { type: "text" })} />
          <SelectField label="Fee escalation" errors={fields.escalationKind.errors} selectProps={getSelectProps(fields.escalationKind)} options={ESCALATION_KINDS.map((k) => ({ value: k, label: ESCALATION_LABELS[k] }))} />
          <Field label="Yearly increase (%) — fixed percent" errors={fields.escalationRate.errors} inputProps={getInputProps(fields.escalationRate, { type: "text" })} />
          <Field label="Index — index rule" errors={fields.escalationIndexName.errors} inputProps={getInputProps(fields.escalationIndexName, { type: "text" })} />
          <Field label="Yearly cap (%) — index rule" errors={fields.escalationCap.errors} inputProps={getInputProps(fields.escalationCap, { type: "text" })} />
          <Field label="Renewal term (years)" errors={fields.renewalTermYears.errors} inputProps={getInputProps(fields.renewalTermYears, { type: "number" })} />
        </div>
        <LeaseTermFields fields={fields} />
        <fieldset>
          <legend>Riders</legend>
          {riderOptions(riderChoices, terms.riders).map((rider, i) => (
            <div className="field field-checkbox" key={rider.name}>
              <input type="checkbox" id={`amend-rider-${i}`} name="riders" value={rider.name} defaultChecked={terms.riders.includes(rider.name)} />
              <label htmlFor={`amend-rider-${i}`}>
                {rider.name} <span className="muted">{rider.detail}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Add a permitted mortgage (optional)</legend>
          <div className="form-grid">
            <Field label="Lender" errors={fields.newMortgageLender.errors} inputProps={getInputProps(fields.newMortgageLender, { type: "text" })} />
            <Field label="Amount ($)" errors={fields.newMortgageAmountCents.errors} inputProps={getInputProps(fields.newMortgageAmountCents, { type: "text" })} />
            <Field label="Mortgage date" errors={fields.newMortgageRecordedOn.errors} inputProps={getInputProps(fields.newMortgageRecordedOn, { type: "date" })} />
          </div>
        </fieldset>
        <TextareaField label="What the amendment says" errors={fields.description.errors} textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }} />
        <div className="actions">
          <button type="submit" className="primary">
            Record amendment
          </button>
        </div>
      </Form>
    </section>
  );
}
