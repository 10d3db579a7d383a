import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leaseholderOn, quorumRequired, resolutionPassed, standing, tally, termEnd, termLimitReached } from "./rules";

describe("leaseholder membership from leases", () => {
  const lease = (status: string, executionDate: string | null, endedOn: string | null = null) => ({ status, executionDate, commencementDate: "2020-01-01", endedOn });
  it.each([
    [[lease("draft", null)], "2024-01-01", false],
    [[lease("executed", "2024-01-01")], "2023-12-31", false],
    [[lease("executed", "2024-01-01")], "2024-01-01", true],
    [[lease("ended", "2024-01-01", "2025-06-30")], "2025-06-29", true],
    [[lease("ended", "2024-01-01", "2025-06-30")], "2025-06-30", false],
    [[lease("assigned", "2020-01-01", "2024-01-01"), lease("active", "2024-03-01")], "2024-02-01", false],
    [[lease("assigned", "2020-01-01", "2024-01-01"), lease("active", "2024-03-01")], "2024-03-01", true],
  ] as const)("%j on %s: %s", (leases, date, member) => {
    expect(leaseholderOn(leases, date).member).toBe(member);
  });
});

describe("good standing", () => {
  it("needs the year's dues paid in full or waived", () => {
    expect(standing({ isMember: true, duesCents: 2500, records: [{ year: 2026, kind: "paid", amountCents: 2499 }], year: 2026 })).toMatchObject({ goodStanding: false, owedCents: 1 });
    expect(standing({ isMember: true, duesCents: 2500, records: [{ year: 2025, kind: "paid", amountCents: 2500 }], year: 2026 }).goodStanding).toBe(false);
    expect(standing({ isMember: true, duesCents: 2500, records: [{ year: 2026, kind: "waived", amountCents: 0 }], year: 2026 }).goodStanding).toBe(true);
    expect(standing({ isMember: true, duesCents: 0, records: [], year: 2026 }).goodStanding).toBe(true);
    expect(standing({ isMember: false, duesCents: 0, records: [], year: 2026 }).goodStanding).toBe(false);
  });
});

describe("quorum", () => {
  it.each([
    ["10", 21, 3],
    ["10", 20, 2],
    ["33.33", 9, 3],
    ["50", 0, 0],
  ])("%s %% of %i members is %i", (value, roll, required) => {
    expect(quorumRequired({ classId: null, kind: "percent", value }, roll)).toBe(required);
  });
});

describe("resolutions", () => {
  it.each([
    [{ for: 10, against: 10 }, "simple", false],
    [{ for: 11, against: 10 }, "simple", true],
    [{ for: 20, against: 10 }, "two-thirds", true],
    [{ for: 19, against: 10 }, "two-thirds", false],
    [{ for: 0, against: 0 }, "simple", false],
  ] as const)("%j by %s: %s", (votes, majority, passed) => {
    expect(resolutionPassed(votes, majority)).toBe(passed);
  });
});

describe("terms", () => {
  it("a three-year term ends the day before the anniversary, also from 29 February", () => {
    expect(termEnd("2025-07-01", 3)).toBe("2028-06-30");
    expect(termEnd("2024-02-29", 1)).toBe("2025-02-28");
    expect(termEnd("2024-03-01", 1)).toBe("2025-02-28");
    expect(termEnd("2023-03-01", 1)).toBe("2024-02-29");
  });
  it("counts consecutive terms for the limit", () => {
    const terms = [{ startsOn: "2019-07-01", endsOn: "2022-06-30", leftOn: null }, { startsOn: "2022-07-01", endsOn: "2025-06-30", leftOn: null }];
    expect(termLimitReached(terms, "2025-07-01", 2)).toBe(true);
    expect(termLimitReached(terms, "2026-07-01", 2)).toBe(false);
    expect(termLimitReached(terms.slice(1), "2025-07-01", 2)).toBe(false);
    expect(termLimitReached(terms, "2025-07-01", 0)).toBe(false);
  });
});

describe("tally", () => {
  const candidates = ["a", "b", "c", "d"].map((id) => ({ id, memberKey: `member:${id}`, name: id.toUpperCase() }));
  it("elects the top candidates and reports a tie at the cut-off", () => {
    const result = tally({ classId: "x", seats: 2, candidates, ballots: [{ candidateIds: ["a", "b"] }, { candidateIds: ["a", "c"] }, { candidateIds: ["d"] }] });
    expect(result.elected).toEqual(["a"]);
    expect(result.tie).toEqual({ candidateIds: ["b", "c", "d"], seats: 1 });
  });
  it("never elects more than the seats, and every elected candidate has at least the votes of every other (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(fc.subarray(["a", "b", "c", "d"], { maxLength: 3 }), { maxLength: 30 }), (seats, ballots) => {
        const result = tally({ classId: "x", seats, candidates, ballots: ballots.map((candidateIds) => ({ candidateIds })) });
        const votes = new Map(result.counts.map((c) => [c.candidateId, c.votes]));
        const decided = result.elected.length + (result.tie?.seats ?? 0);
        expect(decided).toBeLessThanOrEqual(seats);
        for (const winner of result.elected) for (const [id, v] of votes) if (!result.elected.includes(id)) expect(votes.get(winner)!).toBeGreaterThan(v);
        expect(result.counts.reduce((s, c) => s + c.votes, 0)).toBe(ballots.reduce((s, b) => s + new Set(b).size, 0));
      }),
    );
  });
});
