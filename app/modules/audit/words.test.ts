import { describe, expect, it } from "vitest";
import { actionInWords, actorInWords, isInternalKey, labelFor, valueInWords } from "./words";

describe("audit entries in words (issue 15)", () => {
  it("labels fields as the forms do and formats amounts and dates", () => {
    expect(labelFor("assessedLandValueCents")).toBe("Assessed land value");
    // 6,450,000 cents = $64,500.00
    expect(valueInWords("assessedLandValueCents", 6_450_000)).toBe("$64,500.00");
    expect(valueInWords("purchaseDate", "2024-01-15")).toBe("Jan 15, 2024");
    // 2026-12-01T03:30Z is Nov 30, 10:30 PM in New York (UTC−5)
    expect(valueInWords("signedAt", "2026-12-01T03:30:00.000Z", "America/New_York")).toBe("Nov 30, 2026, 10:30 PM");
    expect(valueInWords("approved", true)).toBe("yes");
  });
  it("says lists and objects in words, never JSON, and leaves out record ids", () => {
    const text = valueInWords("incomeItems", [{ id: "ck1", source: "Wages", amountCents: 4_200_000 }]);
    expect(text).toBe("source Wages, amount $42,000.00");
    expect(text).not.toMatch(/[{}"]/);
    expect(isInternalKey("homeId")).toBe(true);
    expect(isInternalKey("description")).toBe(false);
  });
  it("says a stored choice in words and leaves out schedule and lookup keys", () => {
    expect(valueInWords("homeType", "single_family")).toBe("single family");
    expect(valueInWords("type", "occupancy_certification")).toBe("occupancy certification");
    // words people type keep their hyphens
    expect(valueInWords("notes", "well-kept")).toBe("well-kept");
    expect(valueInWords("monitoringEvents", ["Late payment (lease fee due 2025-04-01) on 2025-04-12"])).toBe("Late payment (lease fee due Apr 1, 2025) on Apr 12, 2025");
    expect(valueInWords("reference", "ACH-GL-2025-0002-2025-04-01")).toBe("ACH-GL-2025-0002-2025-04-01");
    expect(isInternalKey("scheduleKey")).toBe(true);
    expect(isInternalKey("parcelNumberKey")).toBe(true);
  });
  it("says a record's stored choice in the words it is given, also inside lists and objects", () => {
    const lease = { status: { recorded: "Recorded with the county" }, kind: { "fixed-percent": "Fixed percent per year" } };
    expect(valueInWords("status", "recorded", "UTC", lease)).toBe("Recorded with the county");
    expect(valueInWords("feeEscalation", { kind: "fixed-percent", annualRate: "0.03" }, "UTC", lease)).toBe("kind Fixed percent per year, annual rate 3%");
    // a name followed by its stored choice: the choice's words in lower case, as My home writes a relationship
    const household = { member: { head: "Head of household", "spouse-partner": "Spouse or partner" } };
    expect(valueInWords("members", ["José Núñez (head)", "María Núñez (spouse-partner)", "Ana Ruiz (friend)"], "UTC", household)).toBe(
      "José Núñez (head of household); María Núñez (spouse or partner); Ana Ruiz (friend)",
    );
    // text that is not one of the choices, a field without choices and an inherited name stay as written
    const funding = { program: { city: "City" } };
    expect(valueInWords("program", "city", "UTC", funding)).toBe("City");
    expect(valueInWords("program", "Neighbourhood fund", "UTC", funding)).toBe("Neighbourhood fund");
    expect(valueInWords("program", "city")).toBe("city");
    expect(valueInWords("funder", "city", "UTC", funding)).toBe("city");
    expect(valueInWords("program", "toString", "UTC", funding)).toBe("toString");
  });
  it("says a rate as the percentage the forms take, exactly", () => {
    expect(valueInWords("annualRate", "0.03")).toBe("3%");
    expect(valueInWords("interestRate", "0.0675")).toBe("6.75%");
    expect(valueInWords("rate", "0.1")).toBe("10%");
    expect(valueInWords("feeEscalation", { kind: "fixed-percent", annualRate: "0.025" })).toContain("annual rate 2.5%");
    // not a rate, or not a number: as before
    expect(valueInWords("moderate", "0.5")).toBe("0.5");
    expect(valueInWords("annualRate", "three percent")).toBe("three percent");
  });

  it("names the action and the record in words, and the seed's actor", () => {
    expect(actionInWords("create", "ResaleCalculation")).toBe("Created resale calculation");
    expect(actionInWords("update", "FundingSource")).toBe("Changed funding source");
    expect(actorInWords("Test factory")).toBe("Set up by the system");
    expect(actorInWords("Dana Okafor")).toBe("Dana Okafor");
  });
});
