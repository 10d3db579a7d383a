import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runMemberRollCli } from "~/modules/governance/cli.server";
import { recordDues } from "~/modules/governance/members.server";
import { db } from "~/utils/db.server";
import { enrolMember, setUpGovernance } from "~/modules/demo/governance";
import { createOrganisation } from "~/modules/demo/organisations";

/** Keeps the member-roll examples of docs/governance.md true. */
const doc = readFileSync(new URL("../../docs/governance.md", import.meta.url), "utf8");
const example = /<!-- member-roll-example -->\s*```json\n([\s\S]*?)```/.exec(doc)![1]!;
const errorExample = /<!-- member-roll-error -->\s*```json\n([\s\S]*?)```/.exec(doc)![1]!;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("clt member-roll", () => {
  it("prints the documented roll, and the documented error for a date that does not exist", async () => {
    const { organisation } = await createOrganisation(db());
    const { general, actor } = await setUpGovernance(db(), organisation.id, { generalDuesCents: 2500, duesYear: 2026 });
    const paid = await enrolMember(db(), organisation.id, { fullName: "Paid Member", classId: general.id, joinedOn: "2026-01-10" });
    const partly = await enrolMember(db(), organisation.id, { fullName: "Partly Paid", classId: general.id, joinedOn: "2026-01-10" });
    await recordDues(db(), actor, `member:${paid}`, { intent: "dues", year: 2026, kind: "paid", amount: 2500, recordedOn: "2026-01-10", note: "" });
    await recordDues(db(), actor, `member:${partly}`, { intent: "dues", year: 2026, kind: "paid", amount: 1000, recordedOn: "2026-01-10", note: "" });

    let io = capture();
    expect(await runMemberRollCli(["--date", "2026-05-01", "--organisation", organisation.slug])).toBe(0);
    vi.restoreAllMocks();
    expect(io.out.join("").replace(/"member:[^"]+"/g, '"member:…"')).toBe(example);

    io = capture();
    expect(await runMemberRollCli(["--date", "2026-02-30", "--organisation", organisation.slug])).toBe(2);
    vi.restoreAllMocks();
    expect(io.err.join("")).toBe(errorExample);

    io = capture();
    expect(await runMemberRollCli(["--when", "2026-01-01"])).toBe(2);
    vi.restoreAllMocks();
    expect(JSON.parse(io.err.join(""))).toMatchObject({ error: "invalid-arguments" });
  });
});
