import { TableWrap } from "~/components/table-wrap";
import { withScreenDates } from "~/utils/calendar-date";

/**
 * The pieces every import page shares (parcels, households, income limits, lease-fee payments): where the file
 * comes from, the dry-run and commit buttons, and the problems a dry run found.
 */

/** A file to upload or its text pasted: a file field `file` and a textarea (`csv` unless named otherwise). */
export function FileOrPasteFields({
  text,
  rows = 10,
  spellCheck,
  fileLabel = "CSV file",
  accept = ".csv,text/csv",
  pasteLabel = "…or paste the CSV",
  pasteName = "csv",
}: {
  /** What the textarea holds after a submission (the text sent, so a fix is made there). */
  text: string;
  rows?: number;
  spellCheck?: boolean;
  fileLabel?: string;
  accept?: string;
  pasteLabel?: string;
  pasteName?: string;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="file">{fileLabel}</label>
        <input id="file" name="file" type="file" accept={accept} />
      </div>
      <div className="field">
        <label htmlFor={pasteName}>{pasteLabel}</label>
        <textarea id={pasteName} name={pasteName} rows={rows} spellCheck={spellCheck} defaultValue={text} />
      </div>
    </>
  );
}

/**
 * "Check (dry run)" and the commit button (`intent` dry-run / commit). The commit button is offered once a dry
 * run found nothing to fix (`clean`), or always with `commitAlways` (then it is the primary one once clean).
 */
export function DryRunActions({ clean, busy, commitLabel, commitAlways = false }: { clean: boolean | undefined; busy: boolean; commitLabel: string; commitAlways?: boolean }) {
  return (
    <div className="actions">
      <button type="submit" name="intent" value="dry-run" className={clean ? "secondary" : "primary"} disabled={busy}>
        Check (dry run)
      </button>
      {clean || commitAlways ? (
        <button type="submit" name="intent" value="commit" className={clean ? "primary" : "secondary"} disabled={busy}>
          {commitLabel}
        </button>
      ) : null}
    </div>
  );
}
/** The problems an import's dry run found: one row per problem, with its row, column and reason. */
export function ImportProblems({ problems, caption }: { problems: { row: number; column: string; message: string }[]; caption?: string }) {
  if (problems.length === 0) return null;
  return (
    <TableWrap label={caption ?? "Problems found"}>
      <table>
        {caption ? <caption style={{ textAlign: "left", padding: "0.5rem 0.75rem", fontWeight: 600 }}>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index}>
              <td>{problem.row || "whole file"}</td>
              <td>{problem.column ? <code>{problem.column}</code> : "—"}</td>
              <td>{withScreenDates(problem.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
