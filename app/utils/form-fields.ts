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

/**
 * The words a form uses when a schema gives no message of its own (issue 15): Zod's defaults ("Required",
 * "Expected number, received nan", "Invalid enum value. Expected 'a' | 'b'") name types and internal values.
 * A message written on the field always wins; this map only speaks where a schema is silent. Installed for every
 * parse once this module is loaded (every form schema builds on it).
 */
export const userErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null") return { message: "Fill in this field" };
      if (issue.expected === "integer") return { message: "Enter a whole number" };
      if (issue.expected === "number" || issue.expected === "bigint") return { message: "Enter a number" };
      if (issue.expected === "boolean") return { message: "Tick the box or leave it empty" };
      return { message: "Fill in this field as the form asks" };
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: "Choose one of the options offered" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string") return { message: Number(issue.minimum) <= 1 ? "Fill in this field" : `Use at least ${issue.minimum} characters` };
      if (issue.type === "array" || issue.type === "set") return { message: `Choose at least ${issue.minimum}` };
      if (issue.type === "number" || issue.type === "bigint") return { message: issue.inclusive ? `Enter ${issue.minimum} or more` : `Enter more than ${issue.minimum}` };
      return { message: "This is too early or too small" };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: `Use at most ${issue.maximum} characters` };
      if (issue.type === "array" || issue.type === "set") return { message: `Choose at most ${issue.maximum}` };
      if (issue.type === "number" || issue.type === "bigint") return { message: issue.inclusive ? `Enter ${issue.maximum} or less` : `Enter less than ${issue.maximum}` };
      return { message: "This is too late or too large" };
    case z.ZodIssueCode.not_multiple_of:
      return { message: `Enter a multiple of ${issue.multipleOf}` };
    case z.ZodIssueCode.invalid_string:
      return { message: "Check how this field is written" };
    case z.ZodIssueCode.invalid_date:
      return { message: "Enter a real date" };
    default:
      return { message: ctx.defaultError };
  }
};
z.setErrorMap(userErrorMap);

/** The version a form was loaded with (a hidden field): stale-form checks compare it. */
export function recordVersion() {
  const message = "This page is out of date: reload it and make your change again.";
  return z.coerce.number({ invalid_type_error: message, required_error: message }).int(message).min(0, message);
}

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

/** What a field that failed its own checks holds while the form's cross-field rules run (never returned). */
const FAILED_FIELD = Symbol.for("commonground.failedField");
type FailedField = { [FAILED_FIELD]: z.ZodIssue[] };
function isFailedField(value: unknown): value is FailedField {
  return typeof value === "object" && value !== null && FAILED_FIELD in value;
}

/**
 * A form's schema that reports every error of a submission in one pass (issue 15): each field's own checks,
 * and the rules across fields (`rules`), which see the fields that passed their own checks (the others are
 * undefined) even when some fields failed. A plain `z.object(…).superRefine(…)` runs its rules only when every
 * field parsed, so a form revealed its cross-field errors one submission later. A rule never adds a second
 * message to a field that already has one (one field, one message).
 *
 * Each field is wrapped in `.catch`, which Conform's type coercion looks through, so empty inputs still arrive
 * as undefined and numbers are still coerced.
 */
export function formObject<S extends z.ZodRawShape>(
  shape: S,
  rules?: (values: Partial<z.output<z.ZodObject<S>>>, ctx: z.RefinementCtx) => void,
) {
  const caught = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, field.catch(({ error }: { error: z.ZodError }) => ({ [FAILED_FIELD]: error.issues }) as never)]),
  ) as unknown as S;
  const order = Object.keys(shape);
  return z.object(caught).superRefine((values, ctx) => {
    // every issue of the pass, reported in the order of the form's fields (the summary lists them so)
    const issues: z.IssueData[] = [];
    const failed = new Set<string>();
    const passed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (!isFailedField(value)) {
        passed[key] = value;
        continue;
      }
      for (const issue of value[FAILED_FIELD]) {
        // the caught issues carry their path from the root of the parse; the refinement's issues are relative to it
        const path = issue.path.slice(ctx.path.length);
        failed.add(path.join("."));
        issues.push({ ...(issue as z.IssueData), path } as z.IssueData);
      }
    }
    rules?.(passed as Partial<z.output<z.ZodObject<S>>>, {
      ...ctx,
      addIssue: (issue: z.IssueData) => {
        const key = (issue.path ?? []).join(".");
        if (failed.has(key)) return;
        failed.add(key);
        issues.push(issue);
      },
    } as z.RefinementCtx);
    const position = (issue: z.IssueData) => {
      const index = order.indexOf(String(issue.path?.[0] ?? ""));
      return index === -1 ? order.length : index;
    };
    for (const issue of issues.sort((a, b) => position(a) - position(b))) ctx.addIssue(issue);
  });
}
