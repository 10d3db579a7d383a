import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "~/modules/api-tokens/api-tokens.server";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { runTransfersCli } from "~/modules/transfers/cli.server";
import { calculateFormulaPrice, decideOption, openTransferCase } from "~/modules/transfers/transfers.server";
import { loader as apiLoader } from "~/routes/api.v1.transfer-cases.$caseId";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { DEMO_PRESETS, seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { run } from "./helpers";

/** Keeps the examples of docs/transfers.md true: the CLI and the API print the documented JSON. */
const doc = readFileSync(new URL("../../docs/transfers.md", import.meta.url), "utf8");
const example = (name: string) => /```json\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf(`<!-- ${name} -->`)))![1]!;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

/** Ids and the trust's today differ per run: the documented example shows them as "…". */
function normalise(json: string, ids: Record<string, string>): string {
  let text = json;
  for (const [id, name] of Object.entries(ids)) text = text.split(id).join(name);
  return text.replace(/"GL-\d{4}-\d{4}"/g, '"GL-2020-0001"');
}

describe("clt transfer / transfers and GET /api/v1/transfer-cases/:id", () => {
  it("print the documented case, and the documented errors", async () => {
    const { organisation, user } = await createOrganisation(db(), { timeZone: "America/New_York" });
    await seedDemoFormulaPresets(db(), organisation.id);
    const made = await createHomeUnderLease(db(), organisation.id, { presetName: DEMO_PRESETS[0]!.name, purchaseDate: "2020-06-15", streetAddress: "14 Alder Lane", members: ["Ana Lima"] });
    await db().household.update({ where: { id: made.household.id }, data: { name: "Lima household" } });
    const today = todayIn("America/New_York");
    const { id } = await openTransferCase(db(), made.actor, { homeId: made.home.id, kind: "sale", noticeDate: "2026-03-02", noticeMethod: "mail", noticeNote: "" }, today);
    await recordAppraisal(db(), made.actor, made.home.id, { appraiser: "Green Mountain Appraisals", orderedOn: "2026-03-03", receivedOn: "2026-03-12", effectiveDate: "2026-03-10", value: 30_000_000 });
    const { calculationId } = await calculateFormulaPrice(db(), made.actor, id, { priceNoticeOn: "2026-03-20", version: 1 });
    await decideOption(db(), made.actor, id, { decision: "waived", decidedOn: "2026-04-10", note: "Board resolution 2026-04", version: 2 }, today);
    const ids = { [id]: "case-id", [made.home.id]: "home-id", [made.household.id]: "household-id", [made.lease.id]: "lease-id", [calculationId]: "calculation-id", [made.parcel.id]: "parcel-id", [made.parcel.parcelNumber]: "APN-1" };

    let io = capture();
    expect(await runTransfersCli(db(), "transfer", ["--case", id])).toBe(0);
    vi.restoreAllMocks();
    expect(normalise(io.out.join(""), ids)).toBe(example("transfer-example"));

    // the API answers the same JSON
    const token = await createApiToken(db(), made.actor, user.id, "Tests");
    const response = (await run(apiLoader, new Request(`http://localhost/api/v1/transfer-cases/${id}`, { headers: { Authorization: `Bearer ${token.secret}` } }), { caseId: id })) as Response;
    expect(response.status).toBe(200);
    expect(normalise(`${JSON.stringify(await response.json(), null, 2)}\n`, ids)).toBe(example("transfer-example"));
    expect(((await run(apiLoader, new Request(`http://localhost/api/v1/transfer-cases/${id}`), { caseId: id })) as Response).status).toBe(401);
    const missing = (await run(apiLoader, new Request("http://localhost/api/v1/transfer-cases/nope", { headers: { Authorization: `Bearer ${token.secret}` } }), { caseId: "nope" })) as Response;
    expect(missing.status).toBe(404);

    io = capture();
    expect(await runTransfersCli(db(), "transfer", [])).toBe(2);
    expect(await runTransfersCli(db(), "transfers", ["--organisation", "no-such-trust"])).toBe(2);
    vi.restoreAllMocks();
    expect(io.err.join("")).toBe(example("transfer-errors"));

    io = capture();
    expect(await runTransfersCli(db(), "transfers", ["--organisation", organisation.slug])).toBe(0);
    vi.restoreAllMocks();
    const listed = JSON.parse(io.out.join("")) as { organisation: string; cases: { id: string; status: string; option: string; maxPrice: string }[] };
    expect(listed.organisation).toBe(organisation.slug);
    expect(listed.cases.map((c) => [c.id, c.status, c.option, c.maxPrice])).toEqual([[id, "open", "waived", "217000.00"]]);
  });
});
