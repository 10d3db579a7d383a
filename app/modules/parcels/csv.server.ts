import { z } from "zod";
import { prepareAuditMany, writeAuditMany, type AuditActor, type AuditEntryInput, type PreparedAuditEntries } from "~/modules/audit/audit.server";
import { safeParseCsv, validateCsvRows, type CsvRowError } from "~/utils/csv";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { bulkTimestamp, insertRowsFromJson, yieldToEventLoop, type BulkColumn } from "~/utils/bulk-insert.server";
import { timeOrderedId } from "~/utils/ordered-id.server";
import { centsToString } from "~/utils/money";
import { parcelData, parcelSearchText } from "./parcels.server";
import { parcelTokens } from "./search";
import { PARCEL_CSV_COLUMNS } from "./csv-columns";
import { isTableOfArea } from "~/modules/income-limits/income-limits";
import { defaultAreaCode, listAreas } from "~/modules/income-limits/income-limits.server";
import { checkHomeRules, checkParcelRules, HomeFields, ParcelFields, parcelNumberKey } from "./schemas";
import { organisationToday } from "~/modules/organisations/organisations.server";

export { PARCEL_CSV_COLUMNS };

/**
 * Parcels (with homes) from a spreadsheet. One row per home; rows sharing a parcel number add homes to the
 * same parcel (the first row's parcel columns are used). A row with no home_type is a parcel without a home.
 */


const importRowSchema = (today: string) => z
  .object({
    ...ParcelFields,
    homeType: HomeFields.homeType.optional(),
    homeLabel: HomeFields.label,
    bedrooms: HomeFields.bedrooms.optional(),
    bathrooms: HomeFields.bathrooms.optional(),
    floorAreaSqft: HomeFields.floorAreaSqft,
    yearBuilt: HomeFields.yearBuilt,
  })
  .superRefine((row, ctx) => {
    checkParcelRules(row, ctx, today);
    checkHomeRules(row, ctx, today);
    if (!row.homeType && (row.bedrooms !== undefined || row.bathrooms !== undefined)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["homeType"], message: "Give the home type when a home's details are filled in" });
    }
    if (row.homeType && row.bedrooms === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["bedrooms"], message: "Enter the number of bedrooms" });
    if (row.homeType && row.bathrooms === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["bathrooms"], message: "Enter the number of bathrooms" });
  });
type ImportRow = z.output<ReturnType<typeof importRowSchema>>;

export type ParcelImportPreview = {
  errors: CsvRowError[];
  parcelCount: number;
  homeCount: number;
  rowCount: number;
};

const REGISTERED_MEANWHILE = "A parcel number in this file was registered by someone else while it was being imported, so nothing was imported. Check the file again.";

/** Rows prepared per slice before the event loop is let run (validation, and the commit's records). */
const ROWS_PER_SLICE = 1_000;

type Planned = { rows: ImportRow[]; errors: CsvRowError[] };

async function plan(db: Db, organisationId: string, text: string): Promise<Planned> {
  const parsed = safeParseCsv(text);
  if (!parsed.ok) return { rows: [], errors: [{ row: parsed.error.line, column: "", message: parsed.error.message }] };
  const required = [PARCEL_CSV_COLUMNS.parcelNumber, PARCEL_CSV_COLUMNS.streetAddress];
  const missing = required.filter((column) => !parsed.headers.includes(column));
  if (missing.length) {
    return { rows: [], errors: missing.map((column) => ({ row: 1, column, message: `The file has no "${column}" column` })) };
  }
  const ImportRowSchema = importRowSchema(await organisationToday(db, organisationId));
  if (parsed.rows.length === 0) return { rows: [], errors: [{ row: 1, column: "", message: "The file has no data rows" }] };
  if (parsed.rows.length > 20_000) return { rows: [], errors: [{ row: 1, column: "", message: "Import at most 20,000 rows at a time" }] };
  const errors: CsvRowError[] = [];
  const rows: ImportRow[] = [];
  // in slices, letting other requests run between them (20,000 rows take seconds of CPU)
  for (let index = 0; index < parsed.rows.length; index++) {
    if (index > 0 && index % ROWS_PER_SLICE === 0) await yieldToEventLoop();
    const result = validateCsvRows([parsed.rows[index]!], ImportRowSchema, PARCEL_CSV_COLUMNS);
    for (const error of result.errors) errors.push({ ...error, row: index + 2 });
    if (result.valid[0]) rows.push({ ...result.valid[0], __row: index + 2 } as ImportRow);
  }
  // HUD area: a code or name of the trust's tables, stored as the code; empty → the trust's default area
  const [areas, fallbackArea] = await Promise.all([listAreas(db, organisationId), defaultAreaCode(db, organisationId)]);
  for (const row of rows) {
    if (!row.incomeLimitAreaCode) {
      row.incomeLimitAreaCode = fallbackArea ?? undefined;
      continue;
    }
    const area = areas.find((a) => isTableOfArea(a, row.incomeLimitAreaCode!));
    if (area) row.incomeLimitAreaCode = area.areaCode;
    else {
      errors.push({
        row: rowNumber(row),
        column: PARCEL_CSV_COLUMNS.incomeLimitAreaCode,
        message: `"${row.incomeLimitAreaCode}" is not one of the trust's HUD areas (${areas.map((a) => `${a.areaName} = ${a.areaCode}`).join("; ") || "none: import an income-limit table first"})`,
      });
    }
  }
  // APNs are compared without case or surrounding spaces, against the trust's parcels and within the file
  const keys = [...new Set(rows.map((row) => parcelNumberKey(row.parcelNumber)))];
  const existing = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 500) {
    const found = await db.parcel.findMany({
      where: { organisationId, parcelNumberKey: { in: keys.slice(i, i + 500) } },
      select: { parcelNumber: true, parcelNumberKey: true },
    });
    for (const parcel of found) existing.set(parcel.parcelNumberKey, parcel.parcelNumber);
  }
  const firstSpelling = new Map<string, string>();
  for (const row of rows) {
    const key = parcelNumberKey(row.parcelNumber);
    const registered = existing.get(key);
    if (registered !== undefined) {
      const same = registered === row.parcelNumber ? "" : ` as ${registered}`;
      errors.push({ row: rowNumber(row), column: PARCEL_CSV_COLUMNS.parcelNumber, message: `Parcel number ${row.parcelNumber} is already registered${same}` });
      continue;
    }
    const first = firstSpelling.get(key);
    if (first === undefined) firstSpelling.set(key, row.parcelNumber);
    else if (first !== row.parcelNumber) {
      // rows of one parcel (one per home) must spell its number the same way
      errors.push({ row: rowNumber(row), column: PARCEL_CSV_COLUMNS.parcelNumber, message: `Parcel number ${row.parcelNumber} is written ${first} on an earlier row; write it the same way` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

function rowNumber(row: ImportRow): number {
  return (row as ImportRow & { __row: number }).__row;
}

function summarise(rows: ImportRow[]) {
  return { parcelCount: new Set(rows.map((r) => r.parcelNumber)).size, homeCount: rows.filter((r) => r.homeType).length };
}

/** The dry run: every invalid row with its column and reason; nothing is written. */
export async function previewParcelImport(db: Db, organisationId: string, text: string): Promise<ParcelImportPreview> {
  const { rows, errors } = await plan(db, organisationId, text);
  return { errors, rowCount: rows.length + new Set(errors.map((e) => e.row)).size, ...summarise(rows) };
}

/**
 * The commit: all rows or none. Re-validates (the data may have changed since the dry run).
 *
 * Stores what registering each parcel and home one by one stored — the same columns, search text and words, and a
 * "create" audit entry per parcel (marked "CSV import") and per home, in file order — but set-based: the records
 * are built first, in slices that let other requests run between them, then written in one short transaction of
 * a few INSERT … SELECT statements (parcels, homes, search words, audit entries; rows as JSON parameters). New rows
 * get time-ordered ids, and one instant for the import's createdAt/updatedAt and its audit entries. The
 * transaction does not yield: on SQLite the connection is shared, so another request would run inside it
 * (docs/decisions/025-large-imports-set-based.md).
 */
export async function commitParcelImport(
  db: Db,
  actor: AuditActor,
  text: string,
): Promise<{ ok: true; parcelCount: number; homeCount: number } | { ok: false; errors: CsvRowError[] }> {
  const { rows, errors } = await plan(db, actor.organisationId, text);
  if (errors.length > 0 || rows.length === 0) return { ok: false, errors };
  const records = await importRecords(actor.organisationId, rows);
  try {
    await db.$transaction((tx) => createImported(tx, actor, records), { timeout: 120_000, maxWait: 10_000 });
  } catch (error) {
    // checked before the transaction: someone registered one of the file's parcel numbers in between
    if (isUniqueViolation(error)) return { ok: false, errors: [{ row: 1, column: "", message: REGISTERED_MEANWHILE }] };
    throw error;
  }
  return { ok: true, ...summarise(rows) };
}

type ImportedParcel = ReturnType<typeof parcelRecord>["record"];
type ImportedHome = ReturnType<typeof homeRecord>;
type ImportRecords = { parcels: ImportedParcel[]; homes: ImportedHome[]; tokens: [string, string][]; audit: PreparedAuditEntries };

/** A new parcel as its row is stored (and as Prisma returns it: the audit entry is made from it). */
function parcelRecord(organisationId: string, row: ImportRow, now: Date) {
  const place = { parcelNumber: row.parcelNumber, streetAddress: row.streetAddress, city: row.city ?? "" };
  const data = parcelData(row);
  const record = {
    id: timeOrderedId(),
    organisationId,
    ...data,
    searchText: parcelSearchText(place, []),
    archivedAt: null as Date | null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { record, tokens: parcelTokens(place, []) };
}

function homeRecord(organisationId: string, parcelId: string, row: ImportRow & { homeType: NonNullable<ImportRow["homeType"]>; bedrooms: number; bathrooms: string }, now: Date) {
  return {
    id: timeOrderedId(),
    organisationId,
    parcelId,
    label: row.homeLabel ?? "",
    homeType: row.homeType,
    bedrooms: row.bedrooms,
    bathrooms: row.bathrooms,
    floorAreaSqft: row.floorAreaSqft ?? null,
    yearBuilt: row.yearBuilt ?? null,
    archivedAt: null as Date | null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The parcels, homes, search words and audit entries of the validated rows (rows sharing a parcel number: one parcel). */
async function importRecords(organisationId: string, rows: readonly ImportRow[]): Promise<ImportRecords> {
  const now = new Date();
  const out: Omit<ImportRecords, "audit"> = { parcels: [], homes: [], tokens: [] };
  const audit: AuditEntryInput[] = [];
  const parcelIds = new Map<string, string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
    if (start > 0) await yieldToEventLoop();
    for (const row of rows.slice(start, start + ROWS_PER_SLICE)) {
      let parcelId = parcelIds.get(row.parcelNumber);
      if (!parcelId) {
        const { record, tokens } = parcelRecord(organisationId, row, now);
        out.parcels.push(record);
        for (const token of tokens) out.tokens.push([record.id, token]);
        audit.push({ entity: "Parcel", entityId: record.id, action: "create", after: { ...record, source: "CSV import" } });
        parcelId = record.id;
        parcelIds.set(row.parcelNumber, parcelId);
      }
      if (row.homeType && row.bedrooms !== undefined && row.bathrooms !== undefined) {
        const home = homeRecord(organisationId, parcelId, { ...row, homeType: row.homeType, bedrooms: row.bedrooms, bathrooms: row.bathrooms }, now);
        out.homes.push(home);
        audit.push({ entity: "Home", entityId: home.id, action: "create", after: home });
      }
    }
  }
  return { ...out, audit: await prepareAuditMany(audit) };
}

const PARCEL_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "parcelNumber", type: "text" },
  { name: "parcelNumberKey", type: "text" },
  { name: "streetAddress", type: "text" },
  { name: "city", type: "text" },
  { name: "state", type: "text" },
  { name: "postalCode", type: "text" },
  { name: "legalDescription", type: "text" },
  { name: "landArea", type: "text" },
  { name: "landAreaUnit", type: { enum: "AreaUnit" } },
  { name: "zoning", type: "text" },
  { name: "acquisitionDate", type: "text" },
  { name: "acquisitionPriceCents", type: "bigint" },
  { name: "acquisitionMethod", type: { enum: "AcquisitionMethod" } },
  { name: "assessedLandValueCents", type: "bigint" },
  { name: "status", type: { enum: "ParcelStatus" } },
  { name: "incomeLimitAreaCode", type: "text" },
  { name: "searchText", type: "text" },
  { name: "version", type: "integer" },
  { name: "createdAt", type: "timestamp" },
  { name: "updatedAt", type: "timestamp" },
];
const HOME_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "parcelId", type: "text" },
  { name: "label", type: "text" },
  { name: "homeType", type: { enum: "HomeType" } },
  { name: "bedrooms", type: "integer" },
  { name: "bathrooms", type: "text" },
  { name: "floorAreaSqft", type: "integer" },
  { name: "yearBuilt", type: "integer" },
  { name: "version", type: "integer" },
  { name: "createdAt", type: "timestamp" },
  { name: "updatedAt", type: "timestamp" },
];

/** The import's writes: a few set-based statements per table, in the caller's transaction. */
async function createImported(tx: Tx, actor: AuditActor, records: ImportRecords): Promise<void> {
  const cents = (value: number | bigint | null) => (value === null ? null : String(value));
  const stamp = records.parcels[0] ? bulkTimestamp(records.parcels[0].createdAt) : "";
  await insertRowsFromJson(
    tx,
    actor.organisationId,
    "Parcel",
    PARCEL_COLUMNS,
    records.parcels.map((p) => [
      p.id, p.parcelNumber, p.parcelNumberKey, p.streetAddress, p.city, p.state, p.postalCode, p.legalDescription, p.landArea, p.landAreaUnit, p.zoning,
      p.acquisitionDate, cents(p.acquisitionPriceCents), p.acquisitionMethod, cents(p.assessedLandValueCents), p.status, p.incomeLimitAreaCode, p.searchText,
      p.version, stamp, stamp,
    ]),
  );
  await insertRowsFromJson(
    tx,
    actor.organisationId,
    "Home",
    HOME_COLUMNS,
    records.homes.map((h) => [h.id, h.parcelId, h.label, h.homeType, h.bedrooms, h.bathrooms, h.floorAreaSqft, h.yearBuilt, h.version, stamp, stamp]),
  );
  await insertRowsFromJson(tx, actor.organisationId, "ParcelSearchToken", [{ name: "parcelId", type: "text" }, { name: "token", type: "text" }], records.tokens, 10_000);
  await writeAuditMany(tx, actor, records.audit);
}

export const PARCEL_EXPORT_HEADERS = [...Object.values(PARCEL_CSV_COLUMNS), "funding_total"] as const;

type ExportParcel = {
  parcelNumber: string;
  streetAddress: string;
  city: string;
  state: string;
  postalCode: string;
  legalDescription: string;
  landArea: string | null;
  landAreaUnit: string;
  zoning: string;
  acquisitionDate: string | null;
  acquisitionPriceCents: number | null;
  acquisitionMethod: string | null;
  assessedLandValueCents: number | null;
  status: string;
  incomeLimitAreaCode: string | null;
  homes: { homeType: string; label: string; bedrooms: number; bathrooms: string; floorAreaSqft: number | null; yearBuilt: number | null }[];
  fundingSources: { amountCents: number }[];
};

/**
 * The export's records for some parcels (an export streams them page by page): one row per home (a parcel
 * without homes gets one row), the same columns the importer reads.
 */
export function parcelCsvRows(parcels: readonly ExportParcel[]) {
  const money = (cents: number | null) => (cents === null ? "" : centsToString(cents));
  const rows = parcels.flatMap((parcel) => {
    const base = {
      parcel_number: parcel.parcelNumber,
      street_address: parcel.streetAddress,
      city: parcel.city,
      state: parcel.state,
      postal_code: parcel.postalCode,
      legal_description: parcel.legalDescription,
      land_area: parcel.landArea ?? "",
      land_area_unit: parcel.landAreaUnit,
      zoning: parcel.zoning,
      acquisition_date: parcel.acquisitionDate ?? "",
      acquisition_price: money(parcel.acquisitionPriceCents),
      acquisition_method: parcel.acquisitionMethod ?? "",
      assessed_land_value: money(parcel.assessedLandValueCents),
      status: parcel.status,
      hud_area: parcel.incomeLimitAreaCode ?? "",
      funding_total: centsToString(parcel.fundingSources.reduce((sum, f) => sum + f.amountCents, 0)),
    };
    if (parcel.homes.length === 0) return [base];
    return parcel.homes.map((home) => ({
      ...base,
      home_type: home.homeType,
      home_label: home.label,
      bedrooms: home.bedrooms,
      bathrooms: home.bathrooms,
      floor_area_sqft: home.floorAreaSqft ?? "",
      year_built: home.yearBuilt ?? "",
    }));
  });
  return rows;
}
