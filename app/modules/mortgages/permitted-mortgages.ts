/**
 * Permitted mortgages (Exhibit D of the ground lease), the pure rules. A mortgage is recorded once: the
 * purchase mortgage lives on the purchase (Ownership) and the lease lists it by link, never typed again; a
 * refinance adds a mortgage by a dated amendment. No permitted mortgage may exceed the formula price the
 * lease allows at the time: the purchase price when the lease starts, later the maximum resale price of a
 * saved calculation. Plain data in, plain data out.
 */
import { formatUsd } from "~/utils/money";
import { centsToString } from "~/utils/money";

export type FormulaPriceBasis = { cents: number; source: string };

export type PermittedMortgageRow = { lender: string; amountCents: number; recordedOn: string; ownershipId: string | null; releasedOn: string | null };

/** "$152,000.00" from cents. */
export function usd(cents: number): string {
  return formatUsd(centsToString(cents));
}

/** The error for a permitted mortgage above the formula price, naming both figures; null when it fits. */
export function mortgageAboveFormulaPrice(amountCents: number, basis: FormulaPriceBasis | null): string | null {
  if (!basis || amountCents <= basis.cents) return null;
  return `A permitted mortgage of ${usd(amountCents)} is above the formula price the lease allows, ${usd(basis.cents)} (${basis.source}).`;
}

/** Same lender (case and spaces ignored) and same amount: the same mortgage. */
export function isSameMortgage(a: { lender: string; amountCents: number }, b: { lender: string; amountCents: number }): boolean {
  const key = (lender: string) => lender.trim().replace(/\s+/g, " ").toLowerCase();
  return a.amountCents === b.amountCents && key(a.lender) === key(b.lender);
}

/** The mortgages Exhibit D prints: those not released (paid off by a refinance), oldest first. */
export function mortgagesInForce<T extends { recordedOn: string; releasedOn: string | null }>(rows: T[]): T[] {
  return rows.filter((row) => row.releasedOn === null).sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
}
