import { z } from "zod";
import { legalDate, money, optionalLegalDate, optionalText, text } from "~/utils/form-fields";

/** The forms of a resale / transfer case (shared by the pages and their actions; they work without JavaScript). */

export const CASE_KINDS = ["sale", "heirs", "trust-sale", "foreclosure"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  sale: "Sale by the homeowner",
  heirs: "Transfer to heirs",
  "trust-sale": "Sale by the trust",
  foreclosure: "Foreclosure or short sale",
};

export const NOTICE_METHODS = ["mail", "email", "hand-delivery", "other"] as const;
export const NOTICE_METHOD_LABELS: Record<(typeof NOTICE_METHODS)[number], string> = {
  mail: "By mail",
  email: "By email",
  "hand-delivery": "By hand",
  other: "Other",
};

export const CASE_STATUS_LABELS = { open: "Open", closed: "Closed", cancelled: "Cancelled" } as const;

const version = z.coerce.number({ invalid_type_error: "Reload the page and try again" }).int();

export const openCaseSchema = z.object({
  homeId: text("home", 60),
  kind: z.enum(CASE_KINDS, { errorMap: () => ({ message: "Choose what kind of transfer this is" }) }),
  noticeDate: legalDate("date of the notice of intent"),
  noticeMethod: z.enum(NOTICE_METHODS, { errorMap: () => ({ message: "Choose how the notice arrived" }) }),
  noticeNote: optionalText(1000),
});
export type OpenCaseValues = z.output<typeof openCaseSchema>;

export const formulaPriceSchema = z.object({
  intent: z.literal("formula-price"),
  /** The lease's valuation date: the notice date unless the lease says otherwise. */
  valuationDate: optionalLegalDate("valuation date"),
  priceNoticeOn: legalDate("date the price notice was sent"),
  version,
});
export type FormulaPriceValues = z.output<typeof formulaPriceSchema>;

export const optionSchema = z.object({
  intent: z.literal("option"),
  decision: z.enum(["exercised", "assigned", "waived"], { errorMap: () => ({ message: "Choose the trust's decision" }) }),
  decidedOn: legalDate("date of the decision"),
  note: optionalText(1000),
  version,
});
export type OptionValues = z.output<typeof optionSchema>;

export const buyerSchema = z.object({
  intent: z.literal("buyer"),
  householdId: text("buyer household", 60),
  version,
});
export type BuyerValues = z.output<typeof buyerSchema>;

export const closingSchema = z.object({
  intent: z.literal("close"),
  closingDate: legalDate("closing date"),
  price: money("closing price").pipe(z.number().min(1, "The closing price must be more than $0.00")),
  trustFees: money("trust's fees"),
  mortgagePayoff: money("seller's mortgage payoff"),
  sellerClosingCosts: money("seller's closing costs"),
  /** Admins only: a price above the maximum, with the reason recorded. */
  overrideReason: optionalText(1000),
  version,
});
export type ClosingValues = z.output<typeof closingSchema>;

export const cancelSchema = z.object({
  intent: z.literal("cancel"),
  cancelledOn: legalDate("date the homeowner withdrew"),
  reason: text("reason", 1000),
  version,
});
export type CancelValues = z.output<typeof cancelSchema>;
