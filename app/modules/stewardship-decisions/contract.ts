import { z } from "zod";
import { daysBetween, isCalendarDate } from "~/utils/calendar-date";
import { centsToString, DECIMAL_PATTERN, Decimal, stringToCents } from "~/utils/money";
import { cureDeadline, lenderCureDeadline } from "./defaults";
import { decideRefinance, DEFAULT_REFINANCE_POLICY, staleCalculationError } from "./refinance";

/**
 * The public JSON contracts of two stewardship decisions (docs/stewardship-decisions.md), pure like
 * `clt -- fees`: no database, no login, the same rules the pages use (refinance.ts, defaults.ts).
 *   npm run --silent clt -- refinance-check < request.json   a refinance against the formula price and the policy
 *   npm run --silent clt -- cure-deadline < request.json     a notice of default's cure deadline from the lease's terms
 * Amounts are decimal strings in dollars (at most two decimals), shares decimal strings ("0.95"), dates
 * YYYY-MM-DD, day counts JSON integers. Unknown fields are refused. Invalid input → exit code 2 and on stderr
 * `{ "error": "invalid-request", "fields": [ { "path": "principal", "message": "…" } ] }`.
 */

export type FieldError = { path: string; message: string };
export type CommandOutput = { exitCode: number; stdout: string; stderr: string };

const required = (value: unknown, ctx: z.RefinementCtx) => {
  if (value !== undefined) return false;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
  return true;
};

function amount(opts: { positive?: boolean } = {}) {
  return z.any().superRefine((value: unknown, ctx) => {
    if (required(value, ctx)) return;
    if (typeof value === "number") return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a decimal string such as "${value}" in quotes, not a JSON number` });
    if (typeof value !== "string" || !DECIMAL_PATTERN.test(value) || (value.split(".")[1] ?? "").length > 2) {
      return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be an amount in dollars written as a decimal string with at most two decimals, such as "152000.00", got ${JSON.stringify(value)}` });
    }
    const number = new Decimal(value);
    if (opts.positive ? number.lte(0) : number.lt(0)) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${opts.positive ? "greater than zero" : "zero or more"}, got "${value}"` });
    if (number.gt("999999999.99")) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be at most 999999999.99, got "${value}"` });
  }) as unknown as z.ZodType<string, z.ZodTypeDef, string>;
}

const share = () =>
  z.any().superRefine((value: unknown, ctx) => {
    if (required(value, ctx)) return;
    if (typeof value !== "string" || !DECIMAL_PATTERN.test(value) || new Decimal(value).lte(0) || new Decimal(value).gt(1)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a decimal string greater than 0 and at most 1 ("0.95" = 95 %), got ${JSON.stringify(value)}` });
    }
  }) as unknown as z.ZodType<string, z.ZodTypeDef, string>;

const days = (min: number, max: number) =>
  z.any().superRefine((value: unknown, ctx) => {
    if (required(value, ctx)) return;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number of days from ${min} to ${max} (a JSON integer), got ${JSON.stringify(value)}` });
    }
  }) as unknown as z.ZodType<number, z.ZodTypeDef, number>;

const date = () =>
  z.any().superRefine((value: unknown, ctx) => {
    if (required(value, ctx)) return;
    if (typeof value !== "string" || !isCalendarDate(value) || value < "1900-01-01" || value > "2199-12-31") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a real calendar date between 1900 and 2199 written YYYY-MM-DD, got ${JSON.stringify(value)}` });
    }
  }) as unknown as z.ZodType<string, z.ZodTypeDef, string>;

const refinanceSchema = z
  .object({
    maxResalePrice: amount({ positive: true }),
    valuationDate: date(),
    decisionDate: date(),
    principal: amount({ positive: true }),
    payoff: amount(),
    policy: z
      .object({ maxShare: share().optional(), cashOutLimit: amount().optional(), calculationMaxAgeDays: days(1, 3650).optional() })
      .strict()
      .optional(),
  })
  .strict();

const cureSchema = z
  .object({
    kind: z.enum(["monetary", "non-monetary"], { errorMap: () => ({ message: 'must be "monetary" (money owed to the trust) or "non-monetary"' }) }),
    noticeDate: date(),
    terms: z.object({ monetaryCureDays: days(0, 3650).optional(), nonMonetaryCureDays: days(0, 3650).optional(), lenderCureDays: days(0, 3650).optional() }).strict(),
    lenderNoticeReceivedOn: date().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const needed = value.kind === "monetary" ? "monetaryCureDays" : "nonMonetaryCureDays";
    if (value.terms[needed] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["terms", needed], message: `is required for a ${value.kind} default (the lease's own cure period)` });
    if (value.lenderNoticeReceivedOn !== undefined && value.terms.lenderCureDays === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["terms", "lenderCureDays"], message: "is required with lenderNoticeReceivedOn (the lease's lender cure period)" });
    }
  });

function toFieldErrors(issues: z.ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) for (const key of issue.keys) errors.push({ path: [...issue.path, key].join("."), message: "is not a recognised field" });
    else errors.push({ path: issue.path.join("."), message: issue.code === z.ZodIssueCode.invalid_type && issue.received === "undefined" ? "is required" : issue.message });
  }
  return errors;
}

const invalid = (fields: FieldError[]): CommandOutput => ({ exitCode: 2, stdout: "", stderr: `${JSON.stringify({ error: "invalid-request", fields }, null, 2)}\n` });
const ok = (value: unknown): CommandOutput => ({ exitCode: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: "" });

function parseJson(text: string): { ok: true; json: unknown } | { ok: false; output: CommandOutput } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, output: invalid([{ path: "", message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]) };
  }
}

/** A refinance against the formula price and the trust's policy: approved or refused, with every figure. */
export function runRefinanceCheck(stdinText: string): CommandOutput {
  const json = parseJson(stdinText);
  if (!json.ok) return json.output;
  const parsed = refinanceSchema.safeParse(json.json);
  if (!parsed.success) return invalid(toFieldErrors(parsed.error.issues));
  const input = parsed.data;
  const policy = {
    calculationMaxAgeDays: input.policy?.calculationMaxAgeDays ?? DEFAULT_REFINANCE_POLICY.calculationMaxAgeDays,
    refinanceMaxShare: input.policy?.maxShare ?? DEFAULT_REFINANCE_POLICY.refinanceMaxShare,
    cashOutLimitCents: input.policy?.cashOutLimit !== undefined ? stringToCents(input.policy.cashOutLimit) : DEFAULT_REFINANCE_POLICY.cashOutLimitCents,
  };
  const calculation = { id: "", valuationDate: input.valuationDate, maxResalePriceCents: stringToCents(input.maxResalePrice) };
  // the same rule as the page (staleCalculationError), worded for a request rather than a home's saved calculation
  if (staleCalculationError(calculation, input.decisionDate, policy)) {
    const age = daysBetween(input.valuationDate, input.decisionDate);
    const message =
      age < 0
        ? `must be on or before the decisionDate ${input.decisionDate}, got "${input.valuationDate}"`
        : `is ${age} days before the decisionDate ${input.decisionDate}; the policy allows a calculation at most ${policy.calculationMaxAgeDays} days old: value the home again`;
    return invalid([{ path: "valuationDate", message }]);
  }
  const decision = decideRefinance({ lender: "", principalCents: stringToCents(input.principal), payoffCents: stringToCents(input.payoff) }, calculation, policy);
  const f = decision.figures;
  return ok({
    decision: decision.approved ? "approved" : "refused",
    reasons: decision.reasons,
    figures: {
      maxResalePrice: centsToString(f.maxResalePriceCents),
      valuationDate: f.valuationDate,
      maxShare: f.maxShare,
      principalLimit: centsToString(f.principalLimitCents),
      principal: centsToString(f.principalCents),
      payoff: centsToString(f.payoffCents),
      cashOut: centsToString(f.cashOutCents),
      cashOutLimit: centsToString(f.cashOutLimitCents),
    },
  });
}

/** A notice of default's cure deadline from the lease's own terms, and the trust's window after a lender's notice. */
export function runCureDeadline(stdinText: string): CommandOutput {
  const json = parseJson(stdinText);
  if (!json.ok) return json.output;
  const parsed = cureSchema.safeParse(json.json);
  if (!parsed.success) return invalid(toFieldErrors(parsed.error.issues));
  const input = parsed.data;
  const terms = { monetaryCureDays: input.terms.monetaryCureDays ?? 0, nonMonetaryCureDays: input.terms.nonMonetaryCureDays ?? 0, lenderCureDays: input.terms.lenderCureDays ?? 0 };
  const cure = cureDeadline(input.kind, input.noticeDate, terms);
  const lender = input.lenderNoticeReceivedOn ? lenderCureDeadline(input.lenderNoticeReceivedOn, terms) : null;
  return ok({
    kind: input.kind,
    noticeDate: input.noticeDate,
    cureDays: cure.cureDays,
    cureDeadline: cure.deadline,
    ...(lender ? { lenderNoticeReceivedOn: input.lenderNoticeReceivedOn, lenderCureDays: lender.lenderCureDays, lenderCureDeadline: lender.deadline } : {}),
  });
}
