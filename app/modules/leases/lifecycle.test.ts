import { describe, expect, it } from "vitest";
import {
  LEASE_STATUSES,
  canTransition,
  completedYears,
  expirationDate,
  leaseFeeOn,
  leaseFeeSchedule,
  leaseStatusOn,
  nextStepsOn,
  renewalTerm,
  transitionErrors,
  validateLeaseDraft,
  type LeaseStatus,
  type LeaseTransitionFacts,
} from "./lifecycle";

const allowed: [LeaseStatus, LeaseStatus][] = [
  ["draft", "executed"],
  ["executed", "recorded"],
  ["recorded", "active"],
  ["active", "ended"],
  ["active", "assigned"],
];

describe("canTransition", () => {
  for (const from of LEASE_STATUSES) {
    for (const to of LEASE_STATUSES) {
      const expected = allowed.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to} is ${expected ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }
});

const readyDraft: LeaseTransitionFacts = {
  status: "draft",
  lesseeNames: ["José Núñez"],
  resaleFormulaFrozen: true,
  legalDescription: "Lot 14, Block 3, Alder Grove Addition",
  commencementDate: "2025-01-01",
  termYears: 99,
  executionDate: "2024-12-20",
  recording: null,
};

describe("transitionErrors", () => {
  const cases: { name: string; lease: LeaseTransitionFacts; to: LeaseStatus; today?: string; errors: RegExp[] }[] = [
    { name: "a complete draft can be executed", lease: readyDraft, to: "executed", today: "2025-01-02", errors: [] },
    {
      name: "executing needs lessee, frozen formula, legal description, commencement, term, execution date",
      lease: { ...readyDraft, lesseeNames: [" "], resaleFormulaFrozen: false, legalDescription: "", commencementDate: null, termYears: 0, executionDate: null },
      to: "executed",
      errors: [/lessee/, /resale formula/, /legal description/, /commencement date/, /term/, /execution date/],
    },
    { name: "execution date in the future", lease: readyDraft, to: "executed", today: "2024-12-01", errors: [/future/] },
    {
      name: "recording needs county, instrument number and recording date",
      lease: { ...readyDraft, status: "executed", recording: { county: "", instrumentNumber: null, recordingDate: null } },
      to: "recorded",
      errors: [/county/, /instrument/, /recording date/],
    },
    {
      name: "recording needs the execution date",
      lease: { ...readyDraft, status: "executed", executionDate: null, recording: { county: "Lane", instrumentNumber: "2025-000123", recordingDate: "2025-01-05" } },
      to: "recorded",
      errors: [/execution date/],
    },
    {
      name: "recorded before signed",
      lease: { ...readyDraft, status: "executed", recording: { county: "Lane", instrumentNumber: "2025-000123", recordingDate: "2024-12-01" } },
      to: "recorded",
      errors: [/before the execution date/],
    },
    {
      name: "complete recording",
      lease: { ...readyDraft, status: "executed", recording: { county: "Lane", instrumentNumber: "2025-000123", recordingDate: "2025-01-05" } },
      to: "recorded",
      errors: [],
    },
    { name: "activation before commencement", lease: { ...readyDraft, status: "recorded" }, to: "active", today: "2024-12-31", errors: [/not commenced/] },
    { name: "activation on commencement", lease: { ...readyDraft, status: "recorded" }, to: "active", today: "2025-01-01", errors: [] },
    { name: "ending needs an end date", lease: { ...readyDraft, status: "active" }, to: "ended", errors: [/date the lease ended/] },
    { name: "ending before commencement", lease: { ...readyDraft, status: "active", endDate: "2024-06-01" }, to: "ended", errors: [/before the commencement/] },
    { name: "assignment needs a date", lease: { ...readyDraft, status: "active" }, to: "assigned", errors: [/assigned/] },
    { name: "assignment with a date", lease: { ...readyDraft, status: "active", assignmentDate: "2031-05-01" }, to: "assigned", errors: [] },
    { name: "no skipping steps", lease: readyDraft, to: "active", errors: [/cannot become active; it can only become executed/] },
    { name: "final statuses", lease: { ...readyDraft, status: "ended" }, to: "active", errors: [/it is final/] },
    { name: "same status", lease: readyDraft, to: "draft", errors: [/already draft/] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const errors = transitionErrors(c.lease, c.to, c.today ? { today: c.today } : {});
      expect(errors).toHaveLength(c.errors.length);
      c.errors.forEach((pattern, i) => expect(errors[i]).toMatch(pattern));
    });
  }
});

describe("expirationDate", () => {
  it.each([
    ["2025-01-01", 99, "2123-12-31"],
    ["2025-07-15", 99, "2124-07-14"],
    ["2025-03-01", 1, "2026-02-28"],
    ["2023-03-01", 1, "2024-02-29"],
    ["2024-02-29", 3, "2027-02-28"], // anniversary of 29 Feb in a common year is 1 March
    ["2024-02-29", 4, "2028-02-28"],
    ["2024-12-31", 1, "2025-12-30"],
  ])("%s + %i years ends %s", (start, years, end) => {
    expect(expirationDate(start, years)).toBe(end);
  });
  it("rejects impossible dates and terms", () => {
    expect(() => expirationDate("2025-02-29", 99)).toThrow(/calendar date/);
    expect(() => expirationDate("2025-01-01", 0)).toThrow(/positive/);
    expect(() => expirationDate("2025-01-01", 1.5)).toThrow(/positive/);
  });
  it("renewal starts the day after expiry", () => {
    expect(renewalTerm("2123-12-31", 99)).toEqual({ startDate: "2124-01-01", endDate: "2222-12-31" });
    expect(renewalTerm("2027-02-28", 1)).toEqual({ startDate: "2027-03-01", endDate: "2028-02-29" });
  });
});

describe("completedYears", () => {
  it.each([
    ["2025-01-01", "2025-12-31", 0],
    ["2025-01-01", "2026-01-01", 1],
    ["2024-02-29", "2025-02-28", 0],
    ["2024-02-29", "2025-03-01", 1],
    ["2025-06-01", "2024-01-01", 0],
  ])("%s → %s = %i", (from, to, years) => expect(completedYears(from, to)).toBe(years));
});

describe("leaseFeeOn", () => {
  const base = { baseMonthlyFeeCents: 3500, startDate: "2025-01-01" };
  it("stays flat without escalation", () => {
    expect(leaseFeeOn("2060-05-01", { ...base, rule: { kind: "none" } })).toBe(3500);
  });
  it("rises by a fixed percent on each anniversary, rounded to cents per step", () => {
    const terms = { ...base, rule: { kind: "fixed-percent" as const, annualRate: "0.03" } };
    expect(leaseFeeOn("2025-12-31", terms)).toBe(3500);
    expect(leaseFeeOn("2026-01-01", terms)).toBe(3605); // 3500 × 1.03
    expect(leaseFeeOn("2027-01-01", terms)).toBe(3713); // 3605 × 1.03 = 3713.15
    expect(leaseFeeOn("2028-01-01", terms)).toBe(3824); // 3713 × 1.03 = 3824.39
    // Per-step rounding, worked by hand (half up each year): … 4433 × 1.03 = 4565.99 → 4566 (2034),
    // 4566 × 1.03 = 4702.98 → 4703 (2035), … 5958 × 1.03 = 6136.74 → 6137 (2044), 6137 × 1.03 = 6321.11 → 6321.
    expect(leaseFeeOn("2034-01-01", terms)).toBe(4566);
    expect(leaseFeeOn("2035-01-01", terms)).toBe(4703);
    expect(leaseFeeOn("2044-01-01", terms)).toBe(6137);
    expect(leaseFeeOn("2045-01-01", terms)).toBe(6321);
  });
  it("rounds half up exactly (no float error)", () => {
    // 50 × 1.01 = 50.5 cents → 51
    expect(leaseFeeOn("2026-01-01", { baseMonthlyFeeCents: 50, startDate: "2025-01-01", rule: { kind: "fixed-percent", annualRate: "0.01" } })).toBe(51);
  });
  it("follows the index, capped, never falling", () => {
    const terms = {
      ...base,
      rule: {
        kind: "index" as const,
        cap: "0.10",
        indexValues: [
          { date: "2025-01-01", value: "100" },
          { date: "2025-12-15", value: "104" }, // +4 %
          { date: "2026-12-15", value: "124.8" }, // +20 % → capped at 10 %
          { date: "2027-12-15", value: "110" }, // falls → unchanged
        ],
      },
    };
    const schedule = leaseFeeSchedule(terms, "2029-06-01");
    expect(schedule.map((s) => [s.effectiveDate, s.monthlyFeeCents])).toEqual([
      ["2025-01-01", 3500],
      ["2026-01-01", 3640],
      ["2027-01-01", 4004],
      ["2028-01-01", 4004],
      ["2029-01-01", 4004], // no newer index value: change 0
    ]);
    expect(schedule[2]!.note).toMatch(/capped at 10%/);
  });
  it("keeps the fee when index values are missing", () => {
    const schedule = leaseFeeSchedule({ ...base, rule: { kind: "index", cap: "0.10" } }, "2026-06-01");
    expect(schedule.at(-1)).toMatchObject({ monthlyFeeCents: 3500, note: expect.stringMatching(/No index value/) });
  });
  it("refuses dates before the start", () => {
    expect(() => leaseFeeOn("2024-12-31", { ...base, rule: { kind: "none" } })).toThrow(/before the fee start/);
  });
  it("never decreases over time with a non-negative fixed rate", () => {
    const terms = { ...base, rule: { kind: "fixed-percent" as const, annualRate: "0.025" } };
    let previous = 0;
    for (let year = 2025; year < 2125; year += 7) {
      const fee = leaseFeeOn(`${year}-06-01`, terms);
      expect(fee).toBeGreaterThanOrEqual(previous);
      previous = fee;
    }
  });
});

describe("validateLeaseDraft", () => {
  const good = { lesseeNames: ["José Núñez"], commencementDate: "2025-01-01", expirationDate: "2123-12-31", termYears: 99, monthlyFeeCents: 3500 };
  it("accepts a sound draft", () => expect(validateLeaseDraft(good)).toEqual([]));
  it.each([
    [{ lesseeNames: [] }, "lesseeNames", /at least one lessee/],
    [{ expirationDate: "2024-12-31" }, "expirationDate", /after the commencement/],
    [{ expirationDate: "2124-01-01" }, "expirationDate", /expires on 2123-12-31/],
    [{ monthlyFeeCents: -1 }, "monthlyFeeCents", /negative/],
    [{ monthlyFeeCents: 35.5 }, "monthlyFeeCents", /whole number of cents/],
    [{ termYears: 0 }, "termYears", /greater than zero/],
    [{ termYears: -5 }, "termYears", /greater than zero/],
    [{ commencementDate: "2025-02-30" }, "commencementDate", /real date/],
    [{ escalation: { kind: "fixed-percent", annualRate: "-0.01" } }, "escalation.annualRate", /zero or more/],
    [{ purchaseOptionDays: 0 }, "purchaseOptionDays", /greater than zero/],
  ] as const)("%o → %s", (change, field, message) => {
    const errors = validateLeaseDraft({ ...good, ...change });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe(field);
    expect(errors[0]!.message).toMatch(message);
  });
});

describe("status by date", () => {
  const on = (status: LeaseStatus, commencementDate: string | null, today: string) => leaseStatusOn({ status, commencementDate }, today);
  it.each([
    // [recorded step, commencement, today, status that day]
    ["executed", "2025-01-01", "2024-12-31", "executed"],
    ["executed", "2025-01-01", "2025-01-01", "active"], // the commencement day itself
    ["recorded", "2025-01-01", "2024-12-31", "recorded"],
    ["recorded", "2025-01-01", "2025-01-02", "active"],
    ["recorded", "2024-02-29", "2024-02-29", "active"],
    ["draft", "2020-01-01", "2025-01-01", "draft"], // a draft never becomes active by itself
    ["active", "2025-01-01", "2025-01-01", "active"],
    ["ended", "2020-01-01", "2025-01-01", "ended"],
    ["assigned", "2020-01-01", "2025-01-01", "assigned"],
    ["recorded", null, "2025-01-01", "recorded"],
  ] as const)("%s lease commencing %s is %s on %s → %s", (status, commencement, today, expected) => {
    expect(on(status, commencement, today)).toBe(expected);
  });

  it("offers the steps of the status by date, never a manual activation", () => {
    expect(nextStepsOn({ status: "draft", commencementDate: "2025-01-01" }, "2026-01-01")).toEqual(["executed"]);
    expect(nextStepsOn({ status: "executed", commencementDate: "2025-01-01" }, "2024-12-31")).toEqual(["recorded"]);
    expect(nextStepsOn({ status: "recorded", commencementDate: "2025-01-01" }, "2024-12-31")).toEqual([]);
    expect(nextStepsOn({ status: "recorded", commencementDate: "2025-01-01" }, "2025-01-01")).toEqual(["ended", "assigned"]);
    // signed and commenced but the memorandum not recorded yet: it can still be recorded
    expect(nextStepsOn({ status: "executed", commencementDate: "2025-01-01" }, "2025-06-01")).toEqual(["recorded", "ended", "assigned"]);
    expect(nextStepsOn({ status: "ended", commencementDate: "2025-01-01" }, "2030-01-01")).toEqual([]);
  });
});
