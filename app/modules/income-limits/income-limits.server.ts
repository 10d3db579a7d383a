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
  chooseTableInEffect,
  DERIVATION_METHODS,
  isDerivationMethod,
  isTableOfArea,
  limitFor,
  PUBLISHED_LEVELS,
  type DerivationMethod,
  type HouseholdSizeLimits,
  type IncomeLimitTable,
  type PublishedLevel,
} from "./income-limits";
import { NotFoundError } from "~/utils/errors";

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
    effectiveFrom: row.effectiveFrom,
    derivationMethod: derivationMethodOf(row),
  };
}

export function derivationMethodOf(row: Pick<IncomeLimitTableRow, "derivationMethod">): DerivationMethod {
  return isDerivationMethod(row.derivationMethod) ? row.derivationMethod : "multiple-of-50";
}

export async function listIncomeLimitTables(db: Db, organisationId: string) {
  return db.incomeLimitTable.findMany({
    where: { organisationId },
    orderBy: [{ areaName: "asc" }, { effectiveFrom: "desc" }, { fiscalYear: "desc" }],
    select: {
      id: true,
      fiscalYear: true,
      effectiveFrom: true,
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

/** Distinct areas the organisation has tables for (code and name, the newest table's name), by name. */
export async function listAreas(db: Db | Tx, organisationId: string): Promise<{ areaCode: string; areaName: string }[]> {
  const rows = await db.incomeLimitTable.findMany({
    where: { organisationId },
    orderBy: [{ effectiveFrom: "desc" }, { fiscalYear: "desc" }],
    select: { areaCode: true, areaName: true },
  });
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(row.areaCode)) seen.set(row.areaCode, row.areaName);
  return [...seen.entries()].map(([areaCode, areaName]) => ({ areaCode, areaName })).sort((a, b) => a.areaName.localeCompare(b.areaName));
}

/**
 * The organisation's default HUD area (for a household with no home yet): its setting, else — while it has
 * tables of a single area only — that area. `null` when neither.
 */
export async function defaultAreaCode(db: Db | Tx, organisationId: string): Promise<string | null> {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { defaultIncomeLimitAreaCode: true } });
  if (organisation?.defaultIncomeLimitAreaCode) return organisation.defaultIncomeLimitAreaCode;
  const areas = await listAreas(db, organisationId);
  return areas.length === 1 ? areas[0]!.areaCode : null;
}

export type TableInEffect =
  | { ok: true; row: IncomeLimitTableRow; table: IncomeLimitTable }
  | {
      ok: false;
      /** "No income-limit table for Addison County, VT in effect on 2023-01-10 (tables on file: …)". */
      message: string;
      area: string;
      date: string;
      /** Every table the organisation has, so the caller can list them. */
      tables: { fiscalYear: number; areaCode: string; areaName: string; effectiveFrom: string }[];
    };

/** "FY2023 Addison County, VT (NCNTY50001N50001) from 2023-05-15; …" or "none". */
export function describeTables(tables: { fiscalYear: number; areaCode: string; areaName: string; effectiveFrom: string }[]): string {
  if (tables.length === 0) return "none";
  return tables.map((t) => `FY${t.fiscalYear} ${t.areaName} (${t.areaCode}) from ${t.effectiveFrom}`).join("; ");
}

/**
 * The organisation's income-limit table in effect for `area` (a HUD area code or name) on `date`
 * ("YYYY-MM-DD"): the newest table of that area whose effective date is on or before the date. Never another
 * area's table: when none is in effect, the result names the area and the date and lists the tables on file.
 */
export async function findIncomeLimitTableInEffect(db: Db | Tx, organisationId: string, area: string, date: string): Promise<TableInEffect> {
  const rows = await db.incomeLimitTable.findMany({
    where: { organisationId },
    orderBy: [{ areaName: "asc" }, { effectiveFrom: "desc" }, { fiscalYear: "desc" }],
  });
  const row = chooseTableInEffect(rows, area, date);
  if (row) return { ok: true, row, table: toIncomeLimitTable(row) };
  const tables = rows.map((r) => ({ fiscalYear: r.fiscalYear, areaCode: r.areaCode, areaName: r.areaName, effectiveFrom: r.effectiveFrom }));
  const named = rows.find((r) => isTableOfArea(r, area));
  const areaText = named ? `${named.areaName} (${named.areaCode})` : `“${area}”`;
  return {
    ok: false,
    area,
    date,
    tables,
    message:
      `No income-limit table for ${areaText} is in effect on ${date} (tables on file: ${describeTables(tables)}). ` +
      "An administrator can import HUD's table for that area and year under Settings → Income limits.",
  };
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
export type ImportOptions = { source?: string; effectiveFrom?: string };

export async function planIncomeLimitImport(db: Db, organisationId: string, text: string, options: ImportOptions = {}): Promise<ImportPlan> {
  const parsed = parseIncomeLimitImport(text, {
    ...(options.source ? { source: options.source } : {}),
    ...(options.effectiveFrom ? { effectiveFrom: options.effectiveFrom } : {}),
  });
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
export async function commitIncomeLimitImport(db: Db, actor: AuditActor, text: string, options: ImportOptions = {}): Promise<ImportResult> {
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
        effectiveFrom: table.effectiveFrom,
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
      effectiveFrom: table.effectiveFrom,
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
    if (!before) throw new NotFoundError("Income-limit table not found");
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
    const after = await tx.incomeLimitTable.findUniqueOrThrow({ where: { id: tableId, organisationId: actor.organisationId } });
    await recordAudit(tx, actor, { entity: "IncomeLimitTable", entityId: tableId, action: "update", before, after });
    return { ok: true };
  });
}

/** Chooses how the levels HUD does not publish are derived for this table (versioned, audited). */
export async function setDerivationMethod(db: Db, actor: AuditActor, tableId: string, method: DerivationMethod, version: number) {
  await db.$transaction(async (tx) => {
    const before = await tx.incomeLimitTable.findFirst({ where: { id: tableId, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Income-limit table not found");
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

/** Changes the date a table takes effect (versioned, audited). Certifications already made keep their table. */
export async function setEffectiveFrom(db: Db, actor: AuditActor, tableId: string, effectiveFrom: string, version: number) {
  await db.$transaction(async (tx) => {
    const before = await tx.incomeLimitTable.findFirst({ where: { id: tableId, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Income-limit table not found");
    assertUpdated(
      await tx.incomeLimitTable.updateMany({
        where: { id: tableId, organisationId: actor.organisationId, version },
        data: { effectiveFrom, version: { increment: 1 } },
      }),
    );
    await recordAudit(tx, actor, {
      entity: "IncomeLimitTable",
      entityId: tableId,
      action: "update",
      before: { effectiveFrom: before.effectiveFrom },
      after: { effectiveFrom },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Eligibility settings: the trust's default HUD area and how long a certification stays valid
// ---------------------------------------------------------------------------------------------

export type EligibilitySettings = { defaultAreaCode: string | null; certificationValidityMonths: number };

export async function getEligibilitySettings(db: Db | Tx, organisationId: string): Promise<EligibilitySettings> {
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { defaultIncomeLimitAreaCode: true, certificationValidityMonths: true },
  });
  return { defaultAreaCode: organisation.defaultIncomeLimitAreaCode, certificationValidityMonths: organisation.certificationValidityMonths };
}

export type EligibilitySettingsResult = { ok: true } | { ok: false; field: "defaultAreaCode"; message: string };

/** Saves the default area (one of the trust's areas, or none) and the validity period, audited. */
export async function updateEligibilitySettings(db: Db, actor: AuditActor, input: EligibilitySettings): Promise<EligibilitySettingsResult> {
  return db.$transaction(async (tx) => {
    if (input.defaultAreaCode) {
      const areas = await listAreas(tx, actor.organisationId);
      if (!areas.some((a) => a.areaCode === input.defaultAreaCode)) {
        return { ok: false as const, field: "defaultAreaCode" as const, message: "Choose one of the areas of the trust's income-limit tables" };
      }
    }
    const before = await getEligibilitySettings(tx, actor.organisationId);
    await tx.organisation.update({
      where: { id: actor.organisationId },
      data: { defaultIncomeLimitAreaCode: input.defaultAreaCode, certificationValidityMonths: input.certificationValidityMonths },
    });
    await recordAudit(tx, actor, { entity: "Organisation", entityId: actor.organisationId, action: "update", before, after: input });
    return { ok: true as const };
  });
}
