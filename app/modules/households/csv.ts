/**
 * Households as CSV: the import's columns and row validation (pure; the dry run), and the export's rows.
 * Row numbers follow app/utils/csv.ts: header = row 1, first household = row 2.
 */
import { z } from "zod";
import { safeParseCsv, toCsv, validateCsvRows, type CsvRowError } from "~/utils/csv";
import { ETHNICITIES, IMPORT_COLUMNS, RACES, type HouseholdFields, type MemberInput } from "./schemas";

export { IMPORT_COLUMNS };


export const MAX_IMPORT_ROWS = 5_000;

/** A category given as its code ("not-hispanic") or its label ("Not Hispanic or Latino"), any case. */
function category<T extends Record<string, string>>(labels: T, what: string) {
  const lookup = new Map<string, keyof T & string>();
  for (const [code, label] of Object.entries(labels)) {
    lookup.set(code.toLowerCase(), code);
    lookup.set(label.toLowerCase(), code);
  }
  lookup.set("declined", "declined" as keyof T & string);
  return z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined && !lookup.has(value.toLowerCase())) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `unknown ${what} "${value}"; use one of: ${Object.keys(labels).join(", ")}`,
        });
      }
    })
    .transform((value) => (value === undefined ? "" : lookup.get(value.toLowerCase())!));
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

const ImportRowSchema = z.object({
  name: z.string({ required_error: "missing household name" }).max(160, "name is too long (at most 160 characters)"),
  email: z.string().email("not a valid email address").max(254).optional().transform((v) => (v ?? "").toLowerCase()),
  phone: z.string().max(40, "phone is too long (at most 40 characters)").optional().transform((v) => v ?? ""),
  mailingAddress: z.string().max(500, "address is too long (at most 500 characters)").optional().transform((v) => v ?? ""),
  firstTimeBuyer: z
    .string()
    .optional()
    .refine((v) => v === undefined || YES.has(v.toLowerCase()) || NO.has(v.toLowerCase()), 'use "yes", "no" or leave blank')
    .transform((v) => (v === undefined ? null : YES.has(v.toLowerCase()))),
  ethnicity: category(ETHNICITIES, "ethnicity"),
  race: category(RACES, "race"),
  memberNames: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(";").map((name) => name.trim()).filter(Boolean))
    .refine((names) => names.every((name) => name.length <= 160), "a member name is too long (at most 160 characters)"),
});

export type HouseholdImportRow = { row: number; household: HouseholdFields; members: MemberInput[] };
export type HouseholdImportPlan = { rows: HouseholdImportRow[]; errors: CsvRowError[] };

/** The dry run: every valid row, and every problem with its row and column. Nothing is written. */
export function planHouseholdImport(text: string): HouseholdImportPlan {
  const parsed = safeParseCsv(text);
  if (!parsed.ok) return { rows: [], errors: [{ row: parsed.error.line, column: "", message: parsed.error.message }] };
  if (parsed.rows.length === 0) return { rows: [], errors: [{ row: 0, column: "", message: "the file has no households" }] };
  if (!parsed.headers.includes(IMPORT_COLUMNS.name)) {
    return { rows: [], errors: [{ row: 1, column: IMPORT_COLUMNS.name, message: `missing column "${IMPORT_COLUMNS.name}"` }] };
  }
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: 0, column: "", message: `at most ${MAX_IMPORT_ROWS} households per file (this one has ${parsed.rows.length})` }] };
  }
  const errors: CsvRowError[] = [];
  const rows: HouseholdImportRow[] = [];
  parsed.rows.forEach((raw, index) => {
    const { valid, errors: rowErrors } = validateCsvRows([raw], ImportRowSchema, IMPORT_COLUMNS);
    const rowNumber = index + 2;
    errors.push(...rowErrors.map((e) => ({ ...e, row: rowNumber })));
    const value = valid[0];
    if (!value) return;
    const { memberNames, ...household } = value;
    rows.push({
      row: rowNumber,
      household: { ...household, name: household.name },
      members: memberNames.map((fullName) => ({ fullName, relationship: "", dateOfBirth: null, email: "", phone: "" })),
    });
  });
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

export const EXPORT_HEADERS = [
  ...Object.values(IMPORT_COLUMNS),
  "household_size",
  "latest_certified_on",
  "latest_percent_ami",
  "current_home",
  "archived",
] as const;

export type ExportHousehold = {
  name: string;
  email: string;
  phone: string;
  mailingAddress: string;
  firstTimeBuyer: boolean | null;
  ethnicity: string;
  race: string;
  archivedAt: Date | null;
  members: { fullName: string }[];
  incomeCertifications: { certifiedOn: string; percentAmi: string; householdSize: number }[];
  currentHome: string;
};

export function householdsToCsv(households: readonly ExportHousehold[]): string {
  return toCsv(EXPORT_HEADERS, householdCsvRows(households));
}

export { EXPORT_HEADERS as HOUSEHOLD_EXPORT_HEADERS };

/** The export's records for some households (an export streams them page by page). */
export function householdCsvRows(households: readonly ExportHousehold[]) {
  return households.map((h) => {
      const latest = h.incomeCertifications[0];
      return {
        household_name: h.name,
        email: h.email,
        phone: h.phone,
        mailing_address: h.mailingAddress,
        first_time_buyer: h.firstTimeBuyer === null ? "" : h.firstTimeBuyer ? "yes" : "no",
        ethnicity: h.ethnicity,
        race: h.race,
        member_names: h.members.map((m) => m.fullName).join("; "),
        household_size: latest ? latest.householdSize : h.members.length,
        latest_certified_on: latest?.certifiedOn ?? "",
        latest_percent_ami: latest?.percentAmi ?? "",
        current_home: h.currentHome,
        archived: h.archivedAt ? "yes" : "no",
      };
    });
}

