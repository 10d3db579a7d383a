import { INCOME_BANDS_9902, incomeBand9902, type IncomeBand9902 } from "~/modules/income-limits/income-limits";
import { Decimal } from "~/utils/money";

/**
 * The portfolio report: what a board or funder asks for. Pure: takes rows, returns figures.
 * Households served are counted by purchase (each ownership is one household served in one home); the
 * % AMI of a purchase is the household's latest certification on or before its purchase date.
 */
export type OwnershipRow = {
  purchaseDate: string;
  saleDate: string | null;
  purchasePriceCents: number;
  salePriceCents: number | null;
  certifications: { certifiedOn: string; percentAmi: string }[];
};

export type PortfolioReport = {
  householdsServed: number;
  currentOwners: number;
  resalesCompleted: number;
  averagePercentAmi: string | null;
  certifiedPurchases: number;
  incomeBands: { band: IncomeBand9902; households: number }[];
  averagePurchasePriceCents: number | null;
};

export function percentAmiAtPurchase(row: Pick<OwnershipRow, "purchaseDate" | "certifications">): string | null {
  const eligible = row.certifications.filter((c) => c.certifiedOn <= row.purchaseDate).sort((a, b) => (a.certifiedOn < b.certifiedOn ? 1 : -1));
  return eligible[0]?.percentAmi ?? null;
}

export function portfolioReport(ownerships: OwnershipRow[]): PortfolioReport {
  const percents = ownerships.map(percentAmiAtPurchase).filter((p): p is string => p !== null);
  const bands = new Map<IncomeBand9902, number>(INCOME_BANDS_9902.map((band) => [band, 0]));
  for (const percent of percents) bands.set(incomeBand9902(percent), (bands.get(incomeBand9902(percent)) ?? 0) + 1);
  const sum = percents.reduce((total, p) => total.plus(p), new Decimal(0));
  const priceTotal = ownerships.reduce((total, o) => total + BigInt(o.purchasePriceCents), 0n);
  return {
    householdsServed: ownerships.length,
    currentOwners: ownerships.filter((o) => o.saleDate === null).length,
    resalesCompleted: ownerships.filter((o) => o.saleDate !== null).length,
    averagePercentAmi: percents.length ? sum.div(percents.length).toFixed(1) : null,
    certifiedPurchases: percents.length,
    incomeBands: INCOME_BANDS_9902.map((band) => ({ band, households: bands.get(band) ?? 0 })),
    averagePurchasePriceCents: ownerships.length ? Number((priceTotal + BigInt(Math.floor(ownerships.length / 2))) / BigInt(ownerships.length)) : null,
  };
}
