/**
 * Lease terms in the database: the trust's defaults for new leases (Settings → Lease terms, admins) and the
 * terms of a lease in force on a date (for deadline and fee code). Scoped to the organisation; writes audited.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { assertUpdated, createFirstVersion } from "~/utils/concurrency.server";
import type { Db, Tx } from "~/utils/db.server";
import {
  DEFAULT_LEASE_TERMS,
  leaseEscalation,
  leaseRiders,
  leaseTermsOn,
  type TIMED_TERM_KEYS,
  timedTermsOf,
  validateTimedTerms,
  type AmendmentRecord,
  type LeaseTerms,
  type LeaseTimedTerms,
} from "./terms";

/** The organisation's defaults for new leases, with the version an edit must name. */
export async function getLeaseTermDefaults(db: Db | Tx, organisationId: string): Promise<LeaseTimedTerms & { version: number }> {
  const row = await db.leaseTermDefaults.findUnique({ where: { organisationId } });
  return row ? { ...timedTermsOf(row), version: row.version } : { ...DEFAULT_LEASE_TERMS, version: 0 };
}

const toRow = (terms: LeaseTimedTerms) => ({ ...terms, lateChargeCents: BigInt(terms.lateChargeCents) });

/**
 * Saves the organisation's defaults (admins; the route checks the permission). `version` is the one read
 * (0 when none was stored yet); a concurrent save makes this one fail with the stale-record message.
 */
export async function updateLeaseTermDefaults(
  db: Db,
  actor: AuditActor,
  values: LeaseTimedTerms & { version: number },
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const { version, ...terms } = values;
  const fieldErrors: Record<string, string[]> = {};
  for (const e of validateTimedTerms(terms)) (fieldErrors[e.field] ??= []).push(e.message);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return db.$transaction(async (tx) => {
    const before = await getLeaseTermDefaults(tx, actor.organisationId);
    if (before.version !== version) assertUpdated({ count: 0 });
    if (version === 0) {
      await createFirstVersion(tx.leaseTermDefaults.create({ data: { organisationId: actor.organisationId, ...toRow(terms) } }));
    } else {
      assertUpdated(
        await tx.leaseTermDefaults.updateMany({ where: { organisationId: actor.organisationId, version }, data: { ...toRow(terms), version: { increment: 1 } } }),
      );
    }
    const { version: _v, ...beforeTerms } = before;
    await recordAudit(tx, actor, { entity: "LeaseTermDefaults", entityId: actor.organisationId, action: "update", before: beforeTerms, after: { ...terms } });
    return { ok: true as const };
  });
}

type LeaseTermsRow = { [K in (typeof TIMED_TERM_KEYS)[number]]: K extends "lateChargeCents" ? number | bigint : number } & {
  monthlyFeeCents: number | bigint;
  feeEscalation: unknown;
  renewalTermYears: number;
  riders: unknown;
};

/** The terms stored on a lease row (as signed, for a signed lease), in plain numbers. */
export function leaseRowTerms(row: LeaseTermsRow): LeaseTerms {
  return {
    ...timedTermsOf(row),
    monthlyFeeCents: Number(row.monthlyFeeCents),
    feeEscalation: leaseEscalation(row),
    renewalTermYears: row.renewalTermYears,
    riders: leaseRiders(row),
  };
}

/** The terms of a lease in force on `date` (amendments applied by date), or null for an unknown lease. */
export async function getLeaseTermsOn(db: Db | Tx, organisationId: string, leaseId: string, date: string): Promise<LeaseTerms | null> {
  const lease = await db.lease.findFirst({
    where: { id: leaseId, organisationId },
    include: { amendments: { select: { effectiveDate: true, createdAt: true, changes: true, appliedToLease: true } } },
  });
  if (!lease) return null;
  return leaseTermsOn(leaseRowTerms(lease), lease.amendments satisfies AmendmentRecord[], date);
}
