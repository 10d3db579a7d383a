import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LEASE_TEMPLATE } from "./default-template";
import { DRAFT_WATERMARK } from "~/modules/documents/pdf.server";
import { renderLeaseDocument, type LeaseDocumentData } from "./document-pdf.server";
import { renderMemorandum } from "./memorandum-pdf.server";
import { sampleLeaseDocumentData } from "./sample-lease";

const dir = mkdtempSync(join(tmpdir(), "lease-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCounter = 0;
function save(buffer: Buffer): string {
  const path = join(dir, `doc-${(fileCounter += 1)}.pdf`);
  writeFileSync(path, buffer);
  return path;
}
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8" });
const text = (path: string): string => run("pdftotext", ["-layout", path, "-"]);
/** Text with runs of whitespace collapsed, so phrases wrapped across lines can be found. */
const flat = (s: string): string => s.replace(/\s+/g, " ");
const pageCount = (path: string): number => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [path]))![1]);

function checkPageNumbers(path: string): void {
  const pages = text(path).split("\f").filter((p) => p.trim() !== "");
  const total = pageCount(path);
  expect(pages).toHaveLength(total);
  pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${total}`));
}

function checkFonts(path: string): void {
  const rows = run("pdffonts", [path]).split("\n").slice(2).filter((l) => l.trim());
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const row of rows) {
    expect(row).toMatch(/DejaVu/);
    expect(row.trim().split(/\s+/).at(-5)).toBe("yes"); // emb column
  }
}

describe("renderLeaseDocument", () => {
  const data = sampleLeaseDocumentData();
  let path: string;
  let body: string;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await renderLeaseDocument(data);
    path = save(bytes);
    body = text(path);
  });

  it("is a valid PDF with embedded fonts", () => {
    expect(run("qpdf", ["--check", path])).toMatch(/No syntax or stream encoding errors/);
    checkFonts(path);
  });

  it("numbers every page 'Page X of Y' matching the real page count", () => checkPageNumbers(path));

  it("names the parties, with Unicode names intact", () => {
    expect(body).toContain("Riverbend Community Land Trust");
    expect(body).toContain("Łukasz Ščerba");
    expect(body).toContain("José Núñez");
  });

  it("prints the legal description verbatim, line by line", () => {
    for (const line of data.property.legalDescription.split("\n")) {
      const start = line.split(" ").slice(0, 6).join(" ");
      expect(flat(body)).toContain(start);
    }
    expect(flat(body)).toContain("Instrument No. 61-01187, Lane County Official Records.");
    expect(flat(body)).toContain("as Document No. 98-044812.");
  });

  it("states the fee, its escalation and the term dates", () => {
    const f = flat(body);
    expect(f).toContain("Lease Fee of $35.00 per month");
    expect(f).toContain("three percent (3%)");
    expect(f).toContain("late charge of $10.00");
    expect(f).toContain("January 1, 2025");
    expect(f).toContain("December 31, 2123");
    expect(f).toContain("ninety-nine (99) years");
    expect(f).toContain("ninety (90) days");
    expect(f).toContain("one hundred twenty (120) days");
  });

  it("has every article heading, in the body and the table of contents", () => {
    const f = flat(body);
    for (const article of DEFAULT_LEASE_TEMPLATE.articles) {
      expect(f).toContain(`ARTICLE ${article.number} ${article.title.toUpperCase()}`);
      expect(f).toMatch(new RegExp(`Article ${article.number} ${article.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ .]+\\d+`));
    }
    for (const section of DEFAULT_LEASE_TEMPLATE.articles.flatMap((a) => a.sections)) {
      expect(f).toContain(`${section.number} ${section.title}.`);
    }
  });

  it("has recitals, definitions, signatures, acknowledgments and exhibits A–G", () => {
    const f = flat(body);
    for (const heading of ["RECITALS", "DEFINITIONS", "SIGNATURES", "NOTARY ACKNOWLEDGMENTS", "TABLE OF CONTENTS"]) expect(f).toContain(heading);
    for (const letter of "ABCDEFG") expect(f).toContain(`EXHIBIT ${letter}`);
    expect(f).toContain("EXHIBIT G DEED TO THE IMPROVEMENTS Riverbend Community Land Trust (the “Grantor”)");
    expect(f).toContain("Acknowledgment of the Homeowner");
    expect(f).toContain("Willamette Valley Credit Union $166,500.00 December 20, 2024");
    expect(f).toContain("1. Fannie Mae CLT Ground Lease Rider");
    expect(f).toContain("Commonground default ground lease, version 1");
    expect(f).toMatch(/lawyer licensed in the State of Oregon/);
    expect(f).toContain("governed by the law of the State of Oregon");
    expect(f).toContain("Acknowledgment of the Trust State of Oregon )");
  });

  it("shows the worked example of the resale formula", () => {
    const f = flat(body);
    for (const amount of ["$185,000.00", "$37,000.00", "$222,000.00", "$310,000.00", "10 years"]) expect(f).toContain(amount);
    expect(f).toMatch(/Maximum resale price .*\$222,000\.00/);
    expect(f).toContain("two percent (2%) of the Purchase Price");
  });

  it("points the table of contents at the right pages", () => {
    const pages = body.split("\f");
    const toc = pages[1]!;
    const exhibitE = Number(/Exhibit E\s+Resale Formula and Worked Example[ .]+(\d+)/.exec(toc)![1]);
    expect(pages[exhibitE - 1]).toContain("EXHIBIT E");
    const article10 = Number(/Article 10\s+Transfer of the Home[ .]+(\d+)/.exec(toc)![1]);
    expect(pages[article10 - 1]).toContain("ARTICLE 10");
  });

  it("carries a running header with the lease reference after the title page", () => {
    const pages = body.split("\f").filter((p) => p.trim());
    expect(pages[0]!.split("\n")[0]).not.toContain("Ground Lease GL-2025-0007 ·");
    for (const page of pages.slice(1)) expect(page).toContain("Ground Lease GL-2025-0007 ·");
  });

  it("sets the PDF metadata from the data", () => {
    const info = run("pdfinfo", [path]);
    expect(info).toMatch(/Title:\s+Ground Lease GL-2025-0007/);
    expect(info).toMatch(/Author:\s+Riverbend Community Land Trust/);
    expect(info).toMatch(/Subject:\s+Ground Lease between .*Łukasz Ščerba/);
    expect(info).toMatch(/Keywords:\s+ground lease, .*17-03-32-41-04500/);
    expect(info).toMatch(/CreationDate:\s+Wed Jan\s+1 00:00:00 2025 UTC/);
  });

  it("is byte-for-byte identical for the same data", async () => {
    const again = await renderLeaseDocument(sampleLeaseDocumentData());
    expect(again.equals(bytes)).toBe(true);
    const otherDay = await renderLeaseDocument(sampleLeaseDocumentData({ documentDate: "2025-01-02" }));
    expect(otherDay.equals(bytes)).toBe(false);
  });

  it("carries the draft watermark on every page only while a draft", async () => {
    expect(body).not.toContain(DRAFT_WATERMARK);
    const draftPath = save(await renderLeaseDocument(sampleLeaseDocumentData({ status: "draft" })));
    const pages = text(draftPath).split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page).toContain(DRAFT_WATERMARK);
    // The diagonal copy is text too: an extractor returns its rotated letters one by one.
    const singleLetters = (file: string) =>
      run("pdftotext", ["-raw", "-f", "3", "-l", "3", file, "-"]).split("\n").filter((l) => /^[A-Z—]$/.test(l.trim())).join("");
    expect(singleLetters(draftPath)).toBe("DRAFT—NOTFORSIGNATURE");
    expect(singleLetters(path)).toBe("");
  });

  it("handles a long legal description, no riders, no mortgages and one lessee", async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Course ${i + 1}: thence North ${i}°12'30" East 104.${i} feet along the line of lot ${i};`).join("\n");
    const p = save(await renderLeaseDocument(sampleLeaseDocumentData({ lessees: ["José Núñez"], riders: [], permittedMortgages: [], property: { ...data.property, legalDescription: long } })));
    const f = flat(text(p));
    expect(f).toContain("Course 60: thence North 59°12'30\" East 104.59 feet");
    expect(f).toContain("No riders are attached to this Lease.");
    expect(f).toContain("None at the date of this Lease.");
    expect(f).not.toContain("Łukasz");
    checkPageNumbers(p);
  });

  it("refuses to produce a document with a hole", async () => {
    const template = structuredClone(DEFAULT_LEASE_TEMPLATE);
    template.articles[4]!.sections[0]!.text += " {{montly_fee}}";
    await expect(renderLeaseDocument(sampleLeaseDocumentData({ template: { content: template, versionLabel: "broken" } }))).rejects.toThrow(/Article 5, section 5.1: .*montly_fee/);
    const noLessees: LeaseDocumentData = sampleLeaseDocumentData({ lessees: [] });
    await expect(renderLeaseDocument(noLessees)).rejects.toThrow(/at least one lessee/);
  });
});

describe("renderMemorandum", () => {
  let path: string;
  let body: string;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await renderMemorandum(sampleLeaseDocumentData());
    path = save(bytes);
    body = text(path);
  });

  it("is a short valid PDF with embedded fonts and page numbers", () => {
    expect(run("qpdf", ["--check", path])).toMatch(/No syntax or stream encoding errors/);
    checkFonts(path);
    checkPageNumbers(path);
    // two homeowners and a nine-line legal description still fit the one- or two-page form counties expect
    expect(pageCount(path)).toBeLessThanOrEqual(2);
  });

  it("fits on two pages for a single lessee and a short legal description", async () => {
    const p = save(await renderMemorandum(sampleLeaseDocumentData({
      lessees: ["José Núñez"],
      property: { address: "1187 Alder Street", parcelNumber: "17-03", legalDescription: "Lot 14, Block 3, ALDER GROVE ADDITION, Lane County, Oregon." },
    })));
    expect(pageCount(p)).toBeLessThanOrEqual(2);
  });

  it("gives notice of the parties, land, term, renewal, purchase option and consent rights", () => {
    const f = flat(body);
    for (const s of ["MEMORANDUM OF GROUND LEASE", "Riverbend Community Land Trust", "Łukasz Ščerba and José Núñez",
      "Lot 14, Block 3, ALDER GROVE ADDITION", "Document No. 98-044812", "commences on January 1, 2025",
      "December 31, 2123", "ninety-nine (99) years", "Purchase option.", "ninety (90) days", "Consent rights.",
      "prior written consent", "RECORDER'S USE", "RETURN TO:", "Acknowledgment of the Trust", "Acknowledgment of the Homeowner"]) {
      expect(f).toContain(s);
    }
  });

  it("keeps the top three inches of the first page for the recorder", () => {
    // Text on page 1 inside the recorder band (y < 216 pt) must be only the return-to block, on the left half.
    const bbox = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", path, "-"]);
    const words = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)]
      .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), word: m[5]! }));
    const inBand = words.filter((w) => w.yMin < 216);
    expect(inBand.length).toBeGreaterThan(0);
    for (const w of inBand) expect(w.xMax).toBeLessThan(306);
  });

  it("is deterministic and watermarked only as a draft", async () => {
    expect((await renderMemorandum(sampleLeaseDocumentData())).equals(bytes)).toBe(true);
    expect(body).not.toContain(DRAFT_WATERMARK);
    const draft = save(await renderMemorandum(sampleLeaseDocumentData({ status: "draft" })));
    for (const page of text(draft).split("\f").filter((p) => p.trim())) expect(page).toContain(DRAFT_WATERMARK);
  });
});
