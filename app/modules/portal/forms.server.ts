/**
 * The homeowner's side of stewardship (My home): what is due and how each item stands, their requests and
 * resale case with their status, and the online forms that answer or start them. Every function reads only
 * the signed-in homeowner's own household in their trust (another household's item is "not found"); what a
 * form changes goes through the module that owns it: monitoring events (app/modules/stewardship), stored
 * documents, stewardship requests (app/modules/stewardship-decisions), resale cases (app/modules/transfers).
 */
import type { AuditActor } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/session.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { stewardshipCalendar, storedEventFor } from "~/modules/stewardship/calendar.server";
import { SCHEDULED_TYPES, type ScheduledType } from "~/modules/stewardship/calendar";
import { changeEventStatus } from "~/modules/stewardship/events.server";
import { MONITORING_EVENT_STATUSES, MONITORING_EVENT_TYPES } from "~/modules/stewardship/events";
import { recordImprovementRequest, recordPeriodRequest, recordRefinanceRequest } from "~/modules/stewardship-decisions/requests.server";
import { REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestStatus } from "~/modules/stewardship-decisions/schemas";
import { checkUpload, storeDocument } from "~/modules/stored-documents/stored-documents.server";
import { CASE_KIND_LABELS, type CaseKind } from "~/modules/transfers/schemas";
import { openTransferCase, TransferCaseError } from "~/modules/transfers/transfers.server";
import { fromDbCents } from "~/utils/cents";
import type { Db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { ANSWERS } from "./forms";
import { ownHouseholdId } from "./my-home.server";

type HomeownerActor = Pick<Actor, "organisationId" | "role" | "householdId" | "userId" | "name" | "requestId">;

function asAuditActor(actor: HomeownerActor): AuditActor {
  return { organisationId: actor.organisationId, requestId: actor.requestId, userId: actor.userId, label: actor.name };
}

const usd = (cents: number) => formatUsd(centsToString(cents));

const isScheduled = (type: string): type is ScheduledType => (SCHEDULED_TYPES as readonly string[]).includes(type);

/** Where the form that answers an item is: a stored event by id, a scheduled occurrence by lease and key. */
export function answerHref(item: { eventId: string | null; leaseId: string | null; scheduleKey: string | null }): string {
  if (item.eventId) return `/my-home/due?event=${encodeURIComponent(item.eventId)}`;
  return `/my-home/due?lease=${encodeURIComponent(item.leaseId ?? "")}&key=${encodeURIComponent(item.scheduleKey ?? "")}`;
}

export type DueItem = {
  eventId: string | null;
  leaseId: string | null;
  scheduleKey: string | null;
  leaseReference: string;
  type: string;
  title: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
  /** the homeowner can answer it online now (a certification or proof still open) */
  answerable: boolean;
  href: string;
};

/** The household's monitoring events and what is due (the compliance calendar, scoped to the household). */
export async function myDueItems(db: Db, actor: HomeownerActor, today: string): Promise<DueItem[] | null> {
  if (!ownHouseholdId(actor)) return null;
  const calendar = await stewardshipCalendar(db, actor, today);
  return calendar.items.map((item) => {
    const answerable = isScheduled(item.type) && item.leaseId !== null && (item.status === "open" || item.status === "delinquent");
    return {
      eventId: item.eventId,
      leaseId: item.leaseId,
      scheduleKey: item.scheduleKey,
      leaseReference: item.leaseReference,
      type: item.type,
      title: isScheduled(item.type) ? ANSWERS[item.type].title : MONITORING_EVENT_TYPES[item.type],
      dueDate: item.dueDate,
      status: item.status,
      statusLabel: item.status === "submitted" ? "Sent — the trust is checking it" : item.status === "delinquent" ? "Overdue" : MONITORING_EVENT_STATUSES[item.status],
      overdue: item.overdue,
      answerable,
      href: answerHref(item),
    };
  });
}

/** One of the household's due items, by stored event or by scheduled occurrence; null when not theirs. */
export async function myDueItem(db: Db, actor: HomeownerActor, target: { eventId?: string | null; leaseId?: string | null; scheduleKey?: string | null }, today: string) {
  const items = await myDueItems(db, actor, today);
  if (!items) return null;
  return (
    items.find((item) =>
      target.eventId ? item.eventId === target.eventId : item.leaseId !== null && item.leaseId === target.leaseId && item.scheduleKey !== null && item.scheduleKey === target.scheduleKey,
    ) ?? null
  );
}

export type UploadedFile = { name: string; type: string; size: number; content: AsyncIterable<Uint8Array> | Uint8Array };

export type AnswerResult = { ok: true; eventId: string } | { ok: false; status: 400 | 404 | 409 | 413 | 415; field?: "attest" | "file"; message: string };

/**
 * Answers a due item online: the attestation (for the occupancy certification) and the proof, filed on the
 * event, which is marked submitted on the trust's today. A refused attestation or file changes nothing.
 */
export async function answerDueItem(
  db: Db,
  actor: HomeownerActor,
  target: { eventId?: string | null; leaseId?: string | null; scheduleKey?: string | null },
  answer: { attested: boolean; file: UploadedFile | null },
  options: { today: string; maxBytes: number },
): Promise<AnswerResult> {
  const item = await myDueItem(db, actor, target, options.today);
  if (!item) return { ok: false, status: 404, message: "This item was not found." };
  if (!item.answerable || !isScheduled(item.type) || !item.leaseId) return { ok: false, status: 409, message: "This item has already been sent or is not answered online." };
  const what = ANSWERS[item.type];
  if (what.attestation && !answer.attested) return { ok: false, status: 400, field: "attest", message: "Tick the box to confirm the statement, or call the trust if it is not true." };
  if (!answer.file || answer.file.size === 0) return { ok: false, status: 400, field: "file", message: `Choose the file to send: ${what.proof.toLowerCase()}.` };
  const checked = await checkUpload({ fileName: answer.file.name, mimeType: answer.file.type, content: answer.file.content, maxBytes: options.maxBytes });
  if (!checked.ok) return { ok: false, status: checked.status, field: "file", message: checked.message };

  const audit = asAuditActor(actor);
  let eventId = item.eventId;
  if (!eventId) {
    const stored = await storedEventFor(db, audit, item.leaseId, item.scheduleKey ?? "");
    if (!stored.ok) return { ok: false, status: 404, message: "This item was not found." };
    eventId = stored.id;
  }
  const event = await db.monitoringEvent.findFirst({ where: { id: eventId, organisationId: actor.organisationId }, select: { version: true } });
  if (!event) return { ok: false, status: 404, message: "This item was not found." };
  const filed = await storeDocument(db, audit, { ownerType: "monitoring_event", ownerId: eventId, category: what.category, fileName: answer.file.name, mimeType: answer.file.type, content: checked.bytes, maxBytes: options.maxBytes });
  if (!filed.ok) return { ok: false, status: filed.status === 404 ? 404 : filed.status, field: "file", message: filed.message };
  const notes = what.attestation ? `Sent online by ${actor.name} on ${options.today}, who certified: “${what.attestation}” Proof: ${filed.document.name}.` : `Sent online by ${actor.name} on ${options.today}. Proof: ${filed.document.name}.`;
  const changed = await changeEventStatus(db, audit, eventId, { to: "submitted", version: event.version, submittedOn: options.today, notes });
  if (!changed.ok) return { ok: false, status: 409, message: "This item changed while you were sending it. Open it again to see where it stands." };
  return { ok: true, eventId };
}

/** The homeowner's current binding lease (the one requests are made under), or null. */
export async function myBindingLease(db: Db, actor: HomeownerActor) {
  const householdId = ownHouseholdId(actor);
  if (!householdId) return null;
  return db.lease.findFirst({
    where: { organisationId: actor.organisationId, householdId, status: { in: BINDING_STATUSES }, bindingHomeId: { not: null } },
    select: { id: true, reference: true, homeId: true, permittedMortgages: { where: { releasedOn: null }, orderBy: { recordedOn: "asc" }, select: { id: true, lender: true, amountCents: true, recordedOn: true } } },
    orderBy: { commencementDate: "desc" },
  });
}

type FormResult = { ok: true; message: string } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

const NO_LEASE = "There is no signed lease for your household, so this cannot be sent online. Please contact the trust's office.";

export async function sendImprovementRequest(db: Db, actor: HomeownerActor, values: { description: string; costCents: number; completedOn: string }, today: string): Promise<FormResult> {
  const lease = await myBindingLease(db, actor);
  if (!lease) return { ok: false, formErrors: [NO_LEASE] };
  const result = await recordImprovementRequest(db, asAuditActor(actor), lease.id, { kind: "improvement", receivedOn: today, ...values });
  return result.ok ? { ok: true, message: "Your improvement request was sent to the trust. Wait for its answer before the work starts." } : { ok: false, formErrors: result.formErrors };
}

export async function sendRefinanceRequest(
  db: Db,
  actor: HomeownerActor,
  values: { lender: string; principalCents: number; payoffCents: number; rate?: string; termYears?: string; repays: string[]; note?: string },
  today: string,
): Promise<FormResult> {
  const lease = await myBindingLease(db, actor);
  if (!lease) return { ok: false, formErrors: [NO_LEASE] };
  const result = await recordRefinanceRequest(db, asAuditActor(actor), lease.id, { kind: "refinance", receivedOn: today, ...values });
  return result.ok ? { ok: true, message: "Your refinance request was sent to the trust. Do not sign the new loan until the trust approves it." } : { ok: false, fieldErrors: result.fieldErrors, formErrors: result.formErrors };
}

export async function sendLeaveRequest(db: Db, actor: HomeownerActor, values: { periodStart: string; periodEnd: string; reason: string }, today: string): Promise<FormResult> {
  const lease = await myBindingLease(db, actor);
  if (!lease) return { ok: false, formErrors: [NO_LEASE] };
  const result = await recordPeriodRequest(db, asAuditActor(actor), lease.id, { kind: "leave-of-absence", receivedOn: today, ...values });
  return result.ok ? { ok: true, message: "Your leave-of-absence request was sent to the trust." } : { ok: false, formErrors: result.formErrors };
}

/** The notice of intent to sell: opens a resale case on the household's home for the trust's staff. */
export async function giveNoticeOfIntentToSell(db: Db, actor: HomeownerActor, values: { note?: string }, today: string): Promise<FormResult> {
  const lease = await myBindingLease(db, actor);
  if (!lease) return { ok: false, formErrors: [NO_LEASE] };
  try {
    await openTransferCase(
      db,
      asAuditActor(actor),
      { homeId: lease.homeId, kind: "sale", noticeDate: today, noticeMethod: "other", noticeNote: [`Given online through My home by ${actor.name}.`, values.note ?? ""].filter(Boolean).join(" ") },
      today,
    );
  } catch (error) {
    if (error instanceof TransferCaseError) {
      return { ok: false, formErrors: [/already has an open/.test(error.message) ? "The trust already has your home's sale or transfer under way: you can follow it on My home." : error.message] };
    }
    throw error;
  }
  return { ok: true, message: "Your notice of intent to sell was sent. The trust works out the price under your lease and writes to you." };
}

function requestSummary(kind: string, details: unknown): string {
  const d = (details ?? {}) as Record<string, unknown>;
  if (kind === "improvement") return `${String(d.description ?? "")}, about ${usd(Number(d.costCents ?? 0))}`;
  if (kind === "refinance") return `New loan of ${usd(Number(d.principalCents ?? 0))} from ${String(d.lender ?? "")}`;
  if (d.requestedStart && d.requestedEnd) return `${String(d.requestedStart)} to ${String(d.requestedEnd)}`;
  return "";
}

/** The household's requests (every kind) and resale cases, newest first, with where each stands. */
export async function myRequestsAndCases(db: Db, actor: HomeownerActor) {
  const householdId = ownHouseholdId(actor);
  if (!householdId) return null;
  const [requests, cases] = await Promise.all([
    db.stewardshipRequest.findMany({
      where: { organisationId: actor.organisationId, lease: { householdId, organisationId: actor.organisationId } },
      select: { id: true, kind: true, status: true, receivedOn: true, decidedOn: true, decisionNote: true, details: true },
      orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    }),
    db.transferCase.findMany({
      where: { organisationId: actor.organisationId, sellerHouseholdId: householdId },
      select: { id: true, kind: true, status: true, noticeDate: true, maxPriceCents: true, priceNoticeOn: true, optionDecision: true, optionDecidedOn: true, closingDate: true, cancelledOn: true },
      orderBy: [{ noticeDate: "desc" }, { createdAt: "desc" }],
    }),
  ]);
  return {
    requests: requests.map((r) => ({
      id: r.id,
      kind: REQUEST_KINDS[r.kind as RequestKind] ?? r.kind,
      summary: requestSummary(r.kind, r.details),
      receivedOn: r.receivedOn,
      status: r.status,
      statusLabel: r.status === "pending" ? "Waiting for the trust's decision" : (REQUEST_STATUSES[r.status as RequestStatus] ?? r.status),
      decidedOn: r.decidedOn,
      decisionNote: r.decisionNote,
    })),
    cases: cases.map((c) => {
      const steps: string[] = [`Notice of intent given on ${c.noticeDate}.`];
      if (c.maxPriceCents !== null && c.priceNoticeOn) steps.push(`Price notice sent on ${c.priceNoticeOn}: the maximum price is ${usd(fromDbCents(c.maxPriceCents))}.`);
      else if (c.status === "open") steps.push("The trust is working out the price under your lease.");
      if (c.optionDecision && c.optionDecidedOn) {
        steps.push(c.optionDecision === "waived" ? `The trust waived its option to buy on ${c.optionDecidedOn}: you may sell to an eligible buyer.` : `The trust decided on ${c.optionDecidedOn} to ${c.optionDecision === "exercised" ? "buy the home itself" : "assign its option to a buyer it chose"}.`);
      }
      if (c.closingDate) steps.push(`Closed on ${c.closingDate}.`);
      if (c.cancelledOn) steps.push(`Withdrawn on ${c.cancelledOn}.`);
      return { id: c.id, kind: CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind, status: c.status, steps };
    }),
  };
}
