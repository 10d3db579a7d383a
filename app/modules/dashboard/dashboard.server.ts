import type { Db } from "~/utils/db.server";

type Counts = { parcels: unknown; homes: unknown; households: unknown; activeLeases: unknown; signedLeases: unknown; draftLeases: unknown };

/**
 * The dashboard's figures. The counts are one statement (each Prisma query costs the server about half a
 * millisecond of CPU before the database sees it; docs/decisions/012-hot-path-queries-in-sql.md); the statuses
 * are constants in the SQL so PostgreSQL compares them with its LeaseStatus enum. Leases are counted by their
 * status on `today`, the trust's local date — the rule of `leaseStatusOn` / `leaseStatusWhere`: an executed or
 * recorded lease is active from its commencement date (calendar dates compare as text).
 */
export async function portfolioSummary(db: Db, organisationId: string, today: string) {
  const [counts, recentActivity] = await Promise.all([
    db.$queryRaw<Counts[]>`
      SELECT
        (SELECT count(*) FROM "Parcel" WHERE "organisationId" = ${organisationId} AND "archivedAt" IS NULL) AS "parcels",
        (SELECT count(*) FROM "Home" WHERE "organisationId" = ${organisationId} AND "archivedAt" IS NULL) AS "homes",
        (SELECT count(*) FROM "Household" WHERE "organisationId" = ${organisationId} AND "archivedAt" IS NULL) AS "households",
        (SELECT count(*) FROM "Lease" WHERE "organisationId" = ${organisationId}
          AND ("status" = 'active' OR ("status" IN ('executed', 'recorded') AND "commencementDate" <= ${today}))) AS "activeLeases",
        (SELECT count(*) FROM "Lease" WHERE "organisationId" = ${organisationId}
          AND "status" IN ('executed', 'recorded') AND "commencementDate" > ${today}) AS "signedLeases",
        (SELECT count(*) FROM "Lease" WHERE "organisationId" = ${organisationId} AND "status" = 'draft') AS "draftLeases"`,
    db.auditEntry.findMany({
      where: { organisationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 8,
      select: { id: true, actorLabel: true, entity: true, entityId: true, action: true, createdAt: true },
    }),
  ]);
  const row = counts[0]!;
  return {
    parcels: Number(row.parcels),
    homes: Number(row.homes),
    households: Number(row.households),
    activeLeases: Number(row.activeLeases),
    /** executed or recorded, term not commenced yet */
    signedLeases: Number(row.signedLeases),
    draftLeases: Number(row.draftLeases),
    recentActivity,
  };
}
