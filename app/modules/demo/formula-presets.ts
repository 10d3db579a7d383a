import { systemActor } from "~/modules/audit/audit.server";
import { createFormulaPreset as createPreset } from "~/modules/formula-presets/formula-presets.server";
import { parsePresetSpec, type FormulaPresetSpec } from "~/modules/resale/formula-spec";
import type { Db } from "~/utils/db.server";

/** Formula preset factories, shared by the tests and the demo seed. */

export const DEMO_PRESETS: { name: string; description: string; spec: unknown }[] = [
  {
    name: "1.5% simple, full months, market cap",
    description: "Default for new leases: 1.5% a year simple interest on the purchase price, counted in full months; never above the appraised market value.",
    spec: {
      formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple", elapsed: "full-months" },
      caps: [{ type: "market-value" }],
      floor: null,
      rounding: { mode: "nearest", increment: "0.01" },
    },
  },
  {
    name: "25% appraisal share, shielded",
    description: "Shared appreciation: the owner keeps 25% of the rise in appraised value; a fall in value is not shared (losses shielded).",
    spec: {
      formula: { type: "appraisal", ownerShare: "0.25", losses: "shielded", creditImprovementValue: false },
      caps: [{ type: "market-value" }],
      floor: { type: "purchase-price" },
      rounding: { mode: "down", increment: "100" },
    },
  },
  {
    name: "AMI indexed",
    description: "The purchase price moves with the HUD area median income for a family of four; never above market value.",
    spec: {
      formula: { type: "index", indexName: "HUD area median income (four-person family)" },
      caps: [{ type: "market-value" }],
      floor: null,
      rounding: { mode: "nearest", increment: "1" },
    },
  },
];

export async function createFormulaPreset(
  db: Db,
  organisationId: string,
  spec: unknown = DEMO_PRESETS[0]!.spec,
  options: { name?: string; description?: string; actorLabel?: string } = {},
) {
  const parsed = parsePresetSpec(spec);
  if (!parsed.ok) throw new Error(`Invalid preset spec: ${JSON.stringify(parsed.errors)}`);
  const name = options.name ?? `Preset ${Math.random().toString(36).slice(2, 8)}`;
  const result = await createPreset(db, systemActor(organisationId, options.actorLabel ?? "Test factory"), { name, description: options.description ?? "", spec: parsed.spec as FormulaPresetSpec });
  if (!result.ok) throw new Error(result.message);
  return db.formulaPreset.findUniqueOrThrow({ where: { id: result.id } });
}

/** The three demo presets (idempotent: an existing preset of the same name is kept). The first is the default. */
export async function seedDemoFormulaPresets(db: Db, organisationId: string) {
  const presets = [];
  for (const preset of DEMO_PRESETS) {
    const existing = await db.formulaPreset.findFirst({ where: { organisationId, name: preset.name } });
    presets.push(existing ?? (await createFormulaPreset(db, organisationId, preset.spec, { name: preset.name, description: preset.description, actorLabel: "Demo data" })));
  }
  return presets;
}
