/**
 * Saved resale calculations and the data the calculator reads: the home with its current owner's purchase
 * and the organisation's latest income-limit table (its formula presets: `presetsForCalculator` in
 * ~/modules/formula-presets, which builds on this module, never the other way round). Every query is scoped by the
 * organisation here, never trusted from the form. A saved calculation is a frozen snapshot (request, result,
 * who, when): it is created once, audited, and never updated.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { derivationMethodOf, defaultAreaCode, toIncomeLimitTable } from "~/modules/income-limits/income-limits.server";
import { homeLabel } from "~/modules/parcels/parcels.server";
import type { Db } from "~/utils/db.server";
import { MAX_AMOUNT_TEXT, MAX_CENTS } from "~/utils/form-fields";
import { centsToString, stringToCents } from "~/utils/money";
import { parseResaleRequest, type ResaleRequest, type ResaleResult } from "./contract";
import type { CalculatorContext } from "./calculator-fields";
import { NotFoundError } from "~/utils/errors";

export class CalculationTooLargeError extends Error {
  constructor() {
    super(`This price is too large to save (at most ${MAX_AMOUNT_TEXT})`);
  }
}

/** The home for the calculator: its label and its current owner's purchase (null when nobody owns it now). */
export async function getHomeForResale(db: Db, organisationId: string, homeId: string) {
  const home = await db.home.findFirst({
    where: { id: homeId, organisationId },
    select: {
      id: true,
      label: true,
      bedrooms: true,
      archivedAt: true,
      parcel: { select: { id: true, parcelNumber: true, streetAddress: true, city: true } },
      ownerships: {
        where: { saleDate: null },
        orderBy: [{ purchaseDate: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: {
          id: true,
          purchaseDate: true,
          purchasePriceCents: true,
          mortgageAmountCents: true,
          mortgageRate: true,
          mortgageTermYears: true,
          household: { select: { id: true, name: true } },
        },
      },
      // the lease binding the home (executed, recorded or active): its formula is the one the calculator starts from
      leases: { where: { bindingHomeId: { not: null } }, orderBy: { createdAt: "desc" }, take: 1, select: { formulaPresetName: true } },
    },
  });
  if (!home) return null;
  const ownership = home.ownerships[0] ?? null;
  return {
    id: home.id,
    label: homeLabel(home),
    parcelId: home.parcel.id,
    bedrooms: home.bedrooms,
    archived: home.archivedAt !== null,
    currentOwnership: ownership
      ? {
          id: ownership.id,
          household: ownership.household,
          purchaseDate: ownership.purchaseDate,
          purchasePrice: centsToString(ownership.purchasePriceCents),
          mortgage:
            ownership.mortgageAmountCents === null
              ? null
              : {
                  amountCents: Number(ownership.mortgageAmountCents),
                  ratePercent: ownership.mortgageRate,
                  termYears: ownership.mortgageTermYears,
                  purchaseDate: ownership.purchaseDate,
                },
        }
      : null,
    leaseFormulaPresetName: home.leases[0]?.formulaPresetName ?? null,
  };
}

/**
 * The income-limit table for outcome measures: the newest table of the organisation's own area (the area
 * its households were last certified in), else its newest table of any area; as the pure module's table
 * with its derivation method.
 */
export async function latestIncomeLimits(db: Db, organisationId: string): Promise<(NonNullable<CalculatorContext["incomeLimits"]> & { label: string }) | null> {
  // the organisation's own area (where its households are certified) first; its newest table
  const preferred = await defaultAreaCode(db, organisationId);
  const newest = { orderBy: [{ fiscalYear: "desc" as const }, { updatedAt: "desc" as const }] };
  const row =
    (preferred ? await db.incomeLimitTable.findFirst({ where: { organisationId, areaCode: preferred }, ...newest }) : null) ??
    (await db.incomeLimitTable.findFirst({ where: { organisationId }, ...newest }));
  if (!row) return null;
  return { table: toIncomeLimitTable(row), method: derivationMethodOf(row), label: `${row.areaName}, FY${row.fiscalYear}` };
}

export type SaveCalculationInput = {
  homeId: string;
  presetName: string;
  request: ResaleRequest;
  result: ResaleResult;
};

/** Saves the calculation exactly as given (request with defaults applied, result), audited. 404 for another organisation's home. */
export async function saveResaleCalculation(db: Db, actor: AuditActor, input: SaveCalculationInput): Promise<{ id: string }> {
  let cents: number;
  try {
    cents = stringToCents(input.result.maxResalePrice);
  } catch {
    throw new CalculationTooLargeError();
  }
  if (cents > MAX_CENTS) throw new CalculationTooLargeError();
  return db.$transaction(async (tx) => {
    const home = await tx.home.findFirst({
      where: { id: input.homeId, organisationId: actor.organisationId },
      select: { id: true, ownerships: { where: { saleDate: null }, orderBy: [{ purchaseDate: "desc" }, { createdAt: "desc" }], take: 1, select: { id: true } } },
    });
    if (!home) throw new NotFoundError("Home not found");
    const calculation = await tx.resaleCalculation.create({
      data: {
        organisationId: actor.organisationId,
        homeId: home.id,
        ownershipId: home.ownerships[0]?.id ?? null,
        presetName: input.presetName,
        valuationDate: input.request.valuationDate,
        request: input.request,
        result: input.result,
        maxResalePriceCents: cents,
        boundBy: input.result.boundBy,
        createdById: actor.userId,
        createdByLabel: actor.label,
      },
    });
    await recordAudit(tx, actor, {
      entity: "ResaleCalculation",
      entityId: calculation.id,
      action: "create",
      after: {
        homeId: home.id,
        presetName: input.presetName,
        valuationDate: input.request.valuationDate,
        maxResalePrice: input.result.maxResalePrice,
        boundBy: input.result.boundBy,
      },
    });
    return { id: calculation.id };
  });
}

/** A saved calculation as it was saved, with its home; null when not in this organisation. */
export async function getResaleCalculation(db: Db, organisationId: string, calculationId: string) {
  const calculation = await db.resaleCalculation.findFirst({
    where: { id: calculationId, organisationId },
    include: { home: { select: { id: true, label: true, parcel: { select: { parcelNumber: true, streetAddress: true } } } } },
  });
  if (!calculation) return null;
  // Stored by saveResaleCalculation from a validated request: read back through the contract for its types.
  const parsed = parseResaleRequest(calculation.request);
  return {
    id: calculation.id,
    homeId: calculation.homeId,
    homeLabel: homeLabel(calculation.home),
    presetName: calculation.presetName,
    valuationDate: calculation.valuationDate,
    request: parsed.ok ? parsed.request : (calculation.request as unknown as ResaleRequest),
    result: calculation.result as unknown as ResaleResult,
    createdByLabel: calculation.createdByLabel,
    createdAt: calculation.createdAt,
  };
}

/** The latest saved calculations of the organisation, or of one home. */
export async function listResaleCalculations(db: Db, organisationId: string, options: { homeId?: string; take?: number } = {}) {
  const calculations = await db.resaleCalculation.findMany({
    where: { organisationId, ...(options.homeId ? { homeId: options.homeId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 20,
    select: {
      id: true,
      presetName: true,
      valuationDate: true,
      maxResalePriceCents: true,
      boundBy: true,
      createdByLabel: true,
      createdAt: true,
      home: { select: { id: true, label: true, parcel: { select: { parcelNumber: true, streetAddress: true } } } },
    },
  });
  return calculations.map((c) => ({
    id: c.id,
    homeId: c.home.id,
    homeLabel: homeLabel(c.home),
    presetName: c.presetName,
    valuationDate: c.valuationDate,
    maxResalePrice: centsToString(c.maxResalePriceCents),
    boundBy: c.boundBy,
    createdByLabel: c.createdByLabel,
    createdAt: c.createdAt.toISOString(),
  }));
}
