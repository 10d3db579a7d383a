/**
 * The ground lease as a PDF: title page, table of contents, parties, recitals, definitions, articles,
 * signatures, notary acknowledgments and exhibits A–F, drawn with pdfkit from plain data.
 *
 * Layout is done in one pass with `bufferPages`: the table of contents pages are reserved up front (the
 * number of entries is known), the body is laid out while the page of each entry is noted, and then the
 * buffered pages are revisited to write the contents page numbers, the running header, "Page X of Y" and,
 * for drafts, the watermark.
 *
 * Same data → same bytes: the PDF info dates come from `documentDate`, and pdfkit derives the file ID from
 * the info dictionary (an MD5 of its values), so nothing depends on the clock or on randomness.
 *
 * Page setup, fonts, header/footer, watermark, `Flow` and tables: the shared toolkit in
 * ~/modules/documents/pdf.server.ts; dates, money and names as documents write them: ~/modules/documents/format.
 */
import { BODY_SIZE, Flow, INK, MUTED, PAGE, drawTable, finishPages, newDocument, oneLineAddress, toBuffer } from "~/modules/documents/pdf.server";
import { formatCents, formatLegalDate, formatMoney, joinNames } from "~/modules/documents/format";
import type { FeeEscalationRule, LeaseStatus } from "./lifecycle";
import {
  feeEscalationInWords,
  ordinalWordsAndFigures,
  recitalLetter,
  renderTemplate,
  wordsAndFigures,
  type LeaseExhibit,
  type LeaseTemplateContent,
  type LeaseTemplateValues,
} from "./template";
import type { RiderText } from "./riders";
import type { LeaseTimedTerms } from "./terms";

// ---------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------

/** A line of the resale worked example. `amount` is a decimal string ("245000.00") or already formatted. */
export type ResaleExampleLine = { label: string; amount: string; explanation: string };

/** Everything the lease document shows, as plain data. Dates are `YYYY-MM-DD`; money in integer cents or decimal strings. */
export type LeaseDocumentData = {
  organisation: {
    name: string;
    /** Mailing address; line breaks allowed. */
    address: string;
    /** Full state name, "Vermont". */
    state: string;
    /** The jurisdiction's formal name for legal text: "State of Vermont", "Commonwealth of Massachusetts". */
    stateLegalName: string;
    county: string;
    /** Officer who signs for the trust; blank lines are printed when absent. */
    signatory?: { name: string; title: string } | null;
  };
  /** The trust's reference, e.g. "GL-2025-0007". */
  leaseReference: string;
  /** A draft carries the "DRAFT — NOT FOR SIGNATURE" watermark on every page. */
  status: LeaseStatus;
  /** Date the document is produced: printed nowhere but used as the PDF creation/modification date. */
  documentDate: string;
  /** Full names of the lessees (homeowners), in signing order. */
  lessees: string[];
  property: {
    address: string;
    parcelNumber: string;
    /** Verbatim legal description; line breaks are kept. */
    legalDescription: string;
  };
  commencementDate: string;
  expirationDate: string;
  termYears: number;
  renewalTermYears: number;
  fee: {
    monthlyFeeCents: number;
    escalation: FeeEscalationRule;
  };
  permittedMortgages: { lender: string; amount: string; date: string }[];
  /** Titles of the riders attached, e.g. "Fannie Mae CLT Ground Lease Rider". */
  riders: string[];
  /**
   * The rider library's texts of those riders, in the same order (`riderTextsFor`): printed after the body,
   * each with its version. A rider with `versionNumber` null (a lender's own instrument) is only listed.
   */
  riderTexts?: RiderText[];
  /** The lease's timed and monetary terms (as signed), printed through the template fields. */
  terms: LeaseTimedTerms;
  /**
   * `review`: an admin marked the version "reviewed by counsel" (the lawyer or firm, the trust's date). The red
   * "not legal advice" box prints on drafts and on leases from a version nobody marked reviewed.
   */
  template: { content: LeaseTemplateContent; versionLabel: string; review?: { counsel: string; on: string } | null };
  resale: {
    formulaInWords: string;
    workedExample: { description: string; lines: ResaleExampleLine[]; maxResalePrice: string };
  };
};

// ---------------------------------------------------------------------------------------------------------
// Template values
// ---------------------------------------------------------------------------------------------------------

/** The values of every template field for this lease. */
export function leaseTemplateValues(data: LeaseDocumentData): LeaseTemplateValues {
  return {
    organisation_name: data.organisation.name,
    organisation_address: oneLineAddress(data.organisation.address),
    state: data.organisation.stateLegalName,
    county: data.organisation.county,
    lease_reference: data.leaseReference,
    template_version: data.template.versionLabel,
    lessee_names: joinNames(data.lessees),
    property_address: data.property.address,
    parcel_number: data.property.parcelNumber,
    legal_description: data.property.legalDescription,
    commencement_date: formatLegalDate(data.commencementDate),
    expiration_date: formatLegalDate(data.expirationDate),
    term_years: wordsAndFigures(data.termYears),
    renewal_term_years: wordsAndFigures(data.renewalTermYears),
    monthly_lease_fee: formatCents(data.fee.monthlyFeeCents),
    fee_escalation_in_words: feeEscalationInWords(data.fee.escalation),
    late_charge: formatCents(data.terms.lateChargeCents),
    late_charge_grace_days: wordsAndFigures(data.terms.graceDays),
    resale_formula_in_words: data.resale.formulaInWords.trim(),
    purchase_option_days: wordsAndFigures(data.terms.purchaseOptionDays),
    lender_cure_days: wordsAndFigures(data.terms.lenderCureDays),
    fee_due_day: ordinalWordsAndFigures(data.terms.feeDueDay),
    monetary_cure_days: wordsAndFigures(data.terms.monetaryCureDays),
    non_monetary_cure_days: wordsAndFigures(data.terms.nonMonetaryCureDays),
    price_notice_days: wordsAndFigures(data.terms.priceNoticeDays),
    closing_days: wordsAndFigures(data.terms.closingDays),
    renewal_notice_earliest: `${wordsAndFigures(data.terms.renewalNoticeEarliestMonths)} month${data.terms.renewalNoticeEarliestMonths === 1 ? "" : "s"}`,
    renewal_notice_latest: `${wordsAndFigures(data.terms.renewalNoticeLatestMonths)} month${data.terms.renewalNoticeLatestMonths === 1 ? "" : "s"}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The lease
// ---------------------------------------------------------------------------------------------------------

type TocEntry = { key: string; label: string; indent: number; page?: number };

function signerBlockHeight(flow: Flow): number {
  return 5 * flow.lineHeight() + 40;
}

/** Renders the complete ground lease. Throws when a template field has no value (no document with holes). */
export async function renderLeaseDocument(data: LeaseDocumentData): Promise<Buffer> {
  if (data.lessees.length === 0) throw new Error("A lease document needs at least one lessee");
  const values = leaseTemplateValues(data);
  const content = renderTemplate(data.template.content, values);
  const lesseeNames = joinNames(data.lessees);

  const doc = newDocument({
    title: `${content.title} ${data.leaseReference} — ${data.property.address}`,
    author: data.organisation.name,
    subject: `${content.title} between ${data.organisation.name} and ${lesseeNames} for ${data.property.address}`,
    keywords: ["ground lease", "community land trust", data.leaseReference, data.property.parcelNumber, data.property.address].join(", "),
    date: data.documentDate,
  });
  const flow = new Flow(doc);

  // Table-of-contents entries are known before layout, so their pages can be reserved.
  const exhibits = [...content.exhibits].sort((a, b) => a.letter.localeCompare(b.letter));
  const toc: TocEntry[] = [
    { key: "parties", label: "Parties and Recitals", indent: 0 },
    { key: "definitions", label: "Definitions", indent: 0 },
    ...content.articles.map((a) => ({ key: `article-${a.number}`, label: `Article ${a.number}   ${a.title}`, indent: 0 })),
    { key: "signatures", label: "Signatures", indent: 0 },
    { key: "acknowledgments", label: "Notary Acknowledgments", indent: 0 },
    ...exhibits.map((e) => ({ key: `exhibit-${e.letter}`, label: `Exhibit ${e.letter}   ${e.title}`, indent: 0 })),
    ...printedRiders(data).map((r, i) => ({ key: `rider-${i}`, label: `Rider   ${r.name}`, indent: 0 })),
  ];
  const mark = (key: string): void => {
    const entry = toc.find((e) => e.key === key);
    if (entry) entry.page = flow.pageIndex + 1;
  };

  // Title page.
  flow.newPage();
  drawTitlePage(flow, data, content, lesseeNames);

  // Contents pages, filled in at the end.
  const tocLine = 19;
  const tocFirstPageCapacity = Math.floor((flow.bottom - PAGE.margin - 60) / tocLine);
  const tocOtherPageCapacity = Math.floor((flow.bottom - PAGE.margin) / tocLine);
  const tocPages = toc.length <= tocFirstPageCapacity ? 1 : 1 + Math.ceil((toc.length - tocFirstPageCapacity) / tocOtherPageCapacity);
  const tocStart = flow.pageIndex + 1;
  for (let i = 0; i < tocPages; i += 1) flow.newPage();

  // Parties and recitals.
  flow.newPage();
  mark("parties");
  flow.heading(content.title.toUpperCase(), { size: 15, gapAfter: 4, destination: "parties" });
  flow.paragraph(`Lease reference ${data.leaseReference}`, { align: "center", size: 9.5, font: "sans", color: MUTED, gapAfter: 14 });
  flow.paragraph(content.preamble, { gapAfter: 12 });
  flow.heading("RECITALS", { size: 11.5 });
  content.recitals.forEach((recital, i) => flow.hanging(`${recitalLetter(i)}.`, recital));
  flow.paragraph("NOW, THEREFORE, in consideration of the promises in this Lease, the Trust and the Homeowner agree as follows.", { gapAfter: 10 });

  // Definitions.
  flow.heading("DEFINITIONS", { size: 11.5, destination: "definitions" });
  mark("definitions");
  flow.paragraph("In this Lease the following words have the meanings given below. Other capitalised words are defined where they first appear.");
  for (const definition of content.definitions) flow.leadParagraph(`“${definition.term}” `, `means ${definition.meaning}`, { indent: 18 });

  // Articles.
  for (const article of content.articles) {
    const key = `article-${article.number}`;
    flow.doc.y += 6;
    const first = article.sections[0];
    const keepWith = first ? Math.min(3, Math.ceil(flow.measure(first.text) / flow.lineHeight()) + 1) * flow.lineHeight() : flow.lineHeight();
    flow.heading(`ARTICLE ${article.number}\n${article.title.toUpperCase()}`, { size: 11.5, keepWith, destination: key });
    mark(key);
    doc.outline.addItem(`Article ${article.number} — ${article.title}`);
    for (const section of article.sections) {
      flow.leadParagraph(`${section.number}   ${section.title ? `${section.title}. ` : ""}`, section.text);
    }
  }

  // Signatures.
  flow.doc.y += 8;
  flow.ensureSpace(flow.measure(content.testimonium) + signerBlockHeight(flow) + 30);
  flow.heading("SIGNATURES", { size: 11.5, destination: "signatures", keepWith: flow.measure(content.testimonium) + signerBlockHeight(flow) });
  mark("signatures");
  flow.paragraph(content.testimonium, { gapAfter: 14 });
  drawTrustSignature(flow, data);
  for (const lessee of data.lessees) drawLesseeSignature(flow, lessee);

  // Notary acknowledgments.
  flow.newPage();
  mark("acknowledgments");
  flow.heading("NOTARY ACKNOWLEDGMENTS", { size: 11.5, destination: "acknowledgments" });
  const trustSigner = data.organisation.signatory
    ? `${data.organisation.signatory.name}, ${data.organisation.signatory.title} of ${data.organisation.name}`
    : `the authorised officer of ${data.organisation.name} named above`;
  drawNotaryBlock(flow, `Acknowledgment of the Trust`, content.notaryAcknowledgment.replace("[SIGNERS]", trustSigner), data.organisation.stateLegalName);
  drawNotaryBlock(flow, `Acknowledgment of the Homeowner`, content.notaryAcknowledgment.replace("[SIGNERS]", lesseeNames), data.organisation.stateLegalName);

  // Exhibits, each on its own page.
  for (const exhibit of exhibits) {
    flow.newPage();
    mark(`exhibit-${exhibit.letter}`);
    doc.outline.addItem(`Exhibit ${exhibit.letter} — ${exhibit.title}`);
    flow.heading(`EXHIBIT ${exhibit.letter}\n${exhibit.title.toUpperCase()}`, { size: 12, destination: `exhibit-${exhibit.letter}`, gapAfter: 12 });
    for (const text of exhibit.paragraphs) {
      const numbered = /^(\d+)\.\s+(.*)$/s.exec(text);
      if (numbered) flow.hanging(`${numbered[1]}.`, numbered[2]!, { hang: 20 });
      else flow.paragraph(text);
    }
    drawExhibitData(flow, exhibit, data);
  }

  // Riders from the trust's library, after the body and exhibits, each on its own page with its version.
  printedRiders(data).forEach((rider, i) => {
    flow.newPage();
    mark(`rider-${i}`);
    doc.outline.addItem(`Rider — ${rider.name}`);
    flow.heading(`RIDER\n${rider.name.toUpperCase()}`, { size: 12, destination: `rider-${i}`, gapAfter: 4 });
    flow.paragraph(`Version ${rider.versionNumber} of the Trust's rider, attached to Lease ${data.leaseReference}.`, { align: "center", size: 9.5, font: "sans", color: MUTED, gapAfter: 12 });
    for (const text of rider.paragraphs) flow.paragraph(text);
  });

  // Contents, now that every page is known.
  doc.switchToPage(tocStart);
  drawContents(flow, toc, tocStart, tocLine, tocFirstPageCapacity, tocOtherPageCapacity);

  finishPages(doc, {
    headerLeft: `${content.title} ${data.leaseReference} · ${data.property.address}`,
    headerRight: data.organisation.name,
    headerFrom: 1,
    draft: data.status === "draft",
  });
  return toBuffer(doc);
}

/** The riders whose text the trust keeps (library riders), in the lease's order. */
function printedRiders(data: LeaseDocumentData): (RiderText & { versionNumber: number })[] {
  return (data.riderTexts ?? []).filter((r): r is RiderText & { versionNumber: number } => r.versionNumber !== null && r.paragraphs.length > 0);
}

/** The red "not legal advice" box: on drafts, and on leases from a template version not reviewed by counsel. */
export function showsReviewNotice(data: Pick<LeaseDocumentData, "status" | "template">): boolean {
  return data.status === "draft" || !data.template.review;
}

function drawTitlePage(flow: Flow, data: LeaseDocumentData, content: LeaseTemplateContent, lesseeNames: string): void {
  const { doc } = flow;
  doc.y = 130;
  flow.paragraph(content.title.toUpperCase(), { font: "serif-bold", size: 28, align: "center", gapAfter: 6 });
  flow.paragraph(`Reference ${data.leaseReference}`, { font: "sans", size: 10, align: "center", color: MUTED, gapAfter: 40 });
  flow.paragraph("between", { font: "serif-italic", size: 11, align: "center", gapAfter: 6 });
  flow.paragraph(data.organisation.name, { font: "serif-bold", size: 14, align: "center", gapAfter: 2 });
  flow.paragraph("(the “Trust”)", { size: 10, align: "center", gapAfter: 14 });
  flow.paragraph("and", { font: "serif-italic", size: 11, align: "center", gapAfter: 6 });
  flow.paragraph(lesseeNames, { font: "serif-bold", size: 14, align: "center", gapAfter: 2 });
  flow.paragraph("(the “Homeowner”)", { size: 10, align: "center", gapAfter: 34 });

  const rows: [string, string][] = [
    ["Property", data.property.address],
    ["Parcel number", data.property.parcelNumber],
    ["County and state", `${data.organisation.county} County, ${data.organisation.stateLegalName}`],
    ["Commencement date", formatLegalDate(data.commencementDate)],
    ["Expiration date", formatLegalDate(data.expirationDate)],
    ["Term", `${data.termYears} years, renewable for ${data.renewalTermYears} years`],
    ["Template", data.template.versionLabel],
    ...(data.template.review ? [["Reviewed by counsel", `${data.template.review.counsel} (${formatLegalDate(data.template.review.on)})`] as [string, string]] : []),
  ];
  const labelWidth = 130;
  const x = flow.left + 40;
  const valueWidth = flow.width - 80 - labelWidth;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font("sans").fontSize(9).fillColor(MUTED).text(label, x, y + 1, { width: labelWidth - 10, lineBreak: false });
    doc.font("serif").fontSize(10.5).fillColor(INK).text(value, x + labelWidth, y, { width: valueWidth });
    doc.y += 5;
  }

  // The lawyer-review notice, boxed at the foot of the page: on a draft, and on any lease whose template
  // version no admin has marked reviewed by counsel.
  if (!showsReviewNotice(data)) return;
  doc.font("sans").fontSize(9);
  const boxWidth = flow.width;
  const textHeight = doc.heightOfString(content.reviewNotice, { width: boxWidth - 24, lineGap: 1.5 });
  const boxTop = flow.bottom - textHeight - 24;
  doc.rect(flow.left, boxTop, boxWidth, textHeight + 20).lineWidth(1).strokeColor("#8a1c1c").stroke();
  doc.fillColor("#8a1c1c").font("sans-bold").fontSize(9).text(content.reviewNotice, flow.left + 12, boxTop + 10, { width: boxWidth - 24, lineGap: 1.5 });
  doc.fillColor(INK);
}

function drawContents(flow: Flow, toc: TocEntry[], tocStart: number, lineHeight: number, firstCapacity: number, otherCapacity: number): void {
  const { doc } = flow;
  doc.y = PAGE.margin;
  flow.heading("TABLE OF CONTENTS", { size: 13, gapAfter: 24 });
  let onPage = 0;
  let page = tocStart;
  const numberWidth = 40;
  for (const entry of toc) {
    if (onPage >= (page === tocStart ? firstCapacity : otherCapacity)) {
      page += 1;
      doc.switchToPage(page);
      doc.y = PAGE.margin;
      onPage = 0;
    }
    const y = doc.y;
    const pageLabel = String(entry.page ?? "");
    doc.font("serif").fontSize(10.5).fillColor(INK);
    const labelWidth = Math.min(doc.widthOfString(entry.label), flow.width - numberWidth - 20);
    doc.text(entry.label, flow.left + entry.indent, y, { width: labelWidth + 1, lineBreak: false, ellipsis: true, goTo: entry.key });
    // Dot leader between the label and the page number.
    const dotsFrom = flow.left + entry.indent + labelWidth + 6;
    const dotsTo = flow.left + flow.width - numberWidth + 4;
    const dot = doc.widthOfString(". ");
    const count = Math.max(0, Math.floor((dotsTo - dotsFrom) / dot));
    doc.fillColor("#777777").text(". ".repeat(count), dotsTo - count * dot, y, { lineBreak: false });
    doc.fillColor(INK).text(pageLabel, flow.left + flow.width - numberWidth, y, { width: numberWidth, align: "right", lineBreak: false });
    doc.y = y + lineHeight;
    onPage += 1;
  }
}

function drawTrustSignature(flow: Flow, data: LeaseDocumentData): void {
  const { doc } = flow;
  flow.keepTogether(signerBlockHeight(flow) + 40, () => {
    doc.font("serif-bold").fontSize(BODY_SIZE).text("THE TRUST", flow.left, doc.y);
    doc.font("serif").text(data.organisation.name, flow.left, doc.y, { width: flow.width });
    flow.signatureLine("By (signature)");
    const signatory = data.organisation.signatory;
    doc.y += 6;
    doc.font("serif").fontSize(10).text(`Name: ${signatory?.name ?? "_______________________________"}`, flow.left, doc.y);
    doc.text(`Title: ${signatory?.title ?? "_______________________________"}`, flow.left, doc.y);
    doc.text("Date: _______________________________", flow.left, doc.y);
    doc.y += 18;
  });
}

function drawLesseeSignature(flow: Flow, name: string): void {
  const { doc } = flow;
  flow.keepTogether(signerBlockHeight(flow), () => {
    doc.font("serif-bold").fontSize(BODY_SIZE).text("HOMEOWNER", flow.left, doc.y);
    flow.signatureLine(name);
    doc.y += 6;
    doc.font("serif").fontSize(10).text("Date: _______________________________", flow.left, doc.y);
    doc.y += 18;
  });
}

function drawNotaryBlock(flow: Flow, title: string, text: string, state: string): void {
  const { doc } = flow;
  const height = flow.measure(text) + 190;
  flow.keepTogether(height, () => {
    doc.font("serif-bold").fontSize(BODY_SIZE).text(title, flow.left, doc.y);
    doc.y += 6;
    doc.font("serif").fontSize(BODY_SIZE);
    const y = doc.y;
    doc.text(state.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase()), flow.left, y, { width: 220 });
    doc.text("County of ______________________", flow.left, doc.y, { width: 220 });
    doc.text(")\n)  ss.", flow.left + 240, y, { width: 40 });
    doc.y = Math.max(doc.y, y + 2 * flow.lineHeight()) + 8;
    flow.paragraph(text, { gapAfter: 4 });
    flow.signatureLine("Notary Public (signature)");
    doc.y += 6;
    doc.font("serif").fontSize(10).text("Printed name: _______________________________", flow.left, doc.y);
    doc.text("Date: ______________________   My commission expires: ______________________", flow.left, doc.y);
    const end = doc.y;
    doc.font("serif-italic").fontSize(9).fillColor(MUTED).text("(Notary seal)", flow.left + flow.width - 90, end - 60, { width: 90, align: "center" });
    doc.fillColor(INK);
    doc.x = flow.left;
    doc.y = end + 30;
  });
}

function drawExhibitData(flow: Flow, exhibit: LeaseExhibit, data: LeaseDocumentData): void {
  const { doc } = flow;
  switch (exhibit.kind) {
    case "legal-description": {
      const text = data.property.legalDescription.replace(/\r\n?/g, "\n").trim();
      doc.y += 4;
      flow.paragraph(text, { indent: 24, align: "left" });
      break;
    }
    case "letter-of-agreement": {
      doc.y += 10;
      for (const lessee of data.lessees) {
        flow.keepTogether(60, () => {
          flow.signatureLine(`${lessee}            Date: ________________`, { width: 320 });
          doc.y += 16;
        });
      }
      break;
    }
    case "attorney-acknowledgment": {
      doc.y += 10;
      flow.keepTogether(120, () => {
        flow.signatureLine("Attorney (signature)", { width: 320 });
        doc.y += 8;
        doc.font("serif").fontSize(10).text("Printed name: _______________________________", flow.left, doc.y);
        doc.text("Bar number: ______________________   Date: ______________________", flow.left, doc.y);
      });
      break;
    }
    case "permitted-mortgages": {
      if (data.permittedMortgages.length === 0) {
        flow.paragraph("None at the date of this Lease.", { font: "serif-italic" });
        break;
      }
      drawTable(flow, [
        { header: "Permitted Mortgagee (lender)", width: 0.5 },
        { header: "Original principal amount", width: 0.27, align: "right" },
        { header: "Date", width: 0.23, align: "right" },
      ], data.permittedMortgages.map((m) => [m.lender, formatMoney(m.amount), formatLegalDate(m.date)]));
      break;
    }
    case "resale-formula": {
      const example = data.resale.workedExample;
      doc.y += 4;
      flow.heading("Worked example", { size: 11, keepWith: 80, gapAfter: 6 });
      flow.paragraph(example.description);
      drawTable(
        flow,
        [
          { header: "Item", width: 0.3 },
          { header: "Amount", width: 0.2, align: "right" },
          { header: "How it is calculated", width: 0.5 },
        ],
        example.lines.map((line) => [line.label, formatMoney(line.amount), line.explanation]),
        { total: ["Maximum resale price (Formula Price)", formatMoney(example.maxResalePrice), "The highest price at which the Home may be sold."] },
      );
      break;
    }
    case "deed-to-improvements": {
      doc.y += 10;
      flow.keepTogether(90, () => {
        flow.signatureLine(`${data.organisation.name}, Grantor — by its authorised officer            Date: ________________`, { width: 400 });
        doc.y += 8;
        doc.font("serif").fontSize(10).text("Printed name and title: _______________________________", flow.left, doc.y);
      });
      break;
    }
    case "riders": {
      if (data.riders.length === 0) {
        flow.paragraph("No riders are attached to this Lease.", { font: "serif-italic" });
        break;
      }
      data.riders.forEach((rider, i) => {
        const text = data.riderTexts?.find((r) => r.name === rider && r.versionNumber !== null);
        flow.hanging(`${i + 1}.`, text ? `${rider} (version ${text.versionNumber}, printed after the exhibits)` : rider, { hang: 20 });
      });
      break;
    }
  }
}
