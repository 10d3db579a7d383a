import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LEASE_TEMPLATE } from "~/modules/leases/default-template";
import { renderLeaseDocument } from "~/modules/leases/document-pdf.server";
import { sampleLeaseDocumentData } from "~/modules/leases/sample-lease";
import { newDocument, toBuffer } from "./pdf.server";
import type { FontName } from "./fonts.server";

/*
 * The fonts are parsed once per process and shared by every document (fonts.server.ts). Each document's text
 * layer (its ToUnicode map: what copy, search and screen readers read) must still say what that document
 * shows, whatever documents came before it in the process. This file renders its documents in a fixed order
 * in one module instance, so the first document is the first to use the fonts.
 */

const dir = mkdtempSync(join(tmpdir(), "fonts-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** The PDF's text as pdftotext reads it, runs of whitespace collapsed. */
function readBack(pdf: Buffer): string {
  const file = join(dir, `doc-${(counter += 1)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

const FONTS: FontName[] = ["serif", "serif-bold", "serif-italic", "sans", "sans-bold"];

/** A one-page document with each line set in each of the fonts. */
async function render(lines: string[]): Promise<Buffer> {
  const doc = newDocument({ title: "Test", author: "Test", subject: "Test", keywords: "", date: "2026-12-01" });
  doc.addPage();
  for (const font of FONTS) for (const line of lines) doc.font(font).fontSize(12).text(line);
  return toBuffer(doc);
}

// Names whose letters the fonts draw from parts of other letters ("č" is "c" and a caron, "Å" is "A" and a
// ring): the first time a font meets "c" it may be as such a part, with no character of its own.
const NAMES = "Łukasz Ščerba, Zoë Ångström, José Núñez, Dvořák";
const SENTENCE = "The inspection was completed; the final office affairs were cleared.";

describe("the text layer of documents rendered one after another in a process", () => {
  it("reads back each document's own text, in every font, after a document of unusual names", async () => {
    const first = readBack(await render([NAMES]));
    const second = readBack(await render([SENTENCE, "Adam Crane, Zoe Angstrom, Jose Nunez"]));
    const third = readBack(await render([NAMES, SENTENCE]));

    expect(first.split(NAMES)).toHaveLength(FONTS.length + 1);
    expect(second.split(SENTENCE)).toHaveLength(FONTS.length + 1);
    expect(second.split("Adam Crane, Zoe Angstrom, Jose Nunez")).toHaveLength(FONTS.length + 1);
    expect(third.split(NAMES)).toHaveLength(FONTS.length + 1);
    expect(third.split(SENTENCE)).toHaveLength(FONTS.length + 1);
  });

  it("reads back a full ground lease rendered after them", async () => {
    const lease = readBack(await renderLeaseDocument(sampleLeaseDocumentData()));
    expect(lease).toContain("Riverbend Community Land Trust");
    expect(lease).toContain("Łukasz Ščerba");
    for (const article of DEFAULT_LEASE_TEMPLATE.articles) {
      expect(lease).toContain(`ARTICLE ${article.number} ${article.title.toUpperCase()}`);
    }
    for (const section of DEFAULT_LEASE_TEMPLATE.articles.flatMap((a) => a.sections)) {
      expect(lease).toContain(`${section.number} ${section.title}.`);
    }
  });
});
