/**
 * The homeowner's own records (My home): their household, home, leases, lease-fee ledgers. Every function
 * takes the signed-in actor and reads only the actor's own household in the actor's organisation; a record
 * of any other household is "not found" (null → 404), never "forbidden", so its existence is not revealed.
 * Draft leases are the trust's working papers and are not shown.
 */
import type { AuditActor } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/session.server";
import { storedSpec } from "~/modules/formula-presets/formula-presets.server";
import { leaseLedger } from "~/modules/lease-fees/ledger.server";
import { getLease } from "~/modules/leases/leases.server";
import { LEASE_STATUS_LABELS, type LeaseStatus } from "~/modules/leases/lifecycle";
import { leaseTermsOn } from "~/modules/leases/terms";
import { leaseRowTerms } from "~/modules/leases/terms.server";
import { describeFormula } from "~/modules/resale/describe";
import type { Db } from "~/utils/db.server";
import { plainLeaseTerms } from "./plain-terms";

/** Leases a homeowner sees: every status but draft. */
export const VISIBLE_LEASE_STATUSES: LeaseStatus[] = ["executed", "recorded", "active", "ended", "assigned"];
const LEDGER_STATUSES = new Set<string>(VISIBLE_LEASE_STATUSES);

type HomeownerActor = Pick<Actor, "organisationId" | "role" | "householdId" | "userId" | "name" | "requestId">;

function asAuditActor(actor: HomeownerActor): AuditActor {
  return { organisationId: actor.organisationId, requestId: actor.requestId, userId: actor.userId, label: actor.name };
}

/** The household a homeowner acts for; null for any other role or an unlinked homeowner. */
export function ownHouseholdId(actor: Pick<Actor, "role" | "householdId">): string | null {
  return actor.role === "homeowner" && actor.householdId ? actor.householdId : null;
}

function address(parcel: { streetAddress: string; city: string; state: string; postalCode: string }): string {
  return [parcel.streetAddress, [parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ")].filter(Boolean).join(", ");
}

export async function myHomeOverview(db: Db, actor: HomeownerActor, today: string) {
  const householdId = ownHouseholdId(actor);
  if (!householdId) return null;
  const household = await db.household.findFirst({
    where: { id: householdId, organisationId: actor.organisationId },
    select: { id: true, name: true, email: true, phone: true, mailingAddress: true, members: { select: { fullName: true, relationship: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!household) return null;
  const [ownerships, leases] = await Promise.all([
    db.ownership.findMany({
      where: { organisationId: actor.organisationId, householdId },
      select: { id: true, purchaseDate: true, purchasePriceCents: true, saleDate: true, home: { select: { id: true, label: true, bedrooms: true, parcel: { select: { streetAddress: true, city: true, state: true, postalCode: true } } } } },
      orderBy: { purchaseDate: "desc" },
    }),
    db.lease.findMany({
      where: { organisationId: actor.organisationId, householdId, status: { in: VISIBLE_LEASE_STATUSES } },
      select: { id: true, reference: true, status: true, commencementDate: true, expirationDate: true, home: { select: { label: true, parcel: { select: { streetAddress: true, city: true, state: true, postalCode: true } } } } },
      orderBy: { commencementDate: "desc" },
    }),
  ]);
  const audit = asAuditActor(actor);
  const leaseRows = [];
  for (const lease of leases) {
    const ledger = LEDGER_STATUSES.has(lease.status) ? await leaseLedger(db, audit, lease.id, today) : null;
    leaseRows.push({
      id: lease.id,
      reference: lease.reference,
      status: lease.status,
      statusLabel: LEASE_STATUS_LABELS[lease.status as LeaseStatus],
      commencementDate: lease.commencementDate,
      expirationDate: lease.expirationDate,
      homeAddress: address(lease.home.parcel),
      balanceCents: ledger?.hasLedger ? ledger.balanceCents : null,
    });
  }
  return {
    household: { name: household.name, email: household.email, phone: household.phone, mailingAddress: household.mailingAddress, members: household.members },
    homes: ownerships.map((o) => ({
      ownershipId: o.id,
      homeLabel: o.home.label,
      address: address(o.home.parcel),
      bedrooms: o.home.bedrooms,
      purchaseDate: o.purchaseDate,
      purchasePriceCents: Number(o.purchasePriceCents),
      saleDate: o.saleDate,
    })),
    leases: leaseRows,
  };
}

/** One of the homeowner's own leases (not a draft), or null. Only reads (the ledger posts what is due). */
export async function myLease(db: Db, actor: HomeownerActor, leaseId: string, today: string) {
  const householdId = ownHouseholdId(actor);
  if (!householdId) return null;
  const lease = await getLease(db, actor.organisationId, leaseId);
  if (!lease || lease.householdId !== householdId || !VISIBLE_LEASE_STATUSES.includes(lease.status as LeaseStatus)) return null;
  const termsToday = leaseTermsOn(leaseRowTerms(lease), lease.amendments, today);
  const spec = lease.formulaSpec != null ? storedSpec(lease.formulaSpec) : null;
  const ledger = await leaseLedger(db, asAuditActor(actor), lease.id, today);
  return {
    lease: {
      id: lease.id,
      reference: lease.reference,
      status: lease.status,
      statusLabel: LEASE_STATUS_LABELS[lease.status as LeaseStatus],
      executionDate: lease.executionDate,
      commencementDate: lease.commencementDate,
      expirationDate: lease.expirationDate,
      recordingDate: lease.recordingDate,
      endedOn: lease.endedOn,
      lessees: lease.lessees.map((l) => l.fullName),
      homeAddress: address(lease.home.parcel),
    },
    plainTerms: plainLeaseTerms({ terms: termsToday, commencementDate: lease.commencementDate, expirationDate: lease.expirationDate, termYears: lease.termYears, formulaInWords: spec ? describeFormula(spec.formula) : null }),
    amendments: lease.amendments.map((a) => ({ id: a.id, effectiveDate: a.effectiveDate, description: a.description })),
    fees: {
      hasLedger: ledger.hasLedger,
      balanceCents: ledger.balanceCents,
      unpaid: ledger.unpaid,
      lines: ledger.lines.map((line) => ({ date: line.date, label: line.label, amountCents: line.amountCents, balanceCents: line.balanceCents, reversed: line.reversed })),
    },
  };
}

/** Whether `leaseId` is one of the homeowner's own leases they may download (not a draft). */
export async function isMyLease(db: Db, actor: HomeownerActor, leaseId: string): Promise<boolean> {
  const householdId = ownHouseholdId(actor);
  if (!householdId) return false;
  const count = await db.lease.count({ where: { id: leaseId, organisationId: actor.organisationId, householdId, status: { in: VISIBLE_LEASE_STATUSES } } });
  return count === 1;
}
