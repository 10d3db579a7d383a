import { z } from "zod";
import { legalDate, money, optionalText, recordVersion, text } from "~/utils/form-fields";
import type { CreditKind } from "./rules";

/** A ledger entry's kind in words (the ledger's lines, the bookkeeping export, the audit history). */
export type FeeEntryKind = "charge" | "late-charge" | CreditKind;
export const ENTRY_KIND_LABELS: Record<FeeEntryKind, string> = {
  charge: "Lease fee",
  "late-charge": "Late charge",
  payment: "Payment",
  waiver: "Waiver",
  reversal: "Reversal",
};

/** The forms of the lease-fee ledger (shared by the form and the action; they work without JavaScript). */

const positiveMoney = (label: string) => money(label).pipe(z.number().min(1, `The ${label} must be more than $0.00`));

export const paymentSchema = z.object({
  intent: z.literal("payment"),
  date: legalDate("payment date"),
  amount: positiveMoney("amount paid"),
  method: optionalText(100),
  reference: optionalText(200),
  note: optionalText(500),
});
export type PaymentValues = z.output<typeof paymentSchema>;

export const waiverSchema = z.object({
  intent: z.literal("waiver"),
  date: legalDate("waiver date"),
  amount: positiveMoney("amount waived"),
  /** The charge or late charge waived ("late:2024-02-01"), or empty for a general reduction. */
  appliesTo: optionalText(40),
  note: text("reason (who approved it and why)", 500),
});
export type WaiverValues = z.output<typeof waiverSchema>;

export const reversalSchema = z.object({
  intent: z.literal("reversal"),
  entryId: text("entry", 60),
  date: legalDate("reversal date"),
  note: text("reason for the reversal", 500),
});
export type ReversalValues = z.output<typeof reversalSchema>;

export const ledgerActionSchema = z.discriminatedUnion("intent", [paymentSchema, waiverSchema, reversalSchema]);

/** One row of a bank CSV of payments (columns: Lease, Date, Amount, Method, Reference). */
export const paymentCsvRowSchema = z.object({
  lease: text("lease reference", 60),
  date: legalDate("payment date"),
  amount: positiveMoney("amount paid"),
  method: optionalText(100),
  reference: optionalText(200),
});
export const PAYMENT_CSV_COLUMNS = { lease: "Lease", date: "Date", amount: "Amount", method: "Method", reference: "Reference" } as const;

export const accountCodesSchema = z.object({
  receivableAccount: text("receivable account", 40),
  feeIncomeAccount: text("lease-fee income account", 40),
  lateChargeAccount: text("late-charge income account", 40),
  cashAccount: text("cash account", 40),
  waiverAccount: text("waivers account", 40),
  version: recordVersion(),
});
export type AccountCodesValues = z.output<typeof accountCodesSchema>;

export const indexValueSchema = z.object({
  indexName: optionalText(200),
  date: legalDate("index date"),
  value: z
    .string({ required_error: "Enter the index value" })
    .trim()
    .refine((value) => /^\d+(\.\d+)?$/.test(value) && Number(value) > 0, { message: "Enter the index value as a positive number, e.g. 310.326" }),
  /** where it was published (resale calculations show it as the input's source) */
  source: optionalText(300),
});
export type IndexValueValues = z.output<typeof indexValueSchema>;
