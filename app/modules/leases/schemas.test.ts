import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { LeaseFormSchema, LeaseTermDefaultsSchema } from "./schemas";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

function firstErrors(result: { reply: () => { error?: Record<string, string[] | null> | null } }): Record<string, string> {
  const reply = result.reply();
  return Object.fromEntries(Object.entries(reply.error ?? {}).flatMap(([name, messages]) => (messages?.length ? [[name, messages[0]!]] : [])));
}

describe("the lease form reports every error of a submission at once (issue 15)", () => {
  it("field errors and the cross-field errors (escalation rate, renewal window) in one pass", () => {
    const result = parseWithZod(
      form({
        homeId: "",
        householdId: "h1",
        lesseeNames: "Ana Diaz",
        commencementDate: "2026-02-30",
        termYears: "99",
        monthlyFeeCents: "lots",
        escalationKind: "fixed-percent",
        escalationRate: "",
        renewalNoticeEarliestMonths: "6",
        renewalNoticeLatestMonths: "9",
      }),
      { schema: LeaseFormSchema },
    );
    expect(result.status).toBe("error");
    expect(firstErrors(result)).toEqual({
      homeId: "Choose the home",
      commencementDate: "This date does not exist on the calendar",
      monthlyFeeCents: "Enter an amount in dollars, e.g. 250000 or 1,234.50",
      escalationRate: "Enter the yearly increase in percent, e.g. 3",
      renewalNoticeLatestMonths: "The renewal notice window must close after it opens: fewer months before expiration than when it opens.",
    });
  });

  it("a field that failed its own check gets one message, not a second from a rule across fields", () => {
    const result = parseWithZod(form({ escalationKind: "fixed-percent", escalationRate: "lots" }), { schema: LeaseFormSchema });
    expect(result.reply().error?.escalationRate).toEqual(["Enter the yearly increase as a percent of zero or more, e.g. 3"]);
  });

  it("a valid form parses to the stored values", () => {
    const result = parseWithZod(
      form({ homeId: "home", householdId: "hh", lesseeNames: "Ana Diaz\n\nBo Diaz", commencementDate: "2026-03-01", monthlyFeeCents: "$25.50", escalationKind: "fixed-percent", escalationRate: "3" }),
      { schema: LeaseFormSchema },
    );
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({ lesseeNames: ["Ana Diaz", "Bo Diaz"], termYears: 99, monthlyFeeCents: 2550, escalationRate: "0.03", mortgages: [], riders: [] });
  });

  it("the trust's lease-term defaults: the renewal window is checked even when another term is wrong", () => {
    const result = parseWithZod(
      form({ version: "0", feeDueDay: "31", purchaseOptionDays: "90", graceDays: "10", lateChargeCents: "25", monetaryCureDays: "30", nonMonetaryCureDays: "60", lenderCureDays: "60", priceNoticeDays: "30", closingDays: "90", renewalNoticeEarliestMonths: "6", renewalNoticeLatestMonths: "12" }),
      { schema: LeaseTermDefaultsSchema },
    );
    expect(Object.keys(firstErrors(result)).sort()).toEqual(["feeDueDay", "renewalNoticeLatestMonths"]);
  });
});
