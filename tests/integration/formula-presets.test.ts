import { describe, expect, it } from "vitest";
import { action as editAction } from "~/routes/settings.formula-presets.$presetId";
import { loader as listLoader } from "~/routes/settings.formula-presets._index";
import { action as newAction } from "~/routes/settings.formula-presets.new";
import { db } from "~/utils/db.server";
import { seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

const fixedRate = { name: "2% compound", formulaType: "fixed-rate", annualRate: "2", compounding: "compound", elapsed: "full-years", marketValueCap: "on", roundingMode: "nearest", roundingIncrement: "1" };

describe("formula presets", () => {
  it("an admin creates, edits (new version, audited) and archives a preset; staff read only", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    expect(((await run(newAction, postRequest("/settings/formula-presets/new", fixedRate, { cookie }))) as Response).status).toBe(302);
    const preset = await db().formulaPreset.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(preset.spec).toEqual({ formula: { type: "fixed-rate", annualRate: "0.02", compounding: "compound", elapsed: "full-years" }, caps: [{ type: "market-value" }], floor: null, rounding: { mode: "nearest", increment: "1" } });

    const edit = (await run(editAction, postRequest(`/settings/formula-presets/${preset.id}`, { intent: "save", ...fixedRate, annualRate: "1.75", version: "1" }, { cookie }), { presetId: preset.id })) as Response;
    expect(edit.status).toBe(302);
    const edited = await db().formulaPreset.findUniqueOrThrow({ where: { id: preset.id } });
    expect(edited.version).toBe(2);
    expect((edited.spec as { formula: { annualRate: string } }).formula.annualRate).toBe("0.0175");
    const stale = await unwrap(await run(editAction, postRequest(`/settings/formula-presets/${preset.id}`, { intent: "save", ...fixedRate, version: "1" }, { cookie }), { presetId: preset.id }));
    expect(stale.status).toBe(409);
    expect(await db().auditEntry.count({ where: { entity: "FormulaPreset", entityId: preset.id } })).toBe(2);

    const archive = (await run(editAction, postRequest(`/settings/formula-presets/${preset.id}`, { intent: "archive", version: "2" }, { cookie }), { presetId: preset.id })) as Response;
    expect(archive.status).toBe(302);
    expect((await db().formulaPreset.findUniqueOrThrow({ where: { id: preset.id } })).archivedAt).not.toBeNull();

    const { user: staffUser } = await createMember(db(), organisation.id, "staff");
    const staff = await sessionCookieFor(staffUser.id, organisation.id);
    expect((await unwrap(await run(listLoader, getRequest("/settings/formula-presets", staff)))).status).toBe(200);
    expect(((await run(newAction, postRequest("/settings/formula-presets/new", { ...fixedRate, name: "x" }, { cookie: staff }))) as Response).status).toBe(403);
  });

  it("invalid parameters are refused field by field and nothing is saved", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const result = await unwrap(
      await run(newAction, postRequest("/settings/formula-presets/new", { name: "Bad", formulaType: "appraisal", ownerShare: "150", roundingMode: "nearest", roundingIncrement: "0.01" }, { cookie })),
    );
    expect(result.status).toBe(400);
    expect((result.body as { error: Record<string, string[]> }).error.ownerShare?.[0]).toMatch(/at most 100%/);
    const missing = await unwrap(await run(newAction, postRequest("/settings/formula-presets/new", { name: "Idx", formulaType: "index", roundingMode: "nearest", roundingIncrement: "0.01" }, { cookie })));
    expect(Object.keys((missing.body as { error: Record<string, string[]> }).error)).toContain("indexName");
    expect(await db().formulaPreset.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("the demo presets are valid and idempotent; a signed lease keeps its frozen copy when the preset changes", async () => {
    const { organisation, user } = await createOrganisation(db());
    const presets = await seedDemoFormulaPresets(db(), organisation.id);
    expect(presets.map((p) => p.name)).toEqual(["1.5% simple, full months, market cap", "25% appraisal share, shielded", "AMI indexed"]);
    await seedDemoFormulaPresets(db(), organisation.id);
    expect(await db().formulaPreset.count({ where: { organisationId: organisation.id } })).toBe(3);
    const lease = await createLease(db(), organisation.id, { status: "executed" });
    const cookie = await sessionCookieFor(user.id, organisation.id);
    await run(editAction, postRequest(`/settings/formula-presets/${presets[0]!.id}`, { intent: "save", ...fixedRate, name: presets[0]!.name, version: "1" }, { cookie }), { presetId: presets[0]!.id });
    expect((await db().lease.findUniqueOrThrow({ where: { id: lease.id } })).formulaSpec).toMatchObject({ formula: { annualRate: "0.015" } });
  });
});
