import { describe, expect, it } from "vitest";
import { afterFailure, isFromAddress, MAX_ATTEMPTS, retryDelayMs } from "./retry";

describe("outbox retries", () => {
  it("waits longer after each failure and gives up after the last attempt", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 5, 25, 125, 625]);
    const now = new Date("2026-01-01T00:00:00Z");
    expect(afterFailure(1, now)).toEqual({ status: "queued", nextAttemptAt: new Date("2026-01-01T00:01:00Z") });
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toEqual({ status: "queued", nextAttemptAt: new Date("2026-01-01T10:25:00Z") });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
  });

  it("accepts a bare address or a named one, and refuses header injection", () => {
    expect(isFromAddress("office@riverbend-clt.org")).toBe(true);
    expect(isFromAddress("Riverbend CLT <office@riverbend-clt.org>")).toBe(true);
    expect(isFromAddress("Riverbend\r\nBcc: x@y.z <office@riverbend-clt.org>")).toBe(false);
    expect(isFromAddress("not an address")).toBe(false);
  });
});
