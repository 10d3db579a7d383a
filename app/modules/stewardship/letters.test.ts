import { describe, expect, it } from "vitest";
import { letterParagraphs, letterTitle, lettersFor, type LetterData } from "./letters";

const base: LetterData = {
  kind: "certification-request",
  letterDate: "2025-12-01",
  organisation: { name: "Riverbend CLT", address: "1 Main St" },
  lessees: ["Ana Lima", "Jordan Reyes"],
  mailingAddress: "",
  homeAddress: "12 Alder Lane, Burlington, VT 05401",
  leaseReference: "GL-2024-0001",
  commencementDate: "2024-01-15",
  type: "occupancy_certification",
  dueDate: "2026-01-15",
  graceDays: 14,
  nonMonetaryCureDays: 60,
};

describe("stewardship letters", () => {
  it("a request sent before the due date asks for the proof by the due date", () => {
    const text = letterParagraphs(base).join("\n");
    expect(letterTitle(base)).toBe("Request for annual owner-occupancy certification");
    expect(text).toContain("Dear Ana Lima and Jordan Reyes:");
    expect(text).toContain("by January 15, 2026.");
  });

  it("a request sent late says when it was due and gives 14 days", () => {
    expect(letterParagraphs({ ...base, letterDate: "2026-02-02" }).join("\n")).toContain("It was due on January 15, 2026; please send it by February 16, 2026.");
  });

  it("a past-due notice gives the grace period's end, 14 days to answer and the lease's cure period", () => {
    const text = letterParagraphs({ ...base, kind: "past-due-notice", letterDate: "2026-02-02", type: "insurance_proof", dueDate: "2026-01-10", graceDays: 10, nonMonetaryCureDays: 45 }).join("\n");
    expect(text).toContain("your proof of homeowner's insurance for the home at 12 Alder Lane, Burlington, VT 05401 was due on January 10, 2026");
    expect(text).toContain("the 10-day grace period ended on January 20, 2026");
    expect(text).toContain("by February 16, 2026");
    expect(text).toContain("The lease then allows 45 days from that notice to cure the default.");
  });

  it("offers a request while an event is unanswered, and a past-due notice once it is overdue; none for other types", () => {
    expect(lettersFor({ type: "occupancy_certification", status: "open", overdue: false })).toEqual(["certification-request"]);
    expect(lettersFor({ type: "property_tax_proof", status: "delinquent", overdue: true })).toEqual(["certification-request", "past-due-notice"]);
    expect(lettersFor({ type: "insurance_proof", status: "submitted", overdue: false })).toEqual([]);
    expect(lettersFor({ type: "inspection", status: "open", overdue: true })).toEqual([]);
  });
});
