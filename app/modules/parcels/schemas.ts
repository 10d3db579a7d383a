import { z } from "zod";
import { MAX_YEAR, yearOf } from "~/utils/calendar-date";
import { decimalString, formObject, legalDate, money, optionalText, recordVersion, text, wholeNumber } from "~/utils/form-fields";

/** The parcel vocabulary, shared by the forms, the CSV importer and the data layer. */
export const PARCEL_STATUSES = ["acquired", "in_development", "leased", "vacant", "disposed"] as const;
export const PARCEL_STATUS_LABELS: Record<(typeof PARCEL_STATUSES)[number], string> = {
  acquired: "Acquired",
  in_development: "In development",
  leased: "Leased",
  vacant: "Vacant",
  disposed: "Disposed",
};
export const ACQUISITION_METHODS = ["purchase", "donation", "transfer"] as const;
export const AREA_UNITS = ["square_feet", "acres"] as const;
export const AREA_UNIT_LABELS: Record<(typeof AREA_UNITS)[number], string> = { square_feet: "square feet", acres: "acres" };
export const HOME_TYPES = ["single_family", "townhouse", "condominium", "duplex", "other"] as const;
export const HOME_TYPE_LABELS: Record<(typeof HOME_TYPES)[number], string> = {
  single_family: "Single-family house",
  townhouse: "Townhouse",
  condominium: "Condominium unit",
  duplex: "Duplex half",
  other: "Other",
};
export const FUNDING_PROGRAMS = ["HOME", "CDBG", "state", "city", "private", "other"] as const;
export const FUNDING_PROGRAM_LABELS: Record<(typeof FUNDING_PROGRAMS)[number], string> = {
  HOME: "HOME",
  CDBG: "CDBG",
  state: "State",
  city: "City",
  private: "Private",
  other: "Other",
};

/**
 * The key an APN is unique by within a trust: without surrounding spaces and case, so " t-ttifr-01 " is the
 * same parcel as "T-TTIFR-01". The APN itself is stored trimmed, as typed.
 */
export function parcelNumberKey(parcelNumber: string): string {
  return parcelNumber.trim().toUpperCase();
}

/** Empty form fields arrive as undefined (Conform); optional fields stay undefined. */
export const ParcelFields = {
  parcelNumber: z
    .string({ required_error: "Enter the parcel number (APN)" })
    .trim()
    .min(1, "Enter the parcel number (APN)")
    .max(40, "Use at most 40 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/, "Use letters, digits, spaces, dots, dashes or slashes"),
  streetAddress: text("street address", 200),
  city: optionalText(100),
  state: optionalText(40),
  postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, "Use a 5-digit ZIP code, e.g. 05401").optional(),
  legalDescription: z.string().max(20_000, "Use at most 20,000 characters").optional(),
  landArea: decimalString("land area", { max: 100_000_000 }).optional(),
  landAreaUnit: z.enum(AREA_UNITS, { errorMap: () => ({ message: "Choose square feet or acres" }) }).default("square_feet"),
  zoning: optionalText(60),
  // HUD income-limit area (area code of one of the trust's tables); the data layer checks it
  incomeLimitAreaCode: optionalText(200),
  acquisitionDate: legalDate("acquisition date").optional(),
  acquisitionPriceCents: money("acquisition price").optional(),
  acquisitionMethod: z.enum(ACQUISITION_METHODS, { errorMap: () => ({ message: "Choose purchase, donation or transfer" }) }).optional(),
  assessedLandValueCents: money("assessed land value").optional(),
  status: z.enum(PARCEL_STATUSES, { errorMap: () => ({ message: "Choose a status" }) }).default("acquired"),
};

/**
 * Rules across a parcel's fields, for every schema that carries them (form, edit, CSV import). `today` is the
 * trust's today (`todayIn(actor.timeZone)` or `organisationToday`), so "the future" is the trust's future.
 */
export function checkParcelRules(value: { acquisitionDate?: string }, ctx: z.RefinementCtx, today: string, path: (string | number)[] = []): void {
  if (value.acquisitionDate && value.acquisitionDate > today) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "acquisitionDate"], message: "The acquisition date cannot be in the future" });
  }
}

/** A home may be planned a few years ahead: the year built is at most the trust's current year + 3. */
export function checkHomeRules(value: { yearBuilt?: number }, ctx: z.RefinementCtx, today: string, path: (string | number)[] = []): void {
  const latest = yearOf(today) + 3;
  if (value.yearBuilt !== undefined && value.yearBuilt > latest) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "yearBuilt"], message: `The year built must be at most ${latest}` });
  }
}

/** Rules across a funding source's fields (its own form, and the first funding source of a registration). */
export function checkFundingRules(value: { receivedOn?: string; restrictionEndDate?: string }, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  if (value.receivedOn && value.restrictionEndDate && value.restrictionEndDate < value.receivedOn) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "restrictionEndDate"], message: "The restriction cannot end before the funds were received" });
  }
}

/** A parcel's fields, checked against the trust's `today`. */
export function parcelSchema(today: string) {
  return formObject(ParcelFields, (value, ctx) => checkParcelRules(value, ctx, today));
}

/** Editing a parcel: its fields and the version the form was loaded with. */
export function editParcelSchema(today: string) {
  return formObject({ ...ParcelFields, version: recordVersion() }, (value, ctx) => checkParcelRules(value, ctx, today));
}
export type ParcelInput = z.infer<ReturnType<typeof parcelSchema>>;

export const HomeFields = {
  label: optionalText(60),
  homeType: z.enum(HOME_TYPES, { errorMap: () => ({ message: "Choose the type of home" }) }),
  bedrooms: wholeNumber("number of bedrooms", { max: 20 }),
  bathrooms: decimalString("number of bathrooms", { max: 20 }).refine((v) => /^\d+(\.5|\.0)?$/.test(v), {
    message: "Use whole or half bathrooms, e.g. 1.5",
  }),
  floorAreaSqft: wholeNumber("floor area", { min: 1, max: 100_000 }).optional(),
  yearBuilt: wholeNumber("year built", { min: 1700, max: MAX_YEAR }).optional(),
};
export const HomeSchema = z.object(HomeFields);
export type HomeInput = z.infer<typeof HomeSchema>;

export const FundingFields = {
  funder: text("funder", 120),
  program: z.enum(FUNDING_PROGRAMS, { errorMap: () => ({ message: "Choose the program" }) }),
  amountCents: money("amount"),
  receivedOn: legalDate("date").optional(),
  affordabilityYears: wholeNumber("affordability period", { min: 1, max: 999 }).optional(),
  restrictionEndDate: legalDate("restriction end date").optional(),
  notes: optionalText(1000),
};
export const FundingSourceSchema = formObject(FundingFields, (value, ctx) => checkFundingRules(value, ctx));
export type FundingSourceInput = z.infer<typeof FundingSourceSchema>;

/**
 * Optional sections of a form (e.g. "first home", left blank) are dropped from the submitted data before
 * validation, so a blank section counts as absent rather than as missing fields. Used on client and server.
 */
export function withoutBlankSections(formData: FormData, sections: readonly string[]): FormData {
  const result = new FormData();
  const blank = new Set(
    sections.filter((section) =>
      [...formData.entries()].every(([key, value]) => !key.startsWith(`${section}.`) || (typeof value === "string" && value.trim() === "")),
    ),
  );
  for (const [key, value] of formData.entries()) {
    if (![...blank].some((section) => key.startsWith(`${section}.`))) result.append(key, value);
  }
  return result;
}

export const REGISTER_PARCEL_SECTIONS = ["home", "funding"] as const;

/** Registering a parcel: the parcel, optionally its first home and first funding source, in one form. */
export function registerParcelSchema(today: string) {
  return formObject(
    {
      ...ParcelFields,
      home: formObject(HomeFields, (home, ctx) => checkHomeRules(home, ctx, today)).optional(),
      funding: FundingSourceSchema.optional(),
    },
    (value, ctx) => checkParcelRules(value, ctx, today),
  );
}
export type RegisterParcelInput = z.infer<ReturnType<typeof registerParcelSchema>>;

export const ParcelListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(PARCEL_STATUSES).optional(),
  program: z.enum(FUNDING_PROGRAMS).optional(),
  sort: z.enum(["parcelNumber", "streetAddress", "updatedAt", "status"]).default("parcelNumber"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  // the list's "Include archived" checkbox sends archived=1 (app/components/list-filters.tsx); "only" stays for links
  archived: z.preprocess((v) => (v === "1" ? "include" : v), z.enum(["only", "include"]).optional()),
});
export type ParcelListQuery = z.infer<typeof ParcelListQuerySchema>;

export function parseListQuery(url: URL): ParcelListQuery {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const result = ParcelListQuerySchema.safeParse(raw);
  return result.success ? result.data : ParcelListQuerySchema.parse({});
}
