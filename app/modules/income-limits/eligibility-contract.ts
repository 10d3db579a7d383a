/**
 * The eligibility contract (docs/eligibility-contract.md), pure: request JSON + the organisation's tables in,
 * `{ exitCode, stdout, stderr }` out. `npm run --silent clt -- eligibility` (cli.server.ts) reads the tables from
 * the database and writes the strings.
 *
 * Exit codes: 0 a verdict; 2 invalid JSON or an invalid field (`{ "error": "invalid-request", "fields": [...] }`)
 * or no table of the area in effect on the date (`{ "error": "no-table-in-effect", "area", "date", ... }`).
 */
import { z } from "zod";
import { isCalendarDate } from "~/utils/calendar-date";
import {
  chooseTableInEffect,
  eligibilityAtLevel,
  IncomeLimitError,
  isTableOfArea,
  percentOfAmi,
  type IncomeLimitTable,
} from "./income-limits";

export type CommandOutput = { exitCode: number; stdout: string; stderr: string };
export type FieldError = { path: string; message: string };

export const EligibilityRequestSchema = z
  .object({
    area: z.string({ required_error: "is required: a HUD area name or code" }).trim().min(1, "is required: a HUD area name or code").max(200),
    date: z
      .string({ required_error: "is required: the certification date, YYYY-MM-DD" })
      .refine(isCalendarDate, (value) => ({ message: `must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}` })),
    householdSize: z
      .number({ required_error: "is required: a whole number of persons", invalid_type_error: "must be a whole number of persons" })
      .int("must be a whole number of persons")
      .min(1, "must be at least 1")
      .max(30, "must be at most 30"),
    annualIncome: z
      .string({
        required_error: "is required: dollars as a string such as \"71380.00\"",
        invalid_type_error: "must be dollars as a string such as \"71380.00\", not a JSON number",
      })
      .regex(/^\d{1,12}(\.\d{1,2})?$/, "must be dollars with at most two decimals, such as \"71380.00\" (no sign, no commas)"),
    level: z
      .number({ required_error: "is required: the % of AMI, e.g. 80", invalid_type_error: "must be a number, the % of AMI, e.g. 80" })
      .int("must be a whole number, the % of AMI, e.g. 80")
      .min(1, "must be at least 1")
      .max(300, "must be at most 300"),
  })
  .strict("has an unknown field");

export type EligibilityRequest = z.output<typeof EligibilityRequestSchema>;

export type EligibilityResponse = {
  eligible: boolean;
  limit: string;
  limitSource: string;
  percentOfAmi: string;
  table: { area: string; areaCode: string; fiscalYear: number; effectiveFrom: string };
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function invalid(fields: FieldError[]): CommandOutput {
  return { exitCode: 2, stdout: "", stderr: json({ error: "invalid-request", fields }) };
}

export function runEligibilityRequest(stdinText: string, tables: readonly IncomeLimitTable[]): CommandOutput {
  let body: unknown;
  try {
    body = JSON.parse(stdinText);
  } catch (error) {
    return invalid([{ path: "", message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalid([{ path: "", message: "must be a JSON object" }]);
  const parsed = EligibilityRequestSchema.safeParse(body);
  if (!parsed.success) {
    return invalid(
      parsed.error.issues.flatMap((issue) =>
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => ({ path: key, message: "is not a field of the request (area, date, householdSize, annualIncome, level)" }))
          : [{ path: issue.path.join("."), message: issue.message }],
      ),
    );
  }
  const request = parsed.data;
  const table = chooseTableInEffect(tables, request.area, request.date);
  if (!table) {
    const named = tables.find((t) => isTableOfArea(t, request.area));
    return {
      exitCode: 2,
      stdout: "",
      stderr: json({
        error: "no-table-in-effect",
        area: request.area,
        date: request.date,
        message: named
          ? `No income-limit table for ${named.areaName} (${named.areaCode}) is in effect on ${request.date}; another area's table is never used.`
          : `No income-limit table for the area "${request.area}" is on file; another area's table is never used.`,
        tables: [...tables]
          .sort((a, b) => a.areaName.localeCompare(b.areaName) || b.effectiveFrom.localeCompare(a.effectiveFrom))
          .map((t) => ({ area: t.areaName, areaCode: t.areaCode, fiscalYear: t.fiscalYear, effectiveFrom: t.effectiveFrom })),
      }),
    };
  }
  try {
    const verdict = eligibilityAtLevel(request.annualIncome, table, request.level, request.householdSize);
    const ami = percentOfAmi(request.annualIncome, table, request.householdSize, table.derivationMethod ?? "multiple-of-50");
    const response: EligibilityResponse = {
      eligible: verdict.eligible,
      limit: verdict.limit,
      limitSource: verdict.source,
      percentOfAmi: ami.percent,
      table: { area: table.areaName, areaCode: table.areaCode, fiscalYear: table.fiscalYear, effectiveFrom: table.effectiveFrom },
    };
    return { exitCode: 0, stdout: json(response), stderr: "" };
  } catch (error) {
    // e.g. the table has no published row for the level (Albuquerque's seeded table has no 30 % row)
    if (error instanceof IncomeLimitError) return invalid([{ path: "level", message: error.message }]);
    throw error;
  }
}
