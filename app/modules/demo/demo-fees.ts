import { systemActor, type AuditActor } from "~/modules/audit/audit.server";
import { generateLeaseCharges, recordPayment, scheduledLeaseCharges } from "~/modules/lease-fees/ledger.server";
import { todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";

/**
 * Demo lease-fee ledgers (called from the demo seed): every signed demo lease gets its charges up to the trust's
 * today; the homeowners pay each charge three days after it falls due (on time, so no late charge), except on
 * the "recorded" lease, whose homeowner stopped paying four charges ago — the one in arrears on Lease fees, with
 * its late charges and monitoring events. A lease with payments already recorded (the demo resale's seller
 * paid up to the closing, app/modules/demo/demo-transfers.ts) is left as it is.
 */
export async function seedDemoFees(db: Db, organisationId: string): Promise<void> {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  const today = todayIn(organisation.timeZone);
  const actor = systemActor(organisationId, "Demo seed");
  const leases = await db.lease.findMany({ where: { organisationId, status: { in: ["recorded", "active", "ended"] } }, orderBy: { commencementDate: "asc" } });
  for (const lease of leases) {
    if ((await db.leaseFeeEntry.count({ where: { organisationId, leaseId: lease.id, kind: "payment" } })) > 0) continue;
    await payDemoLedger(db, actor, lease.id, today, { unpaidCharges: lease.status === "recorded" ? 4 : 0 });
  }
}

/**
 * A lease's ledger up to `through` through the real functions: each scheduled charge paid three days after it
 * falls due (never after `through`), except the last `unpaidCharges`; the payments are recorded first, then the
 * ledger is generated once (generating first would post a late charge on every charge not yet paid).
 */
export async function payDemoLedger(db: Db, actor: AuditActor, leaseId: string, through: string, options: { unpaidCharges?: number } = {}): Promise<void> {
  const lease = await db.lease.findFirstOrThrow({ where: { id: leaseId, organisationId: actor.organisationId }, select: { id: true, reference: true } });
  const charges = await scheduledLeaseCharges(db, actor.organisationId, lease.id, through);
  const paid = charges.slice(0, Math.max(0, charges.length - (options.unpaidCharges ?? 0)));
  for (const charge of paid) {
    const day = Number(charge.date.slice(8, 10));
    const date = `${charge.date.slice(0, 8)}${String(Math.min(day + 3, 28)).padStart(2, "0")}`;
    const on = date > through ? through : date < charge.date ? charge.date : date;
    await recordPayment(db, actor, lease.id, { date: on, amount: charge.amountCents, method: "ACH", reference: `ACH-${lease.reference}-${charge.date}` }, through);
  }
  await generateLeaseCharges(db, actor, lease.id, through);
}
