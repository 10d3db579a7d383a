/**
 * Zod schemas shared by the lease forms (browser and server): the draft form, status transitions and
 * amendments. Money is typed in dollars and stored in cents; rates are typed in percent and stored as exact
 * decimal fractions ("3" % → "0.03"); legal dates stay "YYYY-MM-DD".
 */
import { pageNumber } from "~/utils/page-number";
import { z } from "zod";
import { formObject, legalDate, money, optionalLegalDate, recordVersion, wholeNumber } from "~/utils/form-fields";
import { Decimal, isDecimalString } from "~/utils/money";
import type { FeeEscalationRule } from "./lifecycle";

/** Published lender riders a lease may name; attached as the lender's own instrument (no text kept here). */
export const LEASE_RIDERS = [
  "Fannie Mae Community Land Trust Ground Lease Rider",
  "Condominium Rider",
  "HOME Program Affordability Rider",
] as const;

export const ESCALATION_KINDS = ["none", "fixed-percent", "index"] as const;
export const ESCALATION_LABELS: Record<(typeof ESCALATION_KINDS)[number], string> = {
  none: "None (fixed fee)",
  "fixed-percent": "Fixed percent per year",
  index: "Follows an index, capped per year",
};

const percent = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .transform((value) => value.replace(/[%\s]/g, ""))
    .refine((value) => isDecimalString(value) && !value.startsWith("-"), { message: `Enter the ${label} as a percent of zero or more, e.g. 3` })
    .refine((value) => !isDecimalString(value) || new Decimal(value).lte(100), { message: `The ${label} must be at most 100%` })
    .transform((value) => new Decimal(value).dividedBy(100).toFixed());

/** Text area, one name a line → the names, blank lines dropped. */
const names = z
  .string({ required_error: "Add at least one lessee (homeowner)." })
  .transform((value) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
  .refine((list) => list.length > 0, { message: "Add at least one lessee (homeowner)." })
  .refine((list) => list.every((name) => name.length <= 200), { message: "A name may have at most 200 characters." });

const mortgageRow = z.object({
  lender: z.string().trim().min(1, "Enter the lender").max(200),
  amountCents: money("mortgage amount"),
  recordedOn: legalDate("mortgage date"),
});

/** Rows left entirely blank on the form are ignored. */
const mortgages = z.preprocess(
  (rows) => (Array.isArray(rows) ? rows.filter((row) => row && typeof row === "object" && Object.values(row).some((v) => v != null && String(v).trim() !== "")) : []),
  z.array(mortgageRow).max(10, "At most 10 permitted mortgages"),
);

/** Rider names: the trust's rider library and the standard lender riders (checked against them on the server). */
const riders = z.preprocess(
  (value) => (value == null ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().trim().min(1, "Choose riders from the list").max(200, "Choose riders from the list")).max(20, "At most 20 riders"),
);

const escalationFields = {
  escalationKind: z.enum(ESCALATION_KINDS, { errorMap: () => ({ message: "Choose how the fee may rise" }) }).default("none"),
  escalationRate: percent("yearly increase").optional(),
  escalationCap: percent("yearly cap").optional(),
  escalationIndexName: z.string().trim().max(200).optional(),
};

function checkEscalation(values: { escalationKind?: string; escalationRate?: string; escalationCap?: string }, ctx: z.RefinementCtx) {
  if (values.escalationKind === "fixed-percent" && values.escalationRate === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["escalationRate"], message: "Enter the yearly increase in percent, e.g. 3" });
  }
  if (values.escalationKind === "index" && values.escalationCap === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["escalationCap"], message: "Enter the most the fee may rise in one year, in percent, e.g. 10" });
  }
}

export function escalationRule(values: { escalationKind: string; escalationRate?: string; escalationCap?: string; escalationIndexName?: string }): FeeEscalationRule {
  if (values.escalationKind === "fixed-percent") return { kind: "fixed-percent", annualRate: values.escalationRate ?? "0" };
  if (values.escalationKind === "index") {
    return { kind: "index", cap: values.escalationCap ?? "0", ...(values.escalationIndexName ? { indexName: values.escalationIndexName } : {}) };
  }
  return { kind: "none" };
}

/** The timed and monetary terms other than the due day and the option period, each required. */
const timedTermsRequired = {
  graceDays: wholeNumber("grace period", { max: 90 }),
  lateChargeCents: money("late charge"),
  monetaryCureDays: wholeNumber("cure period for unpaid money", { min: 1, max: 365 }),
  nonMonetaryCureDays: wholeNumber("cure period for other defaults", { min: 1, max: 365 }),
  lenderCureDays: wholeNumber("trust's cure period after a lender's notice", { min: 1, max: 730 }),
  priceNoticeDays: wholeNumber("period to state the formula price", { min: 1, max: 365 }),
  closingDays: wholeNumber("period to close after exercise", { min: 1, max: 730 }),
  renewalNoticeEarliestMonths: wholeNumber("months before expiration the renewal window opens", { min: 1, max: 120 }),
  renewalNoticeLatestMonths: wholeNumber("months before expiration the renewal window closes", { max: 119 }),
};
/**
 * The same, each optional: a new draft takes the trust's defaults for those left out, an edited draft keeps
 * its values, an amendment leaves them unchanged.
 */
const timedTermFields = z.object(timedTermsRequired).partial().shape;

const dueDay = z.coerce
  .number({ invalid_type_error: "Enter the day of the month the fee is due (1–28)" })
  .int("Enter the day of the month the fee is due (1–28)")
  .min(1, "The fee due day must be between 1 and 28, so that every month has it")
  .max(28, "The fee due day must be between 1 and 28, so that every month has it")
  .default(1);

/** The renewal notice window opens (more months before expiration) before it closes. */
function checkRenewalWindow(values: { renewalNoticeEarliestMonths?: number; renewalNoticeLatestMonths?: number }, ctx: z.RefinementCtx) {
  if (values.renewalNoticeLatestMonths !== undefined && values.renewalNoticeEarliestMonths !== undefined && values.renewalNoticeLatestMonths >= values.renewalNoticeEarliestMonths) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["renewalNoticeLatestMonths"], message: "The renewal notice window must close after it opens: fewer months before expiration than when it opens." });
  }
}

export const LeaseFormSchema = formObject(
  {
    homeId: z.string({ required_error: "Choose the home" }).min(1, "Choose the home"),
    householdId: z.string({ required_error: "Choose the household" }).min(1, "Choose the household"),
    lesseeNames: names,
    executionDate: optionalLegalDate("execution date"),
    commencementDate: legalDate("commencement date"),
    termYears: z.coerce
      .number({ invalid_type_error: "Enter the term in whole years" })
      .int("Enter the term in whole years")
      .min(1, "The term must be at least 1 year: the lease must expire after it commences")
      .max(999, "The term must be at most 999 years")
      .default(99),
    renewalTermYears: wholeNumber("renewal term", { max: 999 }).default(99),
    monthlyFeeCents: money("monthly lease fee"),
    ...escalationFields,
    feeDueDay: dueDay.optional(),
    purchaseOptionDays: wholeNumber("purchase option period", { min: 1, max: 3650 }).optional(),
    ...timedTermFields,
    formulaPresetName: z.string().trim().max(120).optional(),
    mortgages,
    riders,
    version: recordVersion().optional(),
  },
  (values, ctx) => {
    checkEscalation(values, ctx);
    checkRenewalWindow(values, ctx);
  },
);
export type LeaseFormValues = z.output<typeof LeaseFormSchema>;

/** Settings → Lease terms: the trust's defaults for new leases (every term required). */
export const LeaseTermDefaultsSchema = formObject(
  {
    version: recordVersion(),
    feeDueDay: dueDay,
    purchaseOptionDays: wholeNumber("purchase option period", { min: 1, max: 3650 }),
    ...timedTermsRequired,
  },
  checkRenewalWindow,
);

export const TRANSITION_TARGETS = ["executed", "recorded", "active", "ended", "assigned"] as const;

export const TransitionSchema = z.object({
  intent: z.literal("transition"),
  to: z.enum(TRANSITION_TARGETS, { errorMap: () => ({ message: "Choose a status" }) }),
  version: recordVersion(),
  executionDate: optionalLegalDate("execution date"),
  recordingCounty: z.string().trim().max(120).optional(),
  recordingInstrument: z.string().trim().max(120).optional(),
  recordingBook: z.string().trim().max(40).optional(),
  recordingPage: z.string().trim().max(40).optional(),
  recordingDate: optionalLegalDate("recording date"),
  endedOn: optionalLegalDate("end date"),
  /** "yes" once staff confirmed the change (the page asks first) */
  confirmed: z.literal("yes").optional(),
});
export type TransitionValues = z.output<typeof TransitionSchema>;

export const AmendmentSchema = formObject(
  {
    intent: z.literal("amend"),
    version: recordVersion(),
    effectiveDate: legalDate("effective date"),
    description: z.string({ required_error: "Describe the amendment" }).trim().min(1, "Describe the amendment").max(2000),
    monthlyFeeCents: money("monthly lease fee"),
    ...escalationFields,
    feeDueDay: dueDay,
    purchaseOptionDays: wholeNumber("purchase option period", { min: 1, max: 3650 }),
    ...timedTermFields,
    renewalTermYears: wholeNumber("renewal term", { max: 999 }),
    riders,
    newMortgageLender: z.string().trim().max(200).optional(),
    newMortgageAmountCents: money("mortgage amount").optional(),
    newMortgageRecordedOn: optionalLegalDate("mortgage date"),
  },
  (values, ctx) => {
    checkEscalation(values, ctx);
    const given = [values.newMortgageLender, values.newMortgageAmountCents, values.newMortgageRecordedOn].filter((v) => v !== undefined).length;
    if (given > 0 && given < 3) {
      if (!values.newMortgageLender) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newMortgageLender"], message: "Enter the lender" });
      if (values.newMortgageAmountCents === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newMortgageAmountCents"], message: "Enter the amount" });
      if (!values.newMortgageRecordedOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newMortgageRecordedOn"], message: "Enter the date" });
    }
  },
);
export type AmendmentValues = z.output<typeof AmendmentSchema>;

/** The list page's filters. */
export function parseLeaseListQuery(url: URL): { status?: string; q?: string; page: number } {
  const status = url.searchParams.get("status") ?? "";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  return { ...(status ? { status } : {}), ...(q ? { q } : {}), page: pageNumber(url.searchParams.get("page")) };
}

/** Settings → Lease templates → a version: an admin records the lawyer or firm who reviewed it. */
export const TemplateReviewSchema = z.object({
  counsel: z
    .string({ required_error: "Name the lawyer or firm who reviewed this version." })
    .trim()
    .min(1, "Name the lawyer or firm who reviewed this version.")
    .max(200, "Keep the reviewer's name under 200 characters."),
});
