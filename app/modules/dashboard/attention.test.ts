import { describe, expect, it } from "vitest";
import { activityInWords, weekAhead } from "./attention";

describe("the dashboard's to-do list", () => {
  it("looks a week ahead across month and year ends", () => {
    // 2026-12-28 + 7 days = 2027-01-04 (December has 31 days: 28 → 31 is 3 days, then 4 more)
    expect(weekAhead("2026-12-28")).toBe("2027-01-04");
    // 2028-02-25 + 7 = 2028-03-03 (2028 is a leap year: Feb 29 exists)
    expect(weekAhead("2028-02-25")).toBe("2028-03-03");
  });
  it("says what happened in words, with a link to the record", () => {
    const entry = { id: "a", actorLabel: "Dana Reyes", entity: "Household", entityId: "h1", action: "create", createdAt: "2026-12-01T10:00:00Z" };
    expect(activityInWords(entry, "Okafor household")).toEqual({ who: "Dana Reyes", verb: "added", what: "the household Okafor household", href: "/households/h1" });
    expect(activityInWords({ ...entry, entity: "Lease", action: "transition", entityId: "l1" }, "2026-004")).toMatchObject({ verb: "changed the status of", what: "the ground lease 2026-004", href: "/leases/l1" });
    // a removed record has no page to link to; an unknown kind reads as words, not a class name
    expect(activityInWords({ ...entry, entity: "FundingSource", action: "delete" })).toMatchObject({ verb: "removed", what: "a funding source", href: null });
    expect(activityInWords({ ...entry, entity: "LeaseRiderVersion" })).toMatchObject({ what: "a lease rider version" });
    // "an" before a vowel sound: the demo's own seed read "changed the status of a election"
    expect(activityInWords({ ...entry, entity: "Election", action: "transition" })).toMatchObject({ what: "an election" });
    expect(activityInWords({ ...entry, entity: "IncomeCertification" })).toMatchObject({ what: "an income certification" });
    expect(activityInWords({ ...entry, entity: "HomeAppraisal" })).toMatchObject({ what: "an appraisal" });
    expect(activityInWords({ ...entry, entity: "Membership" })).toMatchObject({ what: "a user account" });
  });
});
