import { formatInstant, humanise } from "~/utils/format";

/** What changed in one audit entry: each field with its old and new value (or the value created/deleted). */
export function ChangeSummary({ changes }: { changes: unknown }) {
  const value = changes as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  // record identifiers say nothing to a reader of the history
  const keys = Object.keys(value?.after ?? value?.before ?? {}).filter((key) => key !== "id" && key !== "organisationId");
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: "1rem" }}>
      {keys.slice(0, 12).map((key) => (
        <li key={key}>
          <strong>{key}</strong>:{" "}
          {value.before && value.after ? (
            <>
              {show(value.before[key])} → {show(value.after[key])}
            </>
          ) : (
            show((value.after ?? value.before)?.[key])
          )}
        </li>
      ))}
      {keys.length > 12 ? <li className="muted">and {keys.length - 12} more</li> : null}
    </ul>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export type AuditHistoryEntry = { id: string; createdAt: string; actorLabel: string; action: string; entity: string; entityId?: string; changes: unknown };

const ENTITY_WORDS: Record<string, string> = {
  Parcel: "parcel",
  Home: "home",
  FundingSource: "funding source",
  Household: "household",
  HouseholdMember: "member",
  IncomeCertification: "income certification",
  Ownership: "ownership",
  StoredDocument: "document",
  MonitoringEvent: "monitoring event",
};

/**
 * History, newest first: when, who, what, and the changed values. `showRecordIds` adds the record's id (the
 * organisation-wide audit trail, where entries of many records stand together).
 */
export function AuditHistory({ entries, showRecordIds = false }: { entries: AuditHistoryEntry[]; showRecordIds?: boolean }) {
  if (entries.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <div className="table-wrap">
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
              <td>{formatInstant(entry.createdAt)}</td>
              <td>{entry.actorLabel}</td>
              <td>
                {humanise(entry.action)} {ENTITY_WORDS[entry.entity] ?? entry.entity}
                {showRecordIds && entry.entityId ? (
                  <>
                    {" "}
                    <code>{entry.entityId.slice(-8)}</code>
                  </>
                ) : null}
              </td>
              <td>
                <ChangeSummary changes={entry.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
