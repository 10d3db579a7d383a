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

export const LEASE_DISPOSITIONS = ["new-lease", "assignment"] as const;
export type LeaseDisposition = (typeof LEASE_DISPOSITIONS)[number];
export const LEASE_DISPOSITION_LABELS: Record<LeaseDisposition, string> = {
  "new-lease": "End the seller's lease; a new draft lease for the buyer (99 years from the closing)",
  assignment: "Assign the seller's lease to the buyer (its terms and frozen formula, for its remaining term)",
};

export const closingSchema = z.object({
  intent: z.literal("close"),
  closingDate: legalDate("closing date"),
  price: money("closing price").pipe(z.number().min(1, "The closing price must be more than $0.00")),
  trustFees: money("trust's fees"),
  mortgagePayoff: money("seller's mortgage payoff"),
  sellerClosingCosts: money("seller's closing costs"),
  /** How the seller's lease passes: ended with a new draft lease for the buyer, or assigned to the buyer. */
  leaseDisposition: z.enum(LEASE_DISPOSITIONS, { errorMap: () => ({ message: "Choose how the seller's lease passes to the buyer" }) }).default("new-lease"),
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

export const BUYER_POOL_STATUSES = ["waiting", "offered", "bought", "withdrawn"] as const;
export type BuyerPoolStatus = (typeof BUYER_POOL_STATUSES)[number];
export const BUYER_POOL_STATUS_LABELS: Record<BuyerPoolStatus, string> = { waiting: "Waiting", offered: "Offered a home", bought: "Bought", withdrawn: "Withdrawn" };

export const poolAddSchema = z.object({
  intent: z.literal("pool-add"),
  householdId: text("household", 60),
  addedOn: legalDate("date added"),
  bedroomsWanted: z.coerce
    .number({ invalid_type_error: "Enter the number of bedrooms wanted, e.g. 2" })
    .int("Enter a whole number of bedrooms")
    .min(0, "Enter 0 to 8 bedrooms")
    .max(8, "Enter 0 to 8 bedrooms"),
  note: optionalText(1000),
});
export type PoolAddValues = z.output<typeof poolAddSchema>;

export const poolStatusSchema = z.object({
  intent: z.literal("pool-status"),
  entryId: text("interested buyer", 60),
  status: z.enum(["waiting", "withdrawn"], { errorMap: () => ({ message: "Choose waiting or withdrawn" }) }),
  version,
});
export type PoolStatusValues = z.output<typeof poolStatusSchema>;
