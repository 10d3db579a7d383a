import { prepareAuditMany, writeAuditMany, type AuditActor, type AuditEntryInput, type PreparedAuditEntries } from "~/modules/audit/audit.server";
import { bulkTimestamp, insertRowsFromJson, yieldToEventLoop, type BulkColumn } from "~/utils/bulk-insert.server";
import type { Db, Tx } from "~/utils/db.server";
import { timeOrderedId } from "~/utils/ordered-id.server";
import { householdCsvRows, planHouseholdImport, type HouseholdImportPlan, type HouseholdImportRow } from "./csv";
import { householdSearchText } from "./schemas";

// csv-parse must stay out of browser bundles: routes import the CSV helpers from here.
export { planHouseholdImport } from "./csv";
import { householdExportPages, householdTokens, memberSnapshot, type HouseholdFilters } from "./households.server";

export type HouseholdImportResult = { ok: true; created: number } | { ok: false; plan: HouseholdImportPlan };

/** Rows prepared per slice before the event loop is let run. */
const ROWS_PER_SLICE = 1_000;

/**
 * Commits a household import all-or-nothing: one invalid row and nothing is written.
 *
 * Stores what `createHousehold` stores for each row — the household, its members, its search words and a "create"
 * audit entry — but set-based, as the parcel import (docs/decisions/025-large-imports-set-based.md): the records are
 * built before the transaction in slices that let other requests run, then written by a few INSERT … SELECT
 * statements. New rows get time-ordered ids and one instant for the import.
 */
export async function commitHouseholdImport(db: Db, actor: AuditActor, text: string): Promise<HouseholdImportResult> {
  const plan = planHouseholdImport(text);
  if (plan.errors.length > 0) return { ok: false, plan };
  const records = await importRecords(actor.organisationId, plan.rows);
  await db.$transaction((tx) => createImported(tx, actor, records), { timeout: 60_000 });
  return { ok: true, created: plan.rows.length };
}

type ImportRecords = {
  households: (string | boolean | null)[][];
  members: (string | null)[][];
  tokens: [string, string][];
  audit: PreparedAuditEntries;
  stamp: string;
};

async function importRecords(organisationId: string, rows: readonly HouseholdImportRow[]): Promise<ImportRecords> {
  const now = new Date();
  const stamp = bulkTimestamp(now);
  const out: Omit<ImportRecords, "audit"> = { households: [], members: [], tokens: [], stamp };
  const audit: AuditEntryInput[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
    if (start > 0) await yieldToEventLoop();
    for (const { household: input, members } of rows.slice(start, start + ROWS_PER_SLICE)) {
      const names = members.map((m) => m.fullName);
      // the household as its row is stored and as Prisma returns it (the audit entry is made from it)
      const created = {
        id: timeOrderedId(),
        organisationId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        mailingAddress: input.mailingAddress,
        firstTimeBuyer: input.firstTimeBuyer,
        ethnicity: input.ethnicity,
        race: input.race,
        searchText: householdSearchText(input.name, input.email, names),
        archivedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      out.households.push([created.id, created.name, created.email, created.phone, created.mailingAddress, created.firstTimeBuyer, created.ethnicity, created.race, created.searchText]);
      for (const m of members) out.members.push([timeOrderedId(), created.id, m.fullName, m.relationship, m.dateOfBirth, m.email, m.phone]);
      for (const token of householdTokens(input.name, input.email, names)) out.tokens.push([created.id, token]);
      audit.push({ entity: "Household", entityId: created.id, action: "create", after: { ...created, members: memberSnapshot(members) } });
    }
  }
  return { ...out, audit: await prepareAuditMany(audit) };
}

const HOUSEHOLD_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "name", type: "text" },
  { name: "email", type: "text" },
  { name: "phone", type: "text" },
  { name: "mailingAddress", type: "text" },
  { name: "firstTimeBuyer", type: "boolean" },
  { name: "ethnicity", type: "text" },
  { name: "race", type: "text" },
  { name: "searchText", type: "text" },
  { name: "createdAt", type: "timestamp" },
  { name: "updatedAt", type: "timestamp" },
];
const MEMBER_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "householdId", type: "text" },
  { name: "fullName", type: "text" },
  { name: "relationship", type: "text" },
  { name: "dateOfBirth", type: "text" },
  { name: "email", type: "text" },
  { name: "phone", type: "text" },
  { name: "createdAt", type: "timestamp" },
  { name: "updatedAt", type: "timestamp" },
];

async function createImported(tx: Tx, actor: AuditActor, records: ImportRecords): Promise<void> {
  const { organisationId } = actor;
  await insertRowsFromJson(tx, organisationId, "Household", HOUSEHOLD_COLUMNS, records.households.map((row) => [...row, records.stamp, records.stamp] as (string | null)[]));
  await insertRowsFromJson(tx, organisationId, "HouseholdMember", MEMBER_COLUMNS, records.members.map((row) => [...row, records.stamp, records.stamp]));
  await insertRowsFromJson(tx, organisationId, "HouseholdSearchToken", [{ name: "householdId", type: "text" }, { name: "token", type: "text" }], records.tokens, 10_000);
  await writeAuditMany(tx, actor, records.audit);
}

/** The export's records, page by page (app/utils/export-stream.server.ts): constant memory for any number of households. */
export async function* householdCsvPages(db: Db, organisationId: string, filters: HouseholdFilters) {
  for await (const households of householdExportPages(db, organisationId, filters)) {
    yield householdCsvRows(
      households.map((h) => {
        const home = h.ownerships[0]?.home;
        return {
          ...h,
          currentHome: home ? [home.parcel.streetAddress, home.parcel.city, home.label].filter(Boolean).join(", ") : "",
        };
      }),
    );
  }
}
