/**
 * Typed text → contract values. People type percents ("1.5" for 1.5 %) and dollars ("$250,000"); the contract
 * (docs/resale-contract.md) takes fractions and decimal strings. Invalid text passes through unchanged so the
 * contract reports it next to the field. Pure: no I/O.
 */
import { Decimal, isDecimalString, parseDollars, toMoneyString } from "~/utils/money";
import type { housingTermsFields } from "./formula-spec";

/** "1.5" (percent) → "0.015" (the contract's fraction); text that is not a number is returned without its "%". */
export function percentToRate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[%\s]/g, "");
  return isDecimalString(cleaned) ? new Decimal(cleaned).dividedBy(100).toFixed() : cleaned;
}

/** "$250,000" → "250000.00"; text that is not an amount is returned as typed. */
export function typedDollars(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[$,\s]/g, "");
  if (!isDecimalString(cleaned)) return value;
  const places = cleaned.split(".")[1]?.length ?? 0;
  return places > 2 ? cleaned : toMoneyString(parseDollars(cleaned));
}

/** An index value as typed ("1,234.5") → "1234.5". */
export function typedIndex(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/[,\s]/g, "");
}

/** Digits → a number; anything else as typed (the contract says what is wrong with it). */
export function whole(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The affordability terms of a formula, a cap or the buyer, as typed → the contract's housing-cost terms. */
export function housingTerms(fields: Partial<Record<keyof typeof housingTermsFields, string | undefined>> | undefined) {
  const f = fields ?? {};
  return {
    housingCostRatio: percentToRate(f.housingCostRatio),
    interestRate: percentToRate(f.interestRate),
    termYears: whole(f.termYears),
    downPaymentRate: percentToRate(f.downPaymentRate),
    propertyTaxRate: percentToRate(f.propertyTaxRate),
    mortgageInsuranceRate: percentToRate(f.mortgageInsuranceRate),
    monthlyCosts: {
      insurance: typedDollars(f.insurance ?? "0"),
      hoa: typedDollars(f.hoa ?? "0"),
      leaseFee: typedDollars(f.leaseFee ?? "0"),
      utilities: typedDollars(f.utilities ?? "0"),
    },
  };
}

/** True when every value is missing or empty. */
export function isBlank(...values: (string | undefined)[]): boolean {
  return values.every((value) => value === undefined || value === "");
}

/** The object without its undefined entries, or undefined when none is left. */
export function definedOnly<T extends Record<string, unknown>>(object: T): Partial<T> | undefined {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}
