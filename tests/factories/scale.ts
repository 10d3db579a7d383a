import type { Db } from "~/utils/db.server";
import { parcelSearchText } from "~/modules/parcels/parcels.server";
import { parcelTokens } from "~/modules/parcels/search";

/**
 * Bulk data for scale tests and benchmarks: N parcels, each with one home and a current owner household.
 * Written with createMany in batches (no audit entries: this is synthetic load, not user activity).
 */
const STREETS = ["Elm Street", "Maple Avenue", "Main Street", "Union Street", "Hickok Street", "North Avenue", "Barlow Street", "Franklin Street", "Weaver Street", "Mill Pond Lane"];
const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Esi", "Farid", "Grace", "Hiro", "Imani", "José", "Kai", "Łukasz", "Maya", "Nia", "Omar", "Priya"];
const LAST = ["Okafor", "Núñez", "Ščerba", "Nguyen", "Mohammed", "Rivera", "Kowalski", "Tremblay", "Haddad", "Johnson", "Patel", "Silva"];

export async function seedScale(db: Db, organisationId: string, count: number, log: (line: string) => void = () => {}): Promise<void> {
  const batch = 1_000;
  // Tokens are written in chunks of exactly TOKEN_CHUNK rows: Prisma caches a query plan per createMany
  // shape, and a different row count per batch would grow that cache without bound.
  const TOKEN_CHUNK = 500;
  let pendingTokens: { organisationId: string; parcelId: string; token: string }[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const parcels = [];
    const homes = [];
    const households = [];
    const ownerships = [];
    const tokens: { organisationId: string; parcelId: string; token: string }[] = [];
    for (let i = start; i < start + size; i++) {
      const id = i.toString(36).padStart(6, "0");
      const parcelNumber = `S-${String(i).padStart(7, "0")}`;
      const streetAddress = `${(i % 997) + 1} ${STREETS[i % STREETS.length]}`;
      const owner = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
      parcels.push({
        id: `scale-parcel-${organisationId.slice(-6)}-${id}`,
        organisationId,
        parcelNumber,
        streetAddress,
        city: i % 3 === 0 ? "Burlington" : "Winooski",
        state: "VT",
        status: (["leased", "leased", "leased", "vacant", "in_development"] as const)[i % 5],
        acquisitionDate: `${2000 + (i % 24)}-0${(i % 9) + 1}-15`,
        acquisitionPriceCents: 5_000_000 + (i % 50) * 100_000,
        legalDescription: `Lot ${i + 1} as shown on the plan recorded in Map Book ${(i % 40) + 1}.`,
        searchText: parcelSearchText({ parcelNumber, streetAddress, city: i % 3 === 0 ? "Burlington" : "Winooski" }, [`${owner} household`, owner]),
      });
      const parcelId = `scale-parcel-${organisationId.slice(-6)}-${id}`;
      for (const token of parcelTokens({ parcelNumber, streetAddress, city: i % 3 === 0 ? "Burlington" : "Winooski" }, [`${owner} household`, owner])) {
        tokens.push({ organisationId, parcelId, token });
      }
      homes.push({
        id: `scale-home-${organisationId.slice(-6)}-${id}`,
        organisationId,
        parcelId: `scale-parcel-${organisationId.slice(-6)}-${id}`,
        homeType: "single_family" as const,
        bedrooms: (i % 4) + 1,
        bathrooms: "1",
      });
      households.push({
        id: `scale-household-${organisationId.slice(-6)}-${id}`,
        organisationId,
        name: `${owner} household`,
        searchText: `${owner} household ${owner}`.toLowerCase(),
      });
      ownerships.push({
        organisationId,
        homeId: `scale-home-${organisationId.slice(-6)}-${id}`,
        householdId: `scale-household-${organisationId.slice(-6)}-${id}`,
        purchasePriceCents: 15_000_000 + (i % 80) * 100_000,
        purchaseDate: `${2005 + (i % 19)}-06-01`,
      });
    }
    pendingTokens.push(...tokens);
    const chunks = [];
    while (pendingTokens.length >= TOKEN_CHUNK) chunks.push(pendingTokens.splice(0, TOKEN_CHUNK));
    await db.$transaction([
      db.parcel.createMany({ data: parcels }),
      db.home.createMany({ data: homes }),
      db.household.createMany({ data: households }),
      db.ownership.createMany({ data: ownerships }),
      ...chunks.map((chunk) => db.parcelSearchToken.createMany({ data: chunk })),
    ]);
    if ((start / batch) % 10 === 9) log(`  ${start + size} parcels`);
  }
  if (pendingTokens.length) await db.parcelSearchToken.createMany({ data: pendingTokens });
  pendingTokens = [];
}
