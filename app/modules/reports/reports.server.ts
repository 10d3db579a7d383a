import { fromDbCents, withNumberCents } from "~/utils/cents";
import type { Db } from "~/utils/db.server";
import { certificationAtPurchase } from "~/modules/households/certification-validity";
import { getEligibilitySettings } from "~/modules/income-limits/income-limits.server";
import type { StoredOutcomes } from "~/modules/transfers/outcomes";
import { portfolioReport } from "./portfolio";

export async function loadPortfolioReport(db: Db, organisationId: string) {
  const [ownerships, parcelsByStatus, homesByType, leasesByStatus, funding, settings, closedCases] = await Promise.all([
    db.ownership.findMany({
      where: { organisationId },
      select: {
        purchaseDate: true,
        saleDate: true,
        purchasePriceCents: true,
        salePriceCents: true,
        household: { select: { name: true, incomeCertifications: { select: { certifiedOn: true, percentAmi: true } } } },
        home: { select: { label: true, parcel: { select: { streetAddress: true } } } },
      },
      orderBy: [{ purchaseDate: "desc" }, { id: "asc" }],
    }),
    db.parcel.groupBy({ by: ["status"], where: { organisationId, archivedAt: null }, _count: { _all: true } }),
    db.home.groupBy({ by: ["homeType"], where: { organisationId, archivedAt: null }, _count: { _all: true } }),
    db.lease.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } }),
    db.fundingSource.groupBy({ by: ["program"], where: { organisationId, parcel: { archivedAt: null } }, _sum: { amountCents: true }, _count: { _all: true } }),
    getEligibilitySettings(db, organisationId),
    // resales completed are the closed resale and transfer cases, with the outcome measures stored at closing
    db.transferCase.findMany({
      where: { organisationId, status: "closed" },
      select: { id: true, kind: true, closingDate: true, closingPriceCents: true, outcomes: true, home: { select: { label: true, parcel: { select: { streetAddress: true } } } } },
      orderBy: [{ closingDate: "desc" }, { id: "asc" }],
    }),
  ]);
  // purchases made on a stale income certification (older than the trust's validity period) or none
  const flaggedPurchases = ownerships.flatMap((o) => {
    const check = certificationAtPurchase(o.household.incomeCertifications, o.purchaseDate, settings.certificationValidityMonths);
    if (check.status === "current") return [];
    return [{ household: o.household.name, home: o.home.parcel.streetAddress + (o.home.label ? `, ${o.home.label}` : ""), purchaseDate: o.purchaseDate, message: check.message }];
  });
  return {
    ...portfolioReport(withNumberCents(ownerships).map((o) => ({ ...o, certifications: o.household.incomeCertifications }))),
    resalesCompleted: closedCases.length,
    resales: closedCases.map((c) => ({
      caseId: c.id,
      home: c.home.parcel.streetAddress + (c.home.label ? `, ${c.home.label}` : ""),
      closingDate: c.closingDate,
      priceCents: c.closingPriceCents === null ? null : fromDbCents(c.closingPriceCents),
      outcomes: (c.outcomes ?? null) as StoredOutcomes | null,
    })),
    parcelsByStatus: parcelsByStatus.map((g) => ({ status: g.status, count: g._count._all })),
    homesByType: homesByType.map((g) => ({ homeType: g.homeType, count: g._count._all })),
    leasesByStatus: leasesByStatus.map((g) => ({ status: g.status, count: g._count._all })),
    certificationValidityMonths: settings.certificationValidityMonths,
    flaggedPurchases,
    fundingByProgram: funding.map((g) => ({ program: g.program, count: g._count._all, amountCents: fromDbCents(g._sum.amountCents ?? 0) })),
  };
}
