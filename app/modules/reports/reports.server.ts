import { fromDbCents, withNumberCents } from "~/utils/cents";
import type { Db } from "~/utils/db.server";
import { portfolioReport } from "./portfolio";

export async function loadPortfolioReport(db: Db, organisationId: string) {
  const [ownerships, parcelsByStatus, homesByType, leasesByStatus, funding] = await Promise.all([
    db.ownership.findMany({
      where: { organisationId },
      select: {
        purchaseDate: true,
        saleDate: true,
        purchasePriceCents: true,
        salePriceCents: true,
        household: { select: { incomeCertifications: { select: { certifiedOn: true, percentAmi: true } } } },
      },
    }),
    db.parcel.groupBy({ by: ["status"], where: { organisationId, archivedAt: null }, _count: { _all: true } }),
    db.home.groupBy({ by: ["homeType"], where: { organisationId, archivedAt: null }, _count: { _all: true } }),
    db.lease.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } }),
    db.fundingSource.groupBy({ by: ["program"], where: { organisationId, parcel: { archivedAt: null } }, _sum: { amountCents: true }, _count: { _all: true } }),
  ]);
  return {
    ...portfolioReport(withNumberCents(ownerships).map((o) => ({ ...o, certifications: o.household.incomeCertifications }))),
    parcelsByStatus: parcelsByStatus.map((g) => ({ status: g.status, count: g._count._all })),
    homesByType: homesByType.map((g) => ({ homeType: g.homeType, count: g._count._all })),
    leasesByStatus: leasesByStatus.map((g) => ({ status: g.status, count: g._count._all })),
    fundingByProgram: funding.map((g) => ({ program: g.program, count: g._count._all, amountCents: fromDbCents(g._sum.amountCents ?? 0) })),
  };
}
