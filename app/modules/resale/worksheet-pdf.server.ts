import { formatLegalDate, withLegalDates } from "~/modules/documents/format";
import { drawTable, finishPages, Flow, MUTED, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { todayIn } from "~/utils/calendar-date";
import { formatPercent, formatUsd } from "~/utils/money";
import type { BoundBy, ResaleRequest, ResaleResult } from "./contract";
import { capLabel, describeFormula, formulaLabel, roundingText } from "./describe";

/**
 * The resale price worksheet: a one- or two-page PDF a staff member can hand to a seller, drawn with the shared
 * PDF toolkit (~/modules/documents/pdf.server.ts: the page, fonts and tables of the ground lease). Layout only —
 * every number comes from the `ResaleResult` the engine produced. The same input gives the same bytes: the
 * document's date is the trust's calendar day at `calculatedAt` (in `timeZone`), not the clock.
 */
export type WorksheetInput = {
  organisationName: string;
  homeLabel: string;
  /** ISO instant of the calculation, e.g. "2025-06-02T14:03:00.000Z". */
  calculatedAt: string;
  /** The trust's IANA time zone: the worksheet is dated the trust's calendar day at `calculatedAt`. */
  timeZone: string;
  calculatedBy: string;
  request: ResaleRequest;
  result: ResaleResult;
};

/** A section heading of the worksheet: smaller and closer than the lease's article headings, so one page holds it. */
const SECTION = { size: 11.5, gapBefore: 6, gapAfter: 4, keepWith: 36 };

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
    ["Purchase", `${formatUsd(request.purchase.price)} on ${formatLegalDate(request.purchase.date)}`],
    ["Valuation date", formatLegalDate(request.valuationDate)],
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
  const instant = new Date(input.calculatedAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`calculatedAt is not an ISO instant: ${input.calculatedAt}`);
  const calculatedOn = todayIn(input.timeZone, instant);

  const doc = newDocument({
    title: `Resale price worksheet — ${input.homeLabel}`,
    author: input.organisationName,
    subject: `Maximum resale price ${formatUsd(result.maxResalePrice)}`,
    keywords: "resale price, worksheet, community land trust",
    date: calculatedOn,
  });
  const flow = new Flow(doc);
  flow.newPage();

  // Title block.
  flow.paragraph("Resale price worksheet", { font: "serif-bold", size: 18, align: "left", gapAfter: 2 });
  for (const line of [input.organisationName, input.homeLabel, `Calculated ${formatLegalDate(calculatedOn)} by ${input.calculatedBy}`]) {
    flow.paragraph(line, { font: "sans", size: 10, align: "left", color: MUTED, gapAfter: 1 });
  }

  // Inputs: a label column and its value.
  flow.heading("Inputs", SECTION);
  const labelWidth = 110;
  for (const [label, value] of inputRows(request)) {
    const height = Math.max(flow.measure(value, { font: "sans", size: 9.5, width: flow.width - labelWidth - 10, align: "left" }), 12);
    flow.ensureSpace(height + 2);
    const y = doc.y;
    doc.font("sans-bold").fontSize(9.5).text(label, flow.left, y, { width: labelWidth });
    doc.font("sans").text(value, flow.left + labelWidth + 10, y, { width: flow.width - labelWidth - 10 });
    doc.x = flow.left;
    doc.y = y + height + 2;
  }
  doc.y += 4;
  flow.paragraph(describeFormula(request.formula), { font: "serif-italic", size: 9, align: "left" });

  // The calculation, line by line; its totals in bold.
  flow.heading("Calculation", SECTION);
  drawTable(
    flow,
    [
      { header: "Line", width: 0.34 },
      { header: "Amount", width: 0.16, align: "right" },
      { header: "How it was found", width: 0.5 },
    ],
    result.lines.map((line) => [line.label, formatUsd(line.amount), withLegalDates(line.explanation)]),
    { dense: true, boldRows: result.lines.flatMap((line, index) => (line.label === "Maximum resale price" || line.label === "Formula price" ? [index] : [])) },
  );

  // Outcome.
  flow.heading("Result", SECTION);
  flow.paragraph(`Formula price: ${formatUsd(result.formulaPrice)}. The price is bound by ${BOUND_LABEL[result.boundBy]}.`, { align: "left" });
  if (result.warnings.length > 0) {
    flow.heading("Warnings", SECTION);
    for (const warning of result.warnings) flow.paragraph(`• ${withLegalDates(warning)}`, { size: 10, align: "left", gapAfter: 3 });
  }
  flow.keepTogether(44, () => {
    doc.y += 6;
    flow.paragraph(`Maximum resale price: ${formatUsd(result.maxResalePrice)}`, { font: "serif-bold", size: 16, align: "left", gapAfter: 3 });
    flow.paragraph("This is the highest price the ground lease allows; it is not a guaranteed sale price.", { font: "sans", size: 8.5, align: "left", color: MUTED });
  });

  finishPages(doc, { footerLead: `${input.organisationName} · ${input.homeLabel}`, draft: false });
  return toBuffer(doc);
}
