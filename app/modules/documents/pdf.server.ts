/**
 * The PDF toolkit every generated document uses (the ground lease, the memorandum, the resale worksheet, the
 * lease-fee statement, "your home today", reports, meeting notices and every letter): US Letter pages with
 * 1-inch margins, the embedded DejaVu fonts ("serif" body, "sans" furniture; fonts.server.ts), a running
 * header, a "Page X of Y" footer, the draft watermark, the trust's `letterhead`, a `Flow` writer that keeps
 * headings and the first lines of paragraphs together, and ruled tables whose header repeats after a page
 * break. Nothing else creates a `PDFDocument`. Text formatting for documents (the one `formatLegalDate`,
 * money, lists of names) is in ./format.ts.
 *
 * Same data → same bytes: `newDocument` sets the PDF info dates from the document's own date (a calendar
 * date, never the clock), and pdfkit derives the file ID from the info dictionary (an MD5 of its values).
 * Pages are buffered (`bufferPages`), so `finishPages` can number them once the last page is laid out.
 */
import PDFDocument from "pdfkit";
import { registerFonts } from "./fonts.server";


export const PAGE = { size: "LETTER" as const, width: 612, height: 792, margin: 72 };
export const BODY_SIZE = 11;
export const LINE_GAP = 2.5;
/** Body text colour. */
export const INK = "#111111";
/** Secondary text: running headers, footers, captions. */
export const MUTED = "#555555";

/** A new, empty document (add pages with `Flow.newPage`); `date` is `YYYY-MM-DD`, the document's date. */
export function newDocument(info: { title: string; author: string; subject: string; keywords: string; date: string }): PDFKit.PDFDocument {
  const date = pdfDate(info.date);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: false,
    lang: "en-US",
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: "Commonground",
      Producer: "Commonground (pdfkit)",
      CreationDate: date,
      ModDate: date,
    },
  });
  registerFonts(doc);
  return doc;
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** Writes outside the margins without pdfkit starting a new page. */
function withoutBottomMargin(doc: PDFKit.PDFDocument, draw: () => void): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  draw();
  doc.page.margins.bottom = bottom;
}

/**
 * Header (from page `headerFrom`, 0-based; no header without it), "Page X of Y" footer (after `footerLead` and
 * " · " when given, e.g. "Trust · 12 Elm St · Page 1 of 2") and, for drafts, the diagonal watermark on every
 * buffered page. Call once, after the last page is laid out.
 */
export function finishPages(
  doc: PDFKit.PDFDocument,
  options: { headerLeft?: string; headerRight?: string; headerFrom?: number; footerLead?: string; draft: boolean },
): void {
  const range = doc.bufferedPageRange();
  const width = PAGE.width - 2 * PAGE.margin;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    withoutBottomMargin(doc, () => {
      if (options.headerFrom !== undefined && i >= options.headerFrom) {
        doc.font("sans").fontSize(8).fillColor(MUTED);
        doc.text(options.headerLeft ?? "", PAGE.margin, 40, { width, lineBreak: false });
        doc.text(options.headerRight ?? "", PAGE.margin, 40, { width, align: "right", lineBreak: false });
        doc.moveTo(PAGE.margin, 52).lineTo(PAGE.width - PAGE.margin, 52).lineWidth(0.5).strokeColor("#999999").stroke();
      }
      doc.font("sans").fontSize(8.5).fillColor(MUTED);
      const pageNumber = `Page ${i - range.start + 1} of ${range.count}`;
      doc.text(options.footerLead ? `${options.footerLead} · ${pageNumber}` : pageNumber, PAGE.margin, PAGE.height - 48, { width, align: "center", lineBreak: false });
      if (options.draft) {
        // The diagonal mark is for the eye (text extractors scatter rotated letters); the footer line keeps
        // the draft status in the page's extractable text too.
        doc.font("sans-bold").fontSize(8).fillColor("#c0392b");
        doc.text(DRAFT_WATERMARK, PAGE.margin, PAGE.height - 48, { width, lineBreak: false });
        drawWatermark(doc);
      }
    });
    doc.fillColor(INK);
  }
}

export const DRAFT_WATERMARK = "DRAFT — NOT FOR SIGNATURE";

function drawWatermark(doc: PDFKit.PDFDocument): void {
  doc.save();
  doc.font("sans-bold").fontSize(44).fillColor("#c0392b").fillOpacity(0.13);
  const textWidth = doc.widthOfString(DRAFT_WATERMARK);
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  doc.rotate(-52, { origin: [cx, cy] });
  doc.text(DRAFT_WATERMARK, cx - textWidth / 2, cy - 22, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}

/** A small writer over a pdfkit document: paragraphs, headings that never sit alone at a page bottom, blocks. */
export class Flow {
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** 0-based index of the page being written. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  lineHeight(size = BODY_SIZE, font = "serif"): number {
    this.doc.font(font).fontSize(size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /** Height of `text` at the given font and width, without drawing it. */
  measure(text: string, options: { font?: string; size?: number; width?: number; align?: "left" | "justify" | "center" | "right" } = {}): number {
    this.doc.font(options.font ?? "serif").fontSize(options.size ?? BODY_SIZE);
    return this.doc.heightOfString(text, { width: options.width ?? this.width, lineGap: LINE_GAP, align: options.align ?? "justify" });
  }

  paragraph(
    text: string,
    options: { font?: string; size?: number; align?: "left" | "justify" | "center" | "right"; indent?: number; gapAfter?: number; color?: string } = {},
  ): void {
    const indent = options.indent ?? 0;
    this.doc.font(options.font ?? "serif").fontSize(options.size ?? BODY_SIZE).fillColor(options.color ?? INK);
    this.doc.text(text, this.left + indent, this.doc.y, { width: this.width - indent, align: options.align ?? "justify", lineGap: LINE_GAP });
    this.doc.fillColor(INK);
    this.doc.y += options.gapAfter ?? 7;
  }

  /**
   * A paragraph opened by a bold run ("5.2  Late Charges. ") followed by regular text. Kept on the page with
   * at least its first three lines.
   */
  leadParagraph(lead: string, text: string, options: { indent?: number; gapAfter?: number } = {}): void {
    const indent = options.indent ?? 0;
    const width = this.width - indent;
    this.keepLines(lead + text, width);
    this.doc.font("serif-bold").fontSize(BODY_SIZE);
    this.doc.text(lead, this.left + indent, this.doc.y, { width, align: "justify", lineGap: LINE_GAP, continued: true });
    this.doc.font("serif").text(text, { width, align: "justify", lineGap: LINE_GAP });
    this.doc.y += options.gapAfter ?? 7;
  }

  /** A labelled paragraph with a hanging label ("A.", "1."), kept with its first lines. */
  hanging(label: string, text: string, options: { hang?: number; gapAfter?: number } = {}): void {
    const hang = options.hang ?? 24;
    this.keepLines(text, this.width - hang);
    const y = this.doc.y;
    this.doc.font("serif").fontSize(BODY_SIZE).text(label, this.left, y, { width: hang, lineBreak: false });
    this.doc.text(text, this.left + hang, y, { width: this.width - hang, align: "justify", lineGap: LINE_GAP });
    this.doc.y += options.gapAfter ?? 7;
  }

  /** A centred heading, kept with `keepWith` points of what follows. */
  heading(text: string, options: { size?: number; keepWith?: number; gapBefore?: number; gapAfter?: number; destination?: string; font?: string } = {}): void {
    const size = options.size ?? 12.5;
    const height = this.measure(text, { font: options.font ?? "serif-bold", size, align: "center" });
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.y += options.gapBefore ?? 10;
    this.ensureSpace(height + (options.keepWith ?? 3 * this.lineHeight()));
    this.doc.font(options.font ?? "serif-bold").fontSize(size).fillColor(INK);
    this.doc.text(text, this.left, this.doc.y, {
      width: this.width,
      align: "center",
      lineGap: 1,
      ...(options.destination ? { destination: options.destination } : {}),
    });
    this.doc.y += options.gapAfter ?? 8;
  }

  /**
   * Starts a new page unless the first lines of `text` (three, or all of a shorter paragraph) fit here, so no
   * paragraph leaves a lone line at the foot of a page. Measures only when the page is nearly full.
   */
  keepLines(text: string, width: number): void {
    const line = this.lineHeight();
    if (this.doc.y + 3 * line <= this.bottom) return;
    const lines = Math.min(3, Math.ceil(this.measure(text, { width }) / line));
    this.ensureSpace(lines * line);
  }

  /** A block that must not be split across pages (signature and notary blocks). */
  keepTogether(height: number, draw: () => void): void {
    this.ensureSpace(height);
    draw();
  }

  /** A signature line with a caption underneath. */
  signatureLine(caption: string, options: { x?: number; width?: number; space?: number } = {}): void {
    const x = options.x ?? this.left;
    const width = options.width ?? 260;
    const y = this.doc.y + (options.space ?? 26);
    this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.6).strokeColor(INK).stroke();
    this.doc.font("serif").fontSize(9.5).fillColor(INK).text(caption, x, y + 3, { width, lineGap: 1 });
    this.doc.y += 4;
  }
}

/**
 * The trust's letterhead at the top of a letter or notice: its name in bold sans, centred, and its address on
 * one line beneath in small grey sans ("12 Main St\nSpringfield" → "12 Main St, Springfield").
 */
export function letterhead(flow: Flow, organisation: { name: string; address: string }, options: { gapAfter?: number } = {}): void {
  flow.paragraph(organisation.name, { font: "sans-bold", size: 11, align: "center", gapAfter: 1 });
  flow.paragraph(oneLineAddress(organisation.address), { font: "sans", size: 9, align: "center", color: MUTED, gapAfter: options.gapAfter ?? 22 });
}

/** A postal address written on several lines, as one line: "12 Main St\nSpringfield" → "12 Main St, Springfield". */
export function oneLineAddress(address: string): string {
  return address.replace(/\s*\n\s*/g, ", ");
}

export type Column = { header: string; width: number; align?: "left" | "right" };

/**
 * A ruled table whose rows never split across pages; the header is repeated after a page break. `total` is a
 * bold, shaded last row; `boldRows` (indexes into `rows`) are set in bold where they stand; `dense` sets smaller
 * type closer together, for a statement's or a worksheet's many lines.
 */
export function drawTable(
  flow: Flow,
  columns: Column[],
  rows: string[][],
  options: { total?: string[]; boldRows?: readonly number[]; dense?: boolean } = {},
): void {
  const { doc } = flow;
  const size = options.dense ? 9 : 9.5;
  const pad = options.dense ? 3.5 : 5;
  const widths = columns.map((c) => c.width * flow.width);
  const rowHeight = (cells: string[], font: string): number =>
    Math.max(...cells.map((cell, i) => {
      doc.font(font).fontSize(size);
      return doc.heightOfString(cell, { width: widths[i]! - 2 * pad, lineGap: 1 });
    })) + 2 * pad;
  const drawRow = (cells: string[], font: string, fill?: string): void => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(flow.left, y, flow.width, height).fillColor(fill).fill();
    let x = flow.left;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(size).fillColor(INK).text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? "left", lineGap: 1 });
      x += widths[i]!;
    });
    doc.moveTo(flow.left, y + height).lineTo(flow.left + flow.width, y + height).lineWidth(0.5).strokeColor("#888888").stroke();
    doc.x = flow.left;
    doc.y = y + height;
  };
  const header = columns.map((c) => c.header);
  const drawHeader = (): void => {
    doc.moveTo(flow.left, doc.y).lineTo(flow.left + flow.width, doc.y).lineWidth(0.8).strokeColor(INK).stroke();
    drawRow(header, "sans-bold", "#eeeeee");
  };
  doc.y += 4;
  flow.ensureSpace(rowHeight(header, "sans-bold") + (rows[0] ? rowHeight(rows[0], "serif") : 0));
  drawHeader();
  for (const [index, row] of rows.entries()) {
    const font = options.boldRows?.includes(index) ? "serif-bold" : "serif";
    if (doc.y + rowHeight(row, font) > flow.bottom) {
      flow.newPage();
      drawHeader();
    }
    drawRow(row, font);
  }
  if (options.total) {
    if (doc.y + rowHeight(options.total, "serif-bold") > flow.bottom) {
      flow.newPage();
      drawHeader();
    }
    drawRow(options.total, "serif-bold", "#f4f4f4");
    doc.moveTo(flow.left, doc.y).lineTo(flow.left + flow.width, doc.y).lineWidth(0.8).strokeColor(INK).stroke();
  }
  doc.y += 10;
}

/** The document's calendar date as the PDF info date: midnight UTC of that day, so no time zone moves it. */
function pdfDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
