import { systemActor } from "~/modules/audit/audit.server";
import { storedEventFor } from "~/modules/stewardship/calendar.server";
import { DEFAULT_GRACE_DAYS } from "~/modules/stewardship/events";
import { changeEventStatus, createMonitoringEvent, updateMonitoringSettings } from "~/modules/stewardship/events.server";
import { addDays, compareCalendarDates, todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";

/**
 * Demo monitoring events in every status, on the demo's signed leases (oldest commencement first), so the
 * compliance calendar, an event page and the dashboard have something to show:
 * - resolved: the first lease's first occupancy certification, proof received 5 days before it was due, checked 2 days later;
 * - submitted: the second lease's first occupancy certification, proof received on the due date, waiting on staff;
 * - delinquent: the third lease's first property tax proof, marked delinquent by staff 30 days after it was due;
 * - open: an inspection of the fourth lease's home, due 30 days after the trust's today.
 * The other yearly occurrences stay computed (the calendar shows them open, overdue or delinquent by date).
 * Like a trust moving its records in, the demo asks for nothing due before it began monitoring in Commonground
 * (`DEMO_MONITORING_STARTS_ON`, Settings → Stewardship): the ended 2012 lease's eleven years of certifications
 * and tax proofs, never asked for, are not shown as 22 delinquent events.
 */
export const DEMO_MONITORING_STARTS_ON = "2024-01-01";

export async function seedDemoStewardship(db: Db, organisationId: string): Promise<void> {
  const actor = systemActor(organisationId, "Demo data");
  await updateMonitoringSettings(db, actor, { intent: "monitoring", version: 0, graceDays: DEFAULT_GRACE_DAYS, occupancyFixedDate: null, taxProofDate: null, monitoringStartsOn: DEMO_MONITORING_STARTS_ON });
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  const today = todayIn(organisation.timeZone);
  const leases = (
    await db.lease.findMany({
      where: { organisationId, status: { in: ["executed", "recorded", "active"] } },
      orderBy: [{ commencementDate: "asc" }, { reference: "asc" }],
      select: { id: true, commencementDate: true },
    })
  ).filter((lease) => compareCalendarDates(addDays(lease.commencementDate, 400), today) <= 0); // a first anniversary already past
  if (leases.length < 4) return;
  const yearAfter = (date: string) => Number(date.slice(0, 4)) + 1;
  const stored = async (leaseId: string, key: string) => {
    const result = await storedEventFor(db, actor, leaseId, key);
    if (!result.ok) throw new Error(result.message);
    return db.monitoringEvent.findUniqueOrThrow({ where: { id: result.id } });
  };
  const must = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error(`Demo stewardship: ${JSON.stringify(result)}`);
  };

  const resolved = await stored(leases[0]!.id, `occupancy_certification:${yearAfter(leases[0]!.commencementDate)}`);
  must(await changeEventStatus(db, actor, resolved.id, { to: "submitted", version: resolved.version, submittedOn: addDays(resolved.dueDate, -5), notes: "Signed certification and a utility bill received." }));
  must(await changeEventStatus(db, actor, resolved.id, { to: "resolved", version: resolved.version + 1, resolvedOn: addDays(resolved.dueDate, -3), resolution: "Owner-occupied: certification and utility bill checked." }));

  const submitted = await stored(leases[1]!.id, `occupancy_certification:${yearAfter(leases[1]!.commencementDate)}`);
  must(await changeEventStatus(db, actor, submitted.id, { to: "submitted", version: submitted.version, submittedOn: submitted.dueDate, notes: "Certification received by mail; to check." }));

  const delinquent = await stored(leases[2]!.id, `property_tax_proof:${yearAfter(leases[2]!.commencementDate)}`);
  must(await changeEventStatus(db, actor, delinquent.id, { to: "delinquent", version: delinquent.version, notes: "No answer to the request or to the past-due notice." }));

  must(await createMonitoringEvent(db, actor, { leaseId: leases[3]!.id, type: "inspection", subject: "Roof and exterior", dueDate: addDays(today, 30), notes: "", assignedToId: null }));
}
