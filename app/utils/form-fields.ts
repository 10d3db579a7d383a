import { z } from "zod";
import { isCalendarDate } from "./calendar-date";
import { stringToCents } from "./money";

/**
 * Zod field types shared by every form and CSV import: money typed by people ("$250,000", "1,234.50")
 * becomes integer cents; legal dates stay "YYYY-MM-DD" strings but must be real calendar dates.
 */

/**
 * The largest amount the app accepts: $999,999,999,999.99. Cents columns are BigInt and the app computes with
 * number cents, exact to about $90 trillion, so a bigger figure is refused as a field error, never a crash.
 */
export const MAX_CENTS = 99_999_999_999_999;
export const MAX_AMOUNT_TEXT = "$999,999,999,999.99";

export function legalDate(label = "date") {
  return z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), { message: "Use the form YYYY-MM-DD, e.g. 2025-06-01" })
    .refine(isCalendarDate, { message: "This date does not exist on the calendar" });
}

export function optionalLegalDate(label = "date") {
  return legalDate(label).optional();
}

/** "$250,000.00" → 25000000 cents. Negative amounts are refused unless `allowNegative`. */
export function money(label = "amount", options: { allowNegative?: boolean } = {}) {
  return z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .transform((value, ctx) => {
      const cleaned = value.replace(/[$,\s]/g, "");
      if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter an amount in dollars, e.g. 250000 or 1,234.50" });
        return z.NEVER;
      }
      const cents = (() => {
        try {
          return stringToCents(cleaned);
        } catch {
          return Number.POSITIVE_INFINITY; // beyond exact cents: refused as too large below
        }
      })();
      if (cents < 0 && !options.allowNegative) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "The amount cannot be negative" });
        return z.NEVER;
      }
      if (Math.abs(cents) > MAX_CENTS) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `The amount is too large (at most ${MAX_AMOUNT_TEXT})` });
        return z.NEVER;
      }
      return cents;
    });
}

export function optionalMoney(label = "amount") {
  return money(label).optional();
}

/** A non-negative exact decimal kept as a string ("0.25" acres, "1.5" bathrooms). */
export function decimalString(label: string, options: { max?: number } = {}) {
  return z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .transform((value) => value.replace(/,/g, ""))
    .refine((value) => /^\d+(\.\d+)?$/.test(value), { message: `Enter the ${label} as a number, e.g. 0.25` })
    .refine((value) => options.max === undefined || Number(value) <= options.max, {
      message: `The ${label} is too large`,
    });
}

export function wholeNumber(label: string, options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0;
  return z.coerce
    .number({ invalid_type_error: `Enter the ${label} as a whole number`, required_error: `Enter the ${label}` })
    .int(`Enter the ${label} as a whole number`)
    .min(min, min === 0 ? `The ${label} cannot be negative` : `The ${label} must be at least ${min}`)
    .max(options.max ?? 1_000_000, `The ${label} must be at most ${options.max ?? 1_000_000}`);
}

export function text(label: string, max = 200) {
  return z.string({ required_error: `Enter the ${label}` }).trim().min(1, `Enter the ${label}`).max(max, `Use at most ${max} characters`);
}

export function optionalText(max = 200) {
  return z.string().trim().max(max, `Use at most ${max} characters`).optional();
}
