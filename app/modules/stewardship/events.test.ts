import { describe, expect, it } from "vitest";
import { canMoveTo, delinquentAfter, isOverdue, statusOn } from "./events";

describe("an event's status on a date", () => {
  const event = { status: "open" as const, dueDate: "2026-01-15" };

  it("is open up to and including the last day of the 14-day grace period, delinquent the day after", () => {
    expect(delinquentAfter("2026-01-15", 14)).toBe("2026-01-29");
    expect(statusOn(event, "2026-01-15", 14)).toBe("open");
    expect(statusOn(event, "2026-01-29", 14)).toBe("open");
    expect(statusOn(event, "2026-01-30", 14)).toBe("delinquent");
  });

  it("follows the trust's grace period, across a month end and a leap day", () => {
    expect(statusOn({ status: "open", dueDate: "2028-02-20" }, "2028-03-01", 10)).toBe("open");
    expect(statusOn({ status: "open", dueDate: "2028-02-20" }, "2028-03-02", 10)).toBe("delinquent");
    expect(statusOn(event, "2026-01-16", 0)).toBe("delinquent");
  });

  it("leaves submitted and resolved events as they are", () => {
    expect(statusOn({ status: "submitted", dueDate: "2025-01-15" }, "2026-06-01", 14)).toBe("submitted");
    expect(statusOn({ status: "resolved", dueDate: "2025-01-15" }, "2026-06-01", 14)).toBe("resolved");
  });

  it("is overdue from the day after the due date while unanswered", () => {
    expect(isOverdue(event, "2026-01-15")).toBe(false);
    expect(isOverdue(event, "2026-01-16")).toBe(true);
    expect(isOverdue({ status: "submitted", dueDate: "2026-01-15" }, "2026-03-01")).toBe(false);
  });
});

describe("status changes", () => {
  it("go open → submitted → resolved, and never out of resolved", () => {
    expect(canMoveTo("open", "submitted")).toBe(true);
    expect(canMoveTo("submitted", "resolved")).toBe(true);
    expect(canMoveTo("submitted", "open")).toBe(true);
    expect(canMoveTo("delinquent", "resolved")).toBe(true);
    expect(canMoveTo("resolved", "open")).toBe(false);
    expect(canMoveTo("resolved", "submitted")).toBe(false);
    expect(canMoveTo("open", "open")).toBe(false);
  });
});
