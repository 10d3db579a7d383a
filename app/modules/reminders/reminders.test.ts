import { describe, expect, it } from "vitest";
import { ALL_ON, caseReminders, itemReminderKind, itemReminders, statementMonth, statementReminders, type DueItemForReminder } from "./reminders";

const item: DueItemForReminder = {
  type: "occupancy_certification",
  dueDate: "2026-01-15",
  status: "open",
  leaseId: "lease-1",
  leaseReference: "GL-1",
  scheduleKey: "occupancy_certification:2026",
  eventId: null,
  home: "12 Orchard Lane",
  householdId: "hh-1",
  assignedToId: null,
};

describe("which reminder an item calls for", () => {
  it("due soon from 14 days before the due date, overdue from the day after, none before or once sent", () => {
    // 2026-01-01 is 14 days before 2026-01-15; 2025-12-31 is 15
    expect(itemReminderKind(item, "2025-12-31")).toBeNull();
    expect(itemReminderKind(item, "2026-01-01")).toBe("certificationDueSoon");
    expect(itemReminderKind(item, "2026-01-15")).toBe("certificationDueSoon");
    expect(itemReminderKind(item, "2026-01-16")).toBe("certificationOverdue");
    expect(itemReminderKind({ ...item, status: "delinquent" }, "2026-02-10")).toBe("certificationOverdue");
    expect(itemReminderKind({ ...item, status: "submitted" }, "2026-01-16")).toBeNull();
    expect(itemReminderKind({ ...item, type: "insurance_proof" }, "2026-01-10")).toBe("insuranceDueSoon");
    expect(itemReminderKind({ ...item, type: "property_tax_proof" }, "2026-01-10")).toBeNull();
  });

  it("one reminder per recipient, keyed by kind, record, due date and person; a switched-off kind sends nothing", () => {
    const people = {
      homeowners: (id: string) => (id === "hh-1" ? [{ userId: "u-h", email: "grace@example.org", name: "Grace", homeowner: true }] : []),
      staff: (id: string) => (id === "u-s" ? { userId: "u-s", email: "sam@example.org", name: "Sam", homeowner: false } : null),
    };
    const links = { myHome: "https://x.org/my-home", staffItem: () => "https://x.org/stewardship/scheduled/lease-1/k" };
    const sent = itemReminders([{ ...item, assignedToId: "u-s" }], "2026-01-05", ALL_ON, people, links);
    expect(sent.map((r) => [r.key, r.to, r.subject])).toEqual([
      ["certificationDueSoon:lease-1:occupancy_certification:2026:2026-01-15:u-h", "grace@example.org", "Due January 15, 2026: your annual occupancy certification"],
      ["certificationDueSoon:lease-1:occupancy_certification:2026:2026-01-15:u-s", "sam@example.org", "Due January 15, 2026: annual occupancy certification — 12 Orchard Lane"],
    ]);
    expect(itemReminders([item], "2026-01-05", { ...ALL_ON, certificationDueSoon: false }, people, links)).toEqual([]);
  });
});

describe("the statement and case reminders", () => {
  it("the statement ready is the month before today's, once per household, month and person", () => {
    expect(statementMonth("2026-03-01")).toEqual({ month: "2026-02", from: "2026-02-01", to: "2026-02-28" });
    expect(statementMonth("2026-01-20")).toEqual({ month: "2025-12", from: "2025-12-01", to: "2025-12-31" });
    const [reminder] = statementReminders([{ householdId: "hh-1", homeowners: [{ userId: "u-h", email: "grace@example.org", name: "Grace", homeowner: true }] }], "2026-03-01", ALL_ON, { myHome: "/my-home" });
    expect(reminder).toMatchObject({ key: "feeStatementReady:hh-1:2026-02:u-h", subject: "Your lease-fee statement for February 2026 is ready" });
  });

  it("a case reminds only when its next deadline is due soon", () => {
    const staff = [{ userId: "u-s", email: "sam@example.org", name: "Sam", homeowner: false }];
    const next = { key: "option", label: "Option decided", due: "2026-02-10", state: "due-soon" };
    expect(caseReminders([{ id: "c1", home: "12 Orchard Lane", next, staff }], ALL_ON, { case: (id) => `/transfers/${id}` }).map((r) => r.key)).toEqual(["caseDeadline:c1:option:2026-02-10:u-s"]);
    expect(caseReminders([{ id: "c1", home: "12 Orchard Lane", next: { ...next, state: "upcoming" }, staff }], ALL_ON, { case: (id) => `/transfers/${id}` })).toEqual([]);
  });
});
