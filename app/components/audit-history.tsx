import { actionInWords, actorInWords, isInternalKey, labelFor, valueInWords, type ChoiceWords } from "~/modules/audit/words";
import { ELECTION_STATUS_LABELS, MEETING_KINDS } from "~/modules/governance/schemas";
import { ETHNICITIES, INCOME_SOURCES, RACES, RELATIONSHIPS } from "~/modules/households/schemas";
import { ENTRY_KIND_LABELS } from "~/modules/lease-fees/schemas";
import { LEASE_STATUS_LABELS } from "~/modules/leases/lifecycle";
import { ESCALATION_LABELS } from "~/modules/leases/schemas";
import { AREA_UNIT_LABELS, FUNDING_PROGRAM_LABELS, HOME_TYPE_LABELS, PARCEL_STATUS_LABELS } from "~/modules/parcels/schemas";
import { BUYER_POOL_STATUS_LABELS, CASE_KIND_LABELS, CASE_STATUS_LABELS, NOTICE_METHOD_LABELS } from "~/modules/transfers/schemas";
import { TableWrap } from "~/components/table-wrap";
import { ROLE_LABELS } from "~/utils/permissions";

const SHOWN = 8;

/**
 * Each record type's stored choices in the words of the form that sets them ("city" → "City"), from each concept's
 * own labels. A lease stores its fee escalation as `feeEscalation: { kind }`; a household its members as
 * "María Núñez (spouse-partner)" (`member`, one of `members`).
 */
const RECORD_CHOICES: Readonly<Record<string, ChoiceWords>> = {
  Parcel: { status: PARCEL_STATUS_LABELS, landAreaUnit: AREA_UNIT_LABELS },
  Home: { homeType: HOME_TYPE_LABELS },
  FundingSource: { program: FUNDING_PROGRAM_LABELS },
  Household: { ethnicity: ETHNICITIES, race: RACES, member: RELATIONSHIPS },
  HouseholdMember: { relationship: RELATIONSHIPS },
  IncomeCertification: { source: INCOME_SOURCES },
  Lease: { status: LEASE_STATUS_LABELS, kind: ESCALATION_LABELS },
  LeaseFeeEntry: { kind: ENTRY_KIND_LABELS },
  TransferCase: { kind: CASE_KIND_LABELS, status: CASE_STATUS_LABELS, noticeMethod: NOTICE_METHOD_LABELS },
  InterestedBuyer: { status: BUYER_POOL_STATUS_LABELS },
  Meeting: { kind: MEETING_KINDS },
  Election: { status: ELECTION_STATUS_LABELS },
  Membership: { role: ROLE_LABELS },
};

/**
 * What changed in one audit entry, in words (app/modules/audit/words.ts): each field by its label with its old
 * and new value (or the value created/deleted), a stored choice in the words of the record's form; record ids left out; beyond eight fields, "and N more" opens.
 */
export function ChangeSummary({ changes, entity = "", timeZone = "UTC" }: { changes: unknown; entity?: string; timeZone?: string }) {
  const value = changes as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  const choices = (Object.hasOwn(RECORD_CHOICES, entity) ? RECORD_CHOICES[entity] : undefined) ?? {};
  const keys = Object.keys(value?.after ?? value?.before ?? {}).filter((key) => !isInternalKey(key));
  if (keys.length === 0) return <span className="muted">—</span>;
  const line = (key: string) => (
    <li key={key}>
      <strong>{labelFor(key)}</strong>:{" "}
      {value.before && value.after ? (
        <>
          {valueInWords(key, value.before[key], timeZone, choices)} → {valueInWords(key, value.after[key], timeZone, choices)}
        </>
      ) : (
        valueInWords(key, (value.after ?? value.before)?.[key], timeZone, choices)
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
                <ChangeSummary changes={entry.changes} entity={entry.entity} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
