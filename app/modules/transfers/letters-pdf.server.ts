/**
 * The letters of a resale / transfer case as PDFs, drawn with the shared PDF toolkit
 * (~/modules/documents/pdf.server.ts: the page, fonts and typography of the ground lease). Same data → same bytes.
 */
import { drawTable, Flow, finishPages, letterhead, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { formatLegalDate, formatMoney } from "~/modules/documents/format";
import { caseLetterParagraphs, caseLetterRecipient, caseLetterTitle, closingStatementRows, type CaseLetterData } from "./letters";

export async function renderCaseLetter(data: CaseLetterData): Promise<Buffer> {
  const title = caseLetterTitle(data);
  const doc = newDocument({
    title,
    author: data.organisation.name,
    subject: `${title} — ${data.homeAddress}`,
    keywords: ["resale", "transfer", "community land trust", data.kind].join(", "),
    date: data.letterDate,
  });
  const flow = new Flow(doc);
  flow.newPage();
  letterhead(flow, data.organisation);
  flow.paragraph(formatLegalDate(data.letterDate), { align: "left", gapAfter: 12 });
  flow.paragraph(caseLetterRecipient(data).join("\n"), { align: "left", gapAfter: 14 });
  flow.paragraph(`Re: ${title} — ${data.homeAddress}${data.leaseReference ? `, ground lease ${data.leaseReference}` : ""}`, { font: "serif-bold", align: "left", gapAfter: 12 });
  for (const text of caseLetterParagraphs(data)) flow.paragraph(text);

  if (data.kind === "acknowledgement") {
    drawTable(
      flow,
      [
        { header: "Step", width: 0.45 },
        { header: "Date", width: 0.22 },
        { header: "Rule", width: 0.33 },
      ],
      data.deadlines.map((d) => [d.label, formatLegalDate(d.due), d.rule]),
    );
  }
  if (data.kind === "formula-price" && data.calculation) {
    flow.heading("Worksheet", { size: 11.5 });
    drawTable(
      flow,
      [
        { header: "Step", width: 0.3 },
        { header: "Amount", width: 0.2, align: "right" },
        { header: "How it was worked out", width: 0.5 },
      ],
      data.calculation.lines.map((line) => [line.label, formatMoney(line.amount), line.explanation]),
      { total: ["Maximum resale price", formatMoney(data.calculation.maxPrice), `set by ${data.calculation.boundBy}`] },
    );
  }
  if (data.kind === "closing-statement" && data.closing?.statement) {
    drawTable(
      flow,
      [
        { header: "Seller's net proceeds", width: 0.65 },
        { header: "Amount", width: 0.35, align: "right" },
      ],
      closingStatementRows(data.closing.statement),
      { total: ["Net proceeds", formatMoney(data.closing.statement.netProceeds ?? "0")] },
    );
  }

  flow.keepTogether(70, () => {
    flow.paragraph("Sincerely,", { align: "left", gapAfter: 30 });
    flow.paragraph(`Stewardship staff, ${data.organisation.name}`, { align: "left" });
  });
  finishPages(doc, { headerLeft: data.organisation.name, headerRight: data.leaseReference ? `Lease ${data.leaseReference}` : data.homeAddress, headerFrom: 1, draft: false });
  return toBuffer(doc);
}
