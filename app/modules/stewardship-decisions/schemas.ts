/**
 * The forms of stewardship requests and decisions (shared by the form and the action; they work without
 * JavaScript), and the words for kinds and statuses. Client-safe: no server imports.
 */
import { z } from "zod";
import { legalDate, money, optionalText, text } from "~/utils/form-fields";

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

export const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), version: z.coerce.number().int(), decidedOn: legalDate("decision date"), note: optionalText(2000) }),
  z.object({ intent: z.literal("refuse"), version: z.coerce.number().int(), decidedOn: legalDate("decision date"), note: text("reason for the refusal", 2000) }),
]);
export type DecisionValues = z.output<typeof decisionSchema>;

const share = z
  .string({ required_error: "Enter the share of the formula price" })
  .trim()
  .refine((value) => /^\d{1,3}(\.\d{1,4})?$/.test(value) && Number(value) > 0 && Number(value) <= 100, { message: "Enter a percent above 0 and at most 100, e.g. 95" });

export const stewardshipSettingsSchema = z.object({
  version: z.coerce.number().int(),
  calculationMaxAgeDays: z.coerce
    .number({ invalid_type_error: "Enter the number of days as a whole number" })
    .int("Enter the number of days as a whole number")
    .min(1, "At least 1 day")
    .max(3650, "At most 3650 days"),
  refinanceMaxSharePercent: share,
  cashOutLimitCents: money("cash-out limit"),
});
export type StewardshipSettingsValues = z.output<typeof stewardshipSettingsSchema>;
