import { parcelSearchText } from "~/modules/parcels/parcels.server";
import { householdTokens as householdWords } from "~/modules/households/households.server";
import { parcelTokens } from "~/modules/parcels/search";
import type { Db } from "~/utils/db.server";
import { databaseUrl, isPostgresUrl } from "~/utils/env.server";

/**
 * Bulk data for scale tests and benchmarks: N parcels, each with one home and a current owner household.
 * Written with multi-row INSERTs (Prisma's createMany compiles slowly for thousands of rows); no audit
 * entries — this is synthetic load, not user activity. Used by `npm run seed:scale` and bench/.
 */
const STREETS = ["Elm Street", "Maple Avenue", "Main Street", "Union Street", "Hickok Street", "North Avenue", "Barlow Street", "Franklin Street", "Weaver Street", "Mill Pond Lane", "Pine Street", "Lake Road"];
const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Esi", "Farid", "Grace", "Hiro", "Imani", "José", "Kai", "Łukasz", "Maya", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq"];
const LAST = ["Okafor", "Núñez", "Ščerba", "Nguyen", "Mohammed", "Rivera", "Kowalski", "Tremblay", "Haddad", "Johnson", "Patel", "Silva", "Brennan", "Castillo", "Dubois", "Eriksen"];

type Row = (string | number | null)[];

async function insert(db: Db, postgres: boolean, table: string, columns: string[], casts: Record<string, string>, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  let n = 0;
  const values = rows
    .map(
      (row) =>
        `(${row
          .map((_, i) => {
            n += 1;
            const placeholder = postgres ? `$${n}` : "?";
            const cast = postgres ? casts[columns[i]!] : undefined;
            return cast ? `CAST(${placeholder} AS "${cast}")` : placeholder;
          })
          .join(", ")})`,
    )
    .join(", ");
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`;
  await db.$executeRawUnsafe(sql, ...rows.flat());
}

export async function seedScale(db: Db, organisationId: string, count: number, log: (line: string) => void = () => {}): Promise<void> {
  const postgres = isPostgresUrl(databaseUrl());
  const batch = 500;
  const tag = organisationId.slice(-8);
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const parcels: Row[] = [];
    const homes: Row[] = [];
    const households: Row[] = [];
    const ownerships: Row[] = [];
    const tokens: Row[] = [];
    const householdTokens: Row[] = [];
    for (let i = start; i < start + size; i++) {
      const id = `${tag}-${i.toString(36).padStart(6, "0")}`;
      const parcelNumber = `S-${String(i).padStart(7, "0")}`;
      const streetAddress = `${(i % 4999) + 1} ${STREETS[i % STREETS.length]}`;
      const city = i % 3 === 0 ? "Burlington" : "Winooski";
      const owner = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
      const owners = [`${owner} household`, owner];
      const timestamp = "2025-01-01T00:00:00.000+00:00"; // the text form Prisma writes on SQLite
      parcels.push([
        `scale-parcel-${id}`,
        organisationId,
        parcelNumber,
        parcelNumber.toUpperCase(),
        streetAddress,
        city,
        "VT",
        (["leased", "leased", "leased", "vacant", "in_development"] as const)[i % 5]!,
        `${2000 + (i % 24)}-0${(i % 9) + 1}-15`,
        5_000_000 + (i % 50) * 100_000,
        `Lot ${i + 1} as shown on the plan recorded in Map Book ${(i % 40) + 1}.`,
        parcelSearchText({ parcelNumber, streetAddress, city }, owners),
        timestamp,
      ]);
      homes.push([`scale-home-${id}`, organisationId, `scale-parcel-${id}`, "single_family", (i % 4) + 1, "1", timestamp]);
      households.push([`scale-household-${id}`, organisationId, `${owner} household`, `${owner} household ${owner}`.toLowerCase(), timestamp]);
      ownerships.push([`scale-ownership-${id}`, organisationId, `scale-home-${id}`, `scale-home-${id}`, `scale-household-${id}`, 15_000_000 + (i % 80) * 100_000, `${2005 + (i % 19)}-06-01`, timestamp]);
      for (const token of parcelTokens({ parcelNumber, streetAddress, city }, owners)) tokens.push([organisationId, `scale-parcel-${id}`, token]);
      for (const token of householdWords(`${owner} household`, "", [owner])) householdTokens.push([organisationId, `scale-household-${id}`, token]);
    }
    await db.$transaction(async (tx) => {
      const t = tx as unknown as Db;
      await insert(t, postgres, "Parcel", ["id", "organisationId", "parcelNumber", "parcelNumberKey", "streetAddress", "city", "state", "status", "acquisitionDate", "acquisitionPriceCents", "legalDescription", "searchText", "updatedAt"], { status: "ParcelStatus", updatedAt: "timestamp" }, parcels);
      await insert(t, postgres, "Home", ["id", "organisationId", "parcelId", "homeType", "bedrooms", "bathrooms", "updatedAt"], { homeType: "HomeType", updatedAt: "timestamp" }, homes);
      await insert(t, postgres, "Household", ["id", "organisationId", "name", "searchText", "updatedAt"], { updatedAt: "timestamp" }, households);
      await insert(t, postgres, "Ownership", ["id", "organisationId", "homeId", "currentHomeId", "householdId", "purchasePriceCents", "purchaseDate", "updatedAt"], { updatedAt: "timestamp" }, ownerships);
      for (let i = 0; i < tokens.length; i += 2_000) await insert(t, postgres, "ParcelSearchToken", ["organisationId", "parcelId", "token"], {}, tokens.slice(i, i + 2_000));
      for (let i = 0; i < householdTokens.length; i += 2_000) {
        await insert(t, postgres, "HouseholdSearchToken", ["organisationId", "householdId", "token"], {}, householdTokens.slice(i, i + 2_000));
      }
    }, { timeout: 60_000 });
    if ((start / batch) % 20 === 19) log(`  ${start + size} parcels`);
  }
}
