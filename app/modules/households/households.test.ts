import { describe, expect, it } from "vitest";
import { contentDisposition as attachmentDisposition } from "~/utils/content-disposition";
import { householdsToCsv, planHouseholdImport } from "./csv";
import { CertificationSchema, householdSearchText, isLegalDate, parseDollarsToCents, PurchaseSchema, relationshipLabel } from "./schemas";

describe("legal dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2023-02-30", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2023-04-31", false],
    ["2023-12-31", true],
    ["2023-13-01", false],
    ["2023-1-01", false],
    ["01/02/2023", false],
  ])("%s is %s", (value, expected) => {
    expect(isLegalDate(value)).toBe(expected);
  });
});

describe("dollar amounts to cents", () => {
  it.each([
    ["52300", 5_230_000],
    ["52,300.50", 5_230_050],
    ["$1,234,567.8", 123_456_780],
    ["0", 0],
    ["0.07", 7],
    [" 1000 ", 100_000],
  ])("%s → %d cents", (text, cents) => {
    expect(parseDollarsToCents(text)).toBe(cents);
  });

  it.each(["-5", "1.234", "12,34", "1e5", "abc", "", "$", "1,000,00", "0.1.2"])("rejects %s", (text) => {
    expect(parseDollarsToCents(text)).toBeNull();
  });

  it("never goes through floating point (0.1 + 0.2 style sums stay exact)", () => {
    expect(parseDollarsToCents("0.10")! + parseDollarsToCents("0.20")!).toBe(30);
    expect(parseDollarsToCents("90071992547409.91")).toBe(9_007_199_254_740_991);
  });
});

describe("certification schema", () => {
  it("ignores wholly blank income rows and requires complete ones", () => {
    const ok = CertificationSchema.safeParse({
      certifiedOn: "2023-09-15",
      householdSize: 3,
      targetLevel: 80,
      incomeItems: [{ memberName: "A", source: "wages", annualAmount: "41,200.10" }, {}, { source: "pension", annualAmount: "0" }],
    });
    expect(ok.success && ok.data.incomeItems).toEqual([
      { memberName: "A", source: "wages", annualAmountCents: 4_120_010 },
      { memberName: "", source: "pension", annualAmountCents: 0 },
    ]);
    const bad = CertificationSchema.safeParse({ certifiedOn: "2023-09-15", householdSize: 3, targetLevel: 70, incomeItems: [{ memberName: "A" }] });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(["targetLevel", "incomeItems.0.source", "incomeItems.0.annualAmount"]);
  });
});

describe("purchase schema", () => {
  it("keeps the rate as a decimal string and refuses a mortgage above the price", () => {
    const ok = PurchaseSchema.safeParse({ homeId: "h", purchasePrice: "185,000", purchaseDate: "2024-03-15", mortgageRate: "6.125", mortgageAmount: "175,750" });
    expect(ok.success && ok.data).toMatchObject({ purchasePrice: 18_500_000, mortgageAmount: 17_575_000, mortgageRate: "6.125", mortgageType: "" });
    const bad = PurchaseSchema.safeParse({ homeId: "h", purchasePrice: "100", purchaseDate: "2024-03-15", mortgageAmount: "200" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(["mortgageAmount"]);
  });
});

describe("household search text", () => {
  it("is the lower-cased name, member names and email", () => {
    expect(householdSearchText("Núñez Household", "JOSE@EXAMPLE.NET", ["José Núñez", " Łukasz "])).toBe("núñez household josé núñez łukasz jose@example.net");
  });
});

describe("household CSV", () => {
  it("reports each bad row with its column; valid rows parse members and categories", () => {
    const plan = planHouseholdImport(
      [
        "household_name,email,first_time_buyer,ethnicity,race,member_names",
        "Ahmadi,farid@example.com,Y,Not Hispanic or Latino,ASIAN,Farid Ahmadi;Zahra Ahmadi;",
        ",x@example.com,,,,",
        "Doe,bad,perhaps,,purple,",
      ].join("\n"),
    );
    expect(plan.rows).toEqual([
      {
        row: 2,
        household: { name: "Ahmadi", email: "farid@example.com", phone: "", mailingAddress: "", firstTimeBuyer: true, ethnicity: "not-hispanic", race: "asian" },
        members: [
          { fullName: "Farid Ahmadi", relationship: "", dateOfBirth: null, email: "", phone: "" },
          { fullName: "Zahra Ahmadi", relationship: "", dateOfBirth: null, email: "", phone: "" },
        ],
      },
    ]);
    expect(plan.errors.map((e) => `${e.row}:${e.column}`)).toEqual(["3:household_name", "4:email", "4:first_time_buyer", "4:race"]);
  });

  it("reports a malformed file and a missing name column", () => {
    expect(planHouseholdImport('household_name\n"unclosed').errors[0]!.message).toMatch(/Malformed CSV/);
    expect(planHouseholdImport("name\nA").errors).toEqual([{ row: 1, column: "household_name", message: 'missing column "household_name"' }]);
  });

  it("exports what it imports, with formula injection neutralised", () => {
    const csv = householdsToCsv([
      {
        name: "@SUM(A1)", email: "", phone: "", mailingAddress: "1 Main St, Town", firstTimeBuyer: false, ethnicity: "declined", race: "",
        archivedAt: null, members: [{ fullName: "A" }, { fullName: "B" }], incomeCertifications: [], currentHome: "",
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe(`'@SUM(A1),,,"1 Main St, Town",no,declined,,A; B,2,,,,no`);
    expect(planHouseholdImport(csv).rows[0]!.members.map((m) => m.fullName)).toEqual(["A", "B"]);
  });

  it("gives a download filename that survives non-ASCII names", () => {
    expect(attachmentDisposition("Église households 2025.csv")).toBe(
      `attachment; filename="Eglise households 2025.csv"; filename*=UTF-8''%C3%89glise%20households%202025.csv`,
    );
  });
});

describe("amounts beyond what is stored", () => {
  it("refuses an income that would not fit a cents column, with a message instead of a crash", async () => {
    const { CertificationSchema } = await import("./schemas");
    const base = { certifiedOn: "2023-09-01", householdSize: "2", targetLevel: "80" };
    const huge = CertificationSchema.safeParse({ ...base, incomeItems: [{ memberName: "A", source: "wages", annualAmount: "1,000,000,000,000" }] });
    expect(huge.success).toBe(false);
    expect(JSON.stringify(huge.error?.issues)).toContain("too large");
    const sum = CertificationSchema.safeParse({
      ...base,
      incomeItems: [
        { memberName: "A", source: "wages", annualAmount: "600,000,000,000" },
        { memberName: "B", source: "wages", annualAmount: "600,000,000,000" },
      ],
    });
    expect(sum.success).toBe(false);
    expect(JSON.stringify(sum.error?.issues)).toContain("total income is too large");
  });
});

describe("relationshipLabel", () => {
  it("says a member's stored relationship in the household form's words", () => {
    expect(relationshipLabel("spouse-partner")).toBe("Spouse or partner");
    expect(relationshipLabel("other-relative")).toBe("Other relative");
    expect(relationshipLabel("godmother")).toBe("godmother");
  });
});
