import { systemActor } from "~/modules/audit/audit.server";
import { listFormulaPresets } from "~/modules/formula-presets/formula-presets.server";
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { saveResaleCalculation } from "~/modules/resale/calculations.server";
import { parseResaleRequest, type ResaleRequest, type ResaleRequestInput } from "~/modules/resale/contract";
import { calculateResale } from "~/modules/resale/engine";
import type { Db } from "~/utils/db.server";
import { centsToString, Decimal, toMoneyString } from "~/utils/money";

/** Resale calculation factories shared by the tests and the demo seed (app/modules/demo/demo-portfolio.ts). */

/** The rule used when an organisation has no formula presets: 1.5 % simple a year, never above market value. */
export const INLINE_RESALE_SPEC: FormulaPresetSpec = {
  formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple", elapsed: "full-months" },
  caps: [{ type: "market-value" }],
  floor: null,
  rounding: { mode: "nearest", increment: "0.01" },
};

/** A valid request (defaults applied): $180,000 bought 2015-06-01, valued 2025-06-01 at $400,000 market value. */
export function buildResaleRequest(overrides: Partial<ResaleRequestInput> = {}): ResaleRequest {
  const parsed = parseResaleRequest({
    ...INLINE_RESALE_SPEC,
    purchase: { price: "180000.00", date: "2015-06-01" },
    valuationDate: "2025-06-01",
    appraisals: { current: "400000.00" },
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`buildResaleRequest: ${JSON.stringify(parsed.errors)}`);
  return parsed.request;
}

export async function createSavedCalculation(
  db: Db,
  organisationId: string,
  options: { homeId: string; request?: ResaleRequest; presetName?: string; createdByLabel?: string },
) {
  const request = options.request ?? buildResaleRequest();
  const { id } = await saveResaleCalculation(db, systemActor(organisationId, options.createdByLabel ?? "Test factory"), {
    homeId: options.homeId,
    presetName: options.presetName ?? "",
    request,
    result: calculateResale(request),
  });
  return db.resaleCalculation.findUniqueOrThrow({ where: { id } });
}

/**
 * A couple of saved calculations on demo homes that have a current owner, under the organisation's first
 * formula preset (or INLINE_RESALE_SPEC when there is none). Call after parcels, households and presets exist;
 * without owned homes it does nothing.
 */
export async function seedDemoCalculations(db: Db, organisationId: string, count = 2) {
  const ownerships = await db.ownership.findMany({
    where: { organisationId, saleDate: null, purchasePriceCents: { gt: 0 }, home: { archivedAt: null } },
    orderBy: [{ purchaseDate: "asc" }, { id: "asc" }],
    take: count,
  });
  const preset = (await listFormulaPresets(db, organisationId)).find((p) => p.parsedSpec);
  const spec = preset?.parsedSpec ?? INLINE_RESALE_SPEC;
  const created = [];
  for (const ownership of ownerships) {
    const price = centsToString(ownership.purchasePriceCents);
    const valuationDate = ownership.purchaseDate > "2025-06-01" ? ownership.purchaseDate : "2025-06-01";
    const request = buildResaleRequest({
      ...spec,
      purchase: { price, date: ownership.purchaseDate },
      valuationDate,
      // illustrative appraisals: 1.2 × the price at purchase, 1.9 × now
      appraisals: { atPurchase: toMoneyString(new Decimal(price).times("1.2")), current: toMoneyString(new Decimal(price).times("1.9")) },
      index: { atPurchase: "100", current: "131.5" },
    });
    created.push(await createSavedCalculation(db, organisationId, { homeId: ownership.homeId, request, presetName: preset?.name ?? "", createdByLabel: "Demo data" }));
  }
  return created;
}
