import { addYears } from "~/utils/calendar-date";

/**
 * A funder's report for one funding source: the homes on the land it paid for, the households served in them
 * and when the affordability period ends. Pure.
 *
 * The affordability period ends on the restriction's recorded end date; without one, on the anniversary of the
 * date the money was received after the affordability years (received 2012-05-15, 30 years → 2042-05-15);
 * without either, it is not known.
 */
export function affordabilityPeriodEnd(source: { restrictionEndDate: string | null; receivedOn: string | null; affordabilityYears: number | null }): {
  date: string | null;
  basis: "recorded" | "computed" | "unknown";
} {
  if (source.restrictionEndDate) return { date: source.restrictionEndDate, basis: "recorded" };
  if (source.receivedOn && source.affordabilityYears) return { date: addYears(source.receivedOn, source.affordabilityYears), basis: "computed" };
  return { date: null, basis: "unknown" };
}

export type FunderHousehold = { household: string; home: string; purchaseDate: string; saleDate: string | null; purchasePriceCents: number; percentAmi: string | null };

/** Households served, oldest purchase first; "current" while the household still owns the home. */
export function funderHouseholds(rows: FunderHousehold[]) {
  return [...rows]
    .sort((a, b) => (a.purchaseDate === b.purchaseDate ? a.household.localeCompare(b.household) : a.purchaseDate < b.purchaseDate ? -1 : 1))
    .map((row) => ({ ...row, current: row.saleDate === null }));
}
