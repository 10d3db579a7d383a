import { z } from "zod";
import { Decimal, DECIMAL_PATTERN } from "~/utils/money";
import { DERIVATION_METHOD_IDS } from "~/modules/income-limits/income-limits";
import { compareCalendarDates, isCalendarDate } from "~/utils/calendar-date";
import { resolveAmiLevel } from "./ami-level";

/**
 * The public JSON contract of a resale calculation (CLI `clt resale`, `POST /api/v1/resale-calculations`,
 * saved calculations). Documented in docs/resale-contract.md.
 *
 * Amounts are decimal strings in dollars with at most two decimals, rates are decimal strings
 * ("0.015" is 1.5 %), dates are "YYYY-MM-DD" calendar dates. JSON numbers are refused for amounts
 * and rates because a binary float cannot carry an exact decimal; the only JSON numbers are the
 * whole-number counts `termYears` and `depreciationYears`. Unknown keys are refused so that a
 * misspelt field ("anualRate") is reported instead of silently ignored.
 */

// ---------------------------------------------------------------------------------------------
// Field builders
// ---------------------------------------------------------------------------------------------

const MAX_INTEGER_DIGITS = 13; // up to 9,999,999,999,999 — no home costs more

type DecimalRule = {
  /** Inclusive lower bound unless `minExclusive`. */
  min?: string;
  minExclusive?: boolean;
  max?: string;
  maxExclusive?: boolean;
  /** Maximum number of decimal places (2 for amounts). */
  maxPlaces?: number;
  /** Human description of the allowed range, used in messages. */
  range?: string;
};

function decimalString(rule: DecimalRule = {}): z.ZodType<string, z.ZodTypeDef, string> {
  return z
    .any()
    .superRefine((value: unknown, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
        return;
      }
      if (typeof value === "number") {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a decimal string such as "${value}" in quotes, not a JSON number (JSON numbers are binary floating point and not exact)`,
        });
        return;
      }
      if (typeof value !== "string") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a decimal string, got ${describeType(value)}` });
        return;
      }
      if (!DECIMAL_PATTERN.test(value)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a plain decimal string (digits, optional "." and fraction, no exponent or spaces), got ${JSON.stringify(value)}`,
        });
        return;
      }
      const [integerPart = "", fraction = ""] = value.replace("-", "").split(".");
      if (integerPart.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is too large (${value})` });
        return;
      }
      if (rule.maxPlaces !== undefined && fraction.length > rule.maxPlaces) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must have at most ${rule.maxPlaces} decimal places (whole cents), got ${JSON.stringify(value)}`,
        });
        return;
      }
      const number = new Decimal(value);
      const tooLow =
        rule.min !== undefined && (rule.minExclusive ? number.lte(rule.min) : number.lt(rule.min));
      const tooHigh =
        rule.max !== undefined && (rule.maxExclusive ? number.gte(rule.max) : number.gt(rule.max));
      if (tooLow || tooHigh) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${rule.range ?? "in range"}, got ${value}` });
      }
    })
    .transform((value) => value as string) as unknown as z.ZodType<string, z.ZodTypeDef, string>;
}

/** A non-negative amount of money in dollars: "250000.00". */
const amount = (range = "zero or more") => decimalString({ min: "0", maxPlaces: 2, range });
/** A strictly positive amount of money. */
const positiveAmount = () => decimalString({ min: "0", minExclusive: true, maxPlaces: 2, range: "greater than zero" });
/** A rate between bounds, given as a fraction ("0.015" = 1.5 %). */
const rate = (min: string, max: string, opts: { minExclusive?: boolean; maxExclusive?: boolean } = {}) =>
  decimalString({
    min,
    max,
    ...opts,
    range: `${opts.minExclusive ? "greater than" : "at least"} ${min} and ${opts.maxExclusive ? "less than" : "at most"} ${max} (a fraction: "0.015" is 1.5 %)`,
  });

function wholeNumber(min: number, max: number): z.ZodType<number, z.ZodTypeDef, number> {
  return z
    .any()
    .superRefine((value: unknown, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
        return;
      }
      if (typeof value !== "number" || !Number.isInteger(value)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a whole number (a JSON integer such as 30), got ${JSON.stringify(value)}`,
        });
        return;
      }
      if (value < min || value > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be between ${min} and ${max}, got ${value}` });
      }
    })
    .transform((value) => value as number) as unknown as z.ZodType<number, z.ZodTypeDef, number>;
}

const calendarDate = (): z.ZodType<string, z.ZodTypeDef, string> =>
  z
    .any()
    .superRefine((value: unknown, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is required" });
        return;
      }
      if (typeof value !== "string" || !isCalendarDate(value)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
        });
      }
    })
    .transform((value) => value as string) as unknown as z.ZodType<string, z.ZodTypeDef, string>;

const text = (what: string) =>
  z.string({ required_error: "is required", invalid_type_error: `must be a string (${what})` }).trim().min(1, `must not be empty (${what})`);

const bool = () => z.boolean({ required_error: "is required", invalid_type_error: "must be true or false" });

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const improvementCreditSchema = z
  .object({
    creditRate: rate("0", "1"),
    depreciationYears: wholeNumber(0, 100),
    minimumCost: amount().default("0.00"),
  })
  .strict();

/**
 * The target household's income named by an AMI level instead of dollars: the level's limit for the household
 * size, read from the income-limit table of `area` in effect on the valuation date (`incomeLimitTables`).
 */
const amiLevelSchema = z
  .object(
    {
      level: wholeNumber(1, 300),
      householdSize: z.union([wholeNumber(1, 20), z.literal("bedrooms-plus-one")], {
        errorMap: () => ({ message: 'must be a whole number of persons (1 to 20) or "bedrooms-plus-one"' }),
      }),
      area: text("the HUD area code or name of the income-limit table"),
    },
    { required_error: "is required", invalid_type_error: "must be an object" },
  )
  .strict();

/** Household and loan terms used for the affordability formula and the affordability cap. */
const affordabilityShape = {
  /** A fixed dollar income (the explicit choice), or … */
  income: positiveAmount().optional(),
  /** … an AMI level resolved at the valuation date. Exactly one of the two. */
  amiLevel: amiLevelSchema.optional(),
  housingCostRatio: rate("0", "1", { minExclusive: true }),
  interestRate: rate("0", "0.5"),
  termYears: wholeNumber(1, 50),
  downPaymentRate: rate("0", "1", { maxExclusive: true }),
  propertyTaxRate: rate("0", "0.25"),
  mortgageInsuranceRate: rate("0", "0.25"),
  monthlyCosts: z
    .object(
      { insurance: amount(), hoa: amount(), leaseFee: amount(), utilities: amount() },
      { required_error: "is required", invalid_type_error: "must be an object" },
    )
    .strict(),
};

const fixedRateFormula = z
  .object({
    type: z.literal("fixed-rate"),
    annualRate: rate("0", "0.25"),
    compounding: z.enum(["simple", "compound"], {
      errorMap: () => ({ message: 'must be "simple" or "compound"' }),
    }),
    elapsed: z
      .enum(["full-years", "full-months"], { errorMap: () => ({ message: 'must be "full-years" or "full-months"' }) })
      .default("full-months"),
    improvementCredit: improvementCreditSchema.optional(),
  })
  .strict();

const appraisalFormula = z
  .object({
    type: z.literal("appraisal"),
    /** A fixed share, or … */
    ownerShare: rate("0", "1").optional(),
    /** … a share that steps with full years owned. Exactly one of the two. */
    ownerShareSchedule: z
      .array(z.object({ fromYears: wholeNumber(0, 100), share: rate("0", "1") }).strict(), {
        invalid_type_error: "must be a list of steps { fromYears, share }",
      })
      .min(1, "must have at least one step")
      .max(20, "must have at most 20 steps")
      .optional(),
    losses: z
      .enum(["shielded", "shared"], { errorMap: () => ({ message: 'must be "shielded" or "shared"' }) })
      .default("shielded"),
    creditImprovementValue: bool().default(false),
    improvementCredit: improvementCreditSchema.optional(),
  })
  .strict();

const indexFormula = z
  .object({
    type: z.literal("index"),
    indexName: text("the index named in the lease, e.g. HUD area median income"),
    improvementCredit: improvementCreditSchema.optional(),
  })
  .strict();

const affordabilityFormula = z
  .object({
    type: z.literal("affordability"),
    ...affordabilityShape,
    improvementCredit: improvementCreditSchema.optional(),
    /** Improvement credits may not lift the price above what the target household can afford. */
    capAtAffordability: bool().optional(),
  })
  .strict();

/** How the HOME "fair return" formula inflates the purchase price: a fixed rate, or an index (request.index). */
const inflationSchema = z.discriminatedUnion(
  "type",
  [
    z
      .object({
        type: z.literal("fixed-rate"),
        annualRate: rate("0", "0.25"),
        compounding: z.enum(["simple", "compound"], { errorMap: () => ({ message: 'must be "simple" or "compound"' }) }),
        elapsed: z
          .enum(["full-years", "full-months"], { errorMap: () => ({ message: 'must be "full-years" or "full-months"' }) })
          .default("full-months"),
      })
      .strict(),
    z.object({ type: z.literal("index"), indexName: text("the index named in the lease, e.g. CPI-U") }).strict(),
  ],
  {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator ? { message: 'must be "fixed-rate" or "index"' } : { message: ctx.defaultError },
  },
);

/**
 * The HOME-program itemized "fair return" (docs/resale-contract.md "The HOME fair-return formula"): P0 + inflation on P0 + principal paid down + a share
 * of approved improvements (`improvementCredit`) + the seller's closing costs, capped at outstanding liens +
 * the fair return.
 */
const fairReturnFormula = z
  .object({
    type: z.literal("fair-return"),
    inflation: inflationSchema,
    improvementCredit: improvementCreditSchema.optional(),
  })
  .strict();

const FORMULA_TYPES = ["fixed-rate", "appraisal", "index", "affordability", "fair-return"] as const;

const formulaSchema = z.discriminatedUnion("type", [fixedRateFormula, appraisalFormula, indexFormula, affordabilityFormula, fairReturnFormula], {
  errorMap: (issue, ctx) =>
    issue.code === z.ZodIssueCode.invalid_union_discriminator
      ? { message: `must be one of ${FORMULA_TYPES.map((t) => `"${t}"`).join(", ")}` }
      : { message: ctx.defaultError },
});

const capSchema = z.discriminatedUnion(
  "type",
  [z.object({ type: z.literal("market-value") }).strict(), z.object({ type: z.literal("affordability"), ...affordabilityShape }).strict()],
  {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator
        ? { message: 'must be "market-value" or "affordability"' }
        : { message: ctx.defaultError },
  },
);

const wholeDollars = () => decimalString({ min: "0", minExclusive: true, maxPlaces: 0, range: "whole dollars greater than zero" });
const eightLimits = () =>
  z.array(wholeDollars(), { invalid_type_error: "must be a list of 8 whole-dollar limits (household sizes 1 to 8)" }).length(8, "must list 8 limits, for household sizes 1 to 8");

/** One published HUD income-limit table (whole dollars as decimal strings), with the date it takes effect. */
const incomeLimitTableSchema = z
  .object({
    areaCode: text("HUD's area code"),
    areaName: text("the area's name"),
    fiscalYear: wholeNumber(1970, 2200),
    effectiveFrom: calendarDate(),
    medianFamilyIncome: wholeDollars(),
    derivationMethod: z
      .enum(DERIVATION_METHOD_IDS, { errorMap: () => ({ message: `must be one of ${DERIVATION_METHOD_IDS.map((m) => `"${m}"`).join(", ")}` }) })
      .default("multiple-of-50"),
    limits: z
      .object({ "30": eightLimits().optional(), "50": eightLimits(), "80": eightLimits() }, { required_error: "is required", invalid_type_error: "must be an object" })
      .strict(),
    source: z.string().trim().max(500).optional(),
  })
  .strict();

const requestSchema = z
  .object({
    formula: formulaSchema,
    purchase: z.object({ price: positiveAmount(), date: calendarDate() }).strict(),
    valuationDate: calendarDate(),
    appraisals: z
      .object({ atPurchase: positiveAmount().optional(), current: positiveAmount().optional(), improvementValue: amount().optional() })
      .strict()
      .optional(),
    index: z
      .object({
        atPurchase: decimalString({ min: "0", minExclusive: true, range: "greater than zero" }).optional(),
        current: decimalString({ min: "0", minExclusive: true, range: "greater than zero" }).optional(),
      })
      .strict()
      .optional(),
    improvements: z
      .array(
        z
          .object({ description: text("what was done"), cost: amount(), completedOn: calendarDate(), approved: bool() })
          .strict(),
      )
      .default([]),
    deductions: z.array(z.object({ description: text("what is deducted"), amount: amount() }).strict()).default([]),
    caps: z.array(capSchema).default([]),
    floor: z
      .object({ type: z.literal("purchase-price", { errorMap: () => ({ message: 'must be "purchase-price"' }) }) })
      .strict()
      .nullable()
      .default(null),
    rounding: z
      .object({
        mode: z.enum(["nearest", "down", "up"], { errorMap: () => ({ message: 'must be "nearest", "down" or "up"' }) }).default("nearest"),
        increment: decimalString({
          min: "0",
          minExclusive: true,
          max: "1000000",
          maxPlaces: 2,
          range: 'greater than zero and at most 1000000 (dollars: "0.01" is a cent, "1000" is $1,000)',
        }).default("0.01"),
      })
      .strict()
      .default({ mode: "nearest", increment: "0.01" }),
    /** The home, for household-size rules that depend on it ("bedrooms-plus-one"). */
    home: z.object({ bedrooms: wholeNumber(0, 20) }).strict().optional(),
    /** Income-limit tables an `amiLevel` is resolved from (the newest of the area in effect on the valuation date). */
    incomeLimitTables: z.array(incomeLimitTableSchema).max(200, "must list at most 200 tables").optional(),
    /** The HOME fair-return formula's figures at the sale. */
    fairReturn: z
      .object({ principalPaidDown: amount(), sellerClosingCosts: amount(), outstandingLiens: amount() })
      .strict()
      .optional(),
    /** Adds the warnings where a result breaks the lease's intent (off by default so existing requests give identical results). */
    leaseIntentChecks: bool().default(false),
  })
  .strict()
  .superRefine((request, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

    if (
      isCalendarDate(request.valuationDate) &&
      isCalendarDate(request.purchase.date) &&
      compareCalendarDates(request.valuationDate, request.purchase.date) < 0
    ) {
      issue(["valuationDate"], `must not be before the purchase date (${request.purchase.date})`);
    }
    const formula = request.formula;
    const datesValid = isCalendarDate(request.valuationDate);
    /** Exactly one of `income` / `amiLevel`; an AMI level must resolve at the valuation date. */
    const checkIncome = (terms: { income?: string; amiLevel?: z.output<typeof amiLevelSchema> }, path: (string | number)[]) => {
      if (terms.income !== undefined && terms.amiLevel !== undefined) {
        issue([...path, "amiLevel"], "must not be given together with income: name either a dollar income or an AMI level");
      } else if (terms.income === undefined && terms.amiLevel === undefined) {
        issue([...path, "income"], "is required (or name an AMI level with amiLevel)");
      } else if (terms.amiLevel && datesValid) {
        const resolved = resolveAmiLevel(terms.amiLevel, request.incomeLimitTables, request.valuationDate, request.home?.bedrooms);
        if (!resolved.ok) issue(resolved.path === "householdSize" && terms.amiLevel.householdSize === "bedrooms-plus-one" ? ["home", "bedrooms"] : [...path, "amiLevel", resolved.path], resolved.message);
      }
    };
    if (formula.type === "affordability") checkIncome(formula, ["formula"]);
    if (formula.type === "appraisal") {
      if (formula.ownerShare !== undefined && formula.ownerShareSchedule !== undefined) {
        issue(["formula", "ownerShareSchedule"], "must not be given together with ownerShare: name either one share or a schedule");
      } else if (formula.ownerShare === undefined && formula.ownerShareSchedule === undefined) {
        issue(["formula", "ownerShare"], "is required (or give an ownerShareSchedule)");
      } else if (formula.ownerShareSchedule) {
        const steps = formula.ownerShareSchedule;
        if (steps[0]!.fromYears !== 0) issue(["formula", "ownerShareSchedule", 0, "fromYears"], "must be 0: the first step starts at the purchase");
        steps.forEach((step, position) => {
          if (position > 0 && step.fromYears <= steps[position - 1]!.fromYears) {
            issue(["formula", "ownerShareSchedule", position, "fromYears"], `must be after the previous step (${steps[position - 1]!.fromYears} years)`);
          }
        });
      }
    }
    if (formula.type === "fair-return") {
      if (!request.fairReturn) issue(["fairReturn"], "is required for a fair-return formula (principalPaidDown, sellerClosingCosts, outstandingLiens)");
      if (formula.inflation.type === "index") {
        if (!request.index?.atPurchase) issue(["index", "atPurchase"], "is required for a fair-return formula inflated by an index");
        if (!request.index?.current) issue(["index", "current"], "is required for a fair-return formula inflated by an index");
      }
    }
    if (formula.type === "appraisal") {
      if (!request.appraisals?.atPurchase) issue(["appraisals", "atPurchase"], "is required for an appraisal formula");
      if (!request.appraisals?.current) issue(["appraisals", "current"], "is required for an appraisal formula");
      if (formula.creditImprovementValue && request.appraisals?.improvementValue === undefined) {
        issue(["appraisals", "improvementValue"], "is required when formula.creditImprovementValue is true");
      }
    }
    if (formula.type === "index") {
      if (!request.index?.atPurchase) issue(["index", "atPurchase"], "is required for an index formula");
      if (!request.index?.current) issue(["index", "current"], "is required for an index formula");
    }
    request.caps.forEach((cap, position) => {
      if (cap.type === "market-value" && !request.appraisals?.current) {
        issue(["appraisals", "current"], `is required by the market-value cap (caps.${position})`);
      }
      if (cap.type === "affordability") checkIncome(cap, ["caps", position]);
    });
  });

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** A validated request, defaults applied (elapsed, losses, rounding, empty lists, floor null). */
export type ResaleRequest = z.output<typeof requestSchema>;
/** The request as a client writes it (defaults optional). */
export type ResaleRequestInput = z.input<typeof requestSchema>;
export type Formula = ResaleRequest["formula"];
export type FixedRateFormula = Extract<Formula, { type: "fixed-rate" }>;
export type AppraisalFormula = Extract<Formula, { type: "appraisal" }>;
export type IndexFormula = Extract<Formula, { type: "index" }>;
export type AffordabilityFormula = Extract<Formula, { type: "affordability" }>;
export type FairReturnFormula = Extract<Formula, { type: "fair-return" }>;
export type AmiLevel = z.output<typeof amiLevelSchema>;
export type ImprovementCredit = z.output<typeof improvementCreditSchema>;
export type Cap = ResaleRequest["caps"][number];
/** Household and loan terms of the affordability formula/cap (decimal strings, termYears an integer). */
export type AffordabilityTerms = Omit<AffordabilityFormula, "type" | "improvementCredit" | "capAtAffordability">;
/** Affordability terms whose income is known in dollars (given, or resolved from an AMI level). */
export type ResolvedAffordabilityTerms = AffordabilityTerms & { income: string };

export type BoundBy = "formula" | "market-value" | "affordability" | "floor" | "fair-return";

export type ResaleLine = {
  label: string;
  /** Dollars, two decimals. */
  amount: string;
  explanation: string;
};

export type ResaleResult = {
  /** The maximum resale price after floor, caps and the lease's rounding; two decimals, never negative. */
  maxResalePrice: string;
  /** Formula + improvement credits − deductions, before floor, caps and the final rounding; to the cent, never negative. */
  formulaPrice: string;
  boundBy: BoundBy;
  lines: ResaleLine[];
  warnings: string[];
  /** Present only when the request names an AMI level: each income resolved ("formula" or "caps.N"). */
  incomeResolutions?: IncomeResolution[];
};

export type IncomeResolution = {
  for: string;
  level: number;
  householdSize: number;
  householdSizeRule: string;
  /** Dollars, two decimals. */
  income: string;
  table: { areaCode: string; areaName: string; fiscalYear: number; effectiveFrom: string };
  explanation: string;
};

export type FieldError = { path: string; message: string };

export type ParseResaleRequestResult = { ok: true; request: ResaleRequest } | { ok: false; errors: FieldError[] };

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

function zodIssuesToFieldErrors(issues: z.ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) {
        errors.push({ path: [...issue.path, key].join("."), message: "is not a recognised field" });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === z.ZodIssueCode.invalid_type && issue.received === "undefined") message = "is required";
    else if (issue.code === z.ZodIssueCode.invalid_type && message.startsWith("Expected ")) {
      message = `must be ${article(issue.expected)}, got ${issue.received}`;
    }
    errors.push({ path: issue.path.join("."), message });
  }
  // One message per path and message, in document order.
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * Validates a parsed JSON value against the contract. Every problem is reported with the path of
 * the offending field ("formula.annualRate", "improvements.2.completedOn"); the root is path "".
 */
export function parseResaleRequest(json: unknown): ParseResaleRequestResult {
  const parsed = requestSchema.safeParse(json);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: zodIssuesToFieldErrors(parsed.error.issues) };
}

export { requestSchema as resaleRequestSchema };
