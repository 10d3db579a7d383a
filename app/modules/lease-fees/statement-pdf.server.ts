import PDFDocument from "pdfkit";
import { registerFonts } from "~/modules/documents/fonts.server";
import { centsToString, formatUsd } from "~/utils/money";
import type { StatementData } from "./ledger.server";
import { AGING_BUCKETS } from "./rules";
import { formatScreenDate } from "~/utils/calendar-date";

/**
 * A homeowner's lease-fee statement for a period, as a PDF: per lease, the opening balance, every entry with the
 * running balance, the closing balance and what is past due. Fonts from modules/documents (Unicode names print
 * correctly); the bytes depend only on the data and `issuedOn` (fixed creation date), so they are reproducible.
 */
const PAGE = { size: "LETTER" as const, margin: 54 };
const FOOTER_HEIGHT = 28;
const AGING_TITLES = { current: "Current", "1-30": "1–30 days", "31-60": "31–60 days", "61-90": "61–90 days", "over-90": "Over 90 days" } as const;

const usd = (cents: number) => formatUsd(centsToString(cents));

export function renderStatementPdf(statement: StatementData, issuedOn: string): Promise<Buffer> {
  const issued = new Date(`${issuedOn}T12:00:00Z`);
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `Lease-fee statement — ${statement.householdName} — ${statement.from} to ${statement.to}`,
      Author: statement.organisationName,
      Creator: "Commonground",
      Producer: "Commonground",
      CreationDate: issued,
      ModDate: issued,
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - FOOTER_HEIGHT;
  const columns = { date: 80, label: width - 80 - 90 - 90, amount: 90, balance: 90 };

  doc.font("serif-bold").fontSize(18).text("Lease-fee statement", left, doc.y, { width });
  doc.font("sans").fontSize(10).fillColor("#333");
  doc.text(statement.organisationName, { width });
  doc.text(`${statement.householdName}${statement.mailingAddress ? ` · ${statement.mailingAddress}` : ""}`, { width });
  doc.text(`Period ${formatScreenDate(statement.from)} – ${formatScreenDate(statement.to)} · issued ${formatScreenDate(issuedOn)}`, { width });
  doc.fillColor("#000");
  if (statement.leases.length === 0) {
    doc.moveDown().font("sans").fontSize(10).text("No signed ground lease: there is no lease-fee account.", left, doc.y, { width });
  }

  const row = (cells: [string, string, string, string], font = "sans") => {
    doc.font(font).fontSize(9);
    const height = Math.max(doc.heightOfString(cells[1], { width: columns.label - 6 }), 11) + 3;
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    doc.text(cells[0], left, y, { width: columns.date });
    doc.text(cells[1], left + columns.date, y, { width: columns.label - 6 });
    doc.text(cells[2], left + columns.date + columns.label, y, { width: columns.amount, align: "right" });
    doc.text(cells[3], left + columns.date + columns.label + columns.amount, y, { width: columns.balance, align: "right" });
    doc.y = y + height;
  };

  for (const lease of statement.leases) {
    if (doc.y + 80 > bottom()) doc.addPage();
    doc.moveDown(0.8).font("sans-bold").fontSize(11).text(`Ground lease ${lease.reference} — ${lease.homeLabel}`, left, doc.y, { width });
    doc.moveDown(0.3);
    row(["Date", "Entry", "Amount", "Balance"], "sans-bold");
    doc.moveTo(left, doc.y - 1).lineTo(left + width, doc.y - 1).lineWidth(0.5).strokeColor("#888").stroke();
    row(["", `Opening balance on ${formatScreenDate(statement.from)}`, "", usd(lease.openingCents)]);
    for (const line of lease.lines) row([line.date, line.label, usd(line.amountCents), usd(line.balanceCents)]);
    row(["", "Closing balance", "", usd(lease.closingCents)], "sans-bold");
    doc.moveDown(0.4).font("sans").fontSize(9);
    const past = AGING_BUCKETS.filter((bucket) => bucket !== "current" && lease.aging[bucket] > 0);
    doc.text(
      past.length === 0
        ? lease.closingCents > 0
          ? "Nothing is past due."
          : lease.closingCents < 0
            ? `Your account has a credit of ${usd(-lease.closingCents)}; it pays your next fees as they fall due.`
            : "Your account is paid up. Thank you."
        : `Past due: ${past.map((bucket) => `${AGING_TITLES[bucket]} ${usd(lease.aging[bucket])}`).join(" · ")}.`,
      left,
      doc.y,
      { width },
    );
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("sans").fontSize(8).fillColor("#555");
    doc.text(`${statement.organisationName} · ${statement.householdName} · Page ${index - range.start + 1} of ${range.count}`, left, doc.page.height - savedBottom - 12, {
      width,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}
