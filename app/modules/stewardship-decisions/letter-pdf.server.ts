/**
 * Stewardship letters as PDFs, drawn with the lease documents' toolkit (same page, fonts and typography as
 * the ground lease). Same data → same bytes.
 */
import { Flow, finishPages, letterhead, MUTED, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import type { Letter } from "./letters";
import { formatLegalDate } from "~/modules/documents/format";

export async function renderLetter(letter: Letter): Promise<Buffer> {
  const doc = newDocument({ title: letter.title, author: letter.organisation.name, subject: `${letter.title} — ${letter.re[0] ?? ""}`, keywords: "community land trust, stewardship, letter", date: letter.date });
  const flow = new Flow(doc);
  flow.newPage();
  letterhead(flow, letter.organisation, { gapAfter: 18 });
  flow.paragraph(formatLegalDate(letter.date), { align: "left", gapAfter: 12 });
  for (const line of letter.to) flow.paragraph(line, { align: "left", gapAfter: 1 });
  flow.paragraph("", { gapAfter: 8 });
  for (const [i, line] of letter.re.entries()) flow.paragraph(i === 0 ? `Re: ${line}` : `      ${line}`, { font: "sans", size: 10, align: "left", gapAfter: 1 });
  flow.paragraph("", { gapAfter: 10 });
  flow.heading(letter.title.toUpperCase(), { size: 13, gapAfter: 8 });
  for (const [heading, text] of letter.paragraphs) flow.leadParagraph(`${heading}. `, text);
  flow.paragraph(`For ${letter.signatory}:`, { align: "left", gapAfter: 30 });
  flow.signatureLine("Authorized signatory");
  if (letter.copies.length) flow.paragraph(`Copies: ${letter.copies.join("; ")}`, { font: "sans", size: 9, align: "left", color: MUTED });
  finishPages(doc, { headerLeft: letter.organisation.name, headerRight: letter.title, headerFrom: 1, draft: false });
  return toBuffer(doc);
}
