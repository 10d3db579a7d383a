import PDFDocument from "pdfkit";
import { registerFonts } from "~/modules/documents/fonts.server";
import { formatPercent, formatUsd } from "~/utils/money";
import type { BoundBy, ResaleRequest, ResaleResult } from "./contract";
import { capLabel, describeFormula, formulaLabel, roundingText } from "./describe";

/**
 * The resale price worksheet: a one- or two-page PDF a staff member can hand to a seller. Layout
 * only — every number comes from the `ResaleResult` the engine produced. The same input gives the
 * same bytes: the document dates come from `calculatedAt`, not the clock.
 */
export type WorksheetInput = {
  organisationName: string;
  homeLabel: string;
  /** ISO instant of the calculation, e.g. "2025-06-02T14:03:00.000Z". */
  calculatedAt: string;
  calculatedBy: string;
  request: ResaleRequest;
  result: ResaleResult;
};

const PAGE = { size: "LETTER" as const, margin: 54 };
const FOOTER_HEIGHT = 28;
const COLUMNS = { label: 150, amount: 82, gap: 10 };

const BOUND_LABEL: Record<BoundBy, string> = {
  formula: "the formula price",
  floor: "the purchase-price floor",
  "market-value": "the market-value cap",
  affordability: "the affordability cap",
  "fair-return": "the fair-return cap",
};

function inputRows(request: ResaleRequest): [string, string][] {
  const rows: [string, string][] = [
    ["Formula", formulaLabel(request.formula)],
    ["Purchase", `${formatUsd(request.purchase.price)} on ${request.purchase.date}`],
    ["Valuation date", request.valuationDate],
  ];
  const { appraisals, index } = request;
  if (appraisals) {
    const parts = [
      appraisals.atPurchase && `at purchase ${formatUsd(appraisals.atPurchase)}`,
      appraisals.current && `current ${formatUsd(appraisals.current)}`,
      appraisals.improvementValue && `improvement value ${formatUsd(appraisals.improvementValue)}`,
    ].filter(Boolean);
    if (parts.length > 0) rows.push(["Appraisals", parts.join("; ")]);
  }
  if (index && request.formula.type === "index") {
    rows.push(["Index", `${request.formula.indexName}: ${index.atPurchase ?? "—"} at purchase, ${index.current ?? "—"} now`]);
  }
  rows.push([
    "Caps",
    request.caps.length === 0
      ? "None"
      : request.caps
          .map((cap) => (cap.type === "market-value" ? "Market value" : `${capLabel(cap).replace(/^a/, "A")} (${formatPercent(cap.housingCostRatio)} of income)`))
          .join("; "),
  ]);
  rows.push(["Floor", request.floor ? "Not below the purchase price" : "None"]);
  rows.push([
    "Rounding",
    roundingText(request.rounding).replace(/^rounded (to the )?/, (_, to: string | undefined) => (to ? "To the " : "")).replace(/^(down|up)/, (m) => m.charAt(0).toUpperCase() + m.slice(1)),
  ]);
  return rows;
}

export function renderWorksheetPdf(input: WorksheetInput): Promise<Buffer> {
  const { request, result } = input;
  const calculatedAt = new Date(input.calculatedAt);
  if (Number.isNaN(calculatedAt.getTime())) throw new RangeError(`calculatedAt is not an ISO instant: ${input.calculatedAt}`);

  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `Resale price worksheet — ${input.homeLabel}`,
      Author: input.organisationName,
      Subject: `Maximum resale price ${formatUsd(result.maxResalePrice)}`,
      Creator: "Commonground",
      Producer: "Commonground",
      CreationDate: calculatedAt,
      ModDate: calculatedAt,
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
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensureSpace(40);
    doc.moveDown(0.8).font("sans-bold").fontSize(11).fillColor("#000").text(text, left, doc.y, { width });
    doc.moveDown(0.3);
  };

  // Title block.
  doc.font("serif-bold").fontSize(18).text("Resale price worksheet", left, doc.y, { width });
  doc.font("sans").fontSize(10).fillColor("#333");
  doc.text(input.organisationName, { width });
  doc.text(input.homeLabel, { width });
  doc.text(`Calculated ${input.calculatedAt.slice(0, 10)} by ${input.calculatedBy}`, { width });
  doc.fillColor("#000");

  // Inputs.
  heading("Inputs");
  for (const [label, value] of inputRows(request)) {
    doc.font("sans").fontSize(9.5);
    const height = Math.max(doc.heightOfString(value, { width: width - 120 }), 12);
    ensureSpace(height + 2);
    const y = doc.y;
    doc.font("sans-bold").text(label, left, y, { width: 110 });
    doc.font("sans").text(value, left + 120, y, { width: width - 120 });
    doc.y = y + height + 2;
  }
  doc.moveDown(0.3).font("serif-italic").fontSize(9).text(describeFormula(request.formula), left, doc.y, { width });

  // Lines table.
  heading("Calculation");
  const explanationX = left + COLUMNS.label + COLUMNS.gap + COLUMNS.amount + COLUMNS.gap;
  const explanationWidth = left + width - explanationX;
  const drawHeader = () => {
    const y = doc.y;
    doc.font("sans-bold").fontSize(8.5).fillColor("#444");
    doc.text("Line", left, y, { width: COLUMNS.label });
    doc.text("Amount", left + COLUMNS.label + COLUMNS.gap, y, { width: COLUMNS.amount, align: "right" });
    doc.text("How it was found", explanationX, y, { width: explanationWidth });
    doc.fillColor("#000");
    doc.y = y + 13;
    doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).lineWidth(0.5).strokeColor("#888").stroke();
  };
  drawHeader();
  for (const line of result.lines) {
    const isTotal = line.label === "Maximum resale price" || line.label === "Formula price";
    const labelFont = isTotal ? "sans-bold" : "sans";
    doc.font(labelFont).fontSize(9);
    const labelHeight = doc.heightOfString(line.label, { width: COLUMNS.label });
    doc.font("sans").fontSize(8.5);
    const explanationHeight = doc.heightOfString(line.explanation, { width: explanationWidth });
    const height = Math.max(labelHeight, explanationHeight, 11) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    doc.font(labelFont).fontSize(9).text(line.label, left, y, { width: COLUMNS.label });
    doc.text(formatUsd(line.amount), left + COLUMNS.label + COLUMNS.gap, y, { width: COLUMNS.amount, align: "right" });
    doc.font("sans").fontSize(8.5).fillColor("#333").text(line.explanation, explanationX, y, { width: explanationWidth });
    doc.fillColor("#000");
    doc.y = y + height;
  }

  // Outcome.
  heading("Result");
  doc.font("sans").fontSize(10).text(`Formula price: ${formatUsd(result.formulaPrice)}. The price is bound by ${BOUND_LABEL[result.boundBy]}.`, left, doc.y, { width });
  if (result.warnings.length > 0) {
    heading("Warnings");
    doc.font("sans").fontSize(9);
    for (const warning of result.warnings) {
      ensureSpace(doc.heightOfString(`• ${warning}`, { width }) + 2);
      doc.text(`• ${warning}`, left, doc.y, { width });
    }
  }
  ensureSpace(60);
  doc.moveDown(1);
  doc.font("serif-bold").fontSize(16).text(`Maximum resale price: ${formatUsd(result.maxResalePrice)}`, left, doc.y, { width });
  doc.font("sans").fontSize(8.5).fillColor("#444");
  doc.moveDown(0.3).text("This is the highest price the ground lease allows; it is not a guaranteed sale price.", left, doc.y, { width });
  doc.fillColor("#000");

  // Footer on every page: "Page X of Y".
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.font("sans").fontSize(8).fillColor("#555");
    doc.text(
      `${input.organisationName} · ${input.homeLabel} · Page ${index - range.start + 1} of ${range.count}`,
      left,
      doc.page.height - savedBottom - 12,
      { width, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}
