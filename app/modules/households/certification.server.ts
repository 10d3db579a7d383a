/**
 * Income certifications: a household's income verified at a date, measured against the HUD table of that
 * year and the organisation's area. The result (% AMI, verdict, the 100 % limit and how it was derived) is
 * stored with the certification and never recomputed: a later correction of the table does not rewrite
 * history.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { dollarsFromCents, eligibility, percentOfAmi } from "~/modules/income-limits/income-limits";
import {
  chooseIncomeLimitTable,
  derivationMethodOf,
  toIncomeLimitTable,
} from "~/modules/income-limits/income-limits.server";
import type { Db } from "~/utils/db.server";
import type { CertificationInput, IncomeItem } from "./schemas";

export type CertificationResult =
  | { ok: true; certificationId: string; percentAmi: string; eligible: boolean }
  | { ok: false; field: "certifiedOn" | "areaCode" | "householdSize"; message: string };

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

export async function createCertification(
  db: Db,
  actor: AuditActor,
  householdId: string,
  input: CertificationInput,
): Promise<CertificationResult> {
  return db.$transaction(async (tx) => {
    const household = await tx.household.findFirst({ where: { id: householdId, organisationId: actor.organisationId } });
    if (!household) throw new Response("Household not found", { status: 404 });
    if (household.archivedAt) return { ok: false as const, field: "certifiedOn" as const, message: "This household is archived; restore it before certifying its income." };
    const fiscalYear = Number(input.certifiedOn.slice(0, 4));
    const choice = await chooseIncomeLimitTable(tx, actor.organisationId, fiscalYear, input.areaCode || null);
    if (!choice.ok) return choice;
    const table = toIncomeLimitTable(choice.table);
    const method = derivationMethodOf(choice.table);
    const total = totalIncomeCents(input.incomeItems);
    let ami;
    try {
      ami = percentOfAmi(dollarsFromCents(total), table, input.householdSize, method);
    } catch (error) {
      // e.g. a table without a 50 % row under the multiple-of-50 method
      return { ok: false as const, field: "certifiedOn" as const, message: `The ${fiscalYear} table cannot give a 100% limit: ${(error as Error).message}` };
    }
    const verdict = eligibility(ami.percent, input.targetLevel);
    const created = await tx.incomeCertification.create({
      data: {
        organisationId: actor.organisationId,
        householdId,
        certifiedOn: input.certifiedOn,
        householdSize: input.householdSize,
        incomeItems: input.incomeItems,
        totalIncomeCents: total,
        incomeLimitTableId: choice.table.id,
        hundredPercentLimit: wholeDollars(ami.hundredPercentLimit),
        percentAmi: ami.percent,
        derivationMethod: method,
        targetLevel: input.targetLevel,
        eligible: verdict.eligible,
        createdById: actor.userId,
      },
    });
    await tx.household.update({ where: { id: householdId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      entity: "IncomeCertification",
      entityId: created.id,
      action: "create",
      after: { ...created, householdName: household.name, table: `FY${table.fiscalYear} ${table.areaName}` },
    });
    return { ok: true as const, certificationId: created.id, percentAmi: ami.percent, eligible: verdict.eligible };
  });
}
