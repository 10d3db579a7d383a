import type { Db } from "~/utils/db.server";
import { addDays } from "~/utils/calendar-date";
import { overdueLeases } from "~/modules/lease-fees/ledger.server";
import { openCaseDeadlines } from "~/modules/transfers/transfers.server";
import { activityInWords, weekAhead, type ActivityEntry } from "./attention";

/** How long after its due date an unpaid lease-fee charge is "in arrears" on the dashboard. */
export const ARREARS_AFTER_DAYS = 30;

/**
 * What needs attention this week, each with its link — cheap enough for every dashboard load: open cases only,
 * one grouped statement and the posted charges for arrears (ADR 021), the five oldest drafts.
 * - resale and transfer cases whose next deadline is overdue or falls due within the week;
 * - leases owing lease-fee charges more than 30 days old (payments are taken to settle the oldest charges first:
 *   the charges dated on or before the cut-off plus every payment, waiver and reversal up to today);
 * - draft leases waiting to be signed.
 */
export async function attentionThisWeek(db: Db, organisationId: string, today: string) {
  const until = weekAhead(today);
  const cutoff = addDays(today, -ARREARS_AFTER_DAYS);
  const [cases, arrears, drafts, draftCount] = await Promise.all([
    openCaseDeadlines(db, organisationId, today),
    overdueLeases(db, organisationId, cutoff, today),
    db.lease.findMany({
      where: { organisationId, status: "draft" },
      orderBy: [{ createdAt: "asc" }],
      take: 5,
      select: { id: true, reference: true, createdAt: true, household: { select: { name: true } } },
    }),
    db.lease.count({ where: { organisationId, status: "draft" } }),
  ]);
  return {
    until,
    caseDeadlines: cases
      .filter((c) => c.next && c.next.due <= until)
      .map((c) => ({ id: c.id, home: c.home.label, label: c.next!.label, due: c.next!.due, overdue: c.next!.due < today })),
    arrears: arrears.slice(0, 10),
    drafts: drafts.map((d) => ({ id: d.id, reference: d.reference, household: d.household.name, createdAt: d.createdAt.toISOString() })),
    draftCount,
  };
}

/** The latest changes in words, each linked to its record, with the record's own name where it has one. */
export async function recentActivityInWords(db: Db, organisationId: string, entries: readonly ActivityEntry[]) {
  const ids = (entity: string) => entries.filter((e) => e.entity === entity).map((e) => e.entityId);
  const [parcels, households, leases, cases] = await Promise.all([
    ids("Parcel").length ? db.parcel.findMany({ where: { organisationId, id: { in: ids("Parcel") } }, select: { id: true, parcelNumber: true } }) : [],
    ids("Household").length ? db.household.findMany({ where: { organisationId, id: { in: ids("Household") } }, select: { id: true, name: true } }) : [],
    ids("Lease").length ? db.lease.findMany({ where: { organisationId, id: { in: ids("Lease") } }, select: { id: true, reference: true } }) : [],
    ids("TransferCase").length
      ? db.transferCase.findMany({ where: { organisationId, id: { in: ids("TransferCase") } }, select: { id: true, home: { select: { label: true, parcel: { select: { streetAddress: true } } } } } })
      : [],
  ]);
  const labels = new Map<string, string>([
    ...parcels.map((p) => [p.id, p.parcelNumber] as [string, string]),
    ...households.map((h) => [h.id, h.name] as [string, string]),
    ...leases.map((l) => [l.id, l.reference] as [string, string]),
    ...cases.map((c) => [c.id, `for ${[c.home.parcel.streetAddress, c.home.label].filter(Boolean).join(", ")}`] as [string, string]),
  ]);
  return entries.map((entry) => ({ id: entry.id, createdAt: entry.createdAt, ...activityInWords(entry, labels.get(entry.entityId)) }));
}
