/**
 * Stewardship letters as PDFs, drawn with the shared PDF toolkit (~/modules/documents/pdf.server.ts: the page,
 * fonts and typography of the ground lease). Same data → same bytes.
 */
import { Flow, finishPages, letterhead, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { letterParagraphs, letterTitle, type LetterData } from "./letters";
import { formatLegalDate } from "~/modules/documents/format";

export async function renderLetter(data: LetterData): Promise<Buffer> {
  const title = letterTitle(data);
  const doc = newDocument({
    title,
    author: data.organisation.name,
    subject: `${title} — lease ${data.leaseReference}`,
    keywords: ["stewardship", "community land trust", data.kind, data.type].join(", "),
    date: data.letterDate,
  });
  const flow = new Flow(doc);
  flow.newPage();
  letterhead(flow, data.organisation);
  flow.paragraph(formatLegalDate(data.letterDate), { align: "left", gapAfter: 12 });
  const recipient = [data.lessees.join(" and ") || "Homeowner", ...(data.mailingAddress || data.homeAddress).split(/\s*\n\s*|,\s*(?=[^,]*$)/)].filter(Boolean);
  flow.paragraph(recipient.join("\n"), { align: "left", gapAfter: 14 });
  flow.paragraph(`Re: ${title} — ground lease ${data.leaseReference}, ${data.homeAddress}`, { font: "serif-bold", align: "left", gapAfter: 12 });
  for (const text of letterParagraphs(data)) flow.paragraph(text);
  flow.paragraph("Sincerely,", { align: "left", gapAfter: 30 });
  flow.paragraph(`Stewardship staff, ${data.organisation.name}`, { align: "left" });
  finishPages(doc, { headerLeft: data.organisation.name, headerRight: `Lease ${data.leaseReference}`, headerFrom: 1, draft: false });
  return toBuffer(doc);
}
