/**
 * Formula presets: a named resale rule `{ formula, caps, floor, rounding }` in the public resale contract's
 * shape (docs/resale-contract.md). A preset is chosen on a lease and copied (frozen) into it at execution.
 *
 * Validation reuses the contract itself: the spec is completed with illustrative purchase data into a whole
 * resale request and run through `parseResaleRequest`, so a preset is valid exactly when the calculator would
 * accept it. Errors on the spec's paths are mapped back to the preset form's fields.
 */
import { z } from "zod";
import { parseResaleRequest, type Cap, type Formula, type ResaleRequest } from "~/modules/resale/contract";
import { Decimal, isDecimalString, parseDollars, toMoneyString } from "~/utils/money";

export type FormulaPresetSpec = Pick<ResaleRequest, "formula" | "caps" | "floor" | "rounding">;

export const FORMULA_TYPES = ["fixed-rate", "appraisal", "index", "affordability"] as const;
export type FormulaType = (typeof FORMULA_TYPES)[number];
export const FORMULA_TYPE_LABELS: Record<FormulaType, string> = {
  "fixed-rate": "Fixed rate",
  appraisal: "Appraisal-based (shared appreciation)",
  index: "Indexed (e.g. area median income)",
  affordability: "Affordability (mortgage-based)",
};

/** Purchase data used only to check a spec against the contract; never shown or stored. */
const VALIDATION_CONTEXT = {
  purchase: { price: "200000.00", date: "2020-01-01" },
  valuationDate: "2030-01-01",
  appraisals: { atPurchase: "250000.00", current: "300000.00", improvementValue: "0.00" },
  index: { atPurchase: "100", current: "120" },
};

export type SpecError = { path: string; message: string };

/** The spec as the contract reads it (defaults applied), or every problem with its path ("formula.annualRate"). */
export function parsePresetSpec(input: unknown): { ok: true; spec: FormulaPresetSpec } | { ok: false; errors: SpecError[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: "", message: "A formula preset must be an object { formula, caps, floor, rounding }" }] };
  }
  const unknownKeys = Object.keys(input).filter((key) => !["formula", "caps", "floor", "rounding"].includes(key));
  if (unknownKeys.length) return { ok: false, errors: unknownKeys.map((key) => ({ path: key, message: "is not a recognised field" })) };
  const parsed = parseResaleRequest({ ...VALIDATION_CONTEXT, ...input });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { formula, caps, floor, rounding } = parsed.request;
  return { ok: true, spec: { formula, caps, floor, rounding } };
}

// ---------------------------------------------------------------------------------------------------------
// The preset form: percents and dollars as people type them → the contract's fractions and decimal strings
// ---------------------------------------------------------------------------------------------------------

const optional = z.string().trim().optional();

/** A buyer's housing-cost terms as typed (percents and dollars); shared with the resale calculator's form. */
export const housingTermsFields = {
  housingCostRatio: optional,
  interestRate: optional,
  termYears: optional,
  downPaymentRate: optional,
  propertyTaxRate: optional,
  mortgageInsuranceRate: optional,
  insurance: optional,
  hoa: optional,
  leaseFee: optional,
  utilities: optional,
};

const affordabilityFields = z.object({ income: optional, ...housingTermsFields }).optional();
type AffordabilityFields = z.infer<typeof affordabilityFields>;

const AFFORDABILITY_PERCENTS = ["housingCostRatio", "interestRate", "downPaymentRate", "propertyTaxRate", "mortgageInsuranceRate"] as const;
const MONTHLY_COSTS = ["insurance", "hoa", "leaseFee", "utilities"] as const;

/**
 * The fields of a formula spec as a form types them (the preset form and the resale calculator share
 * them; each passes its own affordability sub-form).
 */
export function formulaSpecFields<A extends z.ZodTypeAny>(affordability: A) {
  return {
    // fixed rate
    annualRate: optional,
    compounding: z.enum(["simple", "compound"]).optional(),
    elapsed: z.enum(["full-years", "full-months"]).optional(),
    // appraisal
    ownerShare: optional,
    losses: z.enum(["shielded", "shared"]).optional(),
    creditImprovementValue: z.literal("on").optional(),
    // index
    indexName: optional,
    // affordability formula
    affordability,
    // improvement credit
    improvementCredit: z.literal("on").optional(),
    creditRate: optional,
    depreciationYears: optional,
    minimumCost: optional,
    // caps, floor, rounding
    marketValueCap: z.literal("on").optional(),
    affordabilityCap: z.literal("on").optional(),
    capAffordability: affordability,
    floor: z.literal("on").optional(),
    roundingMode: z.enum(["nearest", "down"]).default("nearest"),
    roundingIncrement: z.enum(["0.01", "1", "100"]).default("0.01"),
  };
}

const baseSchema = z.object({
  name: z.string({ required_error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  description: z.string().trim().max(1000, "Use at most 1000 characters").optional(),
  formulaType: z.enum(FORMULA_TYPES, { errorMap: () => ({ message: "Choose a formula type" }) }),
  ...formulaSpecFields(affordabilityFields),
  version: z.coerce.number().int().positive().optional(),
});
export type PresetFormValues = z.infer<typeof baseSchema>;

/** A typed value converted for the contract; invalid text is passed on unchanged so the contract reports it. */
function percentToRate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[%\s]/g, "");
  return isDecimalString(cleaned) ? new Decimal(cleaned).dividedBy(100).toFixed() : cleaned;
}
function dollars(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return toMoneyString(parseDollars(value));
  } catch {
    return value;
  }
}
function whole(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function affordabilityTerms(fields: AffordabilityFields) {
  const f = fields ?? {};
  return {
    income: dollars(f.income),
    housingCostRatio: percentToRate(f.housingCostRatio),
    interestRate: percentToRate(f.interestRate),
    termYears: whole(f.termYears),
    downPaymentRate: percentToRate(f.downPaymentRate),
    propertyTaxRate: percentToRate(f.propertyTaxRate),
    mortgageInsuranceRate: percentToRate(f.mortgageInsuranceRate),
    monthlyCosts: { insurance: dollars(f.insurance ?? "0"), hoa: dollars(f.hoa ?? "0"), leaseFee: dollars(f.leaseFee ?? "0"), utilities: dollars(f.utilities ?? "0") },
  };
}

/** The form's values as a (not yet validated) spec in the contract's shape. */
export function specFromForm(values: PresetFormValues): unknown {
  const improvementCredit = values.improvementCredit
    ? { creditRate: percentToRate(values.creditRate), depreciationYears: whole(values.depreciationYears ?? "0"), minimumCost: dollars(values.minimumCost ?? "0") }
    : undefined;
  let formula: Record<string, unknown>;
  switch (values.formulaType) {
    case "fixed-rate":
      formula = { type: "fixed-rate", annualRate: percentToRate(values.annualRate), compounding: values.compounding ?? "simple", elapsed: values.elapsed ?? "full-months" };
      break;
    case "appraisal":
      formula = { type: "appraisal", ownerShare: percentToRate(values.ownerShare), losses: values.losses ?? "shielded", creditImprovementValue: values.creditImprovementValue === "on" };
      break;
    case "index":
      formula = { type: "index", indexName: values.indexName ?? "" };
      break;
    case "affordability":
      formula = { type: "affordability", ...affordabilityTerms(values.affordability) };
      break;
  }
  if (improvementCredit) formula.improvementCredit = improvementCredit;
  const caps: unknown[] = [];
  if (values.marketValueCap) caps.push({ type: "market-value" });
  if (values.affordabilityCap) caps.push({ type: "affordability", ...affordabilityTerms(values.capAffordability) });
  return {
    formula,
    caps,
    floor: values.floor ? { type: "purchase-price" } : null,
    rounding: { mode: values.roundingMode, increment: values.roundingIncrement },
  };
}

const PERCENT_FIELDS = new Set(["annualRate", "ownerShare", "creditRate", ...AFFORDABILITY_PERCENTS]);

/** Contract messages speak in fractions ("at most 0.25"); the form takes percents, so say "at most 25%". */
function percentMessage(message: string): string {
  return message
    .replace(/ \(a fraction: "0\.015" is 1\.5 %\)/, "")
    .replace(/(-?\d+(?:\.\d+)?)(?=(?: and|,|$))/g, (n) => `${new Decimal(n).times(100).toFixed()}%`);
}

/** The form field a contract path belongs to ("formula.monthlyCosts.hoa" → "affordability.hoa"). */
export function formFieldForPath(path: string, spec: unknown): string {
  const parts = path.split(".");
  const [head, second, third, fourth] = parts;
  if (head === "formula") {
    if (second === "improvementCredit") return third ?? "improvementCredit";
    if (second === "monthlyCosts") return `affordability.${third ?? "insurance"}`;
    if (second && ["income", "termYears", ...AFFORDABILITY_PERCENTS].includes(second)) return `affordability.${second}`;
    if (second === "type" || !second) return "formulaType";
    return second;
  }
  if (head === "caps") {
    const cap = (spec as { caps?: { type?: string }[] } | null)?.caps?.[Number(second)];
    if (cap?.type === "affordability") {
      if (third === "monthlyCosts") return `capAffordability.${fourth ?? "insurance"}`;
      return third ? `capAffordability.${third}` : "affordabilityCap";
    }
    return "marketValueCap";
  }
  if (head === "floor") return "floor";
  if (head === "rounding") return second === "increment" ? "roundingIncrement" : "roundingMode";
  if (head === "appraisals") return "marketValueCap";
  return "";
}

function messageFor(field: string, message: string): string {
  const leaf = field.split(".").at(-1)!;
  const text = PERCENT_FIELDS.has(leaf) ? percentMessage(message) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The preset form schema, shared by the browser and the server: field checks, then the contract's own
 * validation of the resulting spec with each error placed next to its field. Output: name, description and
 * the validated spec.
 */
export const FormulaPresetFormSchema = baseSchema.transform((values, ctx) => {
  const raw = specFromForm(values);
  const parsed = parsePresetSpec(raw);
  if (!parsed.ok) {
    for (const error of parsed.errors) {
      const field = formFieldForPath(error.path, raw);
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: field ? field.split(".") : [], message: messageFor(field, error.message) });
    }
    return z.NEVER;
  }
  return { name: values.name, description: values.description ?? "", spec: parsed.spec, version: values.version };
});

// ---------------------------------------------------------------------------------------------------------
// Spec → form (editing an existing preset)
// ---------------------------------------------------------------------------------------------------------

const percent = (rate: string) => new Decimal(rate).times(100).toFixed();
type AffordabilityTermsSpec = Extract<Formula, { type: "affordability" }>;

function affordabilityForm(terms: Omit<AffordabilityTermsSpec, "type" | "improvementCredit">): Record<string, string> {
  return {
    income: terms.income,
    housingCostRatio: percent(terms.housingCostRatio),
    interestRate: percent(terms.interestRate),
    termYears: String(terms.termYears),
    downPaymentRate: percent(terms.downPaymentRate),
    propertyTaxRate: percent(terms.propertyTaxRate),
    mortgageInsuranceRate: percent(terms.mortgageInsuranceRate),
    ...Object.fromEntries(MONTHLY_COSTS.map((key) => [key, terms.monthlyCosts[key]])),
  };
}

/** Default values for the preset form from a stored spec. */
export function formFromSpec(spec: FormulaPresetSpec): Record<string, unknown> {
  const f = spec.formula;
  const values: Record<string, unknown> = {
    formulaType: f.type,
    roundingMode: spec.rounding.mode,
    roundingIncrement: spec.rounding.increment,
    floor: spec.floor ? "on" : undefined,
  };
  if (f.type === "fixed-rate") Object.assign(values, { annualRate: percent(f.annualRate), compounding: f.compounding, elapsed: f.elapsed });
  if (f.type === "appraisal") Object.assign(values, { ownerShare: percent(f.ownerShare), losses: f.losses, creditImprovementValue: f.creditImprovementValue ? "on" : undefined });
  if (f.type === "index") values.indexName = f.indexName;
  if (f.type === "affordability") values.affordability = affordabilityForm(f);
  if (f.improvementCredit) {
    Object.assign(values, {
      improvementCredit: "on",
      creditRate: percent(f.improvementCredit.creditRate),
      depreciationYears: String(f.improvementCredit.depreciationYears),
      minimumCost: f.improvementCredit.minimumCost,
    });
  }
  for (const cap of spec.caps as Cap[]) {
    if (cap.type === "market-value") values.marketValueCap = "on";
    else {
      values.affordabilityCap = "on";
      const { type: _type, ...terms } = cap;
      values.capAffordability = affordabilityForm(terms);
    }
  }
  return values;
}

/** One line summarising caps, floor and rounding: "Market-value cap · not below purchase price · to the cent". */
export function specExtrasLabel(spec: FormulaPresetSpec): string {
  const parts: string[] = [];
  for (const cap of spec.caps) parts.push(cap.type === "market-value" ? "market-value cap" : "affordability cap");
  if (spec.floor) parts.push("not below purchase price");
  const increment = spec.rounding.increment === "0.01" ? "cent" : spec.rounding.increment === "1" ? "dollar" : "$100";
  parts.push(`${spec.rounding.mode === "down" ? "rounded down" : "rounded"} to the ${increment}`);
  return parts.join(" · ");
}
