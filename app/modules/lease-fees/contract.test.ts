import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runFeesCommand } from "./contract";

const valid = {
  terms: { monthlyFee: "25.00", commencementDate: "2024-01-15", dueDay: 1, escalation: { type: "fixed", rate: "0.03" }, graceDays: 10, lateCharge: "10.00" },
  payments: [{ date: "2024-02-12", amount: "38.71" }],
  asOf: "2024-06-30",
};
const fieldsOf = (request: unknown) => {
  const output = runFeesCommand(JSON.stringify(request));
  expect(output.exitCode).toBe(2);
  return (JSON.parse(output.stderr) as { fields: { path: string }[] }).fields.map((field) => field.path);
};

describe("clt fees contract", () => {
  it("names each field at fault", () => {
    expect(fieldsOf({ ...valid, asOf: "2024-13-01" })).toEqual(["asOf"]);
    expect(fieldsOf({ ...valid, terms: { ...valid.terms, lateCharge: "10.001", graceDays: -1 } })).toEqual(["terms.graceDays", "terms.lateCharge"]);
    expect(fieldsOf({ ...valid, terms: { ...valid.terms, escalation: { type: "compound" } } })).toEqual(["terms.escalation.type"]);
    expect(fieldsOf({ ...valid, payments: [{ date: "2024-02-12", amount: "1.00", memo: "x" }] })).toEqual(["payments.0.memo"]);
    expect(fieldsOf({ terms: valid.terms, payments: [] })).toEqual(["asOf"]);
    expect(runFeesCommand("{").exitCode).toBe(2);
  });

  it("ignores payments dated after asOf", () => {
    const late = JSON.parse(runFeesCommand(JSON.stringify({ ...valid, payments: [{ date: "2024-07-01", amount: "500.00" }] })).stdout) as { entries: { kind: string }[] };
    expect(late.entries.some((entry) => entry.kind === "payment")).toBe(false);
  });

  it("runs as `npm run --silent clt -- fees`: the response on stdout and exit 0; a bad field on stderr and exit 2", () => {
    const run = (request: unknown) => spawnSync("npm", ["run", "--silent", "clt", "--", "fees"], { input: JSON.stringify(request), encoding: "utf8", timeout: 120_000 });
    const ok = run(valid);
    expect(ok.status).toBe(0);
    // the example: 13.71 + 25 × 5 (Feb … Jun) + 6 late charges of 10.00 − 38.71 = 160.00
    expect((JSON.parse(ok.stdout) as { balance: string }).balance).toBe("160.00");
    const bad = run({ ...valid, terms: { ...valid.terms, dueDay: 32 } });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect((JSON.parse(bad.stderr) as { error: string; fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(["terms.dueDay"]);
  }, 120_000);
});
