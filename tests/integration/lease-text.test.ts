import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePresetSpec, type FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { frozenFormulaParagraphs } from "~/modules/leases/formula-text";
import { loader as documentLoader } from "~/routes/leases.$leaseId.document[.]pdf";
import { db } from "~/utils/db.server";
import { createFormulaPreset } from "~/modules/demo/formula-presets";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { getRequest, run, sessionCookieFor } from "./helpers";

/** The PDF's text, whitespace collapsed and words hyphenated across lines joined again. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "lease-text-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  try {
    return normalise(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const normalise = (text: string) => text.replace(/\s+/g, " ").replace(/- /g, "-");

const affordability = {
  income: "62000.00",
  housingCostRatio: "0.3",
  interestRate: "0.065",
  termYears: 30,
  downPaymentRate: "0.05",
  propertyTaxRate: "0.012",
  mortgageInsuranceRate: "0.005",
  monthlyCosts: { insurance: "80.00", hoa: "0.00", leaseFee: "35.00", utilities: "150.00" },
};

/** One spec per formula type and option, each with caps, floor and rounding that differ. */
const SPECS: { name: string; spec: unknown; exampleLines: string[] }[] = [
  {
    name: "fixed simple, months, credit, market cap",
    spec: {
      formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple", elapsed: "full-months", improvementCredit: { creditRate: "0.8", depreciationYears: 15, minimumCost: "2500.00" } },
      caps: [{ type: "market-value" }],
      floor: null,
      rounding: { mode: "nearest", increment: "0.01" },
    },
    exampleLines: ["Cap: market value"],
  },
  {
    name: "fixed compound, years, floor, round down $100",
    spec: { formula: { type: "fixed-rate", annualRate: "0.02", compounding: "compound", elapsed: "full-years" }, caps: [], floor: { type: "purchase-price" }, rounding: { mode: "down", increment: "100" } },
    exampleLines: ["Floor: purchase price", "Rounding"],
  },
  {
    name: "appraisal shielded, floor, market cap",
    spec: { formula: { type: "appraisal", ownerShare: "0.25", losses: "shielded", creditImprovementValue: false }, caps: [{ type: "market-value" }], floor: { type: "purchase-price" }, rounding: { mode: "down", increment: "100" } },
    exampleLines: ["Cap: market value", "Floor: purchase price", "Rounding"],
  },
  {
    name: "appraisal shared, improvement value",
    spec: { formula: { type: "appraisal", ownerShare: "0.3", losses: "shared", creditImprovementValue: true }, caps: [], floor: null, rounding: { mode: "nearest", increment: "1" } },
    exampleLines: [],
  },
  {
    name: "index, two caps",
    spec: { formula: { type: "index", indexName: "HUD area median income (four-person family)" }, caps: [{ type: "market-value" }, { type: "affordability", ...affordability }], floor: null, rounding: { mode: "nearest", increment: "1" } },
    exampleLines: ["Cap: market value", "Cap: affordability"],
  },
  {
    name: "affordability",
    spec: { formula: { type: "affordability", ...affordability }, caps: [{ type: "market-value" }], floor: null, rounding: { mode: "down", increment: "100" } },
    exampleLines: ["Cap: market value"],
  },
];

const TERMS = { feeDueDay: 5, graceDays: 7, lateChargeCents: 1250, monetaryCureDays: 21, nonMonetaryCureDays: 45, lenderCureDays: 100, priceNoticeDays: 14, purchaseOptionDays: 75, closingDays: 50, renewalNoticeEarliestMonths: 18, renewalNoticeLatestMonths: 9 };
const TERM_TEXTS = [
  "due in advance on the fifth (5th) day of each month",
  "not received within seven (7) days after it is due, the Homeowner shall pay a late charge of $12.50",
  "remains unpaid twenty-one (21) days after written notice",
  "does not cure the failure within forty-five (45) days after written notice",
  "the Trust shall have one hundred (100) days",
  "Within fourteen (14) days after receiving it the Trust shall order",
  "within seventy-five (75) days after receiving the notice of intent to sell",
  "complete the purchase within fifty (50) days after exercising it",
  "not earlier than eighteen (18) months and not later than nine (9) months before the Expiration Date",
  "the law of the State of Vermont",
];

describe("the lease says what the calculator applies", () => {
  it("for every preset type, Article 10.5 and Exhibit E state the whole frozen formula and every term of the lease appears", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    for (const { name, spec, exampleLines } of SPECS) {
      const preset = await createFormulaPreset(db(), organisation.id, spec, { name });
      const lease = await createLease(db(), organisation.id, { status: "executed", presetName: preset.name, values: TERMS });
      const response = (await run(documentLoader, getRequest(`/leases/${lease.id}/document.pdf`, cookie), { leaseId: lease.id })) as Response;
      expect(response.status, name).toBe(200);
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      const frozen = parsePresetSpec(spec);
      if (!frozen.ok) throw new Error(name);
      // the formula, its improvement-credit terms, every cap, the floor and the rounding: in 10.5 and in Exhibit E
      for (const paragraph of frozenFormulaParagraphs(frozen.spec as FormulaPresetSpec)) {
        expect(text.split(normalise(paragraph)).length - 1, `${name}: ${paragraph}`).toBeGreaterThanOrEqual(2);
      }
      const exhibitE = text.slice(text.indexOf("EXHIBIT E RESALE FORMULA"), text.indexOf("EXHIBIT F RIDERS"));
      for (const line of exampleLines) expect(exhibitE, `${name}: ${line}`).toContain(line);
      if (!exampleLines.includes("Floor: purchase price")) expect(exhibitE, name).not.toContain("Floor: purchase price");
      if (!exampleLines.some((l) => l.startsWith("Cap:"))) expect(exhibitE, name).not.toContain("Cap:");
      for (const term of TERM_TEXTS) expect(text, `${name}: ${term}`).toContain(term);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    }
  });

  it("the worked example applies the frozen terms: independent figures for two presets", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    // $200,000.00 illustrative price, ten years. 1.5 % simple: 200,000 × (1 + 0.015 × 10) = 230,000.00
    // (market value 280,000 × 1.03^10 = 376,296.59 does not bind).
    // Appraisal 25 %: 200,000 + 25 % × (376,296.59 − 280,000.00) = 224,074.15, rounded down to $100 = 224,000.00.
    const expected = [
      [SPECS[0]!, "$230,000.00"],
      [SPECS[2]!, "$224,000.00"],
    ] as const;
    for (const [{ name, spec }, price] of expected) {
      const preset = await createFormulaPreset(db(), organisation.id, spec, { name });
      const lease = await createLease(db(), organisation.id, { status: "executed", presetName: preset.name });
      const response = (await run(documentLoader, getRequest(`/leases/${lease.id}/document.pdf`, cookie), { leaseId: lease.id })) as Response;
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text, name).toContain(`Maximum resale price (Formula Price) ${price}`);
      expect(text, name).toContain("ten years later, on January 1, 2035");
    }
  });
});
