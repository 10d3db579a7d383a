import { describe, expect, it } from "vitest";
import { DEFAULT_LEASE_TEMPLATE } from "./default-template";
import {
  LEASE_TEMPLATE_FIELD_NAMES,
  MissingTemplateValueError,
  feeEscalationInWords,
  fieldsIn,
  leaseTemplateContentSchema,
  numberInWords,
  ordinalWordsAndFigures,
  renderClause,
  renderTemplate,
  templateFieldErrors,
  validateLeaseTemplate,
  withUnprintedTerms,
  type LeaseTemplateContent,
} from "./template";

const clone = (): LeaseTemplateContent => structuredClone(DEFAULT_LEASE_TEMPLATE);

describe("the default template", () => {
  it("is valid and uses only known fields", () => {
    expect(validateLeaseTemplate(DEFAULT_LEASE_TEMPLATE)).toEqual({ ok: true, content: DEFAULT_LEASE_TEMPLATE });
  });
  it("has the fourteen articles of the model lease, each with several sections", () => {
    expect(DEFAULT_LEASE_TEMPLATE.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const article of DEFAULT_LEASE_TEMPLATE.articles) expect(article.sections.length).toBeGreaterThanOrEqual(3);
  });
  it("covers the subjects of the model lease", () => {
    const text = JSON.stringify(DEFAULT_LEASE_TEMPLATE);
    for (const subject of ["Mineral", "Renewal", "Sale of the Land", "Primary Residence", "Late Charges", "Escalation",
      "Unpaid Lease Fees at Sale", "Permitted Mortgages Only", "Right to Cure", "Purchase Before Foreclosure", "additional insured",
      "Eminent Domain", "Notice of Intent to Sell", "Purchase Option", "Income-Qualified Buyer", "Inheritance", "Mediation",
      "Arbitration", "Memorandum of Lease"]) {
      expect(text).toContain(subject);
    }
  });
  it("is marked as needing review by a lawyer licensed in the state", () => {
    expect(DEFAULT_LEASE_TEMPLATE.reviewNotice).toMatch(/lawyer licensed in the \{\{state\}\}/);
  });
  it("uses most of the fields (it exercises the whole list)", () => {
    const used = new Set(JSON.stringify(DEFAULT_LEASE_TEMPLATE).match(/\{\{(\w+)\}\}/g));
    const unused = LEASE_TEMPLATE_FIELD_NAMES.filter((f) => !used.has(`{{${f}}}`));
    expect(unused).toEqual(["template_version", "legal_description"]);
  });
});

describe("templateFieldErrors", () => {
  it("names each unknown field and where it is", () => {
    const content = clone();
    content.articles[4]!.sections[1]!.text = "Pay {{montly_fee}} monthly, or {{ lessee_names }} pay {{Fee}}.";
    content.recitals[1] = "The land at {{adress}}.";
    content.exhibits[0]!.paragraphs[0] = "See {{legal_descr}}";
    expect(templateFieldErrors(content)).toEqual([
      "Recital B: unknown field {{adress}}",
      "Article 5, section 5.2: unknown field {{montly_fee}}",
      "Article 5, section 5.2: unknown field {{Fee}}",
      "Exhibit A, paragraph 1: unknown field {{legal_descr}}",
    ]);
  });
  it("reports braces that do not form a field", () => {
    const content = clone();
    content.definitions[0]!.meaning = "{{commencement_date}, the first day";
    expect(templateFieldErrors(content)).toEqual(["Definition of “Commencement Date”: unmatched “{{” or “}}”"]);
  });
});

describe("leaseTemplateContentSchema", () => {
  it("refuses sections outside their article, duplicates and missing exhibits", () => {
    const content = clone();
    content.articles[0]!.sections[1]!.number = "2.1";
    content.articles[1]!.sections[1]!.number = "2.1";
    content.exhibits = content.exhibits.filter((e) => e.kind !== "riders");
    const result = validateLeaseTemplate(content);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContain("articles.0.sections.1.number: Section 2.1 does not belong to Article 1");
    expect(errors).toContain("articles.1.sections.1.number: Section 2.1 appears twice");
    expect(errors.some((e) => e.includes("“riders” exhibit"))).toBe(true);
  });
  it("refuses empty text", () => {
    const content = clone();
    content.articles[2]!.sections[0]!.text = "  ";
    expect(leaseTemplateContentSchema.safeParse(content).success).toBe(false);
  });
});

describe("renderClause", () => {
  it("fills fields, with or without inner spaces", () => {
    expect(renderClause("Between {{organisation_name}} and {{ lessee_names }}.", { organisation_name: "Riverbend CLT", lessee_names: "José Núñez" }))
      .toBe("Between Riverbend CLT and José Núñez.");
  });
  it("does not re-expand braces inside values", () => {
    expect(renderClause("{{lessee_names}}", { lessee_names: "{{state}}" })).toBe("{{state}}");
  });
  it("throws naming every missing or blank field", () => {
    const attempt = () => renderClause("{{term_years}} years from {{commencement_date}} at {{monthly_lease_fee}}", { term_years: "99", commencement_date: " " });
    expect(attempt).toThrow(MissingTemplateValueError);
    expect(attempt).toThrow("No value for template fields {{commencement_date}}, {{monthly_lease_fee}}");
  });
  it("throws for unknown fields even when a value is supplied", () => {
    expect(() => renderClause("{{montly_fee}}", { montly_fee: "$35" })).toThrow(/montly_fee/);
  });
  it("renderTemplate says where the hole is", () => {
    expect(() => renderTemplate(DEFAULT_LEASE_TEMPLATE, { organisation_name: "X" })).toThrow(/^Review notice: No value for template field \{\{state\}\}/);
  });
  it("fieldsIn lists references in order", () => {
    expect(fieldsIn("{{a}} and {{ b_c }}")).toEqual(["a", "b_c"]);
  });
});

describe("wording", () => {
  it.each([[0, "zero"], [7, "seven"], [20, "twenty"], [99, "ninety-nine"], [120, "one hundred twenty"], [1000, "one thousand"]])("%i → %s", (n, w) => {
    expect(numberInWords(n)).toBe(w);
  });
  it("describes the escalation rules", () => {
    expect(feeEscalationInWords({ kind: "fixed-percent", annualRate: "0.03" })).toContain("three percent (3%)");
    expect(feeEscalationInWords({ kind: "fixed-percent", annualRate: "0.025" })).toContain("2.5 percent (2.5%)");
    expect(feeEscalationInWords({ kind: "index", cap: "0.10", indexName: "the HUD median family income for Lane County" }))
      .toMatch(/HUD median family income for Lane County.*ten percent \(10%\)/);
    expect(feeEscalationInWords({ kind: "none" })).toMatch(/remain fixed/);
  });
});

describe("required fields", () => {
  it("refuses a template that does not print a term of the lease, naming the field", () => {
    const content = structuredClone(DEFAULT_LEASE_TEMPLATE);
    for (const article of content.articles) {
      for (const section of article.sections) section.text = section.text.replace("{{late_charge}}", "$10.00").replace("{{closing_days}}", "sixty (60)");
    }
    const result = validateLeaseTemplate(content);
    expect(result.ok).toBe(false);
    const errors = (result as { errors: string[] }).errors;
    expect(errors).toEqual([
      expect.stringContaining("must print {{late_charge}}"),
      expect.stringContaining("must print {{closing_days}}"),
    ]);
  });
  it("refuses an unknown field by name, and a template without the deed to the improvements", () => {
    const content = structuredClone(DEFAULT_LEASE_TEMPLATE);
    content.articles[0]!.sections[0]!.text += " {{cure_period}}";
    content.exhibits = content.exhibits.filter((e) => e.kind !== "deed-to-improvements");
    const errors = (validateLeaseTemplate(content) as { errors: string[] }).errors;
    expect(errors.some((e) => e.includes("unknown field {{cure_period}}"))).toBe(true);
    expect(errors).toContain("Exactly one “deed-to-improvements” exhibit is required (found 0)");
  });
  it("accepts the default template", () => {
    expect(validateLeaseTemplate(DEFAULT_LEASE_TEMPLATE).ok).toBe(true);
  });
  it("writes a due day as an ordinal in words and figures", () => {
    expect([1, 2, 3, 11, 12, 21, 22, 28].map(ordinalWordsAndFigures)).toEqual([
      "first (1st)", "second (2nd)", "third (3rd)", "eleventh (11th)", "twelfth (12th)", "twenty-first (21st)", "twenty-second (22nd)", "twenty-eighth (28th)",
    ]);
  });
});

describe("older versions that do not print every term", () => {
  it("keep their text and gain an article stating each missing term through its field", () => {
    expect(withUnprintedTerms(DEFAULT_LEASE_TEMPLATE)).toBe(DEFAULT_LEASE_TEMPLATE);
    const old = structuredClone(DEFAULT_LEASE_TEMPLATE);
    for (const article of old.articles) {
      for (const section of article.sections) section.text = section.text.replace("{{late_charge}}", "$10.00").replace("{{closing_days}}", "sixty (60)");
    }
    const amended = withUnprintedTerms(old);
    expect(amended.articles.slice(0, -1)).toEqual(old.articles);
    const added = amended.articles.at(-1)!;
    const last = old.articles.at(-1)!.number;
    expect(added.number).toBe(last + 1);
    expect(added.title).toBe("Additional Terms");
    expect(added.sections.map((s) => s.number)).toEqual([`${last + 1}.1`, `${last + 1}.2`, `${last + 1}.3`]);
    expect(renderClause(added.sections[1]!.text, { late_charge: "$12.50" })).toBe("A lease fee paid late carries a late charge of $12.50.");
    expect(renderClause(added.sections[2]!.text, { closing_days: "fifty (50)" })).toBe("The purchase closes within fifty (50) days after the Trust exercises its purchase option.");
    expect(validateLeaseTemplate(amended).ok).toBe(true);
  });
});
