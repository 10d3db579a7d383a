/**
 * A report (the period report or a funder report) as a PDF, drawn with the shared PDF toolkit
 * (~/modules/documents/pdf.server.ts: the page, fonts and typography of the ground lease): a title block, then per
 * section its chart (the same layout as the page's SVG, ./chart.ts), its table and its summary. Same data → same bytes.
 */
import { drawTable, Flow, finishPages, INK, MUTED, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { dollarsTickLabel, layoutBarChart } from "./chart";
import type { ReportSection } from "./report-tables";

const CHART_HEIGHT = 170;

function drawChart(flow: Flow, chart: NonNullable<ReportSection["chart"]>): void {
  const { doc } = flow;
  const layout = layoutBarChart(chart.bars, {
    width: flow.width,
    height: CHART_HEIGHT,
    wholeNumbers: chart.unit === "count",
    formatTick: chart.unit === "dollars" ? dollarsTickLabel : undefined,
  });
  flow.ensureSpace(CHART_HEIGHT + 24);
  flow.paragraph(chart.title, { font: "sans-bold", size: 9.5, align: "left", gapAfter: 2 });
  const x0 = flow.left;
  const y0 = doc.y;
  doc.save();
  for (const tick of layout.ticks) {
    doc.moveTo(x0 + layout.left, y0 + tick.y).lineTo(x0 + layout.right, y0 + tick.y).lineWidth(0.4).strokeColor("#cccccc").stroke();
    doc.font("sans").fontSize(7.5).fillColor(MUTED).text(tick.label, x0, y0 + tick.y - 4, { width: layout.left - 6, align: "right", lineBreak: false });
  }
  for (const bar of layout.bars) {
    if (bar.height > 0) doc.rect(x0 + bar.x, y0 + bar.y, bar.width, bar.height).fillColor("#2f6b4f").fill();
    const labelWidth = Math.max(bar.width + 24, 60);
    doc.font("sans").fontSize(7.5).fillColor(INK).text(bar.valueLabel, x0 + bar.centre - labelWidth / 2, y0 + bar.y - 11, { width: labelWidth, align: "center", lineBreak: false });
    doc.text(bar.label, x0 + bar.centre - labelWidth / 2, y0 + layout.baseline + 5, { width: labelWidth, align: "center", lineBreak: false });
  }
  doc.moveTo(x0 + layout.left, y0 + layout.baseline).lineTo(x0 + layout.right, y0 + layout.baseline).lineWidth(0.8).strokeColor(INK).stroke();
  doc.restore();
  doc.fillColor(INK);
  doc.x = flow.left;
  doc.y = y0 + CHART_HEIGHT + 4;
}


export async function renderReportPdf(input: { title: string; subtitle: string; organisationName: string; date: string; sections: ReportSection[] }): Promise<Buffer> {
  const doc = newDocument({ title: input.title, author: input.organisationName, subject: `${input.title} — ${input.subtitle}`, keywords: "report, community land trust", date: input.date });
  const flow = new Flow(doc);
  flow.newPage();
  flow.paragraph(input.organisationName, { font: "sans-bold", size: 11, align: "center", gapAfter: 2 });
  flow.heading(input.title, { size: 15, gapAfter: 4 });
  flow.paragraph(input.subtitle, { font: "sans", size: 9.5, align: "center", color: MUTED, gapAfter: 14 });
  for (const section of input.sections) {
    flow.heading(section.title, { size: 12 });
    if (section.note) flow.paragraph(section.note, { size: 9.5, color: MUTED, align: "left" });
    if (section.chart) drawChart(flow, section.chart);
    const widths = section.headers.map(() => 1 / section.headers.length);
    if (section.rows.length === 0) flow.paragraph("None in this period.", { size: 10, align: "left" });
    else
      drawTable(
        flow,
        section.headers.map((header, i) => ({ header, width: widths[i]!, align: section.numeric.includes(i) ? ("right" as const) : ("left" as const) })),
        section.rows,
      );
    for (const line of section.summary) flow.paragraph(`${line.charAt(0).toUpperCase()}${line.slice(1)}.`, { size: 10, align: "left", gapAfter: 3 });
  }
  finishPages(doc, { headerLeft: input.organisationName, headerRight: input.title, headerFrom: 1, draft: false });
  return toBuffer(doc);
}
