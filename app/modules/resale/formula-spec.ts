/**
 * Formula presets: a named resale rule `{ formula, caps, floor, rounding }` in the public resale contract's
 * shape (docs/resale-contract.md). A preset is chosen on a lease and copied (frozen) into it at execution.
 *
 * Validation reuses the contract itself: the spec is completed with illustrative purchase data into a whole
 * resale request and run through `parseResaleRequest`, so a preset is valid exactly when the calculator would
 * accept it. Errors on the spec's paths are mapped back to the preset form's fields.
 */
import { z } from "zod";
import { recordVersion } from "~/utils/form-fields";
import { parseResaleRequest, type Cap, type Formula, type ResaleRequest } from "./contract";
import { roundingText } from "./describe";
import { Decimal, isDecimalString, parseDollars, toMoneyString } from "~/utils/money";

export type FormulaPresetSpec = Pick<ResaleRequest, "formula" | "caps" | "floor" | "rounding">;

export const FORMULA_TYPES = ["fixed-rate", "appraisal", "index", "affordability", "fair-return"] as const;
export type FormulaType = (typeof FORMULA_TYPES)[number];
export const FORMULA_TYPE_LABELS: Record<FormulaType, string> = {
  "fixed-rate": "Fixed rate",
  appraisal: "Appraisal-based (shared appreciation)",
  index: "Indexed (e.g. area median income)",
  affordability: "Affordability (mortgage-based)",
  "fair-return": "HOME fair return (itemized)",
};

export const ROUNDING_MODES = [
  { value: "nearest", label: "To the nearest" },
  { value: "down", label: "Down to" },
  { value: "up", label: "Up to" },
] as const;

/** Purchase data used only to check a spec against the contract; never shown or stored. */
const VALIDATION_CONTEXT = {
  purchase: { price: "200000.00", date: "2020-01-01" },
  valuationDate: "2030-01-01",
  appraisals: { atPurchase: "250000.00", current: "300000.00", improvementValue: "0.00" },
  index: { atPurchase: "100", current: "120" },
  fairReturn: { principalPaidDown: "0.00", sellerClosingCosts: "0.00", outstandingLiens: "0.00" },
  home: { bedrooms: 2 },
};

/**
 * A preset names an AMI level and an area; which table applies is only known at a valuation date, so the
 * spec is checked against a stand-in table of the area that is in effect on every date (never shown).
 */
function validationTables(input: object): unknown[] {
  const areas = new Set<string>();
  const spec = input as { formula?: { amiLevel?: { area?: unknown } }; caps?: unknown };
  const collect = (terms: { amiLevel?: { area?: unknown } } | undefined) => {
    const area = terms?.amiLevel?.area;
    if (typeof area === "string" && area.trim()) areas.add(area.trim());
  };
  collect(spec.formula);
  if (Array.isArray(spec.caps)) for (const cap of spec.caps) collect(cap as { amiLevel?: { area?: unknown } });
  const row = Array.from({ length: 8 }, () => "1");
  return [...areas].map((area) => ({
    areaCode: area,
    areaName: area,
    fiscalYear: 2000,
    effectiveFrom: "2000-01-01",
    medianFamilyIncome: "1",
    limits: { "50": row, "80": row },
  }));
}

export type SpecError = { path: string; message: string };

/** The spec as the contract reads it (defaults applied), or every problem with its path ("formula.annualRate"). */
export function parsePresetSpec(input: unknown): { ok: true; spec: FormulaPresetSpec } | { ok: false; errors: SpecError[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: "", message: "A formula preset must be an object { formula, caps, floor, rounding }" }] };
  }
  const unknownKeys = Object.keys(input).filter((key) => !["formula", "caps", "floor", "rounding"].includes(key));
  if (unknownKeys.length) return { ok: false, errors: unknownKeys.map((key) => ({ path: key, message: "is not a recognised field" })) };
  const parsed = parseResaleRequest({ ...VALIDATION_CONTEXT, incomeLimitTables: validationTables(input), ...input });
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

/** The target household's income: dollars, or an AMI level with its household-size rule and area. */
export const householdIncomeFields = {
  income: optional,
  percentAmi: optional,
  householdSizeRule: z.enum(["bedrooms-plus-one", "fixed"]).optional(),
  householdSize: optional,
  area: optional,
};

const affordabilityFields = z.object({ ...householdIncomeFields, ...housingTermsFields }).optional();
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
    /** "0: 20, 5: 25, 10: 30" — full years owned: share % (instead of one share). */
    ownerShareSchedule: optional,
    losses: z.enum(["shielded", "shared"]).optional(),
    creditImprovementValue: z.literal("on").optional(),
    // index
    indexName: optional,
    // affordability formula
    affordability,
    capAtAffordability: z.literal("on").optional(),
    // fair return: inflation by the fixed-rate fields above or the index named above
    inflationType: z.enum(["fixed-rate", "index"]).optional(),
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
    roundingMode: z.enum(["nearest", "down", "up"]).default("nearest"),
    /** Dollars as typed: "0.01" a cent, "1,000" or "$1000" a thousand dollars. */
    roundingIncrement: z.string().trim().default("0.01"),
  };
}

const baseSchema = z.object({
  name: z.string({ required_error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  description: z.string().trim().max(1000, "Use at most 1000 characters").optional(),
  formulaType: z.enum(FORMULA_TYPES, { errorMap: () => ({ message: "Choose a formula type" }) }),
  ...formulaSpecFields(affordabilityFields),
  version: recordVersion().optional(),
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

/** The household's income as the contract takes it: `income`, or `amiLevel` from a % AMI level (income wins when both are typed, and the contract says so). */
export function householdIncome(f: { income?: string; percentAmi?: string; householdSizeRule?: string; householdSize?: string; area?: string }, toDollars: (value: string | undefined) => string | undefined) {
  const income = toDollars(f.income || undefined);
  if (f.percentAmi === undefined || f.percentAmi === "") return { income };
  const levelText = f.percentAmi.replace(/[%\s]/g, "");
  const amiLevel = {
    level: /^\d+$/.test(levelText) ? Number(levelText) : levelText,
    householdSize: f.householdSizeRule === "fixed" ? whole(f.householdSize ?? "") : "bedrooms-plus-one",
    area: f.area ?? "",
  };
  return income === undefined ? { amiLevel } : { income, amiLevel };
}

function affordabilityTerms(fields: AffordabilityFields) {
  const f = fields ?? {};
  return {
    ...householdIncome(f, dollars),
    housingCostRatio: percentToRate(f.housingCostRatio),
    interestRate: percentToRate(f.interestRate),
    termYears: whole(f.termYears),
    downPaymentRate: percentToRate(f.downPaymentRate),
    propertyTaxRate: percentToRate(f.propertyTaxRate),
    mortgageInsuranceRate: percentToRate(f.mortgageInsuranceRate),
    monthlyCosts: { insurance: dollars(f.insurance ?? "0"), hoa: dollars(f.hoa ?? "0"), leaseFee: dollars(f.leaseFee ?? "0"), utilities: dollars(f.utilities ?? "0") },
  };
}

export const SCHEDULE_HINT = "Write each step as full years owned: share %, e.g. 0: 20, 5: 25, 10: 30";

/** "0: 20, 5: 25, 10: 30" → steps; text that does not read so is passed on for the form's own message. */
export function parseShareSchedule(text: string): { fromYears: unknown; share: string | undefined }[] | null {
  const steps = text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /^(\d+)\s*\+?\s*(?:years?)?\s*[:=]\s*([\d.]+)\s*%?$/i.exec(part));
  if (steps.length === 0 || steps.some((match) => match === null)) return null;
  return steps.map((match) => ({ fromYears: Number(match![1]), share: percentToRate(match![2]) }));
}

/** "$1,000" → "1000.00"; text that is not an amount passes unchanged (the contract reports it). */
function increment(value: string): string {
  const cleaned = value.replace(/[$,\s]/g, "");
  return isDecimalString(cleaned) && (cleaned.split(".")[1]?.length ?? 0) <= 2 ? new Decimal(cleaned).toFixed() : value;
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
    case "appraisal": {
      const schedule = values.ownerShareSchedule ? (parseShareSchedule(values.ownerShareSchedule) ?? "unreadable") : undefined;
      formula = { type: "appraisal", losses: values.losses ?? "shielded", creditImprovementValue: values.creditImprovementValue === "on" };
      if (values.ownerShare || !schedule) formula.ownerShare = percentToRate(values.ownerShare);
      if (schedule) formula.ownerShareSchedule = schedule;
      break;
    }
    case "fair-return":
      formula = {
        type: "fair-return",
        inflation:
          values.inflationType === "index"
            ? { type: "index", indexName: values.indexName ?? "" }
            : { type: "fixed-rate", annualRate: percentToRate(values.annualRate), compounding: values.compounding ?? "simple", elapsed: values.elapsed ?? "full-months" },
      };
      break;
    case "index":
      formula = { type: "index", indexName: values.indexName ?? "" };
      break;
    case "affordability":
      formula = { type: "affordability", ...affordabilityTerms(values.affordability) };
      if (values.capAtAffordability) formula.capAtAffordability = true;
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
    rounding: { mode: values.roundingMode, increment: increment(values.roundingIncrement) },
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
    if (second === "amiLevel") return `affordability.${amiField(third, spec)}`;
    if (second === "ownerShareSchedule") return "ownerShareSchedule";
    if (second === "capAtAffordability") return "capAtAffordability";
    if (second === "inflation") return third === "indexName" ? "indexName" : third === "type" || !third ? "inflationType" : third;
    if (second && ["income", "termYears", ...AFFORDABILITY_PERCENTS].includes(second)) return `affordability.${second}`;
    if (second === "type" || !second) return "formulaType";
    return second;
  }
  if (head === "caps") {
    const cap = (spec as { caps?: { type?: string }[] } | null)?.caps?.[Number(second)];
    if (cap?.type === "affordability") {
      if (third === "monthlyCosts") return `capAffordability.${fourth ?? "insurance"}`;
      if (third === "amiLevel") return `capAffordability.${amiField(fourth, spec)}`;
      return third ? `capAffordability.${third}` : "affordabilityCap";
    }
    return "marketValueCap";
  }
  if (head === "home") return "affordability.householdSizeRule";
  if (head === "floor") return "floor";
  if (head === "rounding") return second === "increment" ? "roundingIncrement" : "roundingMode";
  if (head === "appraisals") return "marketValueCap";
  return "";
}

/** The form field of an `amiLevel` part: the level, the household size, or the area. */
function amiField(part: string | undefined, _spec: unknown): string {
  return part === "householdSize" ? "householdSize" : part === "area" ? "area" : "percentAmi";
}

function messageFor(field: string, message: string): string {
  const leaf = field.split(".").at(-1)!;
  if (leaf === "ownerShareSchedule" && message.startsWith("must be a list")) return SCHEDULE_HINT;
  const text = PERCENT_FIELDS.has(leaf) ? percentMessage(message) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The preset form schema, shared by the browser and the server: field checks, then the contract's own
 * validation of the resulting spec with each error placed next to its field. Output: name, description and
 * the validated spec.
 */
/**
 * The affordability income fieldsets the rule uses with neither an income nor a % AMI level. Checked here as
 * well as by the contract, because the contract checks "one of the two" only once every field is well formed,
 * and a form shows every error at once.
 */
export function missingIncomeFields(values: Pick<PresetFormValues, "formulaType" | "affordability" | "affordabilityCap" | "capAffordability">): { path: string; message: string }[] {
  const groups: ("affordability" | "capAffordability")[] = [];
  if (values.formulaType === "affordability") groups.push("affordability");
  if (values.affordabilityCap) groups.push("capAffordability");
  return groups
    .filter((group) => !values[group]?.income && !values[group]?.percentAmi)
    .map((group) => ({ path: `${group}.income`, message: "Enter the household's income, or a % AMI level" }));
}

export const FormulaPresetFormSchema = baseSchema.transform((values, ctx) => {
  const raw = specFromForm(values);
  const parsed = parsePresetSpec(raw);
  const missing = missingIncomeFields(values);
  for (const error of missing) ctx.addIssue({ code: z.ZodIssueCode.custom, path: error.path.split("."), message: error.message });
  if (!parsed.ok || missing.length) {
    for (const error of parsed.ok ? [] : parsed.errors) {
      const field = formFieldForPath(error.path, raw);
      if (missing.some((m) => m.path === field)) continue;
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

function affordabilityForm(terms: Omit<AffordabilityTermsSpec, "type" | "improvementCredit" | "capAtAffordability">): Record<string, string> {
  const ami = terms.amiLevel;
  return {
    ...(terms.income !== undefined ? { income: terms.income } : {}),
    ...(ami
      ? {
          percentAmi: String(ami.level),
          householdSizeRule: ami.householdSize === "bedrooms-plus-one" ? "bedrooms-plus-one" : "fixed",
          householdSize: ami.householdSize === "bedrooms-plus-one" ? "" : String(ami.householdSize),
          area: ami.area,
        }
      : {}),
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
  if (f.type === "appraisal") {
    Object.assign(values, {
      ownerShare: f.ownerShare !== undefined ? percent(f.ownerShare) : undefined,
      ownerShareSchedule: f.ownerShareSchedule?.map((step) => `${step.fromYears}: ${percent(step.share)}`).join(", "),
      losses: f.losses,
      creditImprovementValue: f.creditImprovementValue ? "on" : undefined,
    });
  }
  if (f.type === "fair-return") {
    values.inflationType = f.inflation.type;
    if (f.inflation.type === "index") values.indexName = f.inflation.indexName;
    else Object.assign(values, { annualRate: percent(f.inflation.annualRate), compounding: f.inflation.compounding, elapsed: f.inflation.elapsed });
  }
  if (f.type === "index") values.indexName = f.indexName;
  if (f.type === "affordability") {
    const { capAtAffordability, ...terms } = f;
    values.affordability = affordabilityForm(terms);
    if (capAtAffordability) values.capAtAffordability = "on";
  }
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
  parts.push(roundingText(spec.rounding));
  return parts.join(" · ");
}
