import { actionInWords, actorInWords, isInternalKey, labelFor, valueInWords } from "~/modules/audit/words";
import { TableWrap } from "~/components/table-wrap";

const SHOWN = 8;

/**
 * What changed in one audit entry, in words (app/modules/audit/words.ts): each field by its label with its old
 * and new value (or the value created/deleted); record ids left out; beyond eight fields, "and N more" opens.
 */
export function ChangeSummary({ changes, timeZone = "UTC" }: { changes: unknown; timeZone?: string }) {
  const value = changes as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  const keys = Object.keys(value?.after ?? value?.before ?? {}).filter((key) => !isInternalKey(key));
  if (keys.length === 0) return <span className="muted">—</span>;
  const line = (key: string) => (
    <li key={key}>
      <strong>{labelFor(key)}</strong>:{" "}
      {value.before && value.after ? (
        <>
          {valueInWords(key, value.before[key], timeZone)} → {valueInWords(key, value.after[key], timeZone)}
        </>
      ) : (
        valueInWords(key, (value.after ?? value.before)?.[key], timeZone)
      )}
    </li>
  );
  return (
    <>
      <ul style={{ margin: 0, paddingLeft: "1rem" }}>{keys.slice(0, SHOWN).map(line)}</ul>
      {keys.length > SHOWN ? (
        <details>
          <summary>and {keys.length - SHOWN} more</summary>
          <ul style={{ margin: 0, paddingLeft: "1rem" }}>{keys.slice(SHOWN).map(line)}</ul>
        </details>
      ) : null}
    </>
  );
}

export type AuditHistoryEntry = { id: string; createdAt: string; actorLabel: string; action: string; entity: string; entityId?: string; changes: unknown };

/**
 * History, newest first: when (in the trust's time zone), who, what, and the changed values, all in words. No
 * record ids (`showRecordIds` is kept for callers and shows nothing: an id says nothing to a reader).
 */
export function AuditHistory({ entries, timeZone = "UTC" }: { entries: AuditHistoryEntry[]; showRecordIds?: boolean; timeZone?: string }) {
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone });
  if (entries.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <TableWrap label="History">
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{when.format(new Date(entry.createdAt))}</td>
              <td>{actorInWords(entry.actorLabel)}</td>
              <td>{actionInWords(entry.action, entry.entity)}</td>
              <td>
                <ChangeSummary changes={entry.changes} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
