import { Form, Link } from "@remix-run/react";
import { AuditHistory, type AuditHistoryEntry } from "~/components/audit-history";
import { DocumentsPanel, type DocumentRow } from "~/modules/stored-documents/components";
import { StatusBadge, typeLabel } from "./components";
import type { MonitoringEventStatus, MonitoringEventType } from "./events";
import { LETTER_KINDS, type LetterKind } from "./letters";
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";
import type { EventPageIntent } from "./schemas";

export type EventViewData = {
  event: {
    id: string | null;
    version: number;
    type: MonitoringEventType;
    subject: string;
    dueDate: string;
    status: MonitoringEventStatus;
    overdue: boolean;
    submittedOn: string | null;
    resolvedOn: string | null;
    resolution: string;
    notes: string;
    assignedToId: string | null;
    leaseId: string | null;
    scheduleKey: string | null;
    leaseReference: string;
    home: string;
    household: string;
  };
  graceDays: number;
  today: string;
  staff: { id: string; name: string }[];
  documents: DocumentRow[];
  documentMaxBytes: number;
  history: AuditHistoryEntry[];
  /** The trust's time zone: history times are shown in it. */
  timeZone: string;
  isStaff: boolean;
  canSubmit: boolean;
  letters: LetterKind[];
};

export type EventActionReply = { intent: EventPageIntent; message: string; fieldErrors?: Record<string, string[]> } | undefined;

function FieldError({ reply, intent, name }: { reply: EventActionReply; intent: EventPageIntent; name: string }) {
  const errors = reply?.intent === intent ? reply.fieldErrors?.[name] : undefined;
  return errors?.length ? (
    <p className="field-error" role="alert" id={`${intent}-${name}-error`}>
      {withScreenDates(errors.join(" "))}
    </p>
  ) : null;
}

function FormMessage({ reply, intent }: { reply: EventActionReply; intent: EventPageIntent }) {
  return reply?.intent === intent && !reply.fieldErrors ? (
    <p className="field-error" role="alert">
      {withScreenDates(reply.message)}
    </p>
  ) : null;
}

/** The event page: details, proof, and the forms to move it along (staff; the homeowner submits). */
export function EventView({ data, reply, returnTo }: { data: EventViewData; reply: EventActionReply; returnTo: string }) {
  const { event } = data;
  const open = event.status === "open" || event.status === "delinquent";
  const staffName = data.staff.find((s) => s.id === event.assignedToId)?.name;
  return (
    <>
      <p>{data.isStaff ? <Link to="/stewardship">← Compliance calendar</Link> : <Link to="/">← Home</Link>}</p>
      <div className="page-header">
        <h1>
          {typeLabel(event.type)}
          {event.subject ? `: ${withScreenDates(event.subject)}` : ""} — due {formatScreenDate(event.dueDate)}
        </h1>
        {data.letters.length ? (
          <div className="actions">
            {data.letters.map((kind) => (
              <Form key={kind} method="post" action="/stewardship/letter" reloadDocument>
                {event.id ? <input type="hidden" name="eventId" value={event.id} /> : null}
                {event.leaseId ? <input type="hidden" name="leaseId" value={event.leaseId} /> : null}
                {event.scheduleKey ? <input type="hidden" name="scheduleKey" value={event.scheduleKey} /> : null}
                <input type="hidden" name="kind" value={kind} />
                <button type="submit" className="secondary">
                  {LETTER_KINDS[kind]} (PDF)
                </button>
              </Form>
            ))}
          </div>
        ) : null}
      </div>
      <section className="card">
        <dl className="details">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={event.status} overdue={event.overdue} />
            {event.status === "open" && event.overdue ? ` — delinquent after ${data.graceDays} days` : ""}
          </dd>
          <dt>Lease</dt>
          <dd>{event.leaseId && data.isStaff ? <Link to={`/leases/${event.leaseId}`}>{event.leaseReference}</Link> : event.leaseReference}</dd>
          <dt>Home</dt>
          <dd>{event.home}</dd>
          <dt>Household</dt>
          <dd>{event.household}</dd>
          {data.isStaff ? (
            <>
              <dt>Staff member</dt>
              <dd>{staffName ?? "—"}</dd>
            </>
          ) : null}
          <dt>Submitted</dt>
          <dd>{event.submittedOn ? formatScreenDate(event.submittedOn) : "—"}</dd>
          <dt>Resolved</dt>
          <dd>{event.resolvedOn ? `${formatScreenDate(event.resolvedOn)}: ${event.resolution}` : "—"}</dd>
          <dt>Notes</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{event.notes ? withScreenDates(event.notes) : "—"}</dd>
        </dl>
      </section>

      {event.id ? (
        <DocumentsPanel
          title="Proof and letters"
          documents={data.documents}
          owner={{ ownerType: "monitoring_event", ownerId: event.id }}
          canUpload={data.isStaff || data.canSubmit}
          maxBytes={data.documentMaxBytes}
          returnTo={returnTo}
          defaultCategory={event.type === "insurance_proof" ? "insurance-declarations" : event.type === "property_tax_proof" ? "tax-proof" : "certification-proof"}
        />
      ) : (
        <p className="muted">Proof can be added once the event is recorded: mark it submitted, or produce a letter.</p>
      )}

      {data.canSubmit ? (
        <Form method="post" className="stack card" aria-labelledby="submit-title">
          <h2 id="submit-title" style={{ marginTop: 0 }}>
            Mark submitted
          </h2>
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="version" value={event.version} />
          <FormMessage reply={reply} intent="submit" />
          <div className="field">
            <label htmlFor="submittedOn">Date received</label>
            <input id="submittedOn" name="submittedOn" type="date" defaultValue={data.today} required />
            <FieldError reply={reply} intent="submit" name="submittedOn" />
          </div>
          <div className="field">
            <label htmlFor="submit-notes">Notes</label>
            <textarea id="submit-notes" name="notes" rows={3} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              Mark submitted
            </button>
          </div>
        </Form>
      ) : null}

      {data.isStaff && event.status !== "resolved" ? (
        <Form method="post" className="stack card" aria-labelledby="resolve-title">
          <h2 id="resolve-title" style={{ marginTop: 0 }}>
            Resolve
          </h2>
          <input type="hidden" name="intent" value="resolve" />
          <input type="hidden" name="version" value={event.version} />
          <FormMessage reply={reply} intent="resolve" />
          <div className="field">
            <label htmlFor="resolvedOn">Date resolved</label>
            <input id="resolvedOn" name="resolvedOn" type="date" defaultValue={data.today} required />
            <FieldError reply={reply} intent="resolve" name="resolvedOn" />
          </div>
          <div className="field">
            <label htmlFor="resolution">Resolution</label>
            <textarea id="resolution" name="resolution" rows={2} placeholder="e.g. Owner-occupied: signed certification and utility bill checked" aria-describedby="resolve-resolution-error" />
            <FieldError reply={reply} intent="resolve" name="resolution" />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              Resolve
            </button>
          </div>
        </Form>
      ) : null}

      {data.isStaff && (event.status === "submitted" || (open && event.status !== "delinquent")) ? (
        <Form method="post" className="stack card" aria-labelledby="note-title">
          <h2 id="note-title" style={{ marginTop: 0 }}>
            {event.status === "submitted" ? "Send back (proof falls short)" : "Mark delinquent"}
          </h2>
          <input type="hidden" name="intent" value={event.status === "submitted" ? "reopen" : "delinquent"} />
          <input type="hidden" name="version" value={event.version} />
          <FormMessage reply={reply} intent={event.status === "submitted" ? "reopen" : "delinquent"} />
          <div className="field">
            <label htmlFor="note-notes">{event.status === "submitted" ? "What is missing" : "Why"}</label>
            <textarea id="note-notes" name="notes" rows={2} />
            <FieldError reply={reply} intent={event.status === "submitted" ? "reopen" : "delinquent"} name="notes" />
          </div>
          <div className="actions">
            <button type="submit" className="secondary">
              {event.status === "submitted" ? "Send back" : "Mark delinquent"}
            </button>
          </div>
        </Form>
      ) : null}

      {data.isStaff ? (
        <Form method="post" className="stack card" aria-labelledby="assign-title">
          <h2 id="assign-title" style={{ marginTop: 0 }}>
            Staff member responsible
          </h2>
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="version" value={event.version} />
          <FormMessage reply={reply} intent="assign" />
          <div className="field">
            <label htmlFor="assignedToId">Staff member</label>
            <select id="assignedToId" name="assignedToId" defaultValue={event.assignedToId ?? ""}>
              <option value="">Nobody</option>
              {data.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="secondary">
              Assign
            </button>
          </div>
        </Form>
      ) : null}

      {data.isStaff && data.history.length ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>History</h2>
          <AuditHistory entries={data.history} timeZone={data.timeZone} />
        </section>
      ) : null}
    </>
  );
}
