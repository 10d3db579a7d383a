import { csvHeaderLine, csvRowLines } from "~/utils/csv";
import type { ReportSection } from "./report-tables";

/**
 * A report as one CSV: a title line, then each section as its title line, its header and its rows, a blank line
 * between sections (spreadsheets open it as one sheet). Cells as on the page. Pure.
 */
export function reportCsv(title: string[], sections: ReportSection[]): string {
  let out = title.map((line) => csvHeaderLine([line])).join("");
  for (const section of sections) {
    const keys = section.headers.map((_, i) => String(i));
    out += "\r\n" + csvHeaderLine([section.title]);
    out += csvHeaderLine(section.headers);
    out += csvRowLines(keys, section.rows.map((row) => Object.fromEntries(row.map((cell, i) => [String(i), cell]))));
    for (const line of section.summary) out += csvHeaderLine([line]);
  }
  return out;
}
