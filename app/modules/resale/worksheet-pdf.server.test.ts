import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseResaleRequest } from "./contract";
import { calculateResale } from "./engine";
import { renderWorksheetPdf, type WorksheetInput } from "./worksheet-pdf.server";

const directory = mkdtempSync(join(tmpdir(), "resale-worksheet-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function worksheetInput(improvementCount = 1): WorksheetInput {
  const parsed = parseResaleRequest({
    formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple", improvementCredit: { creditRate: "0.5", depreciationYears: 10 } },
    purchase: { price: "250000.00", date: "2015-06-01" },
    valuationDate: "2025-06-01",
    appraisals: { current: "280000.00" },
    improvements: Array.from({ length: improvementCount }, (_, n) => ({
      description: n === 0 ? "Nouvelle toiture — Łukasz Ščerba & fils" : `Improvement ${n}`,
      cost: "10000.00",
      completedOn: "2020-06-01",
      approved: n % 7 !== 3,
    })),
    caps: [{ type: "market-value" }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    organisationName: "Łódź Community Land Trust",
    homeLabel: "12 Elm Street, Unit 3",
    calculatedAt: "2025-06-02T14:03:00.000Z",
    timeZone: "America/Chicago",
    calculatedBy: "Zoë Ahmed",
    request: parsed.request,
    result: calculateResale(parsed.request),
  };
}

function pdfText(pdf: Buffer, name: string): string {
  const file = join(directory, name);
  writeFileSync(file, pdf);
  // qpdf --check exits non-zero on a damaged file (2) or on warnings (3).
  execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("renderWorksheetPdf", () => {
  it("renders a valid one-page worksheet with the key figures", async () => {
    const input = worksheetInput();
    // 250,000 + 250,000 × 0.015 × 10 = 287,500; roof 10,000 × 50% × 60/120 = 2,500 → 290,000;
    // market value 280,000 binds.
    expect(input.result.maxResalePrice).toBe("280000.00");
    const text = pdfText(await renderWorksheetPdf(input), "one.pdf");
    expect(text).toContain("Resale price worksheet");
    expect(text).toContain("Łódź Community Land Trust");
    expect(text).toContain("Zoë Ahmed");
    expect(text).toContain("$250,000.00");
    expect(text).toContain("$37,500.00");
    expect(text).toContain("$2,500.00");
    expect(text).toContain("$290,000.00");
    expect(text).toMatch(/Maximum resale price: \$280,000\.00/);
    expect(text).toContain("bound by the market-value cap");
    expect(text).toContain("Łukasz Ščerba");
    expect(text).toContain("Page 1 of 1");
    expect(text).not.toContain("Page 2");

    const info = execFileSync("pdfinfo", [join(directory, "one.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Resale price worksheet — 12 Elm Street, Unit 3/);
    expect(info).toMatch(/Author:\s+Łódź Community Land Trust/);
    expect(info).toMatch(/CreationDate:.*2025/);
    expect(info).toMatch(/Pages:\s+1/);
  });

  it("writes its dates in words, as the lease and the letters do, never as YYYY-MM-DD", async () => {
    const input = worksheetInput();
    const parsed = parseResaleRequest({
      ...input.request,
      improvements: [
        { description: "Roof", cost: "10000.00", completedOn: "2020-06-01", approved: true },
        { description: "Deck", cost: "4000.00", completedOn: "2025-07-15", approved: true },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = calculateResale(parsed.request);
    // the deck was finished after the valuation date: a line and a warning say so, with both dates
    expect(result.warnings.join(" ")).toContain("2025-07-15");
    const text = pdfText(await renderWorksheetPdf({ ...input, request: parsed.request, result }), "dates.pdf").replace(/\s+/g, " ");
    expect(text).toContain("Calculated June 2, 2025 by Zoë Ahmed");
    expect(text).toContain("$250,000.00 on June 1, 2015");
    expect(text).toContain("Valuation date June 1, 2025");
    expect(text).toContain("Price the seller paid on June 1, 2015");
    expect(text).toContain("since June 1, 2020");
    expect(text).toContain("on July 15, 2025, after the valuation date June 1, 2025");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("is dated the trust's calendar day, not the UTC day", async () => {
    // 2025-06-03 02:30 UTC is 7:30 pm on June 2 in Los Angeles (PDT, UTC−7) and 2:30 pm on June 3 in Auckland
    // (NZST, UTC+12): a Californian trust's worksheet from that evening says June 2.
    const base = { ...worksheetInput(), calculatedAt: "2025-06-03T02:30:00.000Z" };
    const california = pdfText(await renderWorksheetPdf({ ...base, timeZone: "America/Los_Angeles" }), "la.pdf").replace(/\s+/g, " ");
    expect(california).toContain("Calculated June 2, 2025 by Zoë Ahmed");
    const newZealand = pdfText(await renderWorksheetPdf({ ...base, timeZone: "Pacific/Auckland" }), "nz.pdf").replace(/\s+/g, " ");
    expect(newZealand).toContain("Calculated June 3, 2025 by Zoë Ahmed");
  });

  it("gives the same bytes for the same input", async () => {
    const input = worksheetInput();
    const [first, second] = [await renderWorksheetPdf(input), await renderWorksheetPdf(input)];
    expect(first.equals(second)).toBe(true);
  });

  it("numbers every page when the table runs over", async () => {
    const input = worksheetInput(30);
    const text = pdfText(await renderWorksheetPdf(input), "long.pdf");
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text).toContain("Improvement 29");
    expect(text).toContain("not approved");
  });
});
