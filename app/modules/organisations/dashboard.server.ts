import type { Db } from "~/utils/db.server";

export async function portfolioSummary(db: Db, organisationId: string) {
  const [parcels, homes, households, activeLeases, draftLeases, recentActivity] = await Promise.all([
    db.parcel.count({ where: { organisationId, archivedAt: null } }),
    db.home.count({ where: { organisationId, archivedAt: null } }),
    db.household.count({ where: { organisationId, archivedAt: null } }),
    db.lease.count({ where: { organisationId, status: { in: ["executed", "recorded", "active"] } } }),
    db.lease.count({ where: { organisationId, status: "draft" } }),
    db.auditEntry.findMany({
      where: { organisationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 8,
      select: { id: true, actorLabel: true, entity: true, entityId: true, action: true, createdAt: true },
    }),
  ]);
  return { parcels, homes, households, activeLeases, draftLeases, recentActivity };
}
