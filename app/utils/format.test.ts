import { describe, expect, it } from "vitest";
import { formatInstant } from "./format";

describe("formatInstant", () => {
  it("shows an instant in the trust's time zone, with the zone's abbreviation", () => {
    // 20:11 UTC on 1 December is 3:11 pm in New York (EST, UTC−5) and 12:11 pm in Los Angeles (PST, UTC−8)
    expect(formatInstant("2026-12-01T20:11:00.000Z", "America/New_York")).toBe("Dec 1, 2026, 3:11 PM EST");
    expect(formatInstant(new Date("2026-12-01T20:11:00.000Z"), "America/Los_Angeles")).toBe("Dec 1, 2026, 12:11 PM PST");
    // summer time, and a UTC evening that is already the next day in Auckland (NZST, UTC+12)
    expect(formatInstant("2025-07-04T03:00:00.000Z", "America/Chicago")).toBe("Jul 3, 2025, 10:00 PM CDT");
    expect(formatInstant("2025-07-04T13:30:00.000Z", "Pacific/Auckland")).toBe("Jul 5, 2025, 1:30 AM GMT+12");
    expect(formatInstant("2025-07-04T13:30:00.000Z", "UTC")).toBe("Jul 4, 2025, 1:30 PM UTC");
  });
});
