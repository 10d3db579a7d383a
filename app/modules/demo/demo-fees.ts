import { systemActor } from "~/modules/audit/audit.server";
import { generateLeaseCharges, recordPayment, scheduledLeaseCharges } from "~/modules/lease-fees/ledger.server";
import { todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";

/**
 * Demo lease-fee ledgers (called from the demo seed): every signed demo lease gets its charges up to the trust's
 * today; the homeowners pay each charge three days after it falls due (on time, so no late charge), except on
 * the "recorded" lease, whose homeowner stopped paying four charges ago — the one in arrears on Lease fees, with
 * its late charges and monitoring events. Uses the real functions: the payments are recorded first, then the
 * ledger is generated once (generating first would post a late charge on every charge not yet paid).
 */
export async function seedDemoFees(db: Db, organisationId: string): Promise<void> {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  const today = todayIn(organisation.timeZone);
  const actor = systemActor(organisationId, "Demo seed");
  const leases = await db.lease.findMany({ where: { organisationId, status: { in: ["recorded", "active", "ended"] } }, orderBy: { commencementDate: "asc" } });
  if (leases.length === 0 || (await db.leaseFeeEntry.count({ where: { organisationId, kind: "payment" } })) > 0) return;
  for (const lease of leases) {
    const charges = await scheduledLeaseCharges(db, organisationId, lease.id, today);
    const paid = lease.status === "recorded" ? charges.slice(0, Math.max(0, charges.length - 4)) : charges;
    for (const charge of paid) {
      const day = Number(charge.date.slice(8, 10));
      const date = `${charge.date.slice(0, 8)}${String(Math.min(day + 3, 28)).padStart(2, "0")}`;
      const on = date > today ? today : date < charge.date ? charge.date : date;
      await recordPayment(db, actor, lease.id, { date: on, amount: charge.amountCents, method: "ACH", reference: `ACH-${lease.reference}-${charge.date}` }, today);
    }
    await generateLeaseCharges(db, actor, lease.id, today);
  }
}
