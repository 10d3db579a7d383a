import { describe, expect, it } from "vitest";
import { auditChanges, changedFieldNames } from "./diff";

describe("auditChanges", () => {
  it("keeps only changed fields on update, ignoring bookkeeping fields", () => {
    const before = { id: "p1", streetAddress: "1 Elm St", zoning: "R1", version: 1, updatedAt: new Date(0) };
    const after = { id: "p1", streetAddress: "1 Elm Street", zoning: "R1", version: 2, updatedAt: new Date(1) };
    const changes = auditChanges(before, after);
    expect(changes).toEqual({ before: { streetAddress: "1 Elm St" }, after: { streetAddress: "1 Elm Street" } });
    expect(changedFieldNames(changes)).toEqual(["streetAddress"]);
  });

  it("stores the full record on create and delete, with dates as ISO strings", () => {
    const record = { id: "h1", name: "Okafor household", archivedAt: new Date("2025-01-02T03:04:05Z") };
    expect(auditChanges(null, record)).toEqual({
      before: null,
      after: { id: "h1", name: "Okafor household", archivedAt: "2025-01-02T03:04:05.000Z" },
    });
    expect(auditChanges(record, null).after).toBeNull();
  });

  it("detects changes inside JSON values", () => {
    const changes = auditChanges({ riders: ["A"] }, { riders: ["A", "B"] });
    expect(changes.after).toEqual({ riders: ["A", "B"] });
  });
});
