import { fromDbCents, withNumberCents } from "~/utils/cents";
import type { Db } from "~/utils/db.server";
import { certificationAtPurchase } from "~/modules/households/certification-validity";
import { getEligibilitySettings } from "~/modules/income-limits/income-limits.server";
import { countLeasesByStatusOn } from "~/modules/leases/leases.server";
import { LEASE_STATUSES } from "~/modules/leases/lifecycle";
import { organisationToday } from "~/modules/organisations/organisations.server";
import type { StoredOutcomes } from "~/modules/transfers/outcomes";
import { arrearsList } from "~/modules/lease-fees/ledger.server";
import { affordabilityPeriodEnd, funderHouseholds } from "./funder";
import type { ReportPeriod } from "./period";
import { periodReport, type PeriodReport } from "./period-report";
import { percentAmiAtPurchase, portfolioReport } from "./portfolio";

/** The portfolio report; leases are counted by their status on `today` (the trust's date unless given). */
export async function loadPortfolioReport(db: Db, organisationId: string, options: { today?: string } = {}) {
  const today = options.today ?? (await organisationToday(db, organisationId));
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
    countLeasesByStatusOn(db, organisationId, today),
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
    leasesByStatus: LEASE_STATUSES.filter((status) => leasesByStatus[status] > 0).map((status) => ({ status, count: leasesByStatus[status] })),
    certificationValidityMonths: settings.certificationValidityMonths,
    flaggedPurchases,
    fundingByProgram: funding.map((g) => ({ program: g.program, count: g._count._all, amountCents: fromDbCents(g._sum.amountCents ?? 0) })),
  };
}

const homeName = (home: { label: string; parcel: { streetAddress: string } }) => home.parcel.streetAddress + (home.label ? `, ${home.label}` : "");

/**
 * The director's report for a period (./period-report.ts): purchases and closed cases in the period, and the
 * fee arrears on its last day (today, when the period ends later: the ledger holds no later charges).
 */
export async function loadPeriodReport(db: Db, organisationId: string, period: ReportPeriod, today: string): Promise<PeriodReport> {
  const arrearsAsOf = period.to < today ? period.to : today;
  const [ownerships, closedCases, arrears] = await Promise.all([
    db.ownership.findMany({
      where: { organisationId, purchaseDate: { gte: period.from, lte: period.to } },
      select: { purchaseDate: true, purchasePriceCents: true, household: { select: { incomeCertifications: { select: { certifiedOn: true, percentAmi: true } } } } },
    }),
    db.transferCase.findMany({
      where: { organisationId, status: "closed", closingDate: { gte: period.from, lte: period.to } },
      select: { id: true, closingDate: true, closingPriceCents: true, outcomes: true, home: { select: { label: true, parcel: { select: { streetAddress: true } } } } },
      orderBy: [{ closingDate: "asc" }, { id: "asc" }],
    }),
    arrearsList(db, organisationId, arrearsAsOf),
  ]);
  return periodReport({
    period,
    arrearsAsOf,
    purchases: ownerships.map((o) => ({
      purchaseDate: o.purchaseDate,
      purchasePriceCents: fromDbCents(o.purchasePriceCents),
      percentAmi: percentAmiAtPurchase({ purchaseDate: o.purchaseDate, certifications: o.household.incomeCertifications }),
    })),
    resales: closedCases.map((c) => ({
      caseId: c.id,
      home: homeName(c.home),
      closingDate: c.closingDate ?? "",
      priceCents: c.closingPriceCents === null ? null : fromDbCents(c.closingPriceCents),
      outcomes: (c.outcomes ?? null) as StoredOutcomes | null,
    })),
    arrears: arrears.rows,
  });
}

/** Every funding source of the trust's (not archived) land, for the report page's list of funder reports. */
export async function listFundingSources(db: Db, organisationId: string) {
  const sources = await db.fundingSource.findMany({
    where: { organisationId, parcel: { archivedAt: null } },
    select: { id: true, funder: true, program: true, amountCents: true, receivedOn: true, affordabilityYears: true, restrictionEndDate: true, parcel: { select: { streetAddress: true } } },
    orderBy: [{ funder: "asc" }, { receivedOn: "asc" }, { id: "asc" }],
  });
  return sources.map((s) => ({ id: s.id, funder: s.funder, program: s.program, amountCents: fromDbCents(s.amountCents), parcel: s.parcel.streetAddress, affordabilityEnds: affordabilityPeriodEnd(s).date }));
}

/** One funding source's report (./funder.ts), or null when the trust has no such source. */
export async function loadFunderReport(db: Db, organisationId: string, fundingSourceId: string) {
  const source = await db.fundingSource.findFirst({
    where: { id: fundingSourceId, organisationId },
    select: {
      id: true,
      funder: true,
      program: true,
      amountCents: true,
      receivedOn: true,
      affordabilityYears: true,
      restrictionEndDate: true,
      notes: true,
      parcel: {
        select: {
          id: true,
          parcelNumber: true,
          streetAddress: true,
          city: true,
          homes: {
            select: {
              id: true,
              label: true,
              homeType: true,
              bedrooms: true,
              archivedAt: true,
              ownerships: {
                select: {
                  purchaseDate: true,
                  saleDate: true,
                  purchasePriceCents: true,
                  household: { select: { name: true, incomeCertifications: { select: { certifiedOn: true, percentAmi: true } } } },
                },
              },
            },
            orderBy: [{ label: "asc" }, { id: "asc" }],
          },
        },
      },
    },
  });
  if (!source) return null;
  const { parcel } = source;
  const home = (h: { label: string }) => homeName({ label: h.label, parcel });
  return {
    source: {
      id: source.id,
      funder: source.funder,
      program: source.program,
      amountCents: fromDbCents(source.amountCents),
      receivedOn: source.receivedOn,
      affordabilityYears: source.affordabilityYears,
      affordabilityEnds: affordabilityPeriodEnd(source),
      notes: source.notes,
    },
    parcel: { id: parcel.id, parcelNumber: parcel.parcelNumber, streetAddress: parcel.streetAddress, city: parcel.city },
    homes: parcel.homes.map((h) => ({
      id: h.id,
      name: home(h),
      homeType: h.homeType,
      bedrooms: h.bedrooms,
      archived: h.archivedAt !== null,
      currentOwner: h.ownerships.find((o) => o.saleDate === null)?.household.name ?? null,
    })),
    households: funderHouseholds(
      parcel.homes.flatMap((h) =>
        h.ownerships.map((o) => ({
          household: o.household.name,
          home: home(h),
          purchaseDate: o.purchaseDate,
          saleDate: o.saleDate,
          purchasePriceCents: fromDbCents(o.purchasePriceCents),
          percentAmi: percentAmiAtPurchase({ purchaseDate: o.purchaseDate, certifications: o.household.incomeCertifications }),
        })),
      ),
    ),
  };
}

export type FunderReport = NonNullable<Awaited<ReturnType<typeof loadFunderReport>>>;
