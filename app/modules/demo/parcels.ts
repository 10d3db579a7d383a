import { randomBytes } from "node:crypto";
import { systemActor } from "~/modules/audit/audit.server";
import { addFundingSource, addHome, registerParcel } from "~/modules/parcels/parcels.server";
import type { FundingSourceInput, HomeInput, ParcelInput } from "~/modules/parcels/schemas";
import type { Db } from "~/utils/db.server";

/** Parcel factories shared by tests, the demo seed and the scale seed. */

export function buildParcel(overrides: Partial<ParcelInput> = {}): ParcelInput {
  return {
    parcelNumber: `T-${randomBytes(4).toString("hex").toUpperCase()}`,
    streetAddress: "14 Elm Street",
    city: "Winooski",
    state: "VT",
    postalCode: "05404",
    legalDescription: "Lot 14 of the Elm Street subdivision, as shown on a plan recorded in Map Book 12, Page 34 of the Winooski Land Records.",
    landArea: "0.18",
    landAreaUnit: "acres",
    zoning: "R-2",
    acquisitionDate: "2012-05-15",
    acquisitionPriceCents: 6_500_000,
    acquisitionMethod: "purchase",
    assessedLandValueCents: 8_200_000,
    status: "leased",
    ...overrides,
  };
}

export function buildHome(overrides: Partial<HomeInput> = {}): HomeInput {
  return { homeType: "single_family", bedrooms: 3, bathrooms: "1.5", floorAreaSqft: 1_240, yearBuilt: 1998, label: "", ...overrides };
}

export function buildFunding(overrides: Partial<FundingSourceInput> = {}): FundingSourceInput {
  return {
    funder: "City of Winooski",
    program: "HOME",
    amountCents: 4_000_000,
    receivedOn: "2012-05-15",
    affordabilityYears: 30,
    ...overrides,
  };
}

export async function createParcel(
  db: Db,
  organisationId: string,
  overrides: Partial<ParcelInput> & { home?: HomeInput | null; funding?: FundingSourceInput | null } = {},
) {
  const { home = buildHome(), funding = buildFunding(), ...parcelOverrides } = overrides;
  const { id } = await registerParcel(db, systemActor(organisationId, "Test factory"), {
    ...buildParcel(parcelOverrides),
    home: home ?? undefined,
    funding: funding ?? undefined,
  });
  return db.parcel.findUniqueOrThrow({ where: { id }, include: { homes: true, fundingSources: true } });
}

type DemoParcel = Partial<ParcelInput> & { homes: Partial<HomeInput>[]; funding: Partial<FundingSourceInput>[] };

const DEMO_PARCELS: DemoParcel[] = [
  {
    parcelNumber: "W-014-022",
    streetAddress: "22 Elm Street",
    legalDescription:
      "A certain parcel of land with the buildings thereon, being Lot 22 on a plan entitled \"Elm Street Subdivision\", dated March 3, 1996, recorded in Map Slide 112 of the Town of Middlebury Land Records, and more particularly described as follows: beginning at an iron pin on the easterly sideline of Elm Street; thence easterly 120 feet along Lot 21; thence southerly 66 feet; thence westerly 120 feet along Lot 23 to Elm Street; thence northerly along Elm Street 66 feet to the point of beginning.",
    acquisitionDate: "2009-08-14",
    acquisitionPriceCents: 5_400_000,
    homes: [{ homeType: "single_family", bedrooms: 3, bathrooms: "1.5", floorAreaSqft: 1_310, yearBuilt: 1997 }],
    funding: [{ funder: "Town of Middlebury", program: "HOME", amountCents: 3_500_000, receivedOn: "2009-08-14", affordabilityYears: 30, restrictionEndDate: "2039-08-14" }],
  },
  {
    parcelNumber: "W-014-031",
    streetAddress: "31 Elm Street",
    acquisitionDate: "2011-03-02",
    acquisitionPriceCents: 6_100_000,
    homes: [{ homeType: "single_family", bedrooms: 2, bathrooms: "1", floorAreaSqft: 980, yearBuilt: 1952 }],
    funding: [{ funder: "Vermont Housing & Conservation Board", program: "state", amountCents: 4_200_000, receivedOn: "2011-03-02", affordabilityYears: 99 }],
  },
  {
    parcelNumber: "W-020-105",
    streetAddress: "105 Main Street",
    zoning: "MU-1",
    acquisitionDate: "2014-06-30",
    acquisitionPriceCents: 21_000_000,
    acquisitionMethod: "purchase",
    homes: [
      { homeType: "townhouse", label: "Unit A", bedrooms: 2, bathrooms: "1.5", floorAreaSqft: 1_050, yearBuilt: 2016 },
      { homeType: "townhouse", label: "Unit B", bedrooms: 3, bathrooms: "1.5", floorAreaSqft: 1_240, yearBuilt: 2016 },
      { homeType: "townhouse", label: "Unit C", bedrooms: 3, bathrooms: "2", floorAreaSqft: 1_260, yearBuilt: 2016 },
    ],
    funding: [
      { funder: "Town of Middlebury", program: "CDBG", amountCents: 9_000_000, receivedOn: "2014-06-30", affordabilityYears: 30, restrictionEndDate: "2044-06-30" },
      { funder: "Green Mountain Community Foundation", program: "private", amountCents: 2_500_000, receivedOn: "2015-01-20" },
    ],
  },
  {
    parcelNumber: "W-033-007",
    streetAddress: "7 Barlow Street",
    acquisitionDate: "2016-10-12",
    acquisitionMethod: "donation",
    acquisitionPriceCents: 0,
    homes: [
      { homeType: "duplex", label: "North half", bedrooms: 2, bathrooms: "1", floorAreaSqft: 900, yearBuilt: 1925 },
      { homeType: "duplex", label: "South half", bedrooms: 2, bathrooms: "1", floorAreaSqft: 900, yearBuilt: 1925 },
    ],
    funding: [{ funder: "Vermont Housing & Conservation Board", program: "state", amountCents: 6_000_000, receivedOn: "2017-02-01", affordabilityYears: 99 }],
  },
  {
    parcelNumber: "B-118-040",
    streetAddress: "40 North Avenue",
    city: "Vergennes",
    postalCode: "05491",
    acquisitionDate: "2018-04-20",
    acquisitionPriceCents: 11_500_000,
    homes: [{ homeType: "condominium", label: "Unit 3", bedrooms: 1, bathrooms: "1", floorAreaSqft: 720, yearBuilt: 2008 }],
    funding: [{ funder: "City of Vergennes", program: "city", amountCents: 5_500_000, receivedOn: "2018-04-20", affordabilityYears: 99 }],
  },
  {
    parcelNumber: "B-118-041",
    streetAddress: "40 North Avenue",
    city: "Vergennes",
    postalCode: "05491",
    acquisitionDate: "2018-04-20",
    acquisitionPriceCents: 12_500_000,
    homes: [{ homeType: "condominium", label: "Unit 5", bedrooms: 2, bathrooms: "1", floorAreaSqft: 860, yearBuilt: 2008 }],
    funding: [{ funder: "City of Vergennes", program: "city", amountCents: 6_000_000, receivedOn: "2018-04-20", affordabilityYears: 99 }],
  },
  {
    parcelNumber: "W-041-012",
    streetAddress: "12 Hickok Street",
    acquisitionDate: "2019-09-09",
    acquisitionPriceCents: 7_800_000,
    homes: [{ homeType: "single_family", bedrooms: 4, bathrooms: "2", floorAreaSqft: 1_620, yearBuilt: 1964 }],
    funding: [{ funder: "Town of Middlebury", program: "HOME", amountCents: 5_000_000, receivedOn: "2019-09-09", affordabilityYears: 30, restrictionEndDate: "2049-09-09" }],
  },
  {
    parcelNumber: "W-041-019",
    streetAddress: "19 Hickok Street",
    acquisitionDate: "2020-07-01",
    acquisitionPriceCents: 8_200_000,
    homes: [{ homeType: "single_family", bedrooms: 3, bathrooms: "1", floorAreaSqft: 1_180, yearBuilt: 1958 }],
    funding: [{ funder: "Federal Home Loan Bank of Boston", program: "private", amountCents: 2_000_000, receivedOn: "2020-07-01" }],
  },
  {
    parcelNumber: "W-052-003",
    streetAddress: "3 Franklin Street",
    acquisitionDate: "2021-05-18",
    acquisitionPriceCents: 9_500_000,
    status: "in_development",
    homes: [],
    funding: [{ funder: "Vermont Housing & Conservation Board", program: "state", amountCents: 12_000_000, receivedOn: "2021-05-18", affordabilityYears: 99 }],
  },
  {
    parcelNumber: "W-052-009",
    streetAddress: "9 Franklin Street",
    acquisitionDate: "2022-01-11",
    acquisitionPriceCents: 10_200_000,
    homes: [{ homeType: "single_family", bedrooms: 3, bathrooms: "2", floorAreaSqft: 1_400, yearBuilt: 2023 }],
    funding: [{ funder: "Town of Middlebury", program: "HOME", amountCents: 6_500_000, receivedOn: "2022-01-11", affordabilityYears: 30, restrictionEndDate: "2052-01-11" }],
  },
  {
    parcelNumber: "B-204-016",
    streetAddress: "16 Archibald Street",
    city: "Vergennes",
    postalCode: "05491",
    acquisitionDate: "2015-11-30",
    acquisitionPriceCents: 9_900_000,
    homes: [{ homeType: "single_family", bedrooms: 3, bathrooms: "1.5", floorAreaSqft: 1_350, yearBuilt: 1910 }],
    funding: [{ funder: "City of Vergennes", program: "city", amountCents: 4_800_000, receivedOn: "2015-11-30", affordabilityYears: 99 }],
  },
  {
    parcelNumber: "W-060-001",
    streetAddress: "1 Mill Pond Lane",
    acquisitionDate: "2023-08-01",
    acquisitionPriceCents: 4_500_000,
    status: "vacant",
    homes: [],
    funding: [],
  },
  {
    parcelNumber: "W-061-044",
    streetAddress: "44 Union Street",
    acquisitionDate: "2013-02-14",
    acquisitionPriceCents: 6_900_000,
    homes: [{ homeType: "single_family", bedrooms: 2, bathrooms: "1", floorAreaSqft: 1_020, yearBuilt: 1948 }],
    funding: [{ funder: "Town of Middlebury", program: "CDBG", amountCents: 3_000_000, receivedOn: "2013-02-14", affordabilityYears: 15, restrictionEndDate: "2028-02-14" }],
  },
];

/**
 * A dozen parcels with homes and funding in Middlebury and Vergennes, Addison County, Vermont (fictional
 * addresses and data): the area of the demo trust's income-limit table (HUD FY2023 Addison County, VT), so
 * every demo certification is measured against published figures.
 */
export async function seedDemoParcels(db: Db, organisationId: string): Promise<void> {
  const actor = systemActor(organisationId, "Demo data");
  for (const demo of DEMO_PARCELS) {
    const { homes, funding, ...parcel } = demo;
    const { id } = await registerParcel(db, actor, {
      ...buildParcel({
        legalDescription: `Lot at ${parcel.streetAddress}, ${parcel.city ?? "Middlebury"}, Vermont, as described in the deed recorded in the ${parcel.city ?? "Middlebury"} Land Records.`,
        city: "Middlebury",
        postalCode: "05753",
        ...parcel,
      }),
      home: homes[0] ? buildHome(homes[0]) : undefined,
      funding: funding[0] ? buildFunding(funding[0]) : undefined,
    });
    for (const home of homes.slice(1)) await addHome(db, actor, id, buildHome(home));
    for (const source of funding.slice(1)) await addFundingSource(db, actor, id, buildFunding(source));
  }
}
