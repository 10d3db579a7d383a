/**
 * Income certifications: a household's income verified at a date, measured against the newest HUD table
 * of the household's area in effect on that date. The area is the HUD area of the home the household is
 * buying (chosen on the form) or owns, else the trust's default area; never another area's table.
 * Eligibility at 30/50/80 % compares income with HUD's published limit for the household size; other
 * levels use the table's derivation method. The verdict, the limit it used and its source, and the % AMI
 * (a reporting figure) are stored with the certification and never recomputed: a later correction of the
 * table does not rewrite history.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { dollarsFromCents, eligibilityAtLevel, percentOfAmi } from "~/modules/income-limits/income-limits";
import {
  defaultAreaCode,
  derivationMethodOf,
  findIncomeLimitTableInEffect,
} from "~/modules/income-limits/income-limits.server";
import type { Db, Tx } from "~/utils/db.server";
import type { CertificationInput, IncomeItem } from "./schemas";
import { NotFoundError } from "~/utils/errors";

export type CertificationResult =
  | { ok: true; certificationId: string; percentAmi: string; eligible: boolean; verdict: string }
  | { ok: false; field: "certifiedOn" | "homeId" | "householdSize"; message: string };

export function totalIncomeCents(items: readonly IncomeItem[]): number {
  return items.reduce((sum, item) => sum + item.annualAmountCents, 0);
}

/** Whole dollars from the module's "86400.00"; a 100 % limit for a whole household size is whole dollars. */
function wholeDollars(amount: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`Unexpected limit amount ${amount}`);
  // Limits are whole dollars for whole household sizes; round a stray cent up, never down (conservative).
  return Number(match[1]) + (match[2] === "00" ? 0 : 1);
}

export type CertificationArea =
  | { ok: true; areaCode: string; why: string }
  | { ok: false; field: "homeId" | "certifiedOn"; message: string };

/**
 * The HUD area a household's certification is measured in: the area of the home it is buying (`homeId`),
 * else of the home it owns now, else the trust's default area. A home whose parcel has no area yet counts
 * as being in the trust's default area.
 */
export async function certificationArea(
  db: Db | Tx,
  organisationId: string,
  householdId: string,
  buyingHomeId?: string | null,
): Promise<CertificationArea> {
  let home: { label: string; parcel: { streetAddress: string; incomeLimitAreaCode: string | null } } | null = null;
  if (buyingHomeId) {
    home = await db.home.findFirst({
      where: { id: buyingHomeId, organisationId, archivedAt: null },
      select: { label: true, parcel: { select: { streetAddress: true, incomeLimitAreaCode: true } } },
    });
    if (!home) return { ok: false, field: "homeId", message: "Choose one of the trust's homes" };
  } else {
    const owned = await db.ownership.findFirst({
      where: { organisationId, householdId, saleDate: null },
      orderBy: [{ purchaseDate: "desc" }, { id: "desc" }],
      select: { home: { select: { label: true, parcel: { select: { streetAddress: true, incomeLimitAreaCode: true } } } } },
    });
    home = owned?.home ?? null;
  }
  const address = home ? home.parcel.streetAddress + (home.label ? `, ${home.label}` : "") : "";
  if (home?.parcel.incomeLimitAreaCode) {
    return { ok: true, areaCode: home.parcel.incomeLimitAreaCode, why: `the HUD area of ${address}` };
  }
  const fallback = await defaultAreaCode(db, organisationId);
  if (fallback) return { ok: true, areaCode: fallback, why: home ? `the trust's default area (${address} has no HUD area set)` : "the trust's default area" };
  return {
    ok: false,
    field: buyingHomeId ? "homeId" : "certifiedOn",
    message:
      "No HUD area to measure this income against: set the HUD area of the household's home (on its parcel) or the trust's default area under Settings → Eligibility.",
  };
}

export async function createCertification(
  db: Db,
  actor: AuditActor,
  householdId: string,
  input: CertificationInput,
): Promise<CertificationResult> {
  return db.$transaction(async (tx) => {
    const household = await tx.household.findFirst({ where: { id: householdId, organisationId: actor.organisationId } });
    if (!household) throw new NotFoundError("Household not found");
    if (household.archivedAt) return { ok: false as const, field: "certifiedOn" as const, message: "This household is archived; restore it before certifying its income." };
    const area = await certificationArea(tx, actor.organisationId, householdId, input.homeId || null);
    if (!area.ok) return area;
    const inEffect = await findIncomeLimitTableInEffect(tx, actor.organisationId, area.areaCode, input.certifiedOn);
    if (!inEffect.ok) return { ok: false as const, field: "certifiedOn" as const, message: inEffect.message };
    const { row, table } = inEffect;
    const method = derivationMethodOf(row);
    const total = totalIncomeCents(input.incomeItems);
    let ami;
    let verdict;
    try {
      ami = percentOfAmi(dollarsFromCents(total), table, input.householdSize, method);
      verdict = eligibilityAtLevel(dollarsFromCents(total), table, input.targetLevel, input.householdSize);
    } catch (error) {
      // e.g. a table without a 50 % row under the multiple-of-50 method, or without the target level's row
      return {
        ok: false as const,
        field: "certifiedOn" as const,
        message: `The FY${table.fiscalYear} table for ${table.areaName} cannot give this limit: ${(error as Error).message}`,
      };
    }
    const created = await tx.incomeCertification.create({
      data: {
        organisationId: actor.organisationId,
        householdId,
        certifiedOn: input.certifiedOn,
        householdSize: input.householdSize,
        incomeItems: input.incomeItems,
        totalIncomeCents: total,
        incomeLimitTableId: row.id,
        hundredPercentLimit: wholeDollars(ami.hundredPercentLimit),
        percentAmi: ami.percent,
        derivationMethod: method,
        targetLevel: input.targetLevel,
        eligible: verdict.eligible,
        targetLimitCents: BigInt(verdict.limitCents),
        targetLimitSource: verdict.source,
        eligibilityVerdict: verdict.verdict,
        createdById: actor.userId,
      },
    });
    await tx.household.update({ where: { id: householdId, organisationId: actor.organisationId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      entity: "IncomeCertification",
      entityId: created.id,
      action: "create",
      after: {
        ...created,
        targetLimitCents: verdict.limitCents,
        householdName: household.name,
        table: `FY${table.fiscalYear} ${table.areaName} (from ${table.effectiveFrom})`,
        area: area.why,
      },
    });
    return { ok: true as const, certificationId: created.id, percentAmi: ami.percent, eligible: verdict.eligible, verdict: verdict.verdict };
  });
}
