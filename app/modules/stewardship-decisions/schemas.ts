/**
 * The forms of stewardship requests and decisions (shared by the form and the action; they work without
 * JavaScript), and the words for kinds and statuses. Client-safe: no server imports.
 */
import { z } from "zod";
import { formObject, legalDate, money, optionalText, recordVersion, text } from "~/utils/form-fields";

export const REQUEST_KINDS = {
  refinance: "Refinance",
  improvement: "Improvement",
  "leave-of-absence": "Leave of absence",
  rental: "Renting the home",
  "short-sale": "Short sale",
} as const;
export type RequestKind = keyof typeof REQUEST_KINDS;

export const REQUEST_STATUSES = { pending: "Pending", approved: "Approved", refused: "Refused" } as const;
export type RequestStatus = keyof typeof REQUEST_STATUSES;

const ids = z.preprocess((value) => (value == null || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().max(60)).max(20));

export const refinanceRequestSchema = z.object({
  kind: z.literal("refinance"),
  receivedOn: legalDate("date received"),
  lender: text("new lender", 200),
  principalCents: money("new principal").pipe(z.number().min(1, "The new principal must be more than $0.00")),
  payoffCents: money("payoff of the loans it repays"),
  rate: optionalText(20),
  termYears: optionalText(10),
  /** the permitted mortgages the new loan pays off (released from Exhibit D when it is approved) */
  repays: ids,
  note: optionalText(2000),
});
export type RefinanceRequestValues = z.output<typeof refinanceRequestSchema>;

/** Leave of absence, renting the home, short sale: a period the trust approves (the calendar follows its end). */
export const PERIOD_KINDS = ["leave-of-absence", "rental", "short-sale"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const periodRequestSchema = formObject(
  {
    kind: z.enum(PERIOD_KINDS, { errorMap: () => ({ message: "Choose the kind of request" }) }),
    receivedOn: legalDate("date received"),
    periodStart: legalDate("start date"),
    periodEnd: legalDate("end date"),
    reason: text("reason", 2000),
    /** renting: the tenant; short sale: the lender that accepts less than it is owed */
    party: optionalText(200),
    /** short sale: the price offered */
    priceCents: money("price offered").optional(),
  },
  (values, ctx) => {
    if (values.periodEnd && values.periodStart && values.periodEnd < values.periodStart) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["periodEnd"], message: "The end date cannot be before the start date" });
    if (values.kind === "short-sale" && values.priceCents === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["priceCents"], message: "Enter the price offered for a short sale" });
  },
);
export type PeriodRequestValues = z.output<typeof periodRequestSchema>;

/** A capital improvement the homeowner asks to make (credited at resale once approved). */
export const improvementRequestSchema = z.object({
  kind: z.literal("improvement"),
  receivedOn: legalDate("date received"),
  description: text("description of the work", 300),
  costCents: money("estimated cost").pipe(z.number().min(1, "The cost must be more than $0.00")),
  completedOn: legalDate("expected completion date"),
});
export type ImprovementRequestValues = z.output<typeof improvementRequestSchema>;

export const decisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    version: recordVersion(),
    decidedOn: legalDate("decision date"),
    note: optionalText(2000),
    /** leave of absence, renting, short sale: the period approved (the request's when left out) */
    periodStart: legalDate("approved start date").optional(),
    periodEnd: legalDate("approved end date").optional(),
  }),
  z.object({ intent: z.literal("refuse"), version: recordVersion(), decidedOn: legalDate("decision date"), note: text("reason for the refusal", 2000) }),
]);
export type DecisionValues = z.output<typeof decisionSchema>;

const share = z
  .string({ required_error: "Enter the share of the formula price" })
  .trim()
  .refine((value) => /^\d{1,3}(\.\d{1,4})?$/.test(value) && Number(value) > 0 && Number(value) <= 100, { message: "Enter a percent above 0 and at most 100, e.g. 95" });

export const stewardshipSettingsSchema = z.object({
  version: recordVersion(),
  calculationMaxAgeDays: z.coerce
    .number({ invalid_type_error: "Enter the number of days as a whole number" })
    .int("Enter the number of days as a whole number")
    .min(1, "At least 1 day")
    .max(3650, "At most 3650 days"),
  refinanceMaxSharePercent: share,
  cashOutLimitCents: money("cash-out limit"),
});
export type StewardshipSettingsValues = z.output<typeof stewardshipSettingsSchema>;

// ------------------------------------------------------------------------------------------------
// Defaults and cure
// ------------------------------------------------------------------------------------------------

export const noticeOfDefaultSchema = formObject(
  {
    kind: z.enum(["monetary", "non-monetary"], { errorMap: () => ({ message: "Choose whether money is owed or another obligation is broken" }) }),
    description: text("default (what the homeowner has not done)", 2000),
    amountCents: money("amount owed").optional(),
    noticeDate: legalDate("notice date"),
  },
  (values, ctx) => {
    if (values.kind === "monetary" && (values.amountCents === undefined || values.amountCents <= 0)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amountCents"], message: "Enter the amount owed (more than $0.00) for a monetary default" });
    }
  },
);
export type NoticeOfDefaultValues = z.output<typeof noticeOfDefaultSchema>;

const version = recordVersion();

export const defaultActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("escalate"),
    version,
    stage: z.enum(["delinquent-90", "notice-of-foreclosure", "foreclosure-initiated"], { errorMap: () => ({ message: "Choose the stage" }) }),
    date: legalDate("date"),
    obligation: z.enum(["mortgage", "taxes", "lease-fee"], { errorMap: () => ({ message: "Choose what is 90+ days delinquent" }) }).optional(),
    foreclosureSaleDate: legalDate("foreclosure sale date").optional(),
    note: optionalText(2000),
  }),
  z.object({ intent: z.literal("lender-notice"), version, lenderName: text("lender", 200), receivedOn: legalDate("date the trust received the lender's notice") }),
  z.object({ intent: z.literal("cured"), version, curedOn: legalDate("date cured") }),
]);
export type DefaultActionValues = z.output<typeof defaultActionSchema>;
