import { systemActor } from "~/modules/audit/audit.server";
import { createCertification as certify } from "~/modules/households/certification.server";
import { createHousehold as insertHousehold } from "~/modules/households/households.server";
import type { Ethnicity, HouseholdFields, IncomeItem, IncomeSource, MemberInput, Race } from "~/modules/households/schemas";
import type { DerivationMethod, IncomeLimitTable } from "~/modules/income-limits/income-limits";
import { insertIncomeLimitTable } from "~/modules/income-limits/income-limits.server";
import { ADDISON_COUNTY_VT_FY2023, SEED_INCOME_LIMIT_TABLES } from "~/modules/income-limits/seed-tables";
import type { Db } from "~/utils/db.server";

/** Household factories shared by the tests and the demo seed (app/modules/demo/demo-portfolio.ts). */

type MemberOverride = Partial<MemberInput> & { fullName: string };

export async function createHousehold(
  db: Db,
  organisationId: string,
  overrides: Partial<HouseholdFields> & { members?: (string | MemberOverride)[] } = {},
) {
  const { members = [], ...fields } = overrides;
  const household: HouseholdFields = {
    name: fields.name ?? "Test household",
    email: fields.email ?? "",
    phone: fields.phone ?? "",
    mailingAddress: fields.mailingAddress ?? "",
    firstTimeBuyer: fields.firstTimeBuyer ?? null,
    ethnicity: fields.ethnicity ?? "",
    race: fields.race ?? "",
  };
  const memberInputs: MemberInput[] = members.map((m) => {
    const member = typeof m === "string" ? { fullName: m } : m;
    return { relationship: "", dateOfBirth: null, email: "", phone: "", ...member };
  });
  const { id } = await insertHousehold(db, systemActor(organisationId, "Factory"), household, memberInputs);
  return db.household.findUniqueOrThrow({ where: { id }, include: { members: true } });
}

/** Stores one of the seed tables (default: FY2023 Addison County, VT), or any table in the module's shape. */
export async function createIncomeLimitTable(
  db: Db,
  organisationId: string,
  table: IncomeLimitTable = ADDISON_COUNTY_VT_FY2023,
  derivationMethod: DerivationMethod = "multiple-of-50",
) {
  return insertIncomeLimitTable(db, systemActor(organisationId, "Factory"), table, derivationMethod);
}

export type CertificationOverrides = {
  certifiedOn?: string;
  householdSize?: number;
  targetLevel?: number;
  /** The home the household is buying (its parcel's HUD area is used). */
  homeId?: string;
  /** [memberName, source, whole dollars as a string] */
  income?: [string, IncomeSource, string][];
};

export async function createCertification(db: Db, organisationId: string, householdId: string, overrides: CertificationOverrides = {}) {
  const incomeItems: IncomeItem[] = (overrides.income ?? [["", "wages", "50000"]]).map(([memberName, source, dollars]) => ({
    memberName,
    source,
    annualAmountCents: Number(dollars) * 100,
  }));
  const result = await certify(db, systemActor(organisationId, "Factory"), householdId, {
    certifiedOn: overrides.certifiedOn ?? "2023-09-15",
    householdSize: overrides.householdSize ?? 1,
    targetLevel: overrides.targetLevel ?? 80,
    homeId: overrides.homeId,
    incomeItems,
  });
  if (!result.ok) throw new Error(`createCertification: ${result.message}`);
  return db.incomeCertification.findUniqueOrThrow({ where: { id: result.certificationId } });
}

/** Sets the organisation's default HUD area (Settings → Eligibility). */
export async function setDefaultArea(db: Db, organisationId: string, areaCode: string | null) {
  await db.organisation.update({ where: { id: organisationId }, data: { defaultIncomeLimitAreaCode: areaCode } });
}

/** The published seed tables (seed-tables.ts), skipping any the organisation already has. */
export async function seedIncomeLimitTables(db: Db, organisationId: string, tables: readonly IncomeLimitTable[] = SEED_INCOME_LIMIT_TABLES): Promise<void> {
  for (const table of tables) {
    const exists = await db.incomeLimitTable.findFirst({ where: { organisationId, fiscalYear: table.fiscalYear, areaCode: table.areaCode } });
    if (!exists) await createIncomeLimitTable(db, organisationId, table);
  }
}

type DemoHousehold = {
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  firstTimeBuyer?: boolean | null;
  ethnicity: Ethnicity | "";
  race: Race | "";
  members: [string, string, string | null][]; // name, relationship, date of birth
  certifiedOn?: string;
  income?: [string, IncomeSource, string][];
  /**
   * A recertification (same income) so the purchase in app/modules/demo/demo-portfolio.ts falls within the
   * trust's 12-month validity period. Before 2024-04-01, when HUD's FY2024 limits took effect, the FY2023 table
   * is the one in effect, so no unpublished FY2024 figure is needed.
   */
  recertifiedOn?: string;
};

/** ~15 households of a Vermont land trust, certified against the FY2023 Addison County table. */
const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  {
    name: "Núñez household", email: "jose.nunez@example.net", phone: "802-555-0141", address: "44 Canal Street, Apt 3\nWinooski, VT 05404",
    firstTimeBuyer: true, ethnicity: "hispanic", race: "white",
    members: [["José Núñez", "head", "1986-04-12"], ["María Núñez", "spouse-partner", "1988-11-02"], ["Lucía Núñez", "child", "2015-06-30"]],
    certifiedOn: "2023-08-14", income: [["José Núñez", "wages", "48500"], ["María Núñez", "self-employment", "12000"]],
  },
  {
    name: "Łukasz Ščerba", email: "lukasz.scerba@example.org", phone: "802-555-0178", address: "9 Elm Street\nVergennes, VT 05491",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "white",
    members: [["Łukasz Ščerba", "head", "1992-01-23"]],
    certifiedOn: "2023-07-03", income: [["Łukasz Ščerba", "wages", "41200"]], recertifiedOn: "2024-03-12",
  },
  {
    name: "Mohammed household", email: "aisha.mohammed@example.com", phone: "802-555-0112", address: "120 North Avenue\nBurlington, VT 05401",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "black",
    members: [["Aisha Mohammed", "head", "1984-09-09"], ["Yusuf Mohammed", "spouse-partner", "1981-02-17"], ["Amina Mohammed", "child", "2010-05-05"], ["Omar Mohammed", "child", "2013-12-01"], ["Hawa Mohammed", "child", "2019-03-22"]],
    certifiedOn: "2023-10-02", income: [["Yusuf Mohammed", "wages", "62000"], ["Aisha Mohammed", "benefits", "6400"]], recertifiedOn: "2024-03-18",
  },
  {
    name: "Nguyễn Thị Lan", email: "lan.nguyen@example.net", address: "17 Maple Street\nMiddlebury, VT 05753",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "asian",
    members: [["Nguyễn Thị Lan", "head", "1979-07-19"], ["Trần Văn Minh", "child", "2005-10-10"]],
    certifiedOn: "2023-06-20", income: [["Nguyễn Thị Lan", "self-employment", "38750"], ["Trần Văn Minh", "wages", "9800"]],
  },
  {
    name: "Siobhán O'Connor-Reyes", email: "siobhan.oconnor@example.org", phone: "802-555-0190",
    firstTimeBuyer: false, ethnicity: "hispanic", race: "other-multiple",
    members: [["Siobhán O'Connor-Reyes", "head", "1990-03-03"]],
    certifiedOn: "2023-09-28", income: [["Siobhán O'Connor-Reyes", "wages", "52300"]],
  },
  {
    name: "Mensah household", email: "kwame.mensah@example.com", phone: "802-555-0133", address: "3 Depot Street\nBristol, VT 05443",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "black",
    members: [["Kwame Mensah", "head", "1983-08-08"], ["Ama Mensah", "spouse-partner", "1985-01-15"], ["Kofi Mensah", "child", "2012-04-04"], ["Esi Mensah", "child", "2016-09-18"]],
    certifiedOn: "2023-11-06", income: [["Kwame Mensah", "wages", "54800"], ["Ama Mensah", "wages", "21600"]],
  },
  {
    name: "Volkov household", email: "dmitri.volkov@example.org",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "white",
    members: [["Dmitri Volkov", "head", "1975-12-25"], ["Galina Volkova", "parent", "1948-06-01"]],
    certifiedOn: "2023-07-25", income: [["Dmitri Volkov", "wages", "44000"], ["Galina Volkova", "pension", "14200"]],
  },
  {
    name: "Raghunathan household", email: "priya.r@example.net", phone: "802-555-0155",
    firstTimeBuyer: true, ethnicity: "declined", race: "declined",
    members: [["Priya Raghunathan", "head", "1991-02-28"], ["Arjun Raghunathan", "spouse-partner", "1989-10-12"], ["Kavya Raghunathan", "child", "2021-01-09"]],
    certifiedOn: "2023-12-11", income: [["Priya Raghunathan", "wages", "58900"], ["Arjun Raghunathan", "self-employment", "23500"]],
  },
  {
    name: "Hannah Goldberg", phone: "802-555-0101", address: "6 Seminary Street\nMiddlebury, VT 05753",
    firstTimeBuyer: false, ethnicity: "not-hispanic", race: "white",
    members: [["Hannah Goldberg", "head", "1955-05-14"]],
    certifiedOn: "2023-06-05", income: [["Hannah Goldberg", "pension", "24600"], ["Hannah Goldberg", "benefits", "15840"]], recertifiedOn: "2024-03-05",
  },
  {
    name: "Álvarez household", email: "tomas.alvarez@example.com",
    firstTimeBuyer: true, ethnicity: "hispanic", race: "american-indian-white",
    members: [["Tomás Álvarez", "head", "1980-08-30"], ["Rosa Álvarez", "spouse-partner", "1982-03-12"], ["Diego Álvarez", "child", "2006-07-07"], ["Sofía Álvarez", "child", "2009-02-14"], ["Mateo Álvarez", "child", "2014-11-11"], ["Carmen Ruiz", "parent", "1950-01-20"]],
    // not recertified: the purchase of 2025-02-26 is flagged (certification older than 12 months), on purpose
    certifiedOn: "2023-10-19", income: [["Tomás Álvarez", "wages", "57200"], ["Rosa Álvarez", "wages", "18300"], ["Carmen Ruiz", "benefits", "11200"], ["", "child-support", "0"]],
  },
  {
    name: "Chen household", email: "meiling.chen@example.org",
    firstTimeBuyer: false, ethnicity: "not-hispanic", race: "asian-white",
    members: [["Mei-Ling Chen", "head", "1987-04-01"], ["Robert Chen", "spouse-partner", "1986-12-03"]],
    // over income at 80 %: kept to show a "not eligible" verdict
    certifiedOn: "2023-09-01", income: [["Mei-Ling Chen", "wages", "61000"], ["Robert Chen", "wages", "49500"]],
  },
  {
    name: "Benali household", email: "fatima.benali@example.net", phone: "802-555-0166",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "white",
    members: [["Fatima Zahra Benali", "head", "1988-07-27"], ["Youssef Benali", "spouse-partner", "1986-05-05"], ["Nour Benali", "child", "2017-08-08"], ["Adam Benali", "child", "2020-10-30"]],
    certifiedOn: "2023-08-30", income: [["Youssef Benali", "wages", "47300"], ["Fatima Zahra Benali", "self-employment", "9600"]],
  },
  {
    name: "Ingrid Sæther", email: "ingrid.saether@example.com",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "white",
    members: [["Ingrid Sæther", "head", "1996-09-16"]],
    certifiedOn: "2023-11-20", income: [["Ingrid Sæther", "wages", "36400"]],
  },
  {
    name: "Washington household", email: "jamal.washington@example.org", phone: "802-555-0120",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "black-white",
    members: [["Jamal Washington", "head", "1985-06-19"], ["Keisha Washington", "spouse-partner", "1987-02-02"], ["Malik Washington", "child", "2011-03-03"]],
    certifiedOn: "2023-07-17", income: [["Jamal Washington", "wages", "51750"], ["Keisha Washington", "wages", "17200"]],
  },
  {
    name: "Kahananui ʻohana", email: "leilani.k@example.net",
    firstTimeBuyer: true, ethnicity: "not-hispanic", race: "pacific-islander",
    members: [
      ["Leilani Kahananui", "head", "1978-10-04"], ["Keoni Kahananui", "spouse-partner", "1976-01-31"], ["Makana Kahananui", "child", "2003-05-21"],
      ["Nālani Kahananui", "child", "2006-12-12"], ["Kai Kahananui", "child", "2010-08-15"], ["Malia Kahananui", "child", "2013-04-27"],
      ["Pua Kahananui", "parent", "1949-09-09"], ["Kalani Akana", "other-relative", "1980-02-29"],
    ],
    certifiedOn: "2023-12-04", income: [["Keoni Kahananui", "wages", "63400"], ["Leilani Kahananui", "wages", "28600"], ["Pua Kahananui", "pension", "9100"]],
  },
  {
    name: "Ahmadi household", email: "farid.ahmadi@example.com",
    firstTimeBuyer: null, ethnicity: "", race: "",
    members: [["Farid Ahmadi", "head", null], ["Zahra Ahmadi", "spouse-partner", null]],
    // newly enrolled: no certification yet
  },
];

/**
 * The demo organisation's households: the seed income-limit tables, ~15 diverse households with members,
 * and a certification for all but one (FY2023 Addison County, VT, the seed table closest to the demo trust).
 */
export async function seedDemoHouseholds(db: Db, organisationId: string) {
  // the demo trust's homes are in Addison County, VT: its table only, and that area as the trust's default
  await seedIncomeLimitTables(db, organisationId, [ADDISON_COUNTY_VT_FY2023]);
  await setDefaultArea(db, organisationId, ADDISON_COUNTY_VT_FY2023.areaCode);
  await db.parcel.updateMany({ where: { organisationId }, data: { incomeLimitAreaCode: ADDISON_COUNTY_VT_FY2023.areaCode } });
  const created = [];
  for (const demo of DEMO_HOUSEHOLDS) {
    const household = await createHousehold(db, organisationId, {
      name: demo.name,
      email: demo.email ?? "",
      phone: demo.phone ?? "",
      mailingAddress: demo.address ?? "",
      firstTimeBuyer: demo.firstTimeBuyer ?? null,
      ethnicity: demo.ethnicity,
      race: demo.race,
      members: demo.members.map(([fullName, relationship, dateOfBirth]) => ({
        fullName,
        relationship: relationship as MemberInput["relationship"],
        dateOfBirth,
      })),
    });
    if (demo.certifiedOn && demo.income) {
      await createCertification(db, organisationId, household.id, {
        certifiedOn: demo.certifiedOn,
        householdSize: demo.members.length,
        income: demo.income,
      });
      if (demo.recertifiedOn) {
        await createCertification(db, organisationId, household.id, { certifiedOn: demo.recertifiedOn, householdSize: demo.members.length, income: demo.income });
      }
    }
    created.push(household);
  }
  return created;
}
