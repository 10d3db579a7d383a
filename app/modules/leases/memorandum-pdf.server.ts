/**
 * The memorandum of ground lease: the short document recorded with the county so that anyone searching the
 * title of the land finds the lease. It names the parties, describes the land, states the term and the
 * renewal right, and gives notice of the trust's purchase option and consent rights. Usually two pages.
 *
 * Recording margin: most county recorders require the top 3 inches of the first page to be blank except for
 * the "recording requested by / return to" block at the upper left, which the recorder uses for the
 * recording stamp (instrument number, date, fees). The first page therefore keeps its top 3 inches (216 pt)
 * clear on the right, with the return-to block and parcel number on the left and a rule marking the space
 * reserved for the recorder. Other pages use the ordinary 1-inch margins. Some counties set other rules
 * (paper size, font size, margins on every page); the trust's lawyer should confirm the local ones.
 */
import { Flow, PAGE, finishPages, newDocument, oneLineAddress, toBuffer } from "~/modules/documents/pdf.server";
import { formatLegalDate, joinNames } from "~/modules/documents/format";
import { leaseTemplateValues, type LeaseDocumentData } from "./document-pdf.server";
import { renderClause, wordsAndFigures } from "./template";

/** The memorandum is drawn from the same data as the lease document (it prints a subset of it). */
export type MemorandumData = LeaseDocumentData;

/** Height of the first-page band kept for the recorder (3 inches). */
export const RECORDER_SPACE = 216;

const SIZE = 10;

export async function renderMemorandum(data: MemorandumData): Promise<Buffer> {
  if (data.lessees.length === 0) throw new Error("A memorandum needs at least one lessee");
  const lesseeNames = joinNames(data.lessees);
  const doc = newDocument({
    title: `Memorandum of Ground Lease ${data.leaseReference} — ${data.property.address}`,
    author: data.organisation.name,
    subject: `Memorandum of the ground lease between ${data.organisation.name} and ${lesseeNames} for ${data.property.address}`,
    keywords: ["memorandum of ground lease", "community land trust", data.leaseReference, data.property.parcelNumber].join(", "),
    date: data.documentDate,
  });
  const flow = new Flow(doc);
  flow.newPage();

  // Recorder's band: return-to block on the left, the rest left blank.
  doc.font("sans-bold").fontSize(8.5).text("RECORDING REQUESTED BY AND, WHEN RECORDED, RETURN TO:", PAGE.margin, 48, { width: 230 });
  doc.font("sans").fontSize(9).text(`${data.organisation.name}\n${data.organisation.address}`, PAGE.margin, doc.y + 3, { width: 230, lineGap: 1 });
  doc.text(`Assessor's parcel number: ${data.property.parcelNumber}`, PAGE.margin, doc.y + 8, { width: 230 });
  doc.moveTo(PAGE.margin, RECORDER_SPACE).lineTo(PAGE.width - PAGE.margin, RECORDER_SPACE).lineWidth(0.5).strokeColor("#777777").stroke();
  doc.font("sans").fontSize(7.5).fillColor("#555555")
    .text("SPACE ABOVE THIS LINE RESERVED FOR RECORDER'S USE", PAGE.margin, RECORDER_SPACE + 3, { width: flow.width, align: "right" });
  doc.fillColor("#111111");
  doc.y = RECORDER_SPACE + 22;

  flow.heading("MEMORANDUM OF GROUND LEASE", { size: 14, gapAfter: 2 });
  flow.paragraph(`Lease reference ${data.leaseReference}`, { font: "sans", size: 9, align: "center", color: "#555555", gapAfter: 10 });

  const renewal = data.renewalTermYears > 0
    ? `The Homeowner has the right to renew the Lease for one further term of ${wordsAndFigures(data.renewalTermYears)} years, on the conditions stated in the Lease.`
    : "The Lease does not give a right of renewal.";
  const clauses: [string, string][] = [
    ["Parties.", `This Memorandum of Ground Lease is made between ${data.organisation.name}, a nonprofit community land trust whose address is ${oneLineAddress(data.organisation.address)} (the “Trust”), and ${lesseeNames} (the “Homeowner”).`],
    ["Lease.", `The Trust has leased to the Homeowner the land described in paragraph 3 (the “Land”) under a ground lease, reference ${data.leaseReference}, commencing on ${formatLegalDate(data.commencementDate)} (the “Lease”). All terms of the Lease are incorporated in this Memorandum by reference.`],
    ["Land.", `The Land is situated in ${data.organisation.county} County, ${data.organisation.stateLegalName}, is known as ${data.property.address} (assessor's parcel number ${data.property.parcelNumber}), and is described as follows:`],
  ];
  const after: [string, string][] = [
    ["Term.", `The term of the Lease commences on ${formatLegalDate(data.commencementDate)} and expires at the close of ${formatLegalDate(data.expirationDate)}, a term of ${wordsAndFigures(data.termYears)} years, unless the Lease ends sooner under its terms.`],
    ["Renewal.", renewal],
    ["Improvements.", "The Homeowner owns the house and other improvements on the Land, subject to the Lease. The Trust owns the Land."],
    ["Purchase option.", `The Lease grants the Trust an option to purchase the improvements on the Land, and the Homeowner's interest under the Lease, at a price limited by the resale formula in the Lease. The option may be exercised within ${wordsAndFigures(data.terms.purchaseOptionDays)} days after the Trust receives the Homeowner's notice of intent to sell, and in the other circumstances the Lease describes. If the Trust does not exercise it, the improvements may be sold only to a buyer who meets the Lease's income requirements, at a price not exceeding the formula price.`],
    ["Consent rights.", "Under the Lease, the Homeowner may not sell, transfer, mortgage, sublease or materially alter the improvements, or otherwise transfer any interest under the Lease, without the Trust's prior written consent, except as the Lease expressly allows. Any transfer made without that consent is void."],
    ["Purpose.", "This Memorandum is recorded to give notice of the Lease and of the rights described above. It does not change the Lease. If this Memorandum and the Lease differ, the Lease governs."],
  ];
  clauses.forEach(([lead, text], i) => memoParagraph(flow, i + 1, lead, text));
  doc.font("serif").fontSize(SIZE);
  flow.paragraph(data.property.legalDescription.replace(/\r\n?/g, "\n").trim(), { indent: 44, align: "left", size: SIZE });
  after.forEach(([lead, text], i) => memoParagraph(flow, clauses.length + i + 1, lead, text));

  // Signatures: the Trust on the left, the homeowners on the right.
  const columnWidth = (flow.width - 30) / 2;
  const rowsNeeded = Math.max(1, data.lessees.length);
  flow.ensureSpace(40 + rowsNeeded * 62);
  doc.y += 6;
  const top = doc.y;
  doc.font("serif-bold").fontSize(SIZE).text("THE TRUST", flow.left, top, { width: columnWidth });
  doc.font("serif").text(data.organisation.name, flow.left, doc.y, { width: columnWidth });
  flow.signatureLine(`By: ${data.organisation.signatory ? `${data.organisation.signatory.name}, ${data.organisation.signatory.title}` : "name and title"}`, { width: columnWidth });
  doc.font("serif").fontSize(9.5).text("Date: ____________________", flow.left, doc.y + 6, { width: columnWidth });
  const leftBottom = doc.y;
  doc.y = top;
  const right = flow.left + columnWidth + 30;
  doc.font("serif-bold").fontSize(SIZE).text(data.lessees.length > 1 ? "THE HOMEOWNERS" : "THE HOMEOWNER", right, top, { width: columnWidth });
  for (const lessee of data.lessees) {
    flow.signatureLine(lessee, { x: right, width: columnWidth, space: 20 });
    doc.font("serif").fontSize(9.5).text("Date: ____________________", right, doc.y + 4, { width: columnWidth });
    doc.y += 2;
  }
  doc.x = flow.left;
  doc.y = Math.max(leftBottom, doc.y) + 12;

  // Notary acknowledgments (compact; the wording comes from the lease template).
  const trustSigner = data.organisation.signatory
    ? `${data.organisation.signatory.name}, ${data.organisation.signatory.title} of ${data.organisation.name}`
    : `the authorised officer of ${data.organisation.name}`;
  const values = leaseTemplateValues(data);
  const ack = renderClause(data.template.content.notaryAcknowledgment, values);
  memoNotary(flow, "Acknowledgment of the Trust", ack.replace("[SIGNERS]", trustSigner), data.organisation.stateLegalName);
  memoNotary(flow, "Acknowledgment of the Homeowner", ack.replace("[SIGNERS]", lesseeNames), data.organisation.stateLegalName);

  finishPages(doc, {
    headerLeft: `Memorandum of Ground Lease ${data.leaseReference} · APN ${data.property.parcelNumber}`,
    headerRight: data.organisation.name,
    headerFrom: 1,
    draft: data.status === "draft",
  });
  return toBuffer(doc);
}

function memoParagraph(flow: Flow, number: number, lead: string, text: string): void {
  const { doc } = flow;
  const hang = 22;
  const width = flow.width - hang;
  doc.font("serif").fontSize(SIZE);
  const lines = Math.min(3, Math.ceil(doc.heightOfString(`${lead} ${text}`, { width }) / (doc.currentLineHeight(true) + 2)));
  flow.ensureSpace(lines * (doc.currentLineHeight(true) + 2));
  const y = doc.y;
  doc.font("serif").fontSize(SIZE).text(`${number}.`, flow.left, y, { width: hang, lineBreak: false });
  doc.font("serif-bold").text(`${lead} `, flow.left + hang, y, { width, align: "justify", lineGap: 1, continued: true });
  doc.font("serif").text(text, { width, align: "justify", lineGap: 1 });
  doc.x = flow.left;
  doc.y += 3;
}

function memoNotary(flow: Flow, title: string, text: string, state: string): void {
  const { doc } = flow;
  doc.font("serif").fontSize(9.5);
  const height = doc.heightOfString(text, { width: flow.width, lineGap: 1 }) + 80;
  flow.ensureSpace(height);
  doc.font("serif-bold").fontSize(SIZE).text(title, flow.left, doc.y, { width: flow.width });
  doc.y += 3;
  const y = doc.y;
  doc.font("serif").fontSize(9.5).text(state.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase()), flow.left, y, { width: 220 });
  doc.text("County of ______________________", flow.left, doc.y, { width: 220 });
  doc.text(")\n)  ss.", flow.left + 240, y, { width: 40 });
  doc.x = flow.left;
  doc.y += 4;
  doc.text(text, flow.left, doc.y, { width: flow.width, align: "justify", lineGap: 1 });
  flow.signatureLine("Notary Public (signature)", { width: 230 });
  const end = doc.y;
  doc.font("serif").fontSize(9).text("Printed name: ____________________", flow.left + 250, end - 12, { width: 200 });
  doc.text("My commission expires: ____________", flow.left + 250, doc.y + 2, { width: 200 });
  doc.font("serif-italic").fontSize(8.5).fillColor("#555555").text("(Notary seal)", flow.left + flow.width - 70, end - 40, { width: 70, align: "right" });
  doc.fillColor("#111111");
  doc.x = flow.left;
  doc.y = end + 22;
}
