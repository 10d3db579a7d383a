import { TableWrap } from "~/components/table-wrap";
import type { ReportSection } from "./report-tables";

/**
 * A report section's table, as the period report and the funder report show it: numeric columns right-aligned,
 * `empty` in one row when the section has none. `caption`: name the table by the section's title (read by screen
 * readers only).
 */
export function ReportTable({ section, empty, caption = false }: { section: Pick<ReportSection, "title" | "headers" | "numeric" | "rows">; empty: string; caption?: boolean }) {
  return (
    <TableWrap label={`Table: ${section.title}`}>
      <table>
        {caption ? <caption className="visually-hidden">{section.title}</caption> : null}
        <thead>
          <tr>
            {section.headers.map((header, i) => (
              <th key={header} scope="col" className={section.numeric.includes(i) ? "num" : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.rows.length === 0 ? (
            <tr>
              <td colSpan={section.headers.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : (
            section.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} className={section.numeric.includes(i) ? "num" : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
