/**
 * The ground lease template model: recitals, definitions, numbered articles and sections, and exhibits,
 * whose text uses named fields such as `{{lessee_names}}`. Templates are stored and versioned by the caller;
 * this module defines their shape, validates them and fills their fields.
 */
import { Decimal } from "~/utils/money";
import { z } from "zod";
import type { FeeEscalationRule } from "./lifecycle";

/** Every field a template may use, with the help text the template editor shows. */
export const LEASE_TEMPLATE_FIELDS = {
  organisation_name: "Legal name of the community land trust (the lessor).",
  organisation_address: "Mailing address of the trust, used for notices.",
  state: "State whose law governs the lease and where the land lies.",
  county: "County where the land lies and where the memorandum is recorded.",
  lease_reference: "The trust's reference for this lease, e.g. GL-2025-0007.",
  template_version: "Label of the template version the lease was produced from.",
  lessee_names: "Names of every lessee (homeowner), joined with commas and “and”.",
  property_address: "Street address of the home on the leased land.",
  parcel_number: "Assessor's parcel number (APN) of the land.",
  legal_description: "Full legal description of the land, verbatim (also printed as Exhibit A).",
  commencement_date: "First day of the term, written out (e.g. January 1, 2025).",
  expiration_date: "Last day of the initial term, written out (the day before the final anniversary).",
  term_years: "Length of the initial term in words and figures, e.g. ninety-nine (99).",
  renewal_term_years: "Length of the renewal term in words and figures, e.g. ninety-nine (99).",
  monthly_lease_fee: "Monthly lease fee at commencement, e.g. $35.00.",
  fee_escalation_in_words: "How and when the lease fee may rise, as a sentence fragment.",
  late_charge: "Late charge for a lease fee paid late, e.g. $10.00.",
  late_charge_grace_days: "Days after the due date before a late charge applies, in words and figures.",
  resale_formula_in_words: "The resale formula frozen into this lease, in words (also Exhibit E).",
  purchase_option_days: "Days the trust has to exercise its purchase option, in words and figures.",
  lender_cure_days: "Days a permitted mortgagee must give the trust to cure a default, in words and figures.",
  fee_due_day: "Day of the month the lease fee is due, in words and figures, e.g. first (1st).",
  monetary_cure_days: "Days the homeowner has to pay an overdue amount after written notice, in words and figures.",
  non_monetary_cure_days: "Days the homeowner has to cure any other default after written notice, in words and figures.",
  price_notice_days: "Days after a notice of intent to sell within which the trust states the formula price, in words and figures.",
  closing_days: "Days after exercising the purchase option within which the purchase closes, in words and figures.",
  renewal_notice_earliest: "Earliest time before the expiration date to give notice of renewal, e.g. twenty-four (24) months.",
  renewal_notice_latest: "Latest time before the expiration date to give notice of renewal, e.g. six (6) months.",
} as const;

/**
 * Fields every template must print somewhere: the parties and land, the term, and every timed or monetary
 * term and the resale formula, which are this lease's own values (docs/leases.md "Lease terms as data"). Saving a template that
 * lacks one is refused, naming it.
 */
export const REQUIRED_LEASE_TEMPLATE_FIELDS = [
  "organisation_name",
  "lessee_names",
  "property_address",
  "commencement_date",
  "expiration_date",
  "term_years",
  "renewal_term_years",
  "monthly_lease_fee",
  "fee_escalation_in_words",
  "fee_due_day",
  "late_charge",
  "late_charge_grace_days",
  "monetary_cure_days",
  "non_monetary_cure_days",
  "lender_cure_days",
  "price_notice_days",
  "purchase_option_days",
  "closing_days",
  "renewal_notice_earliest",
  "renewal_notice_latest",
  "resale_formula_in_words",
] as const satisfies readonly (keyof typeof LEASE_TEMPLATE_FIELDS)[];

export type LeaseTemplateField = keyof typeof LEASE_TEMPLATE_FIELDS;
export const LEASE_TEMPLATE_FIELD_NAMES = Object.keys(LEASE_TEMPLATE_FIELDS) as LeaseTemplateField[];

export function isLeaseTemplateField(name: string): name is LeaseTemplateField {
  return Object.prototype.hasOwnProperty.call(LEASE_TEMPLATE_FIELDS, name);
}

/** Values for the fields of one lease, already formatted for the document. */
export type LeaseTemplateValues = Record<LeaseTemplateField, string>;

// ---------------------------------------------------------------------------------------------------------
// Shape
// ---------------------------------------------------------------------------------------------------------

/**
 * Exhibits the document assembles. The template gives each one its letter, title and introductory text;
 * the document adds the lease's own data after the text (legal description, mortgages, worked example,
 * riders). The letter of agreement and the attorney's acknowledgment are text only.
 */
export const LEASE_EXHIBIT_KINDS = [
  "legal-description",
  "letter-of-agreement",
  "attorney-acknowledgment",
  "permitted-mortgages",
  "resale-formula",
  "riders",
  "deed-to-improvements",
] as const;
/** Exhibits older template versions may lack (they were added later); saving a new version requires them. */
const LATER_EXHIBIT_KINDS: readonly LeaseExhibitKind[] = ["deed-to-improvements"];
export type LeaseExhibitKind = (typeof LEASE_EXHIBIT_KINDS)[number];

const nonEmpty = z.string().trim().min(1, "Required");

export const leaseSectionSchema = z.object({
  number: z.string().regex(/^\d+\.\d+$/, "A section number looks like 5.2"),
  title: z.string().trim().min(1).optional(),
  text: nonEmpty,
});

export const leaseArticleSchema = z.object({
  number: z.number().int().positive(),
  title: nonEmpty,
  sections: z.array(leaseSectionSchema).min(1, "An article needs at least one section"),
});

export const leaseExhibitSchema = z.object({
  letter: z.string().regex(/^[A-Z]$/, "An exhibit letter is one capital letter"),
  kind: z.enum(LEASE_EXHIBIT_KINDS),
  title: nonEmpty,
  paragraphs: z.array(nonEmpty),
});

export const leaseTemplateContentSchema = z
  .object({
    title: nonEmpty,
    /** Shown on the title page and in the template: the text is a starting point for legal review. */
    reviewNotice: nonEmpty,
    /** Opening paragraph naming the parties, before the recitals. */
    preamble: nonEmpty,
    recitals: z.array(nonEmpty).min(1),
    definitions: z.array(z.object({ term: nonEmpty, meaning: nonEmpty })),
    articles: z.array(leaseArticleSchema).min(1),
    /** Closing sentence above the signature blocks. */
    testimonium: nonEmpty,
    /** Notary acknowledgment wording; `[SIGNERS]` is replaced by the names of those who sign the block. */
    notaryAcknowledgment: nonEmpty,
    exhibits: z.array(leaseExhibitSchema),
  })
  .superRefine((content, ctx) => {
    content.articles.forEach((article, i) => {
      if (i > 0 && article.number <= content.articles[i - 1]!.number) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["articles", i, "number"], message: `Article ${article.number} is out of order` });
      }
      const seen = new Set<string>();
      article.sections.forEach((section, j) => {
        if (!section.number.startsWith(`${article.number}.`)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["articles", i, "sections", j, "number"],
            message: `Section ${section.number} does not belong to Article ${article.number}`,
          });
        }
        if (seen.has(section.number)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["articles", i, "sections", j, "number"], message: `Section ${section.number} appears twice` });
        }
        seen.add(section.number);
      });
    });
    for (const kind of LEASE_EXHIBIT_KINDS) {
      const count = content.exhibits.filter((e) => e.kind === kind).length;
      if (count !== 1 && !(count === 0 && LATER_EXHIBIT_KINDS.includes(kind))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["exhibits"], message: `Exactly one “${kind}” exhibit is required (found ${count})` });
      }
    }
    const letters = content.exhibits.map((e) => e.letter);
    if (new Set(letters).size !== letters.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["exhibits"], message: "Exhibit letters must be unique" });
    }
  });

export type LeaseTemplateContent = z.infer<typeof leaseTemplateContentSchema>;
export type LeaseArticle = z.infer<typeof leaseArticleSchema>;
export type LeaseSection = z.infer<typeof leaseSectionSchema>;
export type LeaseExhibit = z.infer<typeof leaseExhibitSchema>;

// ---------------------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------------------

/** Matches `{{ name }}`; the name is whatever sits between the braces, checked separately. */
const FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every field reference in `text`, in order, as written (may include unknown names). */
export function fieldsIn(text: string): string[] {
  return Array.from(text.matchAll(FIELD_PATTERN), (m) => m[1]!);
}

/** Problems in one piece of text: unknown field names and braces that do not form a field. */
function textFieldProblems(text: string): string[] {
  const problems = fieldsIn(text)
    .filter((name) => !isLeaseTemplateField(name))
    .map((name) => `unknown field {{${name}}}`);
  const leftover = text.replace(FIELD_PATTERN, "");
  if (leftover.includes("{{") || leftover.includes("}}")) problems.push("unmatched “{{” or “}}”");
  return problems;
}

/** Every piece of text in a template with a human name for where it sits. */
export function templateTexts(content: LeaseTemplateContent): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [
    { where: "Title", text: content.title },
    { where: "Review notice", text: content.reviewNotice },
    { where: "Preamble", text: content.preamble },
  ];
  content.recitals.forEach((text, i) => texts.push({ where: `Recital ${recitalLetter(i)}`, text }));
  content.definitions.forEach((d) => {
    texts.push({ where: `Definition of “${d.term}”`, text: d.term });
    texts.push({ where: `Definition of “${d.term}”`, text: d.meaning });
  });
  for (const article of content.articles) {
    texts.push({ where: `Article ${article.number} title`, text: article.title });
    for (const section of article.sections) {
      const where = `Article ${article.number}, section ${section.number}`;
      if (section.title) texts.push({ where: `${where} title`, text: section.title });
      texts.push({ where, text: section.text });
    }
  }
  texts.push({ where: "Testimonium", text: content.testimonium });
  texts.push({ where: "Notary acknowledgment", text: content.notaryAcknowledgment });
  for (const exhibit of content.exhibits) {
    texts.push({ where: `Exhibit ${exhibit.letter} title`, text: exhibit.title });
    exhibit.paragraphs.forEach((text, i) => texts.push({ where: `Exhibit ${exhibit.letter}, paragraph ${i + 1}`, text }));
  }
  return texts;
}

/**
 * Every unknown or malformed field in the template, with where it occurs, e.g.
 * "Article 5, section 5.2: unknown field {{montly_fee}}". Empty when every field is known.
 */
export function templateFieldErrors(content: LeaseTemplateContent): string[] {
  return templateTexts(content).flatMap(({ where, text }) => textFieldProblems(text).map((p) => `${where}: ${p}`));
}

/** The required fields the template never prints (see `REQUIRED_LEASE_TEMPLATE_FIELDS`). */
export function missingRequiredFields(content: LeaseTemplateContent): (typeof REQUIRED_LEASE_TEMPLATE_FIELDS)[number][] {
  const used = new Set(templateTexts(content).flatMap(({ text }) => fieldsIn(text)));
  return REQUIRED_LEASE_TEMPLATE_FIELDS.filter((name) => !used.has(name));
}

/** What a template must contain to be saved: every required field, and every exhibit. */
export function templateRequirementErrors(content: LeaseTemplateContent): string[] {
  const errors = missingRequiredFields(content).map(
    (name) => `The template must print {{${name}}} (${LEASE_TEMPLATE_FIELDS[name].replace(/\.$/, "").toLowerCase()}): it is a term of every lease.`,
  );
  for (const kind of LATER_EXHIBIT_KINDS) {
    if (!content.exhibits.some((e) => e.kind === kind)) errors.push(`Exactly one “${kind}” exhibit is required (found 0)`);
  }
  return errors;
}

/** How a term the template does not print is stated in the "Additional Terms" article (`withUnprintedTerms`). */
const UNPRINTED_TERM_CLAUSES: Record<(typeof REQUIRED_LEASE_TEMPLATE_FIELDS)[number], string> = {
  organisation_name: "The Trust is {{organisation_name}}.",
  lessee_names: "The Homeowner is {{lessee_names}}.",
  property_address: "The Leased Land is the land at {{property_address}}.",
  commencement_date: "The term of this Lease commences on {{commencement_date}}.",
  expiration_date: "The initial term of this Lease expires on {{expiration_date}}.",
  term_years: "The initial term of this Lease is {{term_years}} years.",
  renewal_term_years: "The renewal term of this Lease is {{renewal_term_years}} years.",
  monthly_lease_fee: "The monthly lease fee at commencement is {{monthly_lease_fee}}.",
  fee_escalation_in_words: "The lease fee {{fee_escalation_in_words}}.",
  fee_due_day: "The lease fee is due on the {{fee_due_day}} day of each month.",
  late_charge: "A lease fee paid late carries a late charge of {{late_charge}}.",
  late_charge_grace_days: "No late charge applies until {{late_charge_grace_days}} days after the due date.",
  monetary_cure_days: "The Homeowner has {{monetary_cure_days}} days after written notice to pay an overdue amount.",
  non_monetary_cure_days: "The Homeowner has {{non_monetary_cure_days}} days after written notice to cure any other default.",
  lender_cure_days: "A Permitted Mortgagee shall give the Trust {{lender_cure_days}} days after its notice to cure a default of the Homeowner.",
  price_notice_days: "The Trust states the formula price within {{price_notice_days}} days after the Homeowner's notice of intent to sell.",
  purchase_option_days: "The Trust has {{purchase_option_days}} days to exercise its purchase option.",
  closing_days: "The purchase closes within {{closing_days}} days after the Trust exercises its purchase option.",
  renewal_notice_earliest: "Notice of renewal may be given no earlier than {{renewal_notice_earliest}} before the Expiration Date.",
  renewal_notice_latest: "Notice of renewal must be given no later than {{renewal_notice_latest}} before the Expiration Date.",
  resale_formula_in_words: "The resale formula of this Lease: {{resale_formula_in_words}}",
};

/**
 * A template version saved before some terms had to be printed (see `REQUIRED_LEASE_TEMPLATE_FIELDS`) is
 * still the text leases were signed on: it is rendered as it is, followed by an article "Additional Terms"
 * stating, through the same fields, each term of the lease the version does not print — so every lease
 * still produces a document that states all its terms, without an admin re-saving old versions. A version
 * that prints every term is returned unchanged.
 */
export function withUnprintedTerms(content: LeaseTemplateContent): LeaseTemplateContent {
  const missing = missingRequiredFields(content);
  if (missing.length === 0) return content;
  const number = (content.articles.at(-1)?.number ?? 0) + 1;
  const sections = [
    { number: `${number}.1`, title: "Terms of this Lease", text: "The following terms are recorded on this Lease and are part of it." },
    ...missing.map((field, i) => ({ number: `${number}.${i + 2}`, text: UNPRINTED_TERM_CLAUSES[field] })),
  ];
  return { ...content, articles: [...content.articles, { number, title: "Additional Terms", sections }] };
}

/** Schema errors and field errors together: what the template editor shows before saving a version. */
export function validateLeaseTemplate(input: unknown): { ok: true; content: LeaseTemplateContent } | { ok: false; errors: string[] } {
  const parsed = leaseTemplateContentSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
  }
  const errors = [...templateFieldErrors(parsed.data), ...templateRequirementErrors(parsed.data)];
  return errors.length ? { ok: false, errors } : { ok: true, content: parsed.data };
}

export class MissingTemplateValueError extends Error {
  constructor(readonly fields: string[]) {
    super(`No value for template field${fields.length > 1 ? "s" : ""} ${fields.map((f) => `{{${f}}}`).join(", ")}`);
    this.name = "MissingTemplateValueError";
  }
}

/**
 * Fills the fields of one clause. Throws `MissingTemplateValueError` naming every field that is unknown or
 * has no (non-blank) value: a document is never produced with a hole in it.
 */
export function renderClause(text: string, values: Partial<Record<string, string>>): string {
  const missing = [...new Set(fieldsIn(text).filter((name) => !isLeaseTemplateField(name) || !values[name]?.trim()))];
  if (missing.length) throw new MissingTemplateValueError(missing);
  return text.replace(FIELD_PATTERN, (_, name: string) => values[name]!);
}

/** The template with every field filled (see `renderClause`); fails on the first text with a hole. */
export function renderTemplate(content: LeaseTemplateContent, values: Partial<Record<string, string>>): LeaseTemplateContent {
  const fill = (where: string, text: string): string => {
    try {
      return renderClause(text, values);
    } catch (error) {
      if (error instanceof MissingTemplateValueError) {
        const wrapped = new MissingTemplateValueError(error.fields);
        wrapped.message = `${where}: ${error.message}`;
        throw wrapped;
      }
      throw error;
    }
  };
  return {
    title: fill("Title", content.title),
    reviewNotice: fill("Review notice", content.reviewNotice),
    preamble: fill("Preamble", content.preamble),
    recitals: content.recitals.map((r, i) => fill(`Recital ${recitalLetter(i)}`, r)),
    definitions: content.definitions.map((d) => ({ term: fill(`Definition of “${d.term}”`, d.term), meaning: fill(`Definition of “${d.term}”`, d.meaning) })),
    articles: content.articles.map((a) => ({
      number: a.number,
      title: fill(`Article ${a.number} title`, a.title),
      sections: a.sections.map((s) => ({
        number: s.number,
        ...(s.title ? { title: fill(`Article ${a.number}, section ${s.number} title`, s.title) } : {}),
        text: fill(`Article ${a.number}, section ${s.number}`, s.text),
      })),
    })),
    testimonium: fill("Testimonium", content.testimonium),
    notaryAcknowledgment: fill("Notary acknowledgment", content.notaryAcknowledgment),
    exhibits: content.exhibits.map((e) => ({
      letter: e.letter,
      kind: e.kind,
      title: fill(`Exhibit ${e.letter} title`, e.title),
      paragraphs: e.paragraphs.map((p, i) => fill(`Exhibit ${e.letter}, paragraph ${i + 1}`, p)),
    })),
  };
}

/** Recitals are lettered A, B, C, … */
export function recitalLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

// ---------------------------------------------------------------------------------------------------------
// Wording helpers for field values
// ---------------------------------------------------------------------------------------------------------

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** A whole number 0–999 999 in English words ("ninety-nine", "one hundred twenty"). */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`Cannot write ${n} in words`);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : "");
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred` + (n % 100 ? ` ${numberInWords(n % 100)}` : "");
  return `${numberInWords(Math.floor(n / 1000))} thousand` + (n % 1000 ? ` ${numberInWords(n % 1000)}` : "");
}

const ORDINAL_WORDS: Record<string, string> = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };

/** 1 → "first (1st)", 22 → "twenty-second (22nd)": a day of the month in words and figures. */
export function ordinalWordsAndFigures(n: number): string {
  const words = numberInWords(n);
  const last = words.split(/[- ]/).at(-1)!;
  const ordinal = ORDINAL_WORDS[last] ?? (last.endsWith("y") ? `${last.slice(0, -1)}ieth` : `${last}th`);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${words.slice(0, words.length - last.length)}${ordinal} (${n}${suffix})`;
}

/** "ninety-nine (99)" — the legal habit of writing a number in words and figures. */
export function wordsAndFigures(n: number): string {
  return `${numberInWords(n)} (${n})`;
}

/** A rate such as "0.03" as "three percent (3%)"; rates that are not whole percents stay in figures. */
export function rateInWords(rate: string): string {
  const pct = new Decimal(rate).times(100);
  return pct.isInteger() && pct.gte(0) && pct.lte(999)
    ? `${numberInWords(pct.toNumber())} percent (${pct.toString()}%)`
    : `${pct.toString()} percent (${pct.toString()}%)`;
}

/** The lease fee escalation rule as a clause fragment completing “The Lease Fee …”. */
export function feeEscalationInWords(rule: FeeEscalationRule): string {
  switch (rule.kind) {
    case "none":
      return "shall remain fixed for the Term and may be changed only by a written amendment signed by the Trust and the Homeowner";
    case "fixed-percent":
      return `shall increase on each anniversary of the Commencement Date by ${rateInWords(rule.annualRate)} of the Lease Fee then in effect, rounded to the nearest cent`;
    case "index":
      return (
        `shall be adjusted on each anniversary of the Commencement Date in proportion to the change over the preceding year in ${rule.indexName ?? "the index designated by the Trust"}, ` +
        `provided that no single annual increase shall exceed ${rateInWords(rule.cap)} of the Lease Fee then in effect and that the Lease Fee shall not be reduced by a fall in the index`
      );
  }
}
