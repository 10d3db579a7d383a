import { describe, expect, it, vi } from "vitest";
import { timeOrderedId } from "./ordered-id.server";

describe("timeOrderedId", () => {
  it("is a version-7 UUID whose text sorts in the order the ids were made, also within one millisecond", () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T12:00:00.000Z") });
    try {
      const ids: string[] = [];
      // 5,000 ids in the same millisecond: past the 12-bit counter, so the next millisecond is borrowed
      for (let i = 0; i < 5_000; i += 1) ids.push(timeOrderedId());
      vi.setSystemTime(new Date("2026-12-01T12:00:00.001Z"));
      ids.push(timeOrderedId());
      // the clock going back a second does not break the order either
      vi.setSystemTime(new Date("2026-12-01T11:59:59.000Z"));
      ids.push(timeOrderedId());
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      // the first 48 bits are the time of making: 2026-12-01T12:00:00Z in milliseconds
      expect(parseInt(ids[0]!.slice(0, 8) + ids[0]!.slice(9, 13), 16)).toBe(Date.parse("2026-12-01T12:00:00.000Z"));
    } finally {
      vi.useRealTimers();
    }
  });
});
