/**
 * "Your home today" as a PDF, with the lease documents' typography (~/modules/documents/pdf.server): the
 * maximum resale price worksheet line by line, the estimated net proceeds and the equity built, each line
 * explained, and the note that it is not a guaranteed price. The bytes depend only on the data.
 */
import { formatLegalDate, withLegalDates } from "~/modules/documents/format";
import { drawTable, finishPages, Flow, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { centsToString, formatUsd } from "~/utils/money";
import type { HomeToday, RecordedInput } from "./home-today";

export type HomeTodayPdfData = HomeToday & {
  organisationName: string;
  householdName: string;
  address: string;
  today: string;
  lease: { reference: string };
  purchase: { date: string; priceCents: number };
  recorded: RecordedInput[];
};

const usd = (cents: number) => formatUsd(centsToString(cents));

export async function renderHomeTodayPdf(data: HomeTodayPdfData): Promise<Buffer> {
  const doc = newDocument({
    title: `Your home today — ${data.address} — ${data.today}`,
    author: data.organisationName,
    subject: "Estimated maximum resale price and net proceeds",
    keywords: "community land trust, resale formula, estimate",
    date: data.today,
  });
  const flow = new Flow(doc);
  flow.newPage();
  flow.heading("YOUR HOME TODAY", { size: 14, gapAfter: 4 });
  flow.paragraph(`${data.householdName} · ${data.address} · ground lease ${data.lease.reference} · as of ${formatLegalDate(data.today)}. Bought on ${formatLegalDate(data.purchase.date)} for ${usd(data.purchase.priceCents)}.`, { align: "left" });
  flow.paragraph(withLegalDates(data.notes[0] ?? ""), { font: "serif-bold", align: "left" });

  flow.heading("Maximum resale price under your lease", { size: 12 });
  if (data.price.ok) {
    drawTable(
      flow,
      [
        { header: "Line", width: 0.28 },
        { header: "Amount", width: 0.17, align: "right" },
        { header: "How it is worked out", width: 0.55 },
      ],
      data.price.lines.map((line) => [line.label, formatUsd(line.amount), withLegalDates(line.explanation)]),
    );
    flow.paragraph(`Maximum resale price today: ${usd(data.price.maxResalePriceCents)}.`, { font: "serif-bold", align: "left" });
    for (const warning of data.price.warnings) flow.paragraph(`Note: ${withLegalDates(warning)}`, { align: "left" });
  } else {
    flow.paragraph("The price cannot be worked out yet, because the trust has not recorded:", { align: "left" });
    for (const missing of data.price.missing) flow.paragraph(`• ${withLegalDates(missing)}`, { indent: 14, align: "left", gapAfter: 3 });
    flow.paragraph("Ask the trust's office; once it is recorded the estimate appears here.", { align: "left" });
    flow.paragraph(`${data.feesOwed.label} today: ${usd(-data.feesOwed.amountCents)}. ${withLegalDates(data.feesOwed.explanation)}`, { align: "left" });
  }
  if (data.recorded.length > 0) {
    flow.paragraph("Figures the trust has recorded for your home:", { align: "left" });
    for (const r of data.recorded) flow.paragraph(withLegalDates(`• ${r.what}: ${r.source}`), { indent: 14, align: "left", gapAfter: 3 });
  }

  if (data.proceeds && data.netProceedsCents !== null) {
    flow.heading("Estimated net proceeds", { size: 12 });
    drawTable(
      flow,
      [
        { header: "Line", width: 0.28 },
        { header: "Amount", width: 0.17, align: "right" },
        { header: "What it is", width: 0.55 },
      ],
      data.proceeds.map((line) => [line.label, usd(line.amountCents), withLegalDates(line.explanation)]),
      { total: ["Estimated net proceeds", usd(data.netProceedsCents), ""] },
    );
  }
  if (data.equity && data.equityBuiltCents !== null) {
    flow.heading("Equity built since you bought", { size: 12 });
    drawTable(
      flow,
      [
        { header: "Line", width: 0.28 },
        { header: "Amount", width: 0.17, align: "right" },
        { header: "What it is", width: 0.55 },
      ],
      data.equity.map((line) => [line.label, usd(line.amountCents), withLegalDates(line.explanation)]),
      { total: ["Equity built", usd(data.equityBuiltCents), ""] },
    );
  }
  for (const note of data.notes.slice(1)) flow.paragraph(withLegalDates(note), { align: "left", size: 10 });
  finishPages(doc, { headerLeft: data.organisationName, headerRight: "Your home today — an estimate", headerFrom: 1, draft: false });
  return toBuffer(doc);
}
