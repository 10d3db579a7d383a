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
});
