/**
 * A lease's fee terms for the ledger rules, and its posted charges (ADR 021). Lease-fee charges are not stored one
 * row each: they follow from the lease's fee terms and amendments, and the lease's posting marker
 * (`LeaseFeeLedger.chargesPostedThrough`) says how far they are posted — every charge the rules call for dated on
 * or before it. Posted charges never change: the marker only moves forward, and an amendment or index value that
 * would change a posted charge is refused. Kept apart from ledger.server.ts; `feeLedgerForAmendments` is what a
 * lease amendment asks of it (the caller of `amendLease` passes it in: leases does not import lease-fees).
 */
import type { FeeEscalationRule } from "~/modules/leases/lifecycle";
import { amendmentsInForceOrder, leaseTermsOn, termsAsSigned, TIMED_TERM_KEYS, type AmendmentRecord } from "~/modules/leases/terms";
import { leaseRowTerms } from "~/modules/leases/terms.server";
import type { FeeLedgerForAmendments } from "~/modules/leases/leases.server";
import type { Db, Tx } from "~/utils/db.server";
import { databaseUrl, isPostgresUrl } from "~/utils/env.server";
import { scheduledCharges, type Debit, type FeeEscalation, type FeeTerms, type FeeTermsChange, type IndexValue } from "./rules";

export type LeaseForFees = Parameters<typeof leaseRowTerms>[0] & {
  id: string;
  organisationId: string;
  homeId: string;
  householdId: string;
  status: string;
  commencementDate: string;
  endedOn: string | null;
  /** The lease's amendments (`amendmentSelect`): they change the fee terms from their effective dates. */
  amendments: readonly AmendmentRecord[];
  /** The lease's posting marker (`feeLedgerSelect`); null before anything was posted. */
  feeLedger: { chargesPostedThrough: string } | null;
};

/** What `feeTermsOfLease` needs of a lease's amendments (include it as `{ amendments: { select: amendmentSelect } }`). */
export const amendmentSelect = { effectiveDate: true, createdAt: true, changes: true, appliedToLease: true } as const;

/** Include for a lease: its amendments and its posting marker. */
export const feeLeaseInclude = { amendments: { select: amendmentSelect }, feeLedger: { select: { chargesPostedThrough: true } } } as const;

/** A lease as `feeLeaseSelect` reads it (`LeaseForFees` and its reference). */
export type FeeLease = LeaseForFees & { reference: string };

/**
 * The lease columns the ledger reads (`LeaseForFees` and its reference), besides its amendments and marker: text, numbers
 * and JSON (`feeLeasesByIds` reads the last two as text and parses them).
 */
const FEE_LEASE_TEXT_COLUMNS = ["id", "organisationId", "reference", "homeId", "householdId", "status", "commencementDate", "endedOn"] as const;
const FEE_LEASE_NUMBER_COLUMNS = ["monthlyFeeCents", "renewalTermYears", ...TIMED_TERM_KEYS] as const;
const FEE_LEASE_JSON_COLUMNS = ["feeEscalation", "riders"] as const;
type FeeLeaseColumn = (typeof FEE_LEASE_TEXT_COLUMNS)[number] | (typeof FEE_LEASE_NUMBER_COLUMNS)[number] | (typeof FEE_LEASE_JSON_COLUMNS)[number];

/**
 * Select for a lease with only what the ledger reads of it (`LeaseForFees` and its reference): the bulk readers
 * (the scheduled step, the arrears list) read thousands of leases, and every column Prisma reads costs.
 */
export const feeLeaseSelect = {
  ...feeLeaseInclude,
  ...(Object.fromEntries([...FEE_LEASE_TEXT_COLUMNS, ...FEE_LEASE_NUMBER_COLUMNS, ...FEE_LEASE_JSON_COLUMNS].map((key) => [key, true])) as { [K in FeeLeaseColumn]: true }),
} as const;

/**
 * The leases `ids` of the organisation as `feeLeaseSelect` reads them, for the bulk readers (the scheduled step reads
 * every lease of a portfolio): the lease rows and their markers by one SQL statement, numbers and JSON read as text on
 * both engines and parsed here (Prisma's `findMany` with relations cost ≈ 50 µs a lease, most of the reading;
 * docs/benchmarks.md), and the amendments, which few leases have, by one query. In no particular order.
 */
export async function feeLeasesByIds(db: Db | Tx, organisationId: string, ids: readonly string[]): Promise<FeeLease[]> {
  if (ids.length === 0) return [];
  const postgres = isPostgresUrl(databaseUrl());
  const column = (name: string, asText: boolean) => (asText ? `CAST(l."${name}" AS TEXT) AS "${name}"` : `l."${name}" AS "${name}"`);
  const columns = [
    ...FEE_LEASE_TEXT_COLUMNS.map((name) => column(name, false)),
    ...FEE_LEASE_NUMBER_COLUMNS.map((name) => column(name, true)),
    ...FEE_LEASE_JSON_COLUMNS.map((name) => column(name, true)),
    `m."chargesPostedThrough" AS "chargesPostedThrough"`,
  ].join(", ");
  const idsIn = postgres ? `SELECT json_array_elements_text(CAST($2 AS JSON))` : `SELECT value FROM json_each(?)`;
  const [rows, amendments] = await Promise.all([
    db.$queryRawUnsafe<Record<string, string | null>[]>(
      `SELECT ${columns} FROM "Lease" AS l LEFT JOIN "LeaseFeeLedger" AS m ON m."leaseId" = l."id"
       WHERE l."organisationId" = ${postgres ? "$1" : "?"} AND l."id" IN (${idsIn})`,
      organisationId,
      JSON.stringify(ids),
    ),
    db.leaseAmendment.findMany({ where: { organisationId, leaseId: { in: [...ids] } }, select: { ...amendmentSelect, leaseId: true } }),
  ]);
  const amendmentsOf = new Map<string, AmendmentRecord[]>();
  for (const { leaseId, ...amendment } of amendments) {
    let list = amendmentsOf.get(leaseId);
    if (!list) amendmentsOf.set(leaseId, (list = []));
    list.push(amendment);
  }
  return rows.map((row) => {
    const lease: Record<string, unknown> = {};
    for (const name of FEE_LEASE_TEXT_COLUMNS) lease[name] = row[name];
    for (const name of FEE_LEASE_NUMBER_COLUMNS) lease[name] = Number(row[name]);
    for (const name of FEE_LEASE_JSON_COLUMNS) lease[name] = JSON.parse(row[name]!);
    lease.amendments = amendmentsOf.get(row.id!) ?? [];
    lease.feeLedger = row.chargesPostedThrough === null ? null : { chargesPostedThrough: row.chargesPostedThrough };
    return lease as FeeLease;
  });
}

export type IndexValueRow = { indexName: string; date: string; value: string };

function feeEscalationOf(rule: FeeEscalationRule, indexValues: readonly IndexValueRow[]): FeeEscalation {
  if (rule.kind === "fixed-percent") return { type: "fixed", rate: rule.annualRate };
  if (rule.kind === "index") {
    const name = rule.indexName ?? "";
    const values: IndexValue[] = indexValues.filter((v) => v.indexName === name).map((v) => ({ date: v.date, value: v.value }));
    return { type: "index", cap: rule.cap, values };
  }
  return { type: "none" };
}

const dueDayOf = (feeDueDay: number) => Math.min(31, Math.max(1, feeDueDay));

/**
 * The lease's fee terms for the rules: the terms as signed, and each amendment that changes the fee, the
 * escalation, the due day, the grace days or the late charge as a change from its effective date (the terms
 * in force on each date are `leaseTermsOn`'s). Index-linked escalation follows the index values the trust
 * recorded, by the index name the lease gives.
 */
export function feeTermsOfLease(lease: Omit<LeaseForFees, "feeLedger">, indexValues: readonly IndexValueRow[]): FeeTerms {
  const row = leaseRowTerms(lease);
  const signed = termsAsSigned(row, lease.amendments);
  const changes: FeeTermsChange[] = [];
  let before = signed;
  const dates = [...new Set(amendmentsInForceOrder(lease.amendments).map((amendment) => amendment.effectiveDate))];
  for (const effectiveDate of dates) {
    const after = leaseTermsOn(row, lease.amendments, effectiveDate);
    const change: FeeTermsChange = { effectiveDate };
    if (after.monthlyFeeCents !== before.monthlyFeeCents) change.monthlyFeeCents = after.monthlyFeeCents;
    if (JSON.stringify(after.feeEscalation) !== JSON.stringify(before.feeEscalation)) change.escalation = feeEscalationOf(after.feeEscalation, indexValues);
    if (after.feeDueDay !== before.feeDueDay) change.dueDay = dueDayOf(after.feeDueDay);
    if (after.graceDays !== before.graceDays) change.graceDays = after.graceDays;
    if (after.lateChargeCents !== before.lateChargeCents) change.lateChargeCents = after.lateChargeCents;
    if (Object.keys(change).length > 1) changes.push(change);
    before = after;
  }
  return {
    monthlyFeeCents: signed.monthlyFeeCents,
    commencementDate: lease.commencementDate,
    dueDay: dueDayOf(signed.feeDueDay),
    escalation: feeEscalationOf(signed.feeEscalation, indexValues),
    graceDays: signed.graceDays,
    lateChargeCents: signed.lateChargeCents,
    ...(changes.length ? { changes } : {}),
  };
}

export async function indexValuesOf(db: Db | Tx, organisationId: string): Promise<IndexValueRow[]> {
  return db.indexValue.findMany({ where: { organisationId }, select: { indexName: true, date: true, value: true }, orderBy: { date: "asc" } });
}

/** The lease's posting marker: its charges are posted through this date (null: none posted yet). */
export function markerOf(lease: Pick<LeaseForFees, "feeLedger">): string | null {
  return lease.feeLedger?.chargesPostedThrough ?? null;
}

/** The posted lease-fee charges: every charge the rules call for dated on or before the marker, in date order. */
export function postedCharges(terms: FeeTerms, marker: string | null): Debit[] {
  return marker === null ? [] : scheduledCharges(terms, marker);
}

/**
 * The due date of the lease's last posted charge (null when none is posted): a change of the fee terms must take
 * effect after it (ADR 014). Charges after it and up to the marker cannot change under such an amendment: a new fee
 * applies from its effective date, and a new due day from the first old due date on or after it, which would have
 * been a posted charge.
 */
export async function lastPostedChargeDate(db: Db | Tx, organisationId: string, leaseId: string): Promise<string | null> {
  const lease = await db.lease.findFirst({ where: { id: leaseId, organisationId }, include: feeLeaseInclude });
  if (!lease) return null;
  const charges = postedCharges(feeTermsOfLease(lease, await indexValuesOf(db, organisationId)), markerOf(lease));
  return charges.at(-1)?.date ?? null;
}

/** What `amendLease` (~/modules/leases/leases.server) asks the fee ledger, passed in by its callers. */
export const feeLedgerForAmendments: FeeLedgerForAmendments = { lastPostedChargeDate };
