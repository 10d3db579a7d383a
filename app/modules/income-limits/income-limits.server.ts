/**
 * Income-limit tables: data access. Tables are stored as HUD publishes them (whole dollars); the stored
 * `limits` JSON is `{ "30": [8 limits], "50": [...], "80": [...] }` (a level may be missing). Everything is
 * scoped by organisation; every write is audited in the same transaction.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { assertUpdated } from "~/utils/concurrency.server";
import type { Db, Tx } from "~/utils/db.server";
import { checkTableConsistency, exampleHudCsv, parseIncomeLimitImport, type HudImportIssue } from "./hud-import";

/** The import screen's example (kept server-side: hud-import pulls in the CSV parser). */
export const exampleImportCsv = exampleHudCsv;
import {
  DERIVATION_METHODS,
  isDerivationMethod,
  limitFor,
  PUBLISHED_LEVELS,
  type DerivationMethod,
  type HouseholdSizeLimits,
  type IncomeLimitTable,
  type PublishedLevel,
} from "./income-limits";

export type IncomeLimitTableRow = Awaited<ReturnType<Db["incomeLimitTable"]["findFirstOrThrow"]>>;

/** The stored JSON `limits` → the pure module's rows (levels in ascending order). */
export function limitsFromJson(json: unknown): IncomeLimitTable["limits"] {
  const record = (json ?? {}) as Record<string, unknown>;
  return PUBLISHED_LEVELS.flatMap((level) => {
    const values = record[String(level)];
    if (!Array.isArray(values) || values.length !== 8 || !values.every((v) => Number.isSafeInteger(v))) return [];
    return [{ level, byHouseholdSize: values as unknown as HouseholdSizeLimits }];
  });
}

export function limitsToJson(limits: IncomeLimitTable["limits"]): Record<string, number[]> {
  return Object.fromEntries(limits.map((row) => [String(row.level), [...row.byHouseholdSize]]));
}

/** A stored row as the pure module's table. */
export function toIncomeLimitTable(row: IncomeLimitTableRow): IncomeLimitTable {
  return {
    fiscalYear: row.fiscalYear,
    areaCode: row.areaCode,
    areaName: row.areaName,
    medianFamilyIncome: row.medianFamilyIncome,
    limits: limitsFromJson(row.limits),
    source: row.source,
  };
}

export function derivationMethodOf(row: Pick<IncomeLimitTableRow, "derivationMethod">): DerivationMethod {
  return isDerivationMethod(row.derivationMethod) ? row.derivationMethod : "multiple-of-50";
}

export async function listIncomeLimitTables(db: Db, organisationId: string) {
  return db.incomeLimitTable.findMany({
    where: { organisationId },
    orderBy: [{ fiscalYear: "desc" }, { areaName: "asc" }],
    select: {
      id: true,
      fiscalYear: true,
      areaCode: true,
      areaName: true,
      medianFamilyIncome: true,
      source: true,
      derivationMethod: true,
      updatedAt: true,
      _count: { select: { certifications: true } },
    },
  });
}

export async function getIncomeLimitTable(db: Db, organisationId: string, id: string) {
  return db.incomeLimitTable.findFirst({ where: { id, organisationId } });
}

/** Distinct areas the organisation has tables for, newest use first is not tracked: alphabetical. */
export async function listAreas(db: Db, organisationId: string): Promise<{ areaCode: string; areaName: string }[]> {
  const rows = await db.incomeLimitTable.findMany({
    where: { organisationId },
    orderBy: [{ fiscalYear: "desc" }],
    select: { areaCode: true, areaName: true },
  });
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(row.areaCode)) seen.set(row.areaCode, row.areaName);
  return [...seen.entries()].map(([areaCode, areaName]) => ({ areaCode, areaName })).sort((a, b) => a.areaName.localeCompare(b.areaName));
}

/**
 * The organisation's default area: the area of the most recently used table (last certification), else
 * of the most recently imported or changed table. Kept simple on purpose: no setting to maintain.
 */
export async function defaultAreaCode(db: Db | Tx, organisationId: string): Promise<string | null> {
  const lastCertification = await db.incomeCertification.findFirst({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { incomeLimitTable: { select: { areaCode: true } } },
  });
  if (lastCertification) return lastCertification.incomeLimitTable.areaCode;
  const lastTable = await db.incomeLimitTable.findFirst({
    where: { organisationId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { areaCode: true },
  });
  return lastTable?.areaCode ?? null;
}

export type TableChoice =
  | { ok: true; table: IncomeLimitTableRow }
  | { ok: false; field: "certifiedOn" | "areaCode"; message: string };

/**
 * The table for a certification: the given fiscal year, in the chosen area; without a choice, the only
 * table of that year, or the organisation's default area's.
 */
export async function chooseIncomeLimitTable(
  db: Db | Tx,
  organisationId: string,
  fiscalYear: number,
  areaCode?: string | null,
): Promise<TableChoice> {
  const tables = await db.incomeLimitTable.findMany({ where: { organisationId, fiscalYear }, orderBy: { areaName: "asc" } });
  const noTable = `No income-limit table for ${fiscalYear} — an administrator can import one under Settings → Income limits`;
  if (tables.length === 0) return { ok: false, field: "certifiedOn", message: noTable };
  if (areaCode) {
    const table = tables.find((t) => t.areaCode === areaCode);
    if (table) return { ok: true, table };
    return {
      ok: false,
      field: "areaCode",
      message: `No income-limit table for ${fiscalYear} in this area (${fiscalYear} has: ${tables.map((t) => t.areaName).join(", ")}) — an administrator can import one under Settings → Income limits`,
    };
  }
  if (tables.length === 1) return { ok: true, table: tables[0]! };
  const preferred = await defaultAreaCode(db, organisationId);
  const table = tables.find((t) => t.areaCode === preferred);
  if (table) return { ok: true, table };
  return { ok: false, field: "areaCode", message: `There are several tables for ${fiscalYear}: choose the area` };
}

// ---------------------------------------------------------------------------------------------
// The admin view: published rows and derived levels
// ---------------------------------------------------------------------------------------------

export const DERIVED_LEVELS = [60, 100, 120] as const;

export type TableView = {
  published: { level: PublishedLevel; byHouseholdSize: number[] }[];
  derived: { level: number; byHouseholdSize: string[]; method: DerivationMethod; methodLabel: string }[];
};

/** The table as shown to administrators: published rows as stored, derived levels with the table's method. */
export function tableView(row: IncomeLimitTableRow, method: DerivationMethod = derivationMethodOf(row)): TableView {
  const table = toIncomeLimitTable(row);
  const hasFifty = table.limits.some((l) => l.level === 50);
  return {
    published: table.limits.map((l) => ({ level: l.level, byHouseholdSize: [...l.byHouseholdSize] })),
    derived:
      method === "multiple-of-50" && !hasFifty
        ? []
        : DERIVED_LEVELS.map((level) => ({
            level,
            byHouseholdSize: [1, 2, 3, 4, 5, 6, 7, 8].map((size) => limitFor(table, level, size, method).amount),
            method,
            methodLabel: DERIVATION_METHODS[method].label,
          })),
  };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export type ImportPlan = {
  tables: (IncomeLimitTable & { action: "create" | "replace" })[];
  errors: HudImportIssue[];
  warnings: HudImportIssue[];
};

/** Dry run: what an import would do, with every problem and its row and column. Changes nothing. */
export async function planIncomeLimitImport(db: Db, organisationId: string, text: string, options: { source?: string } = {}): Promise<ImportPlan> {
  const parsed = parseIncomeLimitImport(text, options.source ? { source: options.source } : {});
  const existing = await db.incomeLimitTable.findMany({ where: { organisationId }, select: { fiscalYear: true, areaCode: true } });
  const keys = new Set(existing.map((t) => `${t.fiscalYear}|${t.areaCode}`));
  if (parsed.errors.length === 0 && parsed.tables.length === 0) {
    parsed.errors.push({ row: 0, column: "", message: "the file has no tables" });
  }
  return {
    tables: parsed.tables.map((t) => ({ ...t, action: keys.has(`${t.fiscalYear}|${t.areaCode}`) ? "replace" : "create" })),
    errors: parsed.errors,
    warnings: parsed.warnings,
  };
}

export type ImportResult = { ok: true; created: number; replaced: number } | { ok: false; plan: ImportPlan };

/**
 * Commits an import all-or-nothing: any error and nothing is written. A table for a year and area that
 * already exists is replaced in place (version + 1, audited), keeping its derivation method and the
 * certifications made against it (they store the 100 % limit they used).
 */
export async function commitIncomeLimitImport(db: Db, actor: AuditActor, text: string, options: { source?: string } = {}): Promise<ImportResult> {
  const plan = await planIncomeLimitImport(db, actor.organisationId, text, options);
  if (plan.errors.length > 0) return { ok: false, plan };
  return db.$transaction(async (tx) => {
    let created = 0;
    let replaced = 0;
    for (const table of plan.tables) {
      const data = {
        areaName: table.areaName,
        medianFamilyIncome: table.medianFamilyIncome,
        limits: limitsToJson(table.limits),
        source: table.source,
      };
      const before = await tx.incomeLimitTable.findUnique({
        where: { organisationId_fiscalYear_areaCode: { organisationId: actor.organisationId, fiscalYear: table.fiscalYear, areaCode: table.areaCode } },
      });
      if (before) {
        const after = await tx.incomeLimitTable.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } });
        await recordAudit(tx, actor, { entity: "IncomeLimitTable", entityId: before.id, action: "update", before, after });
        replaced += 1;
      } else {
        const after = await tx.incomeLimitTable.create({
          data: { ...data, organisationId: actor.organisationId, fiscalYear: table.fiscalYear, areaCode: table.areaCode },
        });
        await recordAudit(tx, actor, { entity: "IncomeLimitTable", entityId: after.id, action: "create", after });
        created += 1;
      }
    }
    return { ok: true as const, created, replaced };
  });
}

/** Stores a table from the pure module (seeding, factories). */
export async function insertIncomeLimitTable(
  db: Db | Tx,
  actor: AuditActor,
  table: IncomeLimitTable,
  derivationMethod: DerivationMethod = "multiple-of-50",
) {
  const created = await db.incomeLimitTable.create({
    data: {
      organisationId: actor.organisationId,
      fiscalYear: table.fiscalYear,
      areaCode: table.areaCode,
      areaName: table.areaName,
      medianFamilyIncome: table.medianFamilyIncome,
      limits: limitsToJson(table.limits),
      source: table.source,
      derivationMethod,
    },
  });
  await recordAudit(db, actor, { entity: "IncomeLimitTable", entityId: created.id, action: "create", after: created });
  return created;
}

// ---------------------------------------------------------------------------------------------
// Corrections
// ---------------------------------------------------------------------------------------------

export type CorrectionInput = { level: PublishedLevel | "median"; householdSize?: number; value: number; version: number };
export type CorrectionResult = { ok: true } | { ok: false; field: "value" | "level" | "householdSize"; message: string };

/** Corrects one published figure (or the median). Refuses a value that makes the table inconsistent. */
export async function correctIncomeLimitValue(db: Db, actor: AuditActor, tableId: string, input: CorrectionInput): Promise<CorrectionResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.incomeLimitTable.findFirst({ where: { id: tableId, organisationId: actor.organisationId } });
    if (!before) throw new Response("Income-limit table not found", { status: 404 });
    const table = toIncomeLimitTable(before);
    let limits = table.limits;
    let median = table.medianFamilyIncome;
    if (input.level === "median") {
      median = input.value;
    } else {
      const size = input.householdSize;
      if (!size || size < 1 || size > 8) return { ok: false, field: "householdSize", message: "Choose a household size from 1 to 8" };
      const existing = limits.find((l) => l.level === input.level);
      const row = existing ? [...existing.byHouseholdSize] : null;
      if (!row) {
        return { ok: false, field: "level", message: `This table has no published ${input.level}% row; import the table again to add one` };
      }
      row[size - 1] = input.value;
      limits = limits.map((l) => (l.level === input.level ? { level: l.level, byHouseholdSize: row as unknown as HouseholdSizeLimits } : l));
    }
    const check = checkTableConsistency({ medianFamilyIncome: median, limits }, (level, size) =>
      level === "median" ? "median" : `${level}% × ${size}`,
    );
    if (check.errors.length > 0) return { ok: false, field: "value", message: check.errors.map((e) => e.message).join("; ") };
    assertUpdated(
      await tx.incomeLimitTable.updateMany({
        where: { id: tableId, organisationId: actor.organisationId, version: input.version },
        data: { medianFamilyIncome: median, limits: limitsToJson(limits), version: { increment: 1 } },
      }),
    );
    const after = await tx.incomeLimitTable.findUniqueOrThrow({ where: { id: tableId } });
    await recordAudit(tx, actor, { entity: "IncomeLimitTable", entityId: tableId, action: "update", before, after });
    return { ok: true };
  });
}

/** Chooses how the levels HUD does not publish are derived for this table (versioned, audited). */
export async function setDerivationMethod(db: Db, actor: AuditActor, tableId: string, method: DerivationMethod, version: number) {
  await db.$transaction(async (tx) => {
    const before = await tx.incomeLimitTable.findFirst({ where: { id: tableId, organisationId: actor.organisationId } });
    if (!before) throw new Response("Income-limit table not found", { status: 404 });
    assertUpdated(
      await tx.incomeLimitTable.updateMany({
        where: { id: tableId, organisationId: actor.organisationId, version },
        data: { derivationMethod: method, version: { increment: 1 } },
      }),
    );
    await recordAudit(tx, actor, {
      entity: "IncomeLimitTable",
      entityId: tableId,
      action: "update",
      before: { derivationMethod: before.derivationMethod },
      after: { derivationMethod: method },
    });
  });
}
