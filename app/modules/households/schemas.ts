import { pageNumber } from "~/utils/page-number";
/**
 * Households, members, income certifications and ownership: the Zod schemas shared by the forms (client
 * validation through Conform) and the server, plus the vocabularies (HUD-9902 categories, income sources,
 * mortgage types). Pure: no I/O.
 */
import { z } from "zod";
import { isCalendarDate } from "~/utils/calendar-date";
import { formObject, MAX_AMOUNT_TEXT, MAX_CENTS } from "~/utils/form-fields";
import { stringToCents } from "~/utils/money";

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

/** HUD-9902 ethnicity categories; "declined" = chose not to respond. "" (not recorded) is stored as "". */
export const ETHNICITIES = {
  "hispanic": "Hispanic or Latino",
  "not-hispanic": "Not Hispanic or Latino",
  "declined": "Declined to answer",
} as const;
export type Ethnicity = keyof typeof ETHNICITIES;

/** HUD-9902 race categories, including its multi-race combinations. */
export const RACES = {
  "american-indian-alaska-native": "American Indian or Alaska Native",
  "asian": "Asian",
  "black": "Black or African American",
  "pacific-islander": "Native Hawaiian or Other Pacific Islander",
  "white": "White",
  "american-indian-white": "American Indian or Alaska Native and White",
  "asian-white": "Asian and White",
  "black-white": "Black or African American and White",
  "american-indian-black": "American Indian or Alaska Native and Black or African American",
  "other-multiple": "Other multiple race",
  "declined": "Declined to answer",
} as const;
export type Race = keyof typeof RACES;

export const RELATIONSHIPS = {
  "head": "Head of household",
  "spouse-partner": "Spouse or partner",
  "child": "Child",
  "parent": "Parent",
  "other-relative": "Other relative",
  "other": "Other household member",
} as const;

/** A member's stored relationship in the household form's words ("spouse-partner" → "Spouse or partner"); text that
 * is not one of the choices is shown as it is. */
export function relationshipLabel(relationship: string): string {
  return (RELATIONSHIPS as Record<string, string>)[relationship] ?? relationship;
}

export const INCOME_SOURCES = {
  "wages": "Wages",
  "self-employment": "Self-employment",
  "benefits": "Benefits",
  "pension": "Pension",
  "child-support": "Child support",
  "other": "Other",
} as const;
export type IncomeSource = keyof typeof INCOME_SOURCES;

export const MORTGAGE_TYPES = { fixed: "Fixed rate", arm: "Adjustable rate (ARM)", other: "Other" } as const;

/** Target levels offered on a certification (% of AMI). 30/50/80 are published; the others are derived. */
export const TARGET_LEVELS = [30, 50, 60, 80, 100, 120] as const;

export function options<T extends Record<string, string>>(labels: T) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

function keys<T extends Record<string, string>>(labels: T) {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}

// ---------------------------------------------------------------------------------------------
// Field schemas
// ---------------------------------------------------------------------------------------------

/** A real calendar date "YYYY-MM-DD"; checked without Date, so no time zone can move it. */
export const isLegalDate = isCalendarDate;

export function legalDate(requiredMessage: string) {
  return z
    .string({ required_error: requiredMessage })
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), "Use the format YYYY-MM-DD")
    .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isLegalDate(value), "This date does not exist");
}

const MONEY_PATTERN = /^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/**
 * Dollars as typed ("52300", "52,300.50", "$52,300.50") → exact integer cents, or null when it is not
 * an amount. Never goes through a JS float.
 */
export function parseDollarsToCents(text: string): number | null {
  const trimmed = text.trim();
  if (!MONEY_PATTERN.test(trimmed)) return null;
  try {
    return stringToCents(trimmed.replace(/^\$/, "").replace(/,/g, ""));
  } catch (error) {
    // beyond exact cents: an amount, but far too large (the callers refuse anything over MAX_CENTS)
    if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
    return null;
  }
}

/** A dollar amount field → integer cents (≥ 0, at most MAX_CENTS: $999,999,999,999.99). */
export function moneyCents(requiredMessage: string) {
  return z
    .string({ required_error: requiredMessage })
    .trim()
    .superRefine((value, ctx) => {
      if (/^-/.test(value) || /^\$-/.test(value)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "The amount cannot be negative" });
        return;
      }
      const cents = parseDollarsToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter an amount in dollars, e.g. 52,300 or 52300.50" });
      } else if (cents > MAX_CENTS) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `The amount is too large (at most ${MAX_AMOUNT_TEXT})` });
      }
    })
    .transform((value) => parseDollarsToCents(value)!);
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters)`)
    .optional()
    .transform((value) => value ?? "");

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid email address")
  .max(254, "Email address is too long")
  .optional()
  .transform((value) => value ?? "");

const VersionSchema = z.number({ required_error: "Missing record version", invalid_type_error: "Missing record version" }).int();

// ---------------------------------------------------------------------------------------------
// Household
// ---------------------------------------------------------------------------------------------

export const HouseholdFieldsSchema = z.object({
  name: z
    .string({ required_error: "Enter the household's name" })
    .trim()
    .min(1, "Enter the household's name")
    .max(160, "The name is too long (at most 160 characters)"),
  email: optionalEmail,
  phone: optionalText(40, "Phone"),
  mailingAddress: optionalText(500, "Mailing address"),
  firstTimeBuyer: z
    .enum(["yes", "no"], { errorMap: () => ({ message: "Choose yes, no or not recorded" }) })
    .optional()
    .transform((value) => (value === undefined ? null : value === "yes")),
  ethnicity: z
    .enum(keys(ETHNICITIES), { errorMap: () => ({ message: "Choose a HUD-9902 ethnicity category" }) })
    .optional()
    .transform((value) => value ?? ""),
  race: z
    .enum(keys(RACES), { errorMap: () => ({ message: "Choose a HUD-9902 race category" }) })
    .optional()
    .transform((value) => value ?? ""),
});
export type HouseholdFields = z.output<typeof HouseholdFieldsSchema>;

export const CreateHouseholdSchema = HouseholdFieldsSchema;
export const UpdateHouseholdSchema = HouseholdFieldsSchema.extend({ version: VersionSchema });

export const MemberSchema = z.object({
  fullName: z
    .string({ required_error: "Enter the member's full name" })
    .trim()
    .min(1, "Enter the member's full name")
    .max(160, "The name is too long (at most 160 characters)"),
  relationship: z
    .enum(keys(RELATIONSHIPS), { errorMap: () => ({ message: "Choose a relationship" }) })
    .optional()
    .transform((value) => value ?? ""),
  dateOfBirth: legalDate("").optional().transform((value) => value ?? null),
  email: optionalEmail,
  phone: optionalText(40, "Phone"),
});
export type MemberInput = z.output<typeof MemberSchema>;

// ---------------------------------------------------------------------------------------------
// Income certification
// ---------------------------------------------------------------------------------------------

const IncomeItemSchema = z.object({
  memberName: z.string().trim().max(160, "The name is too long").optional(),
  source: z.string().optional(),
  annualAmount: z.string().trim().optional(),
});

export type IncomeItem = { memberName: string; source: IncomeSource; annualAmountCents: number };

/** Income rows: wholly blank rows are ignored (the form shows spare rows); the rest must be complete. */
const IncomeItemsSchema = z
  .array(IncomeItemSchema)
  .optional()
  .superRefine((items, ctx) => {
    let filled = 0;
    let total = 0;
    (items ?? []).forEach((item, index) => {
      const blank = !item.memberName && !item.source && !item.annualAmount;
      if (blank) return;
      filled += 1;
      if (!item.source || !(item.source in INCOME_SOURCES)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, "source"], message: "Choose the source of this income" });
      }
      if (!item.annualAmount) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, "annualAmount"], message: "Enter the annual amount" });
      } else if (/^\$?-/.test(item.annualAmount)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, "annualAmount"], message: "Income cannot be negative" });
      } else if (parseDollarsToCents(item.annualAmount) === null) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, "annualAmount"],
          message: "Enter an amount in dollars, e.g. 52,300 or 52300.50",
        });
      } else {
        const cents = parseDollarsToCents(item.annualAmount)!;
        total += cents;
        if (cents > MAX_CENTS) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, "annualAmount"], message: `The amount is too large (at most ${MAX_AMOUNT_TEXT})` });
        }
      }
    });
    if (total > MAX_CENTS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `The household's total income is too large to record (at most ${MAX_AMOUNT_TEXT})` });
    }
    if (filled === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Add at least one income source (enter 0 if the household has no income)",
      });
    }
  })
  .transform((items): IncomeItem[] =>
    (items ?? [])
      .filter((item) => item.memberName || item.source || item.annualAmount)
      .map((item) => ({
        memberName: item.memberName ?? "",
        source: item.source as IncomeSource,
        annualAmountCents: parseDollarsToCents(item.annualAmount!)!,
      })),
  );

export const CertificationSchema = z.object({
  certifiedOn: legalDate("Enter the certification date"),
  householdSize: z
    .number({ required_error: "Enter the household size", invalid_type_error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(1, "A household has at least 1 person")
    .max(30, "Household size looks wrong (at most 30)"),
  targetLevel: z
    .number({ required_error: "Choose the target income level", invalid_type_error: "Choose the target income level" })
    .int()
    .refine((value) => (TARGET_LEVELS as readonly number[]).includes(value), "Choose one of the offered levels"),
  // the home the household is buying, when it owns none yet: its parcel's HUD area measures the income
  homeId: z.string().trim().optional(),
  incomeItems: IncomeItemsSchema,
});
export type CertificationInput = z.output<typeof CertificationSchema>;

// ---------------------------------------------------------------------------------------------
// Ownership
// ---------------------------------------------------------------------------------------------

/** Interest rate as a decimal-string percent: "6.125" means 6.125 %. */
const RATE_PATTERN = /^\d{1,2}(\.\d{1,4})?$/;

export const PurchaseSchema = formObject(
  {
    homeId: z.string({ required_error: "Choose the home" }).min(1, "Choose the home"),
    purchasePrice: moneyCents("Enter the purchase price"),
    purchaseDate: legalDate("Enter the purchase date"),
    mortgageLender: optionalText(160, "Lender"),
    mortgageAmount: moneyCents("").optional().transform((value) => value ?? null),
    mortgageRate: z
      .string()
      .trim()
      .regex(RATE_PATTERN, "Enter the rate as a percent, e.g. 6.125")
      .optional()
      .transform((value) => value ?? null),
    mortgageTermYears: z
      .number({ invalid_type_error: "Enter a whole number of years" })
      .int("Enter a whole number of years")
      .min(1, "At least 1 year")
      .max(50, "At most 50 years")
      .optional()
      .transform((value) => value ?? null),
    mortgageType: z
      .enum(keys(MORTGAGE_TYPES), { errorMap: () => ({ message: "Choose the mortgage type" }) })
      .optional()
      .transform((value) => value ?? ""),
  },
  (value, ctx) => {
    if (value.mortgageAmount != null && value.purchasePrice !== undefined && value.mortgageAmount > value.purchasePrice) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["mortgageAmount"], message: "The mortgage is larger than the purchase price" });
    }
  },
);
export type PurchaseInput = z.output<typeof PurchaseSchema>;

export const SaleSchema = z.object({
  ownershipId: z.string().min(1),
  saleDate: legalDate("Enter the sale date"),
  salePrice: moneyCents("Enter the sale price"),
  version: VersionSchema,
});
export type SaleInput = z.output<typeof SaleSchema>;

export const RemoveMemberSchema = z.object({ memberId: z.string().min(1) });
export const ArchiveSchema = z.object({ version: VersionSchema });

// ---------------------------------------------------------------------------------------------
// Search text
// ---------------------------------------------------------------------------------------------

/** What household search matches: lower-cased name, member names and email, one space apart. */
export function householdSearchText(name: string, email: string, memberNames: readonly string[]): string {
  return [name, ...memberNames, email]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// List filters (the list page and the CSV export read the same query string)
// ---------------------------------------------------------------------------------------------

export type HouseholdListFilters = { q: string; sort: "name" | "updated"; page: number; includeArchived: boolean };

export function parseHouseholdFilters(url: URL): HouseholdListFilters {
  return {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 200),
    sort: url.searchParams.get("sort") === "updated" ? "updated" : "name",
    page: pageNumber(url.searchParams.get("page")),
    includeArchived: url.searchParams.get("archived") === "1",
  };
}

/** The household CSV import's columns (schema field → CSV header); the export writes the same ones first. */
export const IMPORT_COLUMNS = {
  name: "household_name",
  email: "email",
  phone: "phone",
  mailingAddress: "mailing_address",
  firstTimeBuyer: "first_time_buyer",
  ethnicity: "ethnicity",
  race: "race",
  memberNames: "member_names",
} as const;
