import { describe, expect, it } from "vitest";
import { buildCalendar, leaseOccurrences, parseMonthDay, parseScheduleKey, type ScheduleLease, type ScheduleSettings, type StoredEvent } from "./calendar";

const NO_SETTINGS: ScheduleSettings = { occupancyFixedDate: null, taxProofDate: null, monitoringStartsOn: null };
const lease = (overrides: Partial<ScheduleLease> = {}): ScheduleLease => ({ id: "L1", status: "active", commencementDate: "2024-01-15", endedOn: null, schedule: null, ...overrides });
const dues = (lease: ScheduleLease, through: string, settings = NO_SETTINGS) => leaseOccurrences(lease, settings, through).map((o) => `${o.type} ${o.dueDate} ${o.scheduleKey}`);

describe("a lease's schedule", () => {
  it("asks for occupancy and tax proof on each commencement anniversary, the first a year after commencement", () => {
    expect(dues(lease(), "2026-02-15")).toEqual([
      "occupancy_certification 2025-01-15 occupancy_certification:2025",
      "property_tax_proof 2025-01-15 property_tax_proof:2025",
      "occupancy_certification 2026-01-15 occupancy_certification:2026",
      "property_tax_proof 2026-01-15 property_tax_proof:2026",
    ]);
    expect(dues(lease(), "2025-01-14")).toEqual([]);
  });

  it("keeps a 29 February commencement on 1 March in common years, 29 February in leap years", () => {
    const leap = lease({ commencementDate: "2024-02-29" });
    expect(leaseOccurrences(leap, NO_SETTINGS, "2028-12-31").filter((o) => o.type === "occupancy_certification").map((o) => o.dueDate)).toEqual([
      "2025-03-01",
      "2026-03-01",
      "2027-03-01",
      "2028-02-29",
    ]);
  });

  it("uses the trust's fixed dates, or the lease's own, in each year after the commencement year", () => {
    const settings = { occupancyFixedDate: "03-01", taxProofDate: "12-31", monitoringStartsOn: null };
    expect(dues(lease({ commencementDate: "2024-12-20" }), "2026-03-01", settings)).toEqual([
      "occupancy_certification 2025-03-01 occupancy_certification:2025",
      "property_tax_proof 2025-12-31 property_tax_proof:2025",
      "occupancy_certification 2026-03-01 occupancy_certification:2026",
    ]);
    const own = lease({ schedule: { occupancyFixedDate: "06-30", insuranceExpiresOn: null, taxProofDate: null } });
    expect(dues(own, "2025-12-31", settings)).toEqual([
      "occupancy_certification 2025-06-30 occupancy_certification:2025",
      "property_tax_proof 2025-12-31 property_tax_proof:2025",
    ]);
  });

  it("asks for proof of insurance by each yearly expiry of the policy after the lease began", () => {
    const insured = lease({ schedule: { occupancyFixedDate: null, insuranceExpiresOn: "2023-09-30", taxProofDate: null } });
    expect(leaseOccurrences(insured, NO_SETTINGS, "2025-12-31").filter((o) => o.type === "insurance_proof").map((o) => o.scheduleKey + " " + o.dueDate)).toEqual([
      "insurance_proof:2024 2024-09-30",
      "insurance_proof:2025 2025-09-30",
    ]);
  });

  it("stops when the lease stops binding, skips drafts, and starts no earlier than the trust's monitoring start", () => {
    expect(dues(lease({ status: "ended", endedOn: "2025-06-30" }), "2027-01-01")).toEqual([
      "occupancy_certification 2025-01-15 occupancy_certification:2025",
      "property_tax_proof 2025-01-15 property_tax_proof:2025",
    ]);
    expect(dues(lease({ status: "draft" }), "2027-01-01")).toEqual([]);
    expect(dues(lease({ commencementDate: "2005-05-01" }), "2026-05-01", { ...NO_SETTINGS, monitoringStartsOn: "2026-01-01" })).toEqual([
      "occupancy_certification 2026-05-01 occupancy_certification:2026",
      "property_tax_proof 2026-05-01 property_tax_proof:2026",
    ]);
  });

  it("never misses nor repeats a year over a long lease (one key per type and year)", () => {
    const occurrences = leaseOccurrences(lease({ commencementDate: "2001-02-28" }), NO_SETTINGS, "2099-12-31").filter((o) => o.type === "occupancy_certification");
    expect(occurrences.map((o) => Number(o.scheduleKey.slice(-4)))).toEqual(Array.from({ length: 98 }, (_, i) => 2002 + i));
    expect(new Set(occurrences.map((o) => o.scheduleKey)).size).toBe(98);
  });
});

describe("the calendar", () => {
  const stored = (overrides: Partial<StoredEvent>): StoredEvent => ({ id: "E1", leaseId: "L1", type: "occupancy_certification", dueDate: "2025-01-15", status: "open", scheduleKey: "occupancy_certification:2025", assignedToId: null, ...overrides });

  it("shows the lease commenced 2024-01-15 with certifications due 2025-01-15 and 2026-01-15, the 2026 one delinquent after 14 days' grace", () => {
    const occurrences = leaseOccurrences(lease(), NO_SETTINGS, "2026-04-30").filter((o) => o.type === "occupancy_certification");
    const resolved2025 = stored({ status: "resolved" });
    const on = (asOf: string) => buildCalendar(occurrences, [resolved2025], asOf, 14).map((e) => [e.dueDate, e.status, e.event ? "stored" : "scheduled"]);
    expect(on("2026-01-29")).toEqual([
      ["2025-01-15", "resolved", "stored"],
      ["2026-01-15", "open", "scheduled"],
    ]);
    expect(on("2026-01-30")).toEqual([
      ["2025-01-15", "resolved", "stored"],
      ["2026-01-15", "delinquent", "scheduled"],
    ]);
  });

  it("lists a stored occurrence once, and adds unscheduled events", () => {
    const occurrences = leaseOccurrences(lease(), NO_SETTINGS, "2025-02-01");
    const inspection = stored({ id: "E2", type: "inspection", scheduleKey: null, dueDate: "2025-01-20" });
    const entries = buildCalendar(occurrences, [stored({ status: "submitted" }), inspection], "2025-02-01", 14);
    expect(entries.map((e) => [e.type, e.dueDate, e.status, e.event?.id ?? null])).toEqual([
      ["occupancy_certification", "2025-01-15", "submitted", "E1"],
      // due 2025-01-15, grace to 2025-01-29: delinquent on 2025-02-01
      ["property_tax_proof", "2025-01-15", "delinquent", null],
      ["inspection", "2025-01-20", "open", "E2"],
    ]);
    expect(entries.map((e) => e.overdue)).toEqual([false, true, true]);
  });
});

describe("month-days and keys", () => {
  it("accept MM-DD except 29 February, and keys of scheduled types only", () => {
    expect(parseMonthDay("03-01")).toEqual({ month: 3, day: 1 });
    expect(parseMonthDay("02-29")).toBeNull();
    expect(parseMonthDay("13-01")).toBeNull();
    expect(parseMonthDay("3-1")).toBeNull();
    expect(parseScheduleKey("insurance_proof:2026")).toEqual({ type: "insurance_proof", year: 2026 });
    expect(parseScheduleKey("inspection:2026")).toBeNull();
  });
});
