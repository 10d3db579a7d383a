/**
 * Formula presets, stored per organisation: list, read, create, edit (optimistic `version`), archive.
 * Every write is audited in the same transaction. A preset's spec (fields, validation, form mapping) is the
 * resale module's formula spec (~/modules/resale/formula-spec.ts): this module depends on resale, never the
 * other way round.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { assertUpdated } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import type { CalculatorContext } from "~/modules/resale/calculator-fields";
import { parsePresetSpec, type FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { NotFoundError } from "~/utils/errors";

export type PresetInput = { name: string; description: string; spec: FormulaPresetSpec };
export type PresetResult = { ok: true; id: string } | { ok: false; field: "name" | ""; message: string };

const DUPLICATE = "Another formula preset already has this name.";

/** The stored spec, re-read through the contract (defaults applied); null if it no longer parses. */
export function storedSpec(json: unknown): FormulaPresetSpec | null {
  const parsed = parsePresetSpec(json);
  return parsed.ok ? parsed.spec : null;
}

export async function listFormulaPresets(db: Db, organisationId: string, options: { includeArchived?: boolean } = {}) {
  const presets = await db.formulaPreset.findMany({
    where: { organisationId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: "asc" }, { name: "asc" }],
  });
  return presets.map((preset) => ({ ...preset, parsedSpec: storedSpec(preset.spec) }));
}

/** The organisation's active presets with their validated specs (null when a stored spec no longer parses). */
export async function presetsForCalculator(db: Db, organisationId: string): Promise<(CalculatorContext["presets"][number] & { description: string })[]> {
  const presets = await listFormulaPresets(db, organisationId);
  return presets.map((preset) => ({ id: preset.id, name: preset.name, description: preset.description, spec: preset.parsedSpec }));
}

export async function getFormulaPreset(db: Db, organisationId: string, id: string) {
  const preset = await db.formulaPreset.findFirst({ where: { id, organisationId } });
  return preset ? { ...preset, parsedSpec: storedSpec(preset.spec) } : null;
}

/** The active preset of that name (the lease stores the preset's name until the spec is frozen into it). */
export async function getFormulaPresetByName(db: Db | Tx, organisationId: string, name: string) {
  if (!name) return null;
  const preset = await db.formulaPreset.findFirst({ where: { organisationId, name } });
  return preset ? { ...preset, parsedSpec: storedSpec(preset.spec) } : null;
}

export async function createFormulaPreset(db: Db, actor: AuditActor, input: PresetInput): Promise<PresetResult> {
  try {
    const created = await db.$transaction(async (tx) => {
      const preset = await tx.formulaPreset.create({
        data: { organisationId: actor.organisationId, name: input.name, description: input.description, spec: input.spec },
      });
      await recordAudit(tx, actor, {
        entity: "FormulaPreset",
        entityId: preset.id,
        action: "create",
        after: { name: preset.name, description: preset.description, spec: input.spec },
      });
      return preset;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "name", message: DUPLICATE };
    throw error;
  }
}

/** Saves a new version of the preset; a stale `version` throws StaleRecordError. Leases already executed keep their frozen copy. */
export async function updateFormulaPreset(db: Db, actor: AuditActor, id: string, version: number, input: PresetInput): Promise<PresetResult> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.formulaPreset.findFirst({ where: { id, organisationId: actor.organisationId } });
      if (!before) throw new NotFoundError("Formula preset not found");
      assertUpdated(
        await tx.formulaPreset.updateMany({
          where: { id, organisationId: actor.organisationId, version },
          data: { name: input.name, description: input.description, spec: input.spec, version: { increment: 1 } },
        }),
      );
      if (before.name !== input.name) {
        // Draft leases refer to the preset by name until execution freezes the spec.
        await tx.lease.updateMany({
          where: { organisationId: actor.organisationId, status: "draft", formulaPresetName: before.name },
          data: { formulaPresetName: input.name },
        });
      }
      await recordAudit(tx, actor, {
        entity: "FormulaPreset",
        entityId: id,
        action: "update",
        before: { name: before.name, description: before.description, spec: before.spec, version: before.version },
        after: { name: input.name, description: input.description, spec: input.spec, version: before.version + 1 },
      });
      return { ok: true as const, id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "name", message: DUPLICATE };
    throw error;
  }
}

export async function setFormulaPresetArchived(db: Db, actor: AuditActor, id: string, version: number, archived: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.formulaPreset.findFirst({ where: { id, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Formula preset not found");
    assertUpdated(
      await tx.formulaPreset.updateMany({
        where: { id, organisationId: actor.organisationId, version },
        data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
      }),
    );
    await recordAudit(tx, actor, { entity: "FormulaPreset", entityId: id, action: archived ? "archive" : "restore", before: { name: before.name } });
  });
}
