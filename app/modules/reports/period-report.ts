import { INCOME_BANDS_9902, incomeBand9902, type IncomeBand9902 } from "~/modules/income-limits/income-limits";
import { AGING_BUCKETS, type Aging, type AgingBucket } from "~/modules/lease-fees/rules";
import type { StoredOutcomes } from "~/modules/transfers/outcomes";
import { Decimal } from "~/utils/money";
import type { ReportPeriod } from "./period";

/**
 * The director's report for a period (docs/staff-experience.md "Reports"). Pure: rows in, figures out.
 *
 *   households served by year: purchases (one ownership = one household served in one home) whose purchase date
 *     falls in the period, by calendar year, with the average purchase price;
 *   % AMI served: those purchases by HUD-9902 band of the household's latest certification on or before the
 *     purchase (uncertified purchases counted apart), and their average % AMI (one decimal);
 *   resales: the resale and transfer cases closed in the period, with the outcome measures STORED at closing:
 *     affordability is preserved when the income needed at this sale, as % AMI, is not above the same figure at
 *     the previous sale (unknown without both figures); the subsidy retained is the market value − the price;
 *   fee arrears: the ledger's aging of every lease that owes something on the period's last day (or today,
 *     when the period ends later).
 * Averages of money are in whole dollars, rounded half up, once.
 */
export type PurchaseRow = { purchaseDate: string; purchasePriceCents: number; percentAmi: string | null };
export type ResaleRow = { caseId: string; home: string; closingDate: string; priceCents: number | null; outcomes: StoredOutcomes | null };
export type ArrearsLine = { leaseId: string; reference: string; householdName: string; homeLabel: string; balanceCents: number; aging: Aging };

export type PeriodReportInput = { period: ReportPeriod; arrearsAsOf: string; purchases: PurchaseRow[]; resales: ResaleRow[]; arrears: ArrearsLine[] };

export type Preserved = "yes" | "no" | "unknown";

/** Whole dollars of `totalCents / count`, half up: "1235" for 123,450 cents over 1. */
export function averageWholeDollars(totalCents: number, count: number): string | null {
  if (count === 0) return null;
  return new Decimal(totalCents).div(100).div(count).toFixed(0);
}

export function affordabilityPreserved(outcomes: StoredOutcomes | null): Preserved {
  const now = outcomes?.percentAmiNeeded.atThisSale;
  const before = outcomes?.percentAmiNeeded.atPreviousSale;
  if (!now || !before) return "unknown";
  return new Decimal(now).lte(before) ? "yes" : "no";
}

export function periodReport(input: PeriodReportInput) {
  const { from, to } = input.period;
  const purchases = input.purchases.filter((p) => p.purchaseDate >= from && p.purchaseDate <= to);
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
  const householdsByYear = years.map((year) => {
    const inYear = purchases.filter((p) => p.purchaseDate.startsWith(`${year}-`));
    return { year, households: inYear.length, averagePriceDollars: averageWholeDollars(inYear.reduce((sum, p) => sum + p.purchasePriceCents, 0), inYear.length) };
  });

  const percents = purchases.map((p) => p.percentAmi).filter((p): p is string => p !== null);
  const bands = new Map<IncomeBand9902, number>(INCOME_BANDS_9902.map((band) => [band, 0]));
  for (const percent of percents) bands.set(incomeBand9902(percent), (bands.get(incomeBand9902(percent)) ?? 0) + 1);
  const percentTotal = percents.reduce((sum, p) => sum.plus(p), new Decimal(0));

  const resales = input.resales
    .filter((r) => r.closingDate >= from && r.closingDate <= to)
    .map((r) => ({ ...r, preserved: affordabilityPreserved(r.outcomes), subsidyRetained: r.outcomes?.subsidyRetained ?? null }));
  const subsidies = resales.map((r) => r.subsidyRetained).filter((s): s is string => s !== null);
  const subsidyTotal = subsidies.reduce((sum, s) => sum.plus(s), new Decimal(0));

  const arrearsTotals = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, input.arrears.reduce((sum, row) => sum + row.aging[bucket], 0)])) as Record<AgingBucket, number>;
  return {
    period: input.period,
    householdsServed: purchases.length,
    householdsByYear,
    ami: {
      bands: INCOME_BANDS_9902.map((band) => ({ band, households: bands.get(band) ?? 0 })),
      certified: percents.length,
      uncertified: purchases.length - percents.length,
      averagePercentAmi: percents.length ? percentTotal.div(percents.length).toFixed(1) : null,
    },
    averagePurchasePriceDollars: averageWholeDollars(purchases.reduce((sum, p) => sum + p.purchasePriceCents, 0), purchases.length),
    resales,
    resaleSummary: {
      closed: resales.length,
      preserved: resales.filter((r) => r.preserved === "yes").length,
      notPreserved: resales.filter((r) => r.preserved === "no").length,
      subsidyRetainedTotal: subsidies.length ? subsidyTotal.toFixed(2) : null,
      averageSubsidyRetainedDollars: subsidies.length ? subsidyTotal.div(subsidies.length).toFixed(0) : null,
    },
    arrears: {
      asOf: input.arrearsAsOf,
      rows: input.arrears,
      totals: arrearsTotals,
      owedCents: AGING_BUCKETS.reduce((sum, bucket) => sum + arrearsTotals[bucket], 0),
      pastDueCents: AGING_BUCKETS.filter((b) => b !== "current").reduce((sum, bucket) => sum + arrearsTotals[bucket], 0),
    },
  };
}

export type PeriodReport = ReturnType<typeof periodReport>;

export const PRESERVED_LABELS: Record<Preserved, string> = { yes: "Yes", no: "No", unknown: "Not known" };
