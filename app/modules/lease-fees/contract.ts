import { z } from "zod";
import { isCalendarDate } from "~/utils/calendar-date";
import { centsToString, DECIMAL_PATTERN, Decimal, stringToCents } from "~/utils/money";
import { AGING_BUCKETS, computeLedger, type AgingBucket, type FeeEscalation, type FeeTerms } from "./rules";

/**
 * The public JSON contract of the lease-fee rules: `npm run --silent clt -- fees < request.json`
 * (docs/lease-fees.md). Amounts are decimal strings in dollars with at most two decimals, rates decimal
 * strings ("0.03" = 3 %), dates `YYYY-MM-DD`. JSON numbers are refused for amounts and rates; the only
 * numbers are the whole-number `dueDay` and `graceDays`. Unknown keys are refused.
 */

export type FieldError = { path: string; message: string };

function decimalString(opts: { maxPlaces?: number; positive?: boolean; max?: string }) {
  return z.any().superRefine((value: unknown, ctx) => {
    if (value === undefined) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
    if (typeof value === "number") {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a decimal string such as "${value}" in quotes, not a JSON number` });
    }
    if (typeof value !== "string" || !DECIMAL_PATTERN.test(value)) {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a plain decimal string such as "25.00", got ${JSON.stringify(value)}` });
    }
    const fraction = value.split(".")[1] ?? "";
    if (opts.maxPlaces !== undefined && fraction.length > opts.maxPlaces) {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must have at most ${opts.maxPlaces} decimal places (whole cents), got "${value}"` });
    }
    const number = new Decimal(value);
    if (opts.positive ? number.lte(0) : number.lt(0)) {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${opts.positive ? "greater than zero" : "zero or more"}, got "${value}"` });
    }
    if (opts.max !== undefined && number.gt(opts.max)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be at most ${opts.max}, got "${value}"` });
    }
  }) as unknown as z.ZodType<string, z.ZodTypeDef, string>;
}

const money = (positive = false) => decimalString({ maxPlaces: 2, positive, max: "1000000.00" });
const rate = () => decimalString({ max: "1" });

const wholeNumber = (min: number, max: number) =>
  z.any().superRefine((value: unknown, ctx) => {
    if (value === undefined) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
    if (typeof value !== "number" || !Number.isInteger(value)) {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number (a JSON integer), got ${JSON.stringify(value)}` });
    }
    if (value < min || value > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be between ${min} and ${max}, got ${value}` });
  }) as unknown as z.ZodType<number, z.ZodTypeDef, number>;

const calendarDate = () =>
  z.any().superRefine((value: unknown, ctx) => {
    if (value === undefined) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
    if (typeof value !== "string" || !isCalendarDate(value) || value < "1900-01-01" || value > "2199-12-31") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a real calendar date between 1900 and 2199 written YYYY-MM-DD, got ${JSON.stringify(value)}` });
    }
  }) as unknown as z.ZodType<string, z.ZodTypeDef, string>;

const escalationSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("none") }).strict(),
    z.object({ type: z.literal("fixed"), rate: rate() }).strict(),
    z
      .object({
        type: z.literal("index"),
        cap: rate(),
        values: z.array(z.object({ date: calendarDate(), value: decimalString({ positive: true }) }).strict()).max(1000),
      })
      .strict(),
  ],
  { errorMap: () => ({ message: 'must be { "type": "none" }, { "type": "fixed", "rate": "0.03" } or { "type": "index", "cap": "0.10", "values": [...] }' }) },
);

const requestSchema = z
  .object({
    terms: z
      .object({
        monthlyFee: money(),
        commencementDate: calendarDate(),
        dueDay: wholeNumber(1, 31),
        escalation: escalationSchema,
        graceDays: wholeNumber(0, 365),
        lateCharge: money(),
      })
      .strict(),
    payments: z
      .array(
        z
          .object({
            date: calendarDate(),
            amount: money(true),
            method: z.string({ invalid_type_error: "must be a string" }).max(100).optional(),
            reference: z.string({ invalid_type_error: "must be a string" }).max(200).optional(),
          })
          .strict(),
      )
      .max(100_000),
    asOf: calendarDate(),
  })
  .strict()
  .superRefine((request, ctx) => {
    const start = request.terms?.commencementDate;
    if (typeof start === "string" && typeof request.asOf === "string" && request.asOf > start) {
      const years = Number(request.asOf.slice(0, 4)) - Number(start.slice(0, 4));
      if (years > 150) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["asOf"], message: "must be within 150 years of the commencement date" });
    }
  });

export type FeesRequest = z.output<typeof requestSchema>;

export type FeesResponse = {
  entries: { date: string; kind: "charge" | "late-charge" | "payment"; amount: string; dueDate?: string; balance: string }[];
  balance: string;
  aging: Record<AgingBucket, string>;
};

function toFieldErrors(issues: z.ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) errors.push({ path: [...issue.path, key].join("."), message: "is not a recognised field" });
      continue;
    }
    let message = issue.message;
    if (issue.code === z.ZodIssueCode.invalid_type) message = issue.received === "undefined" ? "is required" : `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}, got ${issue.received}`;
    errors.push({ path: issue.path.join("."), message });
  }
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function parseFeesRequest(json: unknown): { ok: true; request: FeesRequest } | { ok: false; errors: FieldError[] } {
  const parsed = requestSchema.safeParse(json);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error.issues) };
}

/** The contract's terms as the rules take them. */
export function feeTermsOf(terms: FeesRequest["terms"]): FeeTerms {
  const escalation: FeeEscalation =
    terms.escalation.type === "fixed"
      ? { type: "fixed", rate: terms.escalation.rate }
      : terms.escalation.type === "index"
        ? { type: "index", cap: terms.escalation.cap, values: terms.escalation.values }
        : { type: "none" };
  return {
    monthlyFeeCents: stringToCents(terms.monthlyFee),
    commencementDate: terms.commencementDate,
    dueDay: terms.dueDay,
    escalation,
    graceDays: terms.graceDays,
    lateChargeCents: stringToCents(terms.lateCharge),
  };
}

/** Applies the rules to a validated request. */
export function calculateFees(request: FeesRequest): FeesResponse {
  const ledger = computeLedger({
    terms: feeTermsOf(request.terms),
    credits: request.payments.map((payment) => ({ kind: "payment" as const, date: payment.date, amountCents: stringToCents(payment.amount) })),
    asOf: request.asOf,
  });
  const entries = ledger.lines.map((line) => ({
    date: line.date,
    kind: line.kind as "charge" | "late-charge" | "payment",
    amount: centsToString(Math.abs(line.amountCents)),
    ...(line.dueDate !== undefined ? { dueDate: line.dueDate } : {}),
    balance: centsToString(line.balanceCents),
  }));
  const aging = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, centsToString(ledger.aging[bucket])])) as Record<AgingBucket, string>;
  return { entries, balance: centsToString(ledger.balanceCents), aging };
}

export type CommandOutput = { exitCode: number; stdout: string; stderr: string };

/** Core of `npm run clt -- fees`: request JSON in, response JSON out; exit 2 with the fields at fault. */
export function runFeesCommand(stdinText: string): CommandOutput {
  const invalid = (fields: FieldError[]): CommandOutput => ({
    exitCode: 2,
    stdout: "",
    stderr: `${JSON.stringify({ error: "invalid-request", fields }, null, 2)}\n`,
  });
  let json: unknown;
  try {
    json = JSON.parse(stdinText);
  } catch (error) {
    return invalid([{ path: "", message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const parsed = parseFeesRequest(json);
  if (!parsed.ok) return invalid(parsed.errors);
  return { exitCode: 0, stdout: `${JSON.stringify(calculateFees(parsed.request), null, 2)}\n`, stderr: "" };
}
