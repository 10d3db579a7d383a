/**
 * The homeowner's online forms (My home): what each asks, in plain words, and their checks. Shared by the
 * page and its action; plain HTML forms that work without JavaScript. Client-safe: no server imports.
 *
 * The requests are recorded in the trust's request model (app/modules/stewardship-decisions) dated the day
 * they arrive; the notice of intent to sell opens a resale case (app/modules/transfers). The homeowner never
 * types a date received: it is the trust's today.
 */
import { z } from "zod";
import type { ScheduledType } from "~/modules/stewardship/calendar";
import { formObject, legalDate, money, optionalText, text } from "~/utils/form-fields";

/** What a homeowner answers online for each scheduled item, and where the proof is filed. */
export const ANSWERS: Record<ScheduledType, { title: string; proof: string; category: "insurance-declarations" | "tax-proof"; attestation: string | null }> = {
  occupancy_certification: {
    title: "Annual occupancy certification",
    proof: "Proof of home insurance (the declarations page of your policy)",
    category: "insurance-declarations",
    attestation:
      "I certify that my household lives in the home as our principal residence, that we have not rented it out or let anyone else live there in our place, and that the home is insured.",
  },
  insurance_proof: { title: "Proof of home insurance", proof: "The declarations page of your current policy", category: "insurance-declarations", attestation: null },
  property_tax_proof: { title: "Proof that property taxes are paid", proof: "Your tax bill receipt or statement", category: "tax-proof", attestation: null },
};

/** The forms a homeowner may send, in the order the page lists them. */
export const HOMEOWNER_FORMS = {
  improvement: { title: "Ask to make an improvement", summary: "Before work that adds value (a new roof, an addition): approved improvements count when you sell." },
  refinance: { title: "Ask to refinance your mortgage", summary: "The trust checks the new loan against your lease's limits before you sign it." },
  "leave-of-absence": { title: "Ask for a leave of absence", summary: "If your household must live away from the home for a while (work, health, family)." },
  sell: { title: "Tell the trust you want to sell", summary: "Your notice of intent to sell: the trust works out the price and has its option to buy under your lease." },
} as const;
export type HomeownerFormKind = keyof typeof HOMEOWNER_FORMS;

export function isHomeownerFormKind(value: string | null): value is HomeownerFormKind {
  return value !== null && Object.hasOwn(HOMEOWNER_FORMS, value);
}

const yes = (message: string) => z.preprocess((value) => value === "on" || value === "yes" || value === "true", z.literal(true, { errorMap: () => ({ message }) }));

export const certificationSchema = z.object({ attest: yes("Tick the box to confirm the statement, or call the trust if it is not true.") });
export const proofOnlySchema = z.object({});

export const improvementFormSchema = z.object({
  description: text("description of the work", 300),
  costCents: money("estimated cost").pipe(z.number().min(1, "The cost must be more than $0.00")),
  completedOn: legalDate("date you expect the work to be finished"),
});

const ids = z.preprocess((value) => (value == null || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().max(60)).max(20));

export const refinanceFormSchema = z.object({
  lender: text("new lender", 200),
  principalCents: money("amount of the new loan").pipe(z.number().min(1, "The new loan must be more than $0.00")),
  payoffCents: money("payoff of the loans it repays"),
  rate: optionalText(20),
  termYears: optionalText(10),
  repays: ids,
  note: optionalText(2000),
});

export const leaveFormSchema = formObject(
  {
    periodStart: legalDate("date you leave"),
    periodEnd: legalDate("date you come back"),
    reason: text("reason", 2000),
  },
  (values, ctx) => {
    if (values.periodEnd && values.periodStart && values.periodEnd < values.periodStart) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["periodEnd"], message: "The date you come back cannot be before the date you leave" });
  },
);

export const sellFormSchema = z.object({
  confirm: yes("Tick the box to confirm that you intend to sell."),
  note: optionalText(1000),
});

export const HOMEOWNER_FORM_SCHEMAS = {
  improvement: improvementFormSchema,
  refinance: refinanceFormSchema,
  "leave-of-absence": leaveFormSchema,
  sell: sellFormSchema,
} as const;
