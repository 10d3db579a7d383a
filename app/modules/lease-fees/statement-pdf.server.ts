import { drawTable, finishPages, Flow, MUTED, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { formatCents, formatLegalDate, withLegalDates } from "~/modules/documents/format";
import type { StatementData } from "./ledger.server";
import { AGING_BUCKETS } from "./rules";

/**
 * A homeowner's lease-fee statement for a period, as a PDF: per lease, the opening balance, every entry with the
 * running balance, the closing balance and what is past due. Drawn with the shared PDF toolkit
 * (~/modules/documents/pdf.server.ts: the page, fonts and tables of the ground lease); the bytes depend only on the
 * data and `issuedOn` (the document's date), so they are reproducible.
 */
const AGING_TITLES = { current: "Current", "1-30": "1–30 days", "31-60": "31–60 days", "61-90": "61–90 days", "over-90": "Over 90 days" } as const;

export function renderStatementPdf(statement: StatementData, issuedOn: string): Promise<Buffer> {
  const doc = newDocument({
    title: `Lease-fee statement — ${statement.householdName} — ${formatLegalDate(statement.from)} to ${formatLegalDate(statement.to)}`,
    author: statement.organisationName,
    subject: `Lease fees from ${formatLegalDate(statement.from)} to ${formatLegalDate(statement.to)}`,
    keywords: "lease fees, statement, community land trust",
    date: issuedOn,
  });
  const flow = new Flow(doc);
  flow.newPage();

  flow.paragraph("Lease-fee statement", { font: "serif-bold", size: 18, align: "left", gapAfter: 2 });
  for (const line of [
    statement.organisationName,
    `${statement.householdName}${statement.mailingAddress ? ` · ${statement.mailingAddress}` : ""}`,
    `Period ${formatLegalDate(statement.from)} – ${formatLegalDate(statement.to)} · issued ${formatLegalDate(issuedOn)}`,
  ]) {
    flow.paragraph(line, { font: "sans", size: 10, align: "left", color: MUTED, gapAfter: 1 });
  }
  if (statement.leases.length === 0) {
    doc.y += 10;
    flow.paragraph("No signed ground lease: there is no lease-fee account.", { font: "sans", size: 10, align: "left" });
  }

  for (const lease of statement.leases) {
    flow.heading(`Ground lease ${lease.reference} — ${lease.homeLabel}`, { size: 11.5, gapBefore: 12, gapAfter: 4, keepWith: 80 });
    drawTable(
      flow,
      [
        { header: "Date", width: 0.2 },
        { header: "Entry", width: 0.44 },
        { header: "Amount", width: 0.18, align: "right" },
        { header: "Balance", width: 0.18, align: "right" },
      ],
      [["", `Opening balance on ${formatLegalDate(statement.from)}`, "", formatCents(lease.openingCents)], ...lease.lines.map((line) => [formatLegalDate(line.date), withLegalDates(line.label), formatCents(line.amountCents), formatCents(line.balanceCents)])],
      { dense: true, total: ["", "Closing balance", "", formatCents(lease.closingCents)] },
    );
    const past = AGING_BUCKETS.filter((bucket) => bucket !== "current" && lease.aging[bucket] > 0);
    flow.paragraph(
      past.length === 0
        ? lease.closingCents > 0
          ? "Nothing is past due."
          : lease.closingCents < 0
            ? `Your account has a credit of ${formatCents(-lease.closingCents)}; it pays your next fees as they fall due.`
            : "Your account is paid up. Thank you."
        : `Past due: ${past.map((bucket) => `${AGING_TITLES[bucket]} ${formatCents(lease.aging[bucket])}`).join(" · ")}.`,
      { font: "sans", size: 9.5, align: "left" },
    );
  }

  finishPages(doc, { footerLead: `${statement.organisationName} · ${statement.householdName}`, draft: false });
  return toBuffer(doc);
}
