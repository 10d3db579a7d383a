import { defaultAreaCode, toIncomeLimitTable } from "~/modules/income-limits/income-limits.server";
import type { IncomeLimitTable } from "~/modules/income-limits/income-limits";
import { db as defaultDb, type Db } from "~/utils/db.server";
import type { IncomeLimitTableInput } from "./ami-level";

/**
 * The organisation's stored income-limit tables in the resale contract's shape (`incomeLimitTables`,
 * docs/resale-contract.md), so that an income named by an AMI level is resolved at the valuation date from
 * the table then in effect. The calculator, saved calculations, the API and `clt resale --organisation` add
 * them to a request that names an AMI level and brings none of its own.
 */

/** One table as the contract carries it (whole dollars as decimal strings). */
export function contractIncomeLimitTable(table: IncomeLimitTable): IncomeLimitTableInput {
  const row = (level: 30 | 50 | 80) => table.limits.find((limit) => limit.level === level)?.byHouseholdSize.map(String);
  const thirty = row(30);
  return {
    areaCode: table.areaCode,
    areaName: table.areaName,
    fiscalYear: table.fiscalYear,
    effectiveFrom: table.effectiveFrom,
    medianFamilyIncome: String(table.medianFamilyIncome),
    derivationMethod: table.derivationMethod ?? "multiple-of-50",
    limits: { ...(thirty ? { "30": thirty } : {}), "50": row(50) ?? [], "80": row(80) ?? [] },
    ...(table.source ? { source: table.source } : {}),
  };
}

/** Every table of the organisation (all areas, all years), oldest first within an area. */
export async function incomeLimitTablesForContract(db: Db, organisationId: string): Promise<IncomeLimitTableInput[]> {
  const rows = await db.incomeLimitTable.findMany({ where: { organisationId }, orderBy: [{ areaCode: "asc" }, { effectiveFrom: "asc" }, { fiscalYear: "asc" }] });
  return rows.map((row) => contractIncomeLimitTable(toIncomeLimitTable(row)));
}

/** For `clt resale --organisation <slug>`: the organisation's tables, or null when no organisation has the slug. */
export async function storedTablesForSlug(slug: string): Promise<IncomeLimitTableInput[] | null> {
  const organisation = await defaultDb().organisation.findUnique({ where: { slug }, select: { id: true } });
  return organisation ? incomeLimitTablesForContract(defaultDb(), organisation.id) : null;
}

/** The HUD area a home's prices are resolved in: its parcel's area, else the organisation's default area. */
export async function homeIncomeLimitArea(db: Db, organisationId: string, parcelId: string): Promise<string | null> {
  const parcel = await db.parcel.findFirst({ where: { id: parcelId, organisationId }, select: { incomeLimitAreaCode: true } });
  return parcel?.incomeLimitAreaCode ?? (await defaultAreaCode(db, organisationId));
}
