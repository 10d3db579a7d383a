import { describe, expect, it } from "vitest";

describe("defaults for a home whose buyer is not known", () => {
  it("starts from one person per bedroom plus one, and at least one person", async () => {
    const { defaultHouseholdSize, defaultValuationDate } = await import("./form-defaults");
    expect([0, 1, 3].map(defaultHouseholdSize)).toEqual([1, 2, 4]);
    expect(defaultValuationDate("America/New_York", new Date("2025-06-01T23:30:00Z"))).toBe("2025-06-01");
    // 02:00 UTC on June 2 is still June 1 in Vermont and already June 2 in London
    expect(defaultValuationDate("America/New_York", new Date("2025-06-02T02:00:00Z"))).toBe("2025-06-01");
    expect(defaultValuationDate("Europe/London", new Date("2025-06-02T02:00:00Z"))).toBe("2025-06-02");
  });
});
