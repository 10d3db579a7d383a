/**
 * The lease-fee ledger (docs/lease-fees.md, ADR 021). Charges follow from the lease's fee terms and amendments
 * (rules.ts); they are posted by moving the lease's posting marker forward (`LeaseFeeLedger`), never stored one
 * row each. Late charges, payments, waivers and reversals are stored entries, never edited or deleted (database
 * triggers refuse it; this module never tries): corrections are reversing entries. Charges and late charges
 * are posted up to a date — when a ledger is read and by the scheduled step (`clt -- fees-generate`) — exactly
 * once, also when several app servers post at once: the marker moves only forward and only from the value the
 * writer read (`UPDATE … WHERE marker = read AND marker < new`; a first marker by `INSERT … ON CONFLICT DO NOTHING`) and
 * each late charge has a per-lease unique key. Amounts are BigInt cents in the database and `number` cents here;
 * every query is scoped to the organisation; every write is audited in its transaction.
 */
import { createFirstVersion } from "~/utils/concurrency.server";
import { prepareAuditMany, recordAudit, recordAuditMany, writeAuditMany, type AuditActor } from "~/modules/audit/audit.server";
import { bulkTimestamp, insertRowsFromJson, yieldToEventLoop, type BulkColumn } from "~/utils/bulk-insert.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { homeLabel } from "~/modules/parcels/parcels.server";
import { DELINQUENCY_SUBJECTS } from "~/modules/stewardship/events";
import { timeOrderedId } from "~/utils/ordered-id.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { databaseUrl, isPostgresUrl } from "~/utils/env.server";
import { isCalendarDate } from "~/utils/calendar-date";
import { centsToString } from "~/utils/money";
import { parseCsv, toCsv, validateCsvRows, type CsvRowError } from "~/utils/csv";
import {
  AGING_BUCKETS,
  computeLedger,
  feeSteps,
  type Aging,
  type Credit,
  type CreditKind,
  type Debit,
  postedOnlyTerms,
  type FeeTerms,
  ledgerEvents,
  scheduledCharges,
  type LedgerEvent,
  type LedgerLine,
} from "./rules";
import { ENTRY_KIND_LABELS, PAYMENT_CSV_COLUMNS, paymentCsvRowSchema, type FeeEntryKind, type AccountCodesValues, type IndexValueValues, type PaymentValues, type ReversalValues, type WaiverValues } from "./schemas";
import { DomainError, kindForStatus } from "~/utils/errors";
import { dayOf, fastFeeTerms, plainStep, postedAging as fastPostedAging } from "./fast-ledger";
import { feeLeaseInclude, feeLeasesByIds, feeLeaseSelect, feeTermsOfLease, indexValuesOf, markerOf, postedCharges, type IndexValueRow, type LeaseForFees } from "./terms.server";

export { ENTRY_KIND_LABELS, type FeeEntryKind };

/** Leases that have a ledger: those that bind or bound a home. Drafts have none. */
const LEDGER_STATUSES = [...BINDING_STATUSES, "ended", "assigned"] as const;

/** A domain error (app/utils/errors.ts) with the field it belongs beside; status 400, 403, 404 or 409. */
export class LeaseFeeError extends DomainError {
  constructor(message: string, field?: string, status: 400 | 403 | 404 | 409 = 400) {
    super(kindForStatus(status), message, { field });
    this.name = "LeaseFeeError";
  }
}

/** The date up to which a lease's charges run: `through`, or the day the lease ended if earlier. */
function chargesThrough(lease: LeaseForFees, through: string): string {
  return lease.endedOn && lease.endedOn < through ? lease.endedOn : through;
}

type EntryRecord = {
  id: string;
  kind: string;
  entryKey: string | null;
  date: string;
  amountCents: bigint;
  appliesTo: string | null;
  reversesId: string | null;
  method: string;
  reference: string;
  note: string;
  createdByLabel: string;
  createdAt: Date;
};

export type FeeEntry = Omit<EntryRecord, "amountCents" | "kind"> & { kind: FeeEntryKind; amountCents: number };

function toEntry(record: EntryRecord): FeeEntry {
  return { ...record, kind: record.kind as FeeEntryKind, amountCents: Number(record.amountCents) };
}

/** What the rules need of a stored entry (`id` only where running-balance lines are built). */
type PostedEntry = Pick<FeeEntry, "kind" | "entryKey" | "date" | "amountCents" | "appliesTo"> & { id?: string };

/**
 * Stored entries → the rules' posted late charges and credits (a credit's amount is minus its effect on the
 * balance). The posted charges are not stored: `postedCharges(terms, marker)`.
 */
export function ledgerParts(entries: readonly PostedEntry[]): { posted: Debit[]; credits: Credit[] } {
  const posted: Debit[] = [];
  const credits: Credit[] = [];
  for (const entry of entries) {
    if (entry.kind === "late-charge") {
      posted.push({ key: entry.entryKey ?? "", kind: entry.kind, date: entry.date, amountCents: entry.amountCents });
    } else if (entry.kind !== "charge") {
      credits.push({
        kind: entry.kind,
        date: entry.date,
        amountCents: -entry.amountCents,
        ...(entry.id ? { id: entry.id } : {}),
        ...(entry.appliesTo ? { appliesTo: entry.appliesTo } : {}),
      });
    }
  }
  return { posted, credits };
}

const entrySelect = {
  id: true,
  kind: true,
  entryKey: true,
  date: true,
  amountCents: true,
  appliesTo: true,
  reversesId: true,
  method: true,
  reference: true,
  note: true,
  createdByLabel: true,
  createdAt: true,
} as const;

async function leaseEntries(db: Db | Tx, organisationId: string, leaseId: string): Promise<FeeEntry[]> {
  const records = await db.leaseFeeEntry.findMany({ where: { organisationId, leaseId }, select: entrySelect, orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  return records.map(toEntry);
}

async function findLedgerLease(db: Db | Tx, organisationId: string, leaseId: string) {
  const lease = await db.lease.findFirst({ where: { id: leaseId, organisationId }, include: feeLeaseInclude });
  if (!lease) throw new LeaseFeeError("Lease not found", undefined, 404);
  return lease;
}

function hasLedger(lease: { status: string }): boolean {
  return (LEDGER_STATUSES as readonly string[]).includes(lease.status);
}

/** The lease with its fee terms and, when it has a ledger, its stored entries and the trust's index values. */
async function readLedger(db: Db | Tx, organisationId: string, leaseId: string) {
  const lease = await findLedgerLease(db, organisationId, leaseId);
  if (!hasLedger(lease)) return { lease, entries: [] as FeeEntry[], indexValues: [] as IndexValueRow[] };
  const [entries, indexValues] = await Promise.all([leaseEntries(db, organisationId, leaseId), indexValuesOf(db, organisationId)]);
  return { lease, entries, indexValues };
}
type LedgerRead = Awaited<ReturnType<typeof readLedger>>;

/**
 * Posts what is due up to `through`, as generateLeaseCharges does, and returns the ledger as it then stands. When
 * nothing was due (the usual case when a page is read) the ledger read to plan the posting is the answer, so a page
 * reads the lease, its entries and the index values once; after a posting, or a retry, they are read again.
 */
async function postDueAndRead(db: Db, actor: AuditActor, leaseId: string, through: string): Promise<LedgerRead> {
  let read = await readLedger(db, actor.organisationId, leaseId);
  if (!hasLedger(read.lease)) return read;
  let attempts = 0;
  let last = undefined as Plan | undefined;
  await postWithRetry(db, async () => {
    if (attempts++ > 0) read = await readLedger(db, actor.organisationId, leaseId);
    const events = await ledgerEventKeys(db, actor.organisationId, [leaseId]);
    last = generatedWrites(actor, [planGenerated(read.lease, feeTermsOfLease(read.lease, read.indexValues), ledgerParts(read.entries), through, events)]);
    return last;
  });
  return last && (last.count > 0 || last.events > 0) ? readLedger(db, actor.organisationId, leaseId) : read;
}

/** The entry key of a reversal of a posted charge (charges are not stored rows): unique per lease, so once. */
const REVERSAL_OF = "reversal-of:";

/** Who "posted" a charge in the ledger's lists: charges follow from the lease's terms. */
const CHARGE_POSTED_BY = "Lease terms";

/** A posted charge as a ledger entry (its id is its key: "charge:2024-02-01"). */
function chargeEntry(charge: Debit): FeeEntry {
  return {
    id: charge.key,
    kind: "charge",
    entryKey: charge.key,
    date: charge.date,
    amountCents: charge.amountCents,
    appliesTo: null,
    reversesId: null,
    method: "",
    reference: "",
    note: "",
    createdByLabel: CHARGE_POSTED_BY,
    createdAt: new Date(0),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------------

/**
 * Posts the charges and late charges the rules call for up to `through` that are not posted yet: moves the
 * lease's posting marker and stores the late charges (and the monitoring events they call for). The ledger is
 * read first and the writes are then made in one short write-only transaction, so two writers never wait on each
 * other's read locks (SQLite). When another server or process posted meanwhile, the marker update finds the marker
 * already moved (the update from the marker it read changes no row) or a unique index refuses a late charge or event; the whole
 * write is rolled back and the step reads again and finds nothing (or less) left to post. Returns how many charges
 * and late charges it posted.
 */
export async function generateLeaseCharges(db: Db, actor: AuditActor, leaseId: string, through: string): Promise<number> {
  const lease = await findLedgerLease(db, actor.organisationId, leaseId);
  if (!hasLedger(lease)) return 0;
  return postWithRetry(db, async () => {
    const [current, entries, indexValues, events] = await Promise.all([
      findLedgerLease(db, actor.organisationId, leaseId),
      leaseEntries(db, actor.organisationId, leaseId),
      indexValuesOf(db, actor.organisationId),
      ledgerEventKeys(db, actor.organisationId, [leaseId]),
    ]);
    return generatedWrites(actor, [planGenerated(current, feeTermsOfLease(current, indexValues), ledgerParts(entries), through, events)]);
  });
}

/** `count`: the charges and late charges the writes post; `events`: the monitoring events they create. */
type Plan = { count: number; events: number; write: (tx: Tx) => Promise<void> };

/** Another writer moved a posting marker between this writer's read and its write (caught below, in this module). */
class PostedMeanwhile extends Error {}

async function postWithRetry(db: Db, plan: () => Promise<Plan>): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const { count, events, write } = await plan();
    if (count === 0 && events === 0) return 0;
    try {
      await db.$transaction((tx) => write(tx), { timeout: 120_000 });
      return count;
    } catch (error) {
      if (attempt < 5 && (error instanceof PostedMeanwhile || isUniqueViolation(error) || isRawUniqueViolation(error))) continue;
      throw error;
    }
  }
}

/** A unique-index refusal of a raw INSERT (Prisma reports raw-query errors as P2010 with the driver's message). */
function isRawUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}` : "";
  return /UNIQUE constraint failed|duplicate key value|23505|SQLITE_CONSTRAINT_UNIQUE|2067/.test(text);
}

/**
 * What one lease's step posts: `charges`, how many charges are newly posted, and `chargeCents`, their sum (the
 * marker moves to `marker`, or stays when null); `lateCharges`, the late charges to store; `events`, the
 * monitoring events to create.
 */
type Generated = {
  leaseId: string;
  homeId: string;
  householdId: string;
  charges: number;
  chargeCents: number;
  /** The marker as read when the plan was made, and where it moves (null: it stays). */
  markerRead: string | null;
  marker: string | null;
  lateCharges: Debit[];
  events: LedgerEvent[];
  through: string;
};

/**
 * The words of the monitoring events the ledger creates, around the due date of the charge: a late payment's subject
 * ("Lease fee due …") and a delinquency's (shown after the type: "90+ days delinquent: Lease fee"), then the notes of
 * both ("The lease fee due … was not paid in full by the end of the grace period.").
 */
const EVENT_WORDS = [
  "Lease fee due ",
  DELINQUENCY_SUBJECTS["lease-fee"],
  "The lease fee due ",
  " was not paid in full by the end of the grace period.",
  " was still unpaid 90 days after it was due.",
] as const;

/** The `scheduleKey` of a monitoring event the ledger creates: unique per lease, so it is created once. */
const EVENT_KEY_PREFIX = "lease-fee:";

/**
 * What the ledger's monitoring events need to know before creating any: the trust's monitoring start date
 * (Settings → Stewardship; no event is dated before it) and, per lease, the keys of the events already created.
 */
type EventState = { startsOn: string | null; keys: Map<string, Set<string>> };

async function ledgerEventKeys(db: Db | Tx, organisationId: string, leaseIds: readonly string[]): Promise<EventState> {
  const [settings, rows] = await Promise.all([
    db.stewardshipSettings.findUnique({ where: { organisationId }, select: { monitoringStartsOn: true } }),
    db.monitoringEvent.findMany({
      where: { organisationId, leaseId: { in: [...leaseIds] }, scheduleKey: { startsWith: EVENT_KEY_PREFIX } },
      select: { leaseId: true, scheduleKey: true },
    }),
  ]);
  const keys = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.leaseId || !row.scheduleKey) continue;
    let set = keys.get(row.leaseId);
    if (!set) keys.set(row.leaseId, (set = new Set()));
    set.add(row.scheduleKey.slice(EVENT_KEY_PREFIX.length));
  }
  return { startsOn: settings?.monitoringStartsOn ?? null, keys };
}

const ROWS_PER_INSERT = 20_000;

/**
 * The writes that post what `generated` calls for, in one transaction: the posting markers moved forward by one
 * insert and one update whose rows come as one JSON parameter (`… WHERE marker = read AND marker < new`: when they
 * change fewer rows than they should,
 * another writer posted meanwhile and the transaction is abandoned); the late charges and the monitoring events by
 * an INSERT … SELECT per 20,000 rows, also from one JSON parameter (a statement with a parameter per value costs
 * far more: Prisma and the driver handle every parameter); and one audit entry per lease (`recordAuditMany`, also
 * from one JSON parameter).
 */
function generatedWrites(actor: AuditActor, generated: readonly Generated[]): Plan {
  const postgres = isPostgresUrl(databaseUrl());
  const markers: [string, string, string | null][] = [];
  const rows: [string, string, string, string, string, number][] = [];
  let count = 0;
  for (const g of generated) {
    if (g.marker !== null) markers.push([g.leaseId, g.marker, g.markerRead]);
    for (const debit of g.lateCharges) rows.push([timeOrderedId(), g.leaseId, debit.kind, debit.key, debit.date, debit.amountCents]);
    count += g.charges + g.lateCharges.length;
  }
  // id, home, household, lease, type, the charge's due date, the event's due date, schedule key (the subject and notes
  // are written by the statement from the charge's due date and EVENT_WORDS: a 10,000-lease portfolio's first step
  // creates ≈ 42,000 events, and every character of the JSON parameter is handled several times on its way)
  const events: string[][] = [];
  for (const g of generated) {
    for (const event of g.events) {
      const type = event.kind === "late-payment" ? "late_payment" : "delinquent_90_days";
      events.push([timeOrderedId(), g.homeId, g.householdId, g.leaseId, type, event.chargeDueDate, event.date, `${EVENT_KEY_PREFIX}${event.key}`]);
    }
  }
  if (count === 0 && events.length === 0) return { count: 0, events: 0, write: async () => {} };
  const write = async (tx: Tx) => {
    // [lease, new marker, the marker read]: a first marker is inserted (another writer's first: a conflict, no row);
    // a marker moves only from the value the plan was made from and only forward
    const insertMarkerSql = postgres
      ? `INSERT INTO "LeaseFeeLedger" ("leaseId", "organisationId", "chargesPostedThrough", "updatedAt") SELECT r->>0, CAST($1 AS TEXT), r->>1, CURRENT_TIMESTAMP FROM json_array_elements(CAST($2 AS JSON)) AS r WHERE r->>2 IS NULL ON CONFLICT ("leaseId") DO NOTHING`
      : `INSERT INTO "LeaseFeeLedger" ("leaseId", "organisationId", "chargesPostedThrough", "updatedAt") SELECT value ->> 0, ?, value ->> 1, CURRENT_TIMESTAMP FROM json_each(?) WHERE value ->> 2 IS NULL ON CONFLICT ("leaseId") DO NOTHING`;
    const moveMarkerSql = postgres
      ? `UPDATE "LeaseFeeLedger" AS l SET "chargesPostedThrough" = r->>1, "updatedAt" = CURRENT_TIMESTAMP FROM json_array_elements(CAST($2 AS JSON)) AS r
         WHERE l."organisationId" = CAST($1 AS TEXT) AND l."leaseId" = r->>0 AND l."chargesPostedThrough" = r->>2 AND l."chargesPostedThrough" < r->>1`
      : `UPDATE "LeaseFeeLedger" SET "chargesPostedThrough" = r.value ->> 1, "updatedAt" = CURRENT_TIMESTAMP FROM json_each(?) AS r
         WHERE "LeaseFeeLedger"."organisationId" = ? AND "LeaseFeeLedger"."leaseId" = r.value ->> 0 AND "LeaseFeeLedger"."chargesPostedThrough" = r.value ->> 2 AND "LeaseFeeLedger"."chargesPostedThrough" < r.value ->> 1`;
    const columns = `"id", "organisationId", "leaseId", "kind", "entryKey", "date", "amountCents", "createdById", "createdByLabel"`;
    const sql = postgres
      ? `INSERT INTO "LeaseFeeEntry" (${columns}) SELECT r->>0, CAST($1 AS TEXT), r->>1, r->>2, r->>3, r->>4, CAST(r->>5 AS BIGINT), CAST($2 AS TEXT), CAST($3 AS TEXT) FROM json_array_elements(CAST($4 AS JSON)) AS r`
      : `INSERT INTO "LeaseFeeEntry" (${columns}) SELECT value ->> 0, ?, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, ?, ? FROM json_each(?)`;
    // the monitoring events (created by the ledger, not by whoever read it: no createdById); a second writer's
    // copy is refused by the unique (organisation, lease, scheduleKey) index
    const eventColumns = `"id", "organisationId", "homeId", "householdId", "leaseId", "type", "subject", "dueDate", "notes", "scheduleKey", "createdById", "updatedAt"`;
    const late = (field: (index: number) => string, then: string, otherwise: string) => `(CASE WHEN ${field(4)} = 'late_payment' THEN ${then} ELSE ${otherwise} END)`;
    // EVENT_WORDS as SQL literals (our own constants, not input)
    const word = (index: number) => `'${EVENT_WORDS[index]!.replaceAll("'", "''")}'`;
    const eventValues = (field: (index: number) => string) =>
      [
        late(field, `${word(0)} || ${field(5)}`, word(1)),
        field(6),
        `${word(2)} || ${field(5)} || ${late(field, word(3), word(4))}`,
        field(7),
      ].join(", ");
    const eventSql = postgres
      ? `INSERT INTO "MonitoringEvent" (${eventColumns}) SELECT r->>0, CAST($1 AS TEXT), r->>1, r->>2, r->>3, CAST(r->>4 AS "MonitoringEventType"), ${eventValues((i) => `(r->>${i})`)}, NULL, CURRENT_TIMESTAMP FROM json_array_elements(CAST($2 AS JSON)) AS r`
      : `INSERT INTO "MonitoringEvent" (${eventColumns}) SELECT value ->> 0, ?, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ${eventValues((i) => `(value ->> ${i})`)}, NULL, CURRENT_TIMESTAMP FROM json_each(?)`;
    if (markers.length > 0) {
      const json = JSON.stringify(markers);
      const inserted = markers.some(([, , from]) => from === null) ? await tx.$executeRawUnsafe(insertMarkerSql, actor.organisationId, json) : 0;
      const moveArgs = postgres ? [actor.organisationId, json] : [json, actor.organisationId];
      const moved = markers.some(([, , from]) => from !== null) ? await tx.$executeRawUnsafe(moveMarkerSql, ...moveArgs) : 0;
      if (inserted + moved !== markers.length) throw new PostedMeanwhile();
    }
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await tx.$executeRawUnsafe(sql, actor.organisationId, actor.userId, actor.label, JSON.stringify(rows.slice(start, start + ROWS_PER_INSERT)));
    }
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      await tx.$executeRawUnsafe(eventSql, actor.organisationId, JSON.stringify(events.slice(start, start + ROWS_PER_INSERT)));
    }
    await recordAuditMany(
      tx,
      actor,
      generated
        .filter((g) => g.charges > 0 || g.lateCharges.length > 0 || g.events.length > 0)
        .map((g) => ({
          entity: "LeaseFeeLedger",
          entityId: g.leaseId,
          action: "generate" as const,
          after: {
            through: g.through,
            charges: g.charges,
            lateCharges: g.lateCharges.length,
            total: centsToString(g.lateCharges.reduce((sum, d) => sum + d.amountCents, g.chargeCents)),
            ...(g.marker !== null ? { chargesPostedThrough: g.marker } : {}),
            ...(g.events.length ? { monitoringEvents: g.events.map((e) => `${e.kind === "late-payment" ? "Late payment" : "90+ days delinquent"} (lease fee due ${e.chargeDueDate}) on ${e.date}`) } : {}),
          },
        })),
    );
  };
  return { count, events: events.length, write };
}

/**
 * What the step posts on one lease up to `through` (or the day it ended): the charges the rules call for after the
 * marker (the marker moves to that date), the late charges not stored yet, and the monitoring events not created
 * yet. The charges up to the marker are the rules' own, so the whole ledger is computed from the terms.
 */
function planGenerated(lease: LeaseForFees, terms: FeeTerms, { posted, credits }: LedgerParts, through: string, eventState: EventState): Generated {
  const asOf = chargesThrough(lease, through);
  const marker = markerOf(lease);
  const ledger = computeLedger({ terms, posted, credits, asOf, withLines: false });
  const charges = ledger.generated.filter((debit) => debit.kind === "charge" && (marker === null || debit.date > marker));
  const lateCharges = ledger.generated.filter((debit) => debit.kind === "late-charge");
  const created = eventState.keys.get(lease.id);
  const events = ledgerEvents(terms, ledger.debits, credits, asOf).filter(
    (event) => !created?.has(event.key) && (eventState.startsOn === null || event.date >= eventState.startsOn),
  );
  return {
    leaseId: lease.id,
    homeId: lease.homeId,
    householdId: lease.householdId,
    charges: charges.length,
    chargeCents: charges.reduce((sum, charge) => sum + charge.amountCents, 0),
    markerRead: marker,
    // the marker moves with the charges it posts (nothing to post: it stays, no write)
    marker: charges.length > 0 ? asOf : null,
    lateCharges,
    events,
    through,
  };
}

/**
 * `planGenerated` on a plain ledger by the fast path (fast-ledger.ts: fee terms without amendments, every charge paid
 * by its last grace day, no stored late charge …), from the lease's stored entries as the database's text: the
 * charges after the marker are posted, nothing else. Null when the fast path does not cover the ledger.
 */
function planGeneratedFast(lease: LeaseForFees, terms: FeeTerms, entries: string, through: string): Generated | null {
  if ((terms.changes?.length ?? 0) > 0) return null;
  const asOf = chargesThrough(lease, through);
  const fast = fastFeeTerms(terms, feeSteps(terms, asOf));
  const marker = markerOf(lease);
  const plan = fast && plainStep(fast, entries, dayOf(asOf), marker === null ? null : dayOf(marker));
  if (!plan) return null;
  return {
    leaseId: lease.id,
    homeId: lease.homeId,
    householdId: lease.householdId,
    charges: plan.charges,
    chargeCents: plan.cents,
    markerRead: marker,
    marker: plan.charges > 0 ? asOf : null,
    lateCharges: [],
    events: [],
    through,
  };
}

/**
 * The stored entries of many leases in one query, as the rules need them: one text per lease built by the database
 * ("kind|date|amount|entry key|applies to" joined by ";": reading a million entries as Prisma rows takes many
 * seconds, as JSON about a second, as these texts a fraction of that). `leaseIds`: only those leases; `through`:
 * only entries dated up to it. Entries in no particular order, without their ids.
 */
async function postedEntriesByLease(db: Db | Tx, organisationId: string, options: { leaseIds?: readonly string[]; through?: string }): Promise<Map<string, string>> {
  const postgres = isPostgresUrl(databaseUrl());
  const args: unknown[] = [organisationId];
  const param = () => (postgres ? `$${args.length}` : "?");
  const conditions: string[] = [`"organisationId" = ${param()}`];
  if (options.leaseIds) {
    args.push(JSON.stringify(options.leaseIds));
    conditions.push(postgres ? `"leaseId" IN (SELECT json_array_elements_text(CAST(${param()} AS JSON)))` : `"leaseId" IN (SELECT value FROM json_each(${param()}))`);
  }
  if (options.through) {
    args.push(options.through);
    conditions.push(`"date" <= ${param()}`);
  }
  const entry = `"kind" || '|' || "date" || '|' || CAST("amountCents" AS TEXT) || '|' || COALESCE("entryKey", '') || '|' || COALESCE("appliesTo", '')`;
  const aggregate = postgres ? `string_agg(${entry}, ';')` : `group_concat(${entry}, ';')`;
  const rows = await db.$queryRawUnsafe<{ leaseId: string; entries: string }[]>(
    `SELECT "leaseId" AS "leaseId", ${aggregate} AS "entries" FROM "LeaseFeeEntry" WHERE ${conditions.join(" AND ")} GROUP BY "leaseId"`,
    ...args,
  );
  return new Map(rows.map((row) => [row.leaseId, row.entries]));
}

type LedgerParts = { posted: Debit[]; credits: Credit[] };

/**
 * "kind|date|amount|entry key|applies to" texts joined by ";" → the rules' posted late charges and credits, as
 * `ledgerParts` makes them from entries (read in one pass: a 10,000-lease portfolio has over a million payments).
 */
function parseLedgerParts(texts: string): LedgerParts {
  const posted: Debit[] = [];
  const credits: Credit[] = [];
  let start = 0;
  while (start < texts.length) {
    let end = texts.indexOf(";", start);
    if (end < 0) end = texts.length;
    const a = texts.indexOf("|", start);
    const b = texts.indexOf("|", a + 1);
    const c = texts.indexOf("|", b + 1);
    const d = texts.indexOf("|", c + 1);
    const kind = texts.slice(start, a) as FeeEntryKind;
    const date = texts.slice(a + 1, b);
    const amountCents = Number(texts.slice(b + 1, c));
    if (kind === "late-charge") posted.push({ key: texts.slice(c + 1, d), kind, date, amountCents });
    else if (kind !== "charge") {
      const appliesTo = d + 1 < end ? texts.slice(d + 1, end) : "";
      credits.push(appliesTo ? { kind, date, amountCents: -amountCents, appliesTo } : { kind, date, amountCents: -amountCents });
    }
    start = end + 1;
  }
  return { posted, credits };
}

/**
 * What aging needs of the stored entries of every lease, dated up to `through`, in one query: the late charges and
 * the credits of one particular debit as entries (one text per lease, as `postedEntriesByLease`), and the sum of
 * every other credit (payments, general waivers, reversals of payments) as `paidCents` (+ pays). On SQLite the
 * query reads the entries through the (organisation, lease, date) index, in lease order: while there was also an
 * (organisation, date) index, the planner left to itself took that one, visited the table's rows in date order — all
 * over the file — and sorted them by lease, ≈ 15 times slower on a 10,000-lease portfolio (docs/benchmarks.md).
 */
async function agingInputsByLease(db: Db | Tx, organisationId: string, through: string): Promise<Map<string, { entries: string | null; paidCents: number }>> {
  const postgres = isPostgresUrl(databaseUrl());
  const entry = `"kind" || '|' || "date" || '|' || CAST("amountCents" AS TEXT) || '|' || COALESCE("entryKey", '') || '|' || COALESCE("appliesTo", '')`;
  const listed = `"kind" = 'late-charge' OR "appliesTo" IS NOT NULL`;
  const listedEntries = postgres ? `string_agg(CASE WHEN ${listed} THEN ${entry} END, ';')` : `group_concat(CASE WHEN ${listed} THEN ${entry} END, ';')`;
  const rows = await db.$queryRawUnsafe<{ leaseId: string; entries: string | null; paid: unknown }[]>(
    `SELECT "leaseId" AS "leaseId", ${listedEntries} AS "entries", CAST(SUM(CASE WHEN ${listed} THEN 0 ELSE -"amountCents" END) AS TEXT) AS "paid"
     FROM "LeaseFeeEntry"${postgres ? "" : ` INDEXED BY "LeaseFeeEntry_organisationId_leaseId_date_idx"`} WHERE "organisationId" = ${postgres ? "$1" : "?"} AND "date" <= ${postgres ? "$2" : "?"} GROUP BY "leaseId"`,
    organisationId,
    through,
  );
  const byLease = new Map<string, { entries: string | null; paidCents: number }>();
  for (const row of rows) byLease.set(row.leaseId, { entries: row.entries, paidCents: Number(String(row.paid)) });
  return byLease;
}

/**
 * Leases per batch of the scheduled step (one read and one write transaction each). Fewer, larger write transactions
 * cost less on SQLite: each journals every page it changes, and consecutive batches change many of the same index pages
 * (the late charges' and events' dates); a 10,000-lease portfolio's first step took ≈ 0.4–1.3 s less wall time in batches of
 * 2,500 than of 1,000 (docs/benchmarks.md). A batch's write holds the database's write lock for ≈ 0.5 s at most there.
 */
const STEP_BATCH_LEASES = 2500;

/**
 * The scheduled step: posts what is due up to `through` on every lease of the organisation that has a
 * ledger, in batches of leases (one read and one write transaction per batch).
 */
export async function generateAllCharges(db: Db, actor: AuditActor, through: string, options: { batchSize?: number } = {}): Promise<{ leases: number; posted: number }> {
  const { leases, posted } = await stepInBatches(db, actor, through, null, options.batchSize ?? STEP_BATCH_LEASES);
  return { leases, posted };
}

/**
 * What the arrears page does (`/fees`): the scheduled step up to `through` (the trust's today), then every lease that
 * owes something as of `asOf` (on or before `through`), as `generateAllCharges` followed by `arrearsList` give — but
 * each batch of ledgers is read once: its aging is computed from what the step read and what it then wrote (the
 * marker it moved, the late charges it stored), not read again (a 10,000-lease portfolio has over a million
 * payments; docs/benchmarks.md). A batch whose write was refused is read again before it is planned again, as
 * `generateAllCharges` does, so the aging is of the ledger as the step left it.
 */
export async function generateAllChargesAndArrears(
  db: Db,
  actor: AuditActor,
  through: string,
  asOf: string,
  options: { batchSize?: number } = {},
): Promise<{ leases: number; posted: number; arrears: { rows: ArrearsRow[]; totals: Aging & { balance: number } } }> {
  if (asOf > through) {
    // not asked by the app (the page's date is at most today); aging after the charges posted would project nothing
    const step = await generateAllCharges(db, actor, through, options);
    return { ...step, arrears: await arrearsList(db, actor.organisationId, asOf) };
  }
  const { leases, posted, aged } = await stepInBatches(db, actor, through, asOf, options.batchSize ?? STEP_BATCH_LEASES);
  // the household and home only of the leases that owe something (a few of a portfolio's leases)
  const owing = aged.filter(({ aging }) => AGING_BUCKETS.some((bucket) => aging[bucket] > 0)).map(({ lease }) => lease.id);
  const details = new Map<string, ArrearsDetail>();
  for (let start = 0; start < owing.length; start += 1000) {
    const rows = await db.lease.findMany({ where: { organisationId: actor.organisationId, id: { in: owing.slice(start, start + 1000) } }, select: arrearsDetailSelect });
    for (const row of rows) details.set(row.id, row);
  }
  return { leases, posted, arrears: arrearsOf(aged, details) };
}

/** What the arrears list shows of a lease besides its figures: its household and home. */
const arrearsDetailSelect = {
  id: true,
  household: { select: { id: true, name: true } },
  home: { select: { label: true, parcel: { select: { streetAddress: true, parcelNumber: true } } } },
} as const;

type ArrearsDetail = { household: { id: string; name: string }; home: Parameters<typeof homeLabel>[0] };
type AgedLease = { lease: LeaseForFees & { reference: string }; balanceCents: number; aging: Aging };

/**
 * The step over every ledger in batches; with `agingAsOf`, also the balance and aging of each ledger (every lease with
 * a ledger, also those not commenced by `through`, which the step leaves alone) as of that date, from the batch's read
 * and writes.
 */
async function stepInBatches(db: Db, actor: AuditActor, through: string, agingAsOf: string | null, batchSize: number): Promise<{ leases: number; posted: number; aged: AgedLease[] }> {
  const rows = await db.lease.findMany({
    where: { organisationId: actor.organisationId, status: { in: [...LEDGER_STATUSES] }, ...(agingAsOf === null ? { commencementDate: { lte: through } } : {}) },
    select: { id: true, commencementDate: true },
    orderBy: { id: "asc" },
  });
  const stepped = (lease: { commencementDate: string }) => lease.commencementDate <= through;
  const leaseIds = rows.map((lease) => lease.id);
  let posted = 0;
  const aged: AgedLease[] = [];
  for (let start = 0; start < leaseIds.length; start += batchSize) {
    const ids = leaseIds.slice(start, start + batchSize);
    // the batch as last read and planned (a refused write is read and planned again)
    const last: { read: { leases: (LeaseForFees & { reference: string })[]; byLease: Map<string, string>; terms: Map<string, FeeTerms>; generated: Map<string, Generated> } | null } = { read: null };
    posted += await postWithRetry(db, async () => {
      const [leases, byLease, indexValues, events] = await Promise.all([
        feeLeasesByIds(db, actor.organisationId, ids),
        postedEntriesByLease(db, actor.organisationId, { leaseIds: ids }),
        indexValuesOf(db, actor.organisationId),
        ledgerEventKeys(db, actor.organisationId, ids),
      ]);
      const generated: Generated[] = [];
      // each lease's fee terms once: the plan, and aging after the write, use them
      const terms = new Map<string, FeeTerms>();
      for (const lease of leases) {
        const leaseTerms = feeTermsOfLease(lease, indexValues);
        terms.set(lease.id, leaseTerms);
        if (!stepped(lease)) continue;
        const entries = byLease.get(lease.id) ?? "";
        generated.push(planGeneratedFast(lease, leaseTerms, entries, through) ?? planGenerated(lease, leaseTerms, parseLedgerParts(entries), through, events));
      }
      if (agingAsOf !== null) last.read = { leases, byLease, terms, generated: new Map(generated.map((g) => [g.leaseId, g])) };
      return generatedWrites(actor, generated);
    });
    const batch = last.read;
    if (agingAsOf === null || batch === null) continue;
    for (const lease of batch.leases) {
      // the ledger as the step left it: the marker it moved (or the one read) and the late charges it stored
      const g = batch.generated.get(lease.id);
      const marker = g ? (g.marker ?? g.markerRead) : markerOf(lease);
      const inputs = agingInputsOf(batch.byLease.get(lease.id) ?? "", g?.lateCharges ?? [], agingAsOf);
      const aging = postedAging(batch.terms.get(lease.id)!, marker, inputs.entries, inputs.paidCents, agingAsOf);
      aged.push({ lease, ...aging });
    }
  }
  return { leases: rows.filter(stepped).length, posted, aged };
}

/**
 * `agingInputsByLease`'s figures for one lease from the step's read of its entries (`texts`, every date) and the
 * late charges the step stored: the entries dated up to `asOf` that are late charges or credits of one particular
 * debit, as text, and minus the sum of every other entry dated up to `asOf` as `paidCents`.
 */
function agingInputsOf(texts: string, lateCharges: readonly Debit[], asOf: string): { entries: string | null; paidCents: number } {
  // read in place (a portfolio's step reads over a million entries): the date as a day number, the amount digit by digit
  const asOfDay = dayOf(asOf);
  const listed: string[] = [];
  let paidCents = 0;
  let start = 0;
  while (start < texts.length) {
    let end = texts.indexOf(";", start);
    if (end < 0) end = texts.length;
    const a = texts.indexOf("|", start);
    if (dayOf(texts, a + 1) <= asOfDay) {
      const b = a + 11; // "|YYYY-MM-DD|"
      const c = texts.indexOf("|", b + 1);
      const d = texts.indexOf("|", c + 1);
      // as the query: a late charge, or an entry that names the debit it applies to
      if (texts.startsWith("late-charge|", start) || d + 1 < end) listed.push(texts.slice(start, end));
      else {
        const negative = texts.charCodeAt(b + 1) === 45;
        let cents = 0;
        for (let i = negative ? b + 2 : b + 1; i < c; i += 1) cents = cents * 10 + (texts.charCodeAt(i) - 48);
        paidCents += negative ? cents : -cents;
      }
    }
    start = end + 1;
  }
  for (const debit of lateCharges) if (debit.date <= asOf) listed.push(`${debit.kind}|${debit.date}|${debit.amountCents}|${debit.key}|`);
  return { entries: listed.length > 0 ? listed.join(";") : null, paidCents };
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

export type LedgerRow = LedgerLine & { entry: FeeEntry | null; reversed: boolean; label: string };

export type LeaseLedgerView = {
  hasLedger: boolean;
  asOf: string;
  lines: LedgerRow[];
  balanceCents: number;
  aging: Aging;
  unpaid: { key: string; label: string; unpaidCents: number }[];
  terms: FeeTerms | null;
};

function debitLabel(kind: "charge" | "late-charge", key: string, date: string): string {
  return kind === "charge" ? `Lease fee due ${date}` : `Late charge on the fee due ${key.replace(/^late:/, "")}`;
}

/**
 * The ledger of one lease as of `asOf` (normally the trust's today): posts what is due first, then reads the
 * posted charges and the stored entries and applies the rules (oldest debt first, running balance, aging).
 */
export async function leaseLedger(db: Db, actor: AuditActor, leaseId: string, asOf: string, options: { generate?: boolean } = {}): Promise<LeaseLedgerView> {
  const read = options.generate === false ? await readLedger(db, actor.organisationId, leaseId) : await postDueAndRead(db, actor, leaseId, asOf);
  return ledgerViewOf(read, asOf);
}

const NO_AGING: Aging = { current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "over-90": 0 };

function ledgerViewOf({ lease, entries, indexValues }: LedgerRead, asOf: string): LeaseLedgerView {
  if (!hasLedger(lease)) return { hasLedger: false, asOf, lines: [], balanceCents: 0, aging: { ...NO_AGING }, unpaid: [], terms: null };
  return ledgerView(lease, entries, indexValues, asOf);
}

/** The id of the entry a reversal reverses: a stored entry's id, or a posted charge's key. */
function reversedIdOf(entry: Pick<FeeEntry, "reversesId" | "entryKey">): string | null {
  return entry.reversesId ?? (entry.entryKey?.startsWith(REVERSAL_OF) ? entry.entryKey.slice(REVERSAL_OF.length) : null);
}

function ledgerView(lease: LeaseForFees, stored: FeeEntry[], indexValues: readonly IndexValueRow[], asOf: string): LeaseLedgerView {
  const terms = feeTermsOfLease(lease, indexValues);
  const charges = postedCharges(terms, markerOf(lease)).filter((charge) => charge.date <= asOf);
  const entries = [...charges.map(chargeEntry), ...stored];
  const { posted, credits } = ledgerParts(stored);
  // read-only view: only what is posted (the generator has run), never projected
  const ledger = computeLedger({ terms: postedOnlyTerms(terms), posted: [...charges, ...posted], credits, asOf });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const byKey = new Map(entries.filter((entry) => entry.entryKey).map((entry) => [entry.entryKey!, entry]));
  const reversedIds = new Set(entries.map(reversedIdOf).filter((id): id is string => id !== null));
  const lines: LedgerRow[] = ledger.lines.map((line) => {
    const entry = (line.id ? byId.get(line.id) : line.key ? byKey.get(line.key) : undefined) ?? null;
    const label =
      line.kind === "charge" || line.kind === "late-charge"
        ? debitLabel(line.kind, line.key ?? "", line.date)
        : line.kind === "payment"
          ? ["Payment", entry?.method, entry?.reference].filter(Boolean).join(" · ")
          : line.kind === "waiver"
            ? `Waiver${line.appliesTo ? ` of the ${line.appliesTo.startsWith("late:") ? "late charge" : "fee"} due ${byKey.get(line.appliesTo)?.date ?? ""}` : ""}: ${entry?.note ?? ""}`
            : `Reversal of ${describeReversed(entry ? byId.get(reversedIdOf(entry) ?? "") : undefined)}: ${entry?.note ?? ""}`;
    return { ...line, entry, reversed: entry ? reversedIds.has(entry.id) : false, label };
  });
  const unpaid = ledger.debits
    .map((debit) => ({ key: debit.key, label: debitLabel(debit.kind, debit.key, debit.date), unpaidCents: ledger.unpaidCents.get(debit.key) ?? 0 }))
    .filter((row) => row.unpaidCents > 0);
  return { hasLedger: true, asOf, lines, balanceCents: ledger.balanceCents, aging: ledger.aging, unpaid, terms };
}

function describeReversed(entry: FeeEntry | undefined): string {
  if (!entry) return "an entry";
  return `the ${ENTRY_KIND_LABELS[entry.kind].toLowerCase()} of ${entry.date} (${centsToString(Math.abs(entry.amountCents))})`;
}

/** The charges the rules call for on a lease up to `through` (or the day it ended), without posting anything. */
export async function scheduledLeaseCharges(db: Db | Tx, organisationId: string, leaseId: string, through: string): Promise<Debit[]> {
  const lease = await findLedgerLease(db, organisationId, leaseId);
  if (!hasLedger(lease)) return [];
  return scheduledCharges(feeTermsOfLease(lease, await indexValuesOf(db, organisationId)), chargesThrough(lease, through));
}

/**
 * The payoff figure at a closing date (the resale case's closing statement): the posted ledger plus what the
 * rules will post up to that date, assuming no further payments. Nothing is stored.
 */
export async function payoffFigure(db: Db | Tx, organisationId: string, leaseId: string, closingDate: string): Promise<{ closingDate: string; payoffCents: number; aging: Aging }> {
  return payoffOf(await readLedger(db, organisationId, leaseId), closingDate);
}

function payoffOf({ lease, entries, indexValues }: LedgerRead, closingDate: string): { closingDate: string; payoffCents: number; aging: Aging } {
  if (!hasLedger(lease)) return { closingDate, payoffCents: 0, aging: { ...NO_AGING } };
  const { posted, credits } = ledgerParts(entries);
  const ledger = computeLedger({ terms: feeTermsOfLease(lease, indexValues), posted, credits, asOf: chargesThrough(lease, closingDate) });
  // credits dated after the lease ended but up to the closing date still count
  const later = credits.filter((credit) => credit.date > chargesThrough(lease, closingDate) && credit.date <= closingDate);
  const payoffCents = ledger.balanceCents - later.reduce((sum, credit) => sum + credit.amountCents, 0);
  return { closingDate, payoffCents, aging: ledger.aging };
}

// ---------------------------------------------------------------------------------------------------------
// Posting payments, waivers and reversals
// ---------------------------------------------------------------------------------------------------------

async function postCredit(
  tx: Tx,
  actor: AuditActor,
  leaseId: string,
  data: { kind: CreditKind; date: string; amountCents: number; appliesTo?: string | null; reversesId?: string | null; entryKey?: string; method?: string; reference?: string; note?: string },
): Promise<string> {
  const entry = await tx.leaseFeeEntry.create({
    data: {
      organisationId: actor.organisationId,
      leaseId,
      kind: data.kind,
      date: data.date,
      amountCents: BigInt(data.amountCents),
      appliesTo: data.appliesTo ?? null,
      reversesId: data.reversesId ?? null,
      entryKey: data.entryKey ?? null,
      method: data.method ?? "",
      reference: data.reference ?? "",
      note: data.note ?? "",
      createdById: actor.userId,
      createdByLabel: actor.label,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, creditAudit(entry.id, leaseId, data));
  return entry.id;
}

/** The audit entry of a credit posted to a lease's ledger (one by hand, or each payment of a bank file). */
function creditAudit(
  entryId: string,
  leaseId: string,
  data: { kind: CreditKind; date: string; amountCents: number; appliesTo?: string | null; reversesId?: string | null; method?: string; reference?: string; note?: string },
) {
  return {
    entity: "LeaseFeeEntry",
    entityId: entryId,
    action: "create" as const,
    after: { leaseId, kind: data.kind, date: data.date, amount: centsToString(data.amountCents), appliesTo: data.appliesTo ?? null, reversesId: data.reversesId ?? null, method: data.method ?? "", reference: data.reference ?? "", note: data.note ?? "" },
  };
}

function notInFuture(date: string, today: string, field: string): void {
  if (date > today) throw new LeaseFeeError(`The date cannot be after today (${today}).`, field);
}

function requireLedger(lease: { status: string }): void {
  if (!hasLedger(lease)) throw new LeaseFeeError("This lease has not been signed: it has no fee ledger yet.");
}

/** Records one payment (an amount paid on a date, by a method, with the bank's reference). */
export async function recordPayment(db: Db, actor: AuditActor, leaseId: string, values: Omit<PaymentValues, "intent">, today: string): Promise<string> {
  notInFuture(values.date, today, "date");
  return db.$transaction(async (tx) => {
    const lease = await findLedgerLease(tx, actor.organisationId, leaseId);
    requireLedger(lease);
    return postCredit(tx, actor, leaseId, { kind: "payment", date: values.date, amountCents: -values.amount, method: values.method, reference: values.reference, note: values.note });
  });
}

/** A waiver or reduction in writing: dated, with who and why; of one charge or late charge, or general. */
export async function recordWaiver(db: Db, actor: AuditActor, leaseId: string, values: Omit<WaiverValues, "intent">, today: string): Promise<string> {
  notInFuture(values.date, today, "date");
  return db.$transaction(async (tx) => {
    const lease = await findLedgerLease(tx, actor.organisationId, leaseId);
    requireLedger(lease);
    const appliesTo = values.appliesTo?.trim() || null;
    if (appliesTo) {
      const entries = await leaseEntries(tx, actor.organisationId, leaseId);
      const charges = postedCharges(feeTermsOfLease(lease, await indexValuesOf(tx, actor.organisationId)), markerOf(lease));
      const debit = charges.find((charge) => charge.key === appliesTo) ?? entries.find((entry) => entry.kind === "late-charge" && entry.entryKey === appliesTo);
      if (!debit) throw new LeaseFeeError("Choose a charge of this lease to waive.", "appliesTo");
      const alreadyCredited = entries.filter((entry) => entry.appliesTo === appliesTo).reduce((sum, entry) => sum - entry.amountCents, 0);
      const left = debit.amountCents - alreadyCredited;
      if (values.amount > left) throw new LeaseFeeError(`At most ${centsToString(left)} of this charge can still be waived.`, "amount");
    }
    return postCredit(tx, actor, leaseId, { kind: "waiver", date: values.date, amountCents: -values.amount, appliesTo, note: values.note });
  });
}

/** Reverses a posted entry by a new entry of the opposite effect (the only way to correct the ledger). */
export async function reverseEntry(db: Db, actor: AuditActor, leaseId: string, values: Omit<ReversalValues, "intent">, today: string): Promise<string> {
  notInFuture(values.date, today, "date");
  try {
    return await db.$transaction(async (tx) => {
      const lease = await findLedgerLease(tx, actor.organisationId, leaseId);
      requireLedger(lease);
      // a posted charge (not a stored row) by its key, "charge:2024-02-01"; any other entry by its id
      const charge = values.entryId.startsWith("charge:")
        ? postedCharges(feeTermsOfLease(lease, await indexValuesOf(tx, actor.organisationId)), markerOf(lease)).find((debit) => debit.key === values.entryId)
        : undefined;
      const record = charge ? null : await tx.leaseFeeEntry.findFirst({ where: { id: values.entryId, organisationId: actor.organisationId, leaseId }, select: entrySelect });
      const entry = charge ? chargeEntry(charge) : record ? toEntry(record) : null;
      if (!entry) throw new LeaseFeeError("That entry is not on this lease's ledger.", "entryId", 404);
      if (entry.kind === "reversal") throw new LeaseFeeError("A reversal cannot itself be reversed; post a new entry instead.", "entryId");
      if (values.date < entry.date) throw new LeaseFeeError(`A reversal cannot be dated before the entry it reverses (${entry.date}).`, "date");
      const appliesTo = entry.kind === "charge" || entry.kind === "late-charge" ? entry.entryKey : entry.appliesTo;
      return await postCredit(tx, actor, leaseId, {
        kind: "reversal",
        date: values.date,
        amountCents: -entry.amountCents,
        appliesTo,
        ...(charge ? { entryKey: `${REVERSAL_OF}${charge.key}` } : { reversesId: entry.id }),
        note: values.note,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LeaseFeeError("This entry has already been reversed.", "entryId", 409);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Batch payments from a bank CSV
// ---------------------------------------------------------------------------------------------------------

/** The columns a bank file's payments are stored with (`insertRowsFromJson`; the others keep their defaults). */
const PAYMENT_ENTRY_COLUMNS: readonly BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "leaseId", type: "text" },
  { name: "kind", type: "text" },
  { name: "date", type: "text" },
  { name: "amountCents", type: "bigint" },
  { name: "method", type: "text" },
  { name: "reference", type: "text" },
  { name: "note", type: "text" },
  { name: "createdById", type: "text" },
  { name: "createdByLabel", type: "text" },
  { name: "createdAt", type: "timestamp" },
];

export type PaymentImportRow = { row: number; leaseReference: string; leaseId: string; date: string; amountCents: number; method: string; reference: string };
export type PaymentImportResult = { ok: boolean; committed: boolean; rows: PaymentImportRow[]; errors: CsvRowError[]; totalCents: number };

/**
 * Payments from a bank CSV (columns Lease, Date, Amount, Method, Reference). Every row is checked first; a dry
 * run only reports. Otherwise all rows are posted in one transaction, or none when any row is wrong.
 */
export async function importPayments(db: Db, actor: AuditActor, csvText: string, options: { dryRun: boolean; today: string }): Promise<PaymentImportResult> {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(csvText);
  } catch (error) {
    return { ok: false, committed: false, rows: [], errors: [{ row: 1, column: "", message: error instanceof Error ? error.message : "The file is not a readable CSV." }], totalCents: 0 };
  }
  const missing = Object.values(PAYMENT_CSV_COLUMNS).filter((column) => ["Lease", "Date", "Amount"].includes(column) && !parsed.headers.includes(column));
  if (missing.length) return { ok: false, committed: false, rows: [], errors: missing.map((column) => ({ row: 1, column, message: `The column "${column}" is missing.` })), totalCents: 0 };
  const errors: CsvRowError[] = [];
  const rows: PaymentImportRow[] = [];
  const leases = await db.lease.findMany({ where: { organisationId: actor.organisationId }, select: { id: true, reference: true, status: true } });
  const byReference = new Map(leases.map((lease) => [lease.reference.toLowerCase(), lease]));
  for (const [index, raw] of parsed.rows.entries()) {
    // a 5 MB file holds ≈ 100,000 rows: checked in slices, so that other requests run meanwhile
    if (index > 0 && index % 2_000 === 0) await yieldToEventLoop();
    const row = index + 2;
    const { valid, errors: rowErrors } = validateCsvRows([raw], paymentCsvRowSchema, PAYMENT_CSV_COLUMNS);
    for (const error of rowErrors) errors.push({ ...error, row });
    const value = valid[0];
    if (!value) continue;
    const lease = byReference.get(value.lease.toLowerCase());
    if (!lease) errors.push({ row, column: "Lease", message: `No lease with the reference "${value.lease}".` });
    else if (!hasLedger(lease)) errors.push({ row, column: "Lease", message: `Lease ${lease.reference} has not been signed: it has no fee ledger.` });
    else if (value.date > options.today) errors.push({ row, column: "Date", message: `The date cannot be after today (${options.today}).` });
    else rows.push({ row, leaseReference: lease.reference, leaseId: lease.id, date: value.date, amountCents: value.amount, method: value.method ?? "", reference: value.reference ?? "" });
  }
  if (parsed.rows.length === 0) errors.push({ row: 1, column: "", message: "The file has no payment rows." });
  const totalCents = rows.reduce((sum, row) => sum + row.amountCents, 0);
  if (errors.length > 0 || options.dryRun) return { ok: errors.length === 0, committed: false, rows, errors, totalCents };
  // set-based, as the parcel import (decision 025): every entry and its audit entry made before the transaction, then
  // written by a few INSERT … SELECT statements — the same rows `postCredit` stores one by one (a Prisma create and an
  // audit entry per row held the server for minutes on a large file); time-ordered ids keep the file's order among
  // entries of one date, as one at a time did
  const createdAt = bulkTimestamp(new Date());
  const entries = rows.map((row) => ({ id: timeOrderedId(), row, note: `Bank file row ${row.row}` }));
  const audit = await prepareAuditMany(
    entries.map(({ id, row, note }) => creditAudit(id, row.leaseId, { kind: "payment", date: row.date, amountCents: -row.amountCents, method: row.method, reference: row.reference, note })),
  );
  await db.$transaction(
    async (tx) => {
      await insertRowsFromJson(
        tx,
        actor.organisationId,
        "LeaseFeeEntry",
        PAYMENT_ENTRY_COLUMNS,
        entries.map(({ id, row, note }) => [id, row.leaseId, "payment", row.date, String(-row.amountCents), row.method, row.reference, note, actor.userId, actor.label, createdAt]),
      );
      await writeAuditMany(tx, actor, audit);
    },
    { timeout: 60_000 },
  );
  return { ok: true, committed: true, rows, errors, totalCents };
}

// ---------------------------------------------------------------------------------------------------------
// Arrears, statements, bookkeeping
// ---------------------------------------------------------------------------------------------------------

export type ArrearsRow = { leaseId: string; reference: string; householdId: string; householdName: string; homeLabel: string; balanceCents: number; aging: Aging };

/**
 * Every lease that owes something as of `asOf`, most overdue first, with the trust's totals by aging bucket.
 * Reads the posted ledgers (run the generator first to bring them up to date): the charges up to each lease's
 * marker and the stored entries, read in one query for all leases.
 */
export async function arrearsList(db: Db, organisationId: string, asOf: string): Promise<{ rows: ArrearsRow[]; totals: Aging & { balance: number } }> {
  const [leases, byLease, indexValues] = await Promise.all([
    db.lease.findMany({ where: { organisationId, status: { in: [...LEDGER_STATUSES] } }, select: { ...feeLeaseSelect, ...arrearsDetailSelect } }),
    agingInputsByLease(db, organisationId, asOf),
    indexValuesOf(db, organisationId),
  ]);
  return arrearsOf(
    leases.map((lease) => {
      const inputs = byLease.get(lease.id);
      return { lease, ...postedAging(feeTermsOfLease(lease, indexValues), markerOf(lease), inputs?.entries ?? null, inputs?.paidCents ?? 0, asOf) };
    }),
    new Map(leases.map((lease) => [lease.id, lease])),
  );
}

/** The leases that owe something, most overdue first, and the trust's totals by aging bucket (`details`: of those leases). */
function arrearsOf(aged: readonly AgedLease[], details: ReadonlyMap<string, ArrearsDetail>): { rows: ArrearsRow[]; totals: Aging & { balance: number } } {
  const rows: ArrearsRow[] = [];
  const totals = { current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "over-90": 0, balance: 0 };
  for (const { lease, balanceCents, aging } of aged) {
    const owed = AGING_BUCKETS.reduce((sum, bucket) => sum + aging[bucket], 0);
    if (owed <= 0) continue;
    for (const bucket of AGING_BUCKETS) totals[bucket] += aging[bucket];
    totals.balance += balanceCents;
    const { household, home } = details.get(lease.id)!;
    rows.push({ leaseId: lease.id, reference: lease.reference, householdId: household.id, householdName: household.name, homeLabel: homeLabel(home), balanceCents, aging });
  }
  const weight = (row: ArrearsRow) => [row.aging["over-90"], row.aging["61-90"], row.aging["31-60"], row.aging["1-30"], row.balanceCents];
  rows.sort((a, b) => {
    const [wa, wb] = [weight(a), weight(b)];
    for (let i = 0; i < wa.length; i += 1) if (wa[i] !== wb[i]) return wb[i]! - wa[i]!;
    return a.reference.localeCompare(b.reference);
  });
  return { rows, totals };
}

/**
 * The balance and aging of a lease's posted ledger as of `asOf` (no generation, nothing projected), from its late
 * charges and targeted credits (`entries`) and the sum of its other credits up to `asOf` (`paidCents`): as of one
 * date, credits that pay the oldest debts first count only by their sum, so they enter the rules as one credit.
 */
function postedAging(terms: FeeTerms, marker: string | null, entries: string | null, paidCents: number, asOf: string) {
  const chargedThrough = marker !== null && marker > asOf ? asOf : marker;
  // the fast path (fast-ledger.ts) when it covers the ledger: no amendments, no credit of one particular debit
  const fast = chargedThrough === null || (terms.changes?.length ?? 0) > 0 ? null : fastFeeTerms(terms, feeSteps(terms, chargedThrough));
  const quick = fast && fastPostedAging(fast, dayOf(chargedThrough!), entries, paidCents, dayOf(asOf));
  if (quick) return quick;
  const charges = postedCharges(terms, chargedThrough);
  const parts = entries ? parseLedgerParts(entries) : { posted: [], credits: [] };
  const { posted } = parts;
  const credits = [...parts.credits];
  if (paidCents !== 0) credits.push({ kind: "payment", date: asOf, amountCents: paidCents });
  const ledger = computeLedger({ terms: postedOnlyTerms(terms), posted: [...charges, ...posted], credits, asOf, withLines: false });
  return { balanceCents: ledger.balanceCents, aging: ledger.aging };
}

/**
 * The leases owing lease-fee charges dated on or before `cutoff` (the dashboard's arrears): per lease, the posted
 * charges and late charges dated on or before the cut-off, plus every entry up to `today` that reduces the balance
 * (payments, waivers, reversals of charges), plus the reversals of payments dated on or before the cut-off.
 */
export async function overdueLeases(db: Db, organisationId: string, cutoff: string, today: string): Promise<{ leaseId: string; reference: string; householdId: string; householdName: string; overdueCents: number }[]> {
  const [leases, sums, indexValues] = await Promise.all([
    db.lease.findMany({ where: { organisationId, status: { in: [...LEDGER_STATUSES] } }, include: { ...feeLeaseInclude, household: { select: { id: true, name: true } } } }),
    db.$queryRaw<{ leaseId: string; overdue: unknown }[]>`
      SELECT "leaseId" AS "leaseId", SUM(CASE WHEN "amountCents" < 0 OR "date" <= ${cutoff} THEN "amountCents" ELSE 0 END) AS "overdue"
      FROM "LeaseFeeEntry" WHERE "organisationId" = ${organisationId} AND "date" <= ${today} GROUP BY "leaseId"`,
    indexValuesOf(db, organisationId),
  ]);
  const stored = new Map(sums.map((row) => [row.leaseId, Number(String(row.overdue))]));
  const rows = [];
  for (const lease of leases) {
    const marker = markerOf(lease);
    const through = marker === null || marker > cutoff ? cutoff : marker;
    const charged = marker === null ? 0 : postedCharges(feeTermsOfLease(lease, indexValues), through).reduce((sum, charge) => sum + charge.amountCents, 0);
    const overdueCents = charged + (stored.get(lease.id) ?? 0);
    if (overdueCents > 0) rows.push({ leaseId: lease.id, reference: lease.reference, householdId: lease.household.id, householdName: lease.household.name, overdueCents });
  }
  return rows.sort((a, b) => b.overdueCents - a.overdueCents || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}

export type StatementLease = { reference: string; homeLabel: string; openingCents: number; closingCents: number; lines: LedgerRow[]; aging: Aging };
export type StatementData = { organisationName: string; householdName: string; mailingAddress: string; from: string; to: string; leases: StatementLease[] };

/** A homeowner's statement for a period: per lease, the opening balance, the entries and the closing balance. */
export async function statementData(db: Db, actor: AuditActor, householdId: string, from: string, to: string, today: string): Promise<StatementData> {
  const household = await db.household.findFirst({ where: { id: householdId, organisationId: actor.organisationId }, select: { id: true, name: true, organisation: { select: { name: true } } } });
  if (!household) throw new LeaseFeeError("Household not found", undefined, 404);
  const leases = await db.lease.findMany({
    where: { organisationId: actor.organisationId, householdId, status: { in: [...LEDGER_STATUSES] } },
    include: { ...feeLeaseInclude, home: { select: { label: true, parcel: { select: { streetAddress: true, parcelNumber: true, city: true, state: true, postalCode: true } } } } },
    orderBy: { commencementDate: "asc" },
  });
  const through = to < today ? to : today;
  const indexValues = await indexValuesOf(db, actor.organisationId);
  const result: StatementLease[] = [];
  for (const lease of leases) {
    await generateLeaseCharges(db, actor, lease.id, through);
    const [current, entries] = await Promise.all([findLedgerLease(db, actor.organisationId, lease.id), leaseEntries(db, actor.organisationId, lease.id)]);
    const view = ledgerView(current, entries, indexValues, through);
    const before = view.lines.filter((line) => line.date < from);
    const openingCents = before.at(-1)?.balanceCents ?? 0;
    result.push({ reference: lease.reference, homeLabel: homeLabel(lease.home), openingCents, closingCents: view.balanceCents, lines: view.lines.filter((line) => line.date >= from), aging: view.aging });
  }
  const parcel = leases.at(-1)?.home.parcel;
  const mailingAddress = parcel ? [parcel.streetAddress, [parcel.city, parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ") : "";
  return { organisationName: household.organisation.name, householdName: household.name, mailingAddress, from, to, leases: result };
}

export async function accountCodes(db: Db | Tx, organisationId: string) {
  return (await db.leaseFeeSettings.findUnique({ where: { organisationId } })) ?? {
    organisationId,
    receivableAccount: "1200",
    feeIncomeAccount: "4100",
    lateChargeAccount: "4110",
    cashAccount: "1000",
    waiverAccount: "4190",
    version: 0,
    updatedAt: new Date(0),
  };
}

export async function saveAccountCodes(db: Db, actor: AuditActor, values: AccountCodesValues): Promise<void> {
  const { version, ...codes } = values;
  await db.$transaction(async (tx) => {
    const before = await accountCodes(tx, actor.organisationId);
    if (before.version !== version) throw new LeaseFeeError("Someone else changed the account codes meanwhile. Reload and try again.", undefined, 409);
    if (version === 0) await createFirstVersion(tx.leaseFeeSettings.create({ data: { organisationId: actor.organisationId, ...codes } }));
    else {
      const updated = await tx.leaseFeeSettings.updateMany({ where: { organisationId: actor.organisationId, version }, data: { ...codes, version: { increment: 1 } } });
      if (updated.count !== 1) throw new LeaseFeeError("Someone else changed the account codes meanwhile. Reload and try again.", undefined, 409);
    }
    const { organisationId: _o, version: _v, updatedAt: _u, ...previous } = before;
    await recordAudit(tx, actor, { entity: "LeaseFeeSettings", entityId: actor.organisationId, action: "update", before: previous, after: codes });
  });
}

/**
 * The bookkeeping export: one double-entry line per ledger entry dated in the period, with the trust's account
 * codes (charge: receivable / fee income; late charge: receivable / late-charge income; payment: cash /
 * receivable; waiver: waivers / receivable; a reversal swaps the accounts of the entry it reverses).
 */
export async function bookkeepingCsv(db: Db, organisationId: string, from: string, to: string): Promise<string> {
  const [codes, records, leases, indexValues] = await Promise.all([
    accountCodes(db, organisationId),
    db.leaseFeeEntry.findMany({
      where: { organisationId, date: { gte: from, lte: to } },
      select: { ...entrySelect, leaseId: true },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    db.lease.findMany({ where: { organisationId }, include: { ...feeLeaseInclude, household: { select: { name: true } } } }),
    indexValuesOf(db, organisationId),
  ]);
  const leaseById = new Map(leases.map((lease) => [lease.id, lease]));
  const reversedKinds = new Map(
    (await db.leaseFeeEntry.findMany({ where: { organisationId, id: { in: records.map((r) => r.reversesId).filter((id): id is string => id !== null) } }, select: { id: true, kind: true } })).map((e) => [e.id, e.kind]),
  );
  // the posted charges dated in the period (not stored: the rules' charges up to each lease's marker), first on their date
  const entries: { leaseId: string; entry: FeeEntry; order: number }[] = [];
  for (const lease of leases) {
    const marker = markerOf(lease);
    if (marker === null || marker < from) continue;
    for (const charge of postedCharges(feeTermsOfLease(lease, indexValues), marker < to ? marker : to)) {
      if (charge.date >= from) entries.push({ leaseId: lease.id, entry: chargeEntry(charge), order: 0 });
    }
  }
  records.forEach((record, index) => entries.push({ leaseId: record.leaseId, entry: toEntry(record), order: index + 1 }));
  const ref = (leaseId: string) => leaseById.get(leaseId)?.reference ?? "";
  entries.sort((a, b) => (a.entry.date !== b.entry.date ? (a.entry.date < b.entry.date ? -1 : 1) : a.order !== b.order ? a.order - b.order : ref(a.leaseId) < ref(b.leaseId) ? -1 : ref(a.leaseId) > ref(b.leaseId) ? 1 : 0));
  const accountsOf = (kind: string): [string, string] =>
    kind === "charge"
      ? [codes.receivableAccount, codes.feeIncomeAccount]
      : kind === "late-charge"
        ? [codes.receivableAccount, codes.lateChargeAccount]
        : kind === "payment"
          ? [codes.cashAccount, codes.receivableAccount]
          : [codes.waiverAccount, codes.receivableAccount];
  const rows = entries.map(({ leaseId, entry }) => {
    let [debit, credit] = accountsOf(entry.kind);
    if (entry.kind === "reversal") {
      const reversed = entry.reversesId ? reversedKinds.get(entry.reversesId) : entry.entryKey?.startsWith(REVERSAL_OF) ? "charge" : undefined;
      [credit, debit] = accountsOf(reversed ?? "payment");
    }
    const lease = leaseById.get(leaseId);
    return {
      Date: entry.date,
      Lease: lease?.reference ?? "",
      Homeowner: lease?.household.name ?? "",
      Entry: ENTRY_KIND_LABELS[entry.kind],
      "Debit account": debit,
      "Credit account": credit,
      Amount: centsToString(Math.abs(entry.amountCents)),
      Reference: entry.reference,
      Memo: entry.note || entry.entryKey || "",
      // a charge is identified by its lease and key
      "Entry ID": entry.id,
    };
  });
  return toCsv(["Date", "Lease", "Homeowner", "Entry", "Debit account", "Credit account", "Amount", "Reference", "Memo", "Entry ID"], rows);
}

// ---------------------------------------------------------------------------------------------------------
// Index values
// ---------------------------------------------------------------------------------------------------------

export async function listIndexValues(db: Db, organisationId: string) {
  return db.indexValue.findMany({ where: { organisationId }, orderBy: [{ indexName: "asc" }, { date: "desc" }] });
}

/**
 * Records a dated index value (one per index and date; values are added, not edited). Posted charges never change
 * (ADR 021): a value that would change a charge already posted on a lease following the index — one dated on or
 * before an anniversary whose escalation is already charged — is refused.
 */
export async function recordIndexValue(db: Db, actor: AuditActor, values: IndexValueValues): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const indexName = values.indexName ?? "";
      const [leases, before] = await Promise.all([
        tx.lease.findMany({ where: { organisationId: actor.organisationId, feeLedger: { isNot: null } }, include: feeLeaseInclude, orderBy: { reference: "asc" } }),
        indexValuesOf(tx, actor.organisationId),
      ]);
      const after = [...before, { indexName, date: values.date, value: values.value }];
      for (const lease of leases) {
        const marker = markerOf(lease);
        const terms = feeTermsOfLease(lease, before);
        if (terms.escalation.type !== "index" && !terms.changes?.some((change) => change.escalation?.type === "index")) continue;
        const was = postedCharges(terms, marker);
        const would = postedCharges(feeTermsOfLease(lease, after), marker);
        if (was.length !== would.length || was.some((charge, i) => charge.amountCents !== would[i]!.amountCents || charge.date !== would[i]!.date)) {
          throw new LeaseFeeError(
            `Lease ${lease.reference} follows this index and its fees are already charged up to ${marker}: a value dated ${values.date} would change charges already posted. Correct them with a waiver or reversal on the fee ledger instead.`,
            "date",
            409,
          );
        }
      }
      const created = await tx.indexValue.create({ data: { organisationId: actor.organisationId, indexName: values.indexName ?? "", date: values.date, value: values.value, source: values.source ?? "" } });
      await recordAudit(tx, actor, { entity: "IndexValue", entityId: created.id, action: "create", after: { indexName: created.indexName, date: created.date, value: created.value, source: created.source } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LeaseFeeError("A value for this index and date is already recorded.", "date", 409);
    throw error;
  }
}

/** What the lease page shows: the ledger as of today (charges posted first) and the payoff at a closing date. */
export async function leaseFeesPanel(db: Db, actor: AuditActor, leaseId: string, today: string, payoffDate?: string | null) {
  // one read of the ledger (after posting what is due) for the view and the payoff figure
  const read = await postDueAndRead(db, actor, leaseId, today);
  const view = ledgerViewOf(read, today);
  const lease = read.lease;
  const closingDate = payoffDate && /^\d{4}-\d{2}-\d{2}$/.test(payoffDate) && isCalendarDate(payoffDate) ? payoffDate : today;
  const payoff = payoffOf(read, closingDate);
  return {
    hasLedger: view.hasLedger,
    asOf: view.asOf,
    balanceCents: view.balanceCents,
    aging: view.aging,
    unpaid: view.unpaid,
    householdId: lease.householdId,
    payoff: { closingDate: payoff.closingDate, payoffCents: payoff.payoffCents },
    lines: view.lines.map((line) => ({
      date: line.date,
      kind: line.kind,
      amountCents: line.amountCents,
      balanceCents: line.balanceCents,
      label: line.label,
      reversed: line.reversed,
      entry: line.entry ? { id: line.entry.id, kind: line.entry.kind, createdByLabel: line.entry.createdByLabel } : null,
    })),
  };
}

/** The lease's id and reference (the fees page's heading); null if the organisation has no such lease. */
export async function leaseReference(db: Db, organisationId: string, leaseId: string) {
  return db.lease.findFirst({ where: { id: leaseId, organisationId }, select: { id: true, reference: true } });
}
