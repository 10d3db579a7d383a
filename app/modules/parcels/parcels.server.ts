import { pagesAfterCursor } from "~/utils/export-stream.server";
import { auditHistory, recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { assertUpdated } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { parcelNumberKey, type FundingSourceInput, type HomeInput, type ParcelInput, type ParcelListQuery } from "./schemas";
import { pageWithCappedCount, wordSearchPlan, type TokenIndex } from "~/utils/word-search.server";
import { parcelTokens, queryWords } from "./search";
import { withNumberCents } from "~/utils/cents";
import { ConflictError, InvalidError, NotFoundError } from "~/utils/errors";
import { parcelStatusFollowingHomes } from "./status";

export const PARCEL_PAGE_SIZE = 25;

export class DuplicateParcelNumberError extends ConflictError {
  constructor(parcelNumber: string) {
    super(`Parcel number ${parcelNumber.trim()} is already registered in this organisation (parcel numbers are compared without case or surrounding spaces)`, { field: "parcelNumber" });
  }
}

/** A parcel's stored columns from validated input (the form, the CSV importer). */
export function parcelData(input: ParcelInput) {
  return {
    parcelNumber: input.parcelNumber.trim(),
    parcelNumberKey: parcelNumberKey(input.parcelNumber),
    streetAddress: input.streetAddress,
    city: input.city ?? "",
    state: input.state ?? "",
    postalCode: input.postalCode ?? "",
    legalDescription: input.legalDescription ?? "",
    landArea: input.landArea ?? null,
    landAreaUnit: input.landAreaUnit,
    zoning: input.zoning ?? "",
    acquisitionDate: input.acquisitionDate ?? null,
    acquisitionPriceCents: input.acquisitionPriceCents ?? null,
    acquisitionMethod: input.acquisitionMethod ?? null,
    assessedLandValueCents: input.assessedLandValueCents ?? null,
    status: input.status,
    incomeLimitAreaCode: input.incomeLimitAreaCode ?? null,
  };
}

/** A parcel's HUD area that is not one of the areas of the trust's income-limit tables. */
export class UnknownIncomeLimitAreaError extends InvalidError {
  constructor(area: string) {
    super(`"${area}" is not one of the areas of the trust's income-limit tables`, { field: "incomeLimitAreaCode" });
  }
}

async function assertKnownArea(tx: Tx, organisationId: string, areaCode: string | undefined): Promise<void> {
  if (!areaCode) return;
  const found = await tx.incomeLimitTable.findFirst({ where: { organisationId, areaCode }, select: { id: true } });
  if (!found) throw new UnknownIncomeLimitAreaError(areaCode);
}

function homeData(input: HomeInput) {
  return {
    label: input.label ?? "",
    homeType: input.homeType,
    bedrooms: input.bedrooms,
    bathrooms: input.bathrooms,
    floorAreaSqft: input.floorAreaSqft ?? null,
    yearBuilt: input.yearBuilt ?? null,
  };
}

function fundingData(input: FundingSourceInput) {
  return {
    funder: input.funder,
    program: input.program,
    amountCents: input.amountCents,
    receivedOn: input.receivedOn ?? null,
    affordabilityYears: input.affordabilityYears ?? null,
    restrictionEndDate: input.restrictionEndDate ?? null,
    notes: input.notes ?? "",
  };
}

/** The lower-cased text that parcel search matches: APN, address, city and current homeowners' names. */
export function parcelSearchText(parcel: { parcelNumber: string; streetAddress: string; city: string }, ownerNames: string[]): string {
  return [parcel.parcelNumber, parcel.streetAddress, parcel.city, ...ownerNames].join(" \u2022 ").toLowerCase();
}

/** Recomputes a parcel's search text; call after any change to the parcel, its homes or their owners. */
export async function refreshParcelSearchText(tx: Tx | Db, parcelId: string): Promise<void> {
  // cross-organisation: internal refresh of a parcel whose id the caller read within its organisation
  const parcel = await tx.parcel.findUniqueOrThrow({
    where: { id: parcelId },
    select: {
      parcelNumber: true,
      streetAddress: true,
      city: true,
      homes: {
        where: { archivedAt: null },
        select: {
          ownerships: {
            where: { saleDate: null },
            select: { household: { select: { name: true, members: { select: { fullName: true } } } } },
          },
        },
      },
    },
  });
  const owners = parcel.homes.flatMap((home) =>
    home.ownerships.flatMap((o) => [o.household.name, ...o.household.members.map((m) => m.fullName)]),
  );
  // cross-organisation: internal refresh of a parcel whose id the caller read within its organisation
  const updated = await tx.parcel.update({ where: { id: parcelId }, data: { searchText: parcelSearchText(parcel, owners) } });
  await writeSearchTokens(tx, updated.organisationId, parcelId, parcelTokens(parcel, owners));
}

/** Replaces a parcel's search tokens (see search.ts). */
export async function writeSearchTokens(tx: Tx | Db, organisationId: string, parcelId: string, tokens: string[]): Promise<void> {
  // scoped through the parcel, not by the word row's own organisationId: with both columns named, SQLite (no
  // statistics) read the words by the (organisationId, token, parcelId) index — every word of the trust, ≈ 180 ms
  // per parcel on a 100,000-parcel trust — instead of by the primary key (parcelId, token) (docs/benchmarks.md)
  await tx.parcelSearchToken.deleteMany({ where: { parcelId, parcel: { organisationId } } });
  if (tokens.length) await tx.parcelSearchToken.createMany({ data: tokens.map((token) => ({ organisationId, parcelId, token })) });
}

/** Above this many parcels the list says "10,000+" instead of counting every row. */
export const COUNT_LIMIT = 10_000;
/** Above this many matches a search says "1,000+" (refine the search) instead of counting every match. */
export const SEARCH_COUNT_LIMIT = 1_000;
/** The parcel word index (ParcelSearchToken), for `wordSearchPlan`. */
function parcelTokenIndex(db: Db, organisationId: string): TokenIndex {
  const range = (term: string, upper: string) => ({ organisationId, token: { gte: term, lt: upper } });
  // ordered as the (organisationId, token, parcelId) index is, so capped reads touch the index only
  const indexOrder = [{ token: "asc" as const }, { parcelId: "asc" as const }];
  return {
    count: (term, upper, limit) => db.parcelSearchToken.count({ where: range(term, upper), orderBy: indexOrder, take: limit }),
    recordIds: async (term, upper, limit) =>
      (await db.parcelSearchToken.findMany({ where: range(term, upper), select: { parcelId: true }, orderBy: indexOrder, take: limit })).map((row) => row.parcelId),
    has: (term, upper) => ({ searchTokens: { some: { token: { gte: term, lt: upper } } } }),
    densePage: async (term, upper, recordWhere, skip, take) =>
      (
        await db.parcelSearchToken.findMany({
          where: { ...range(term, upper), parcel: { is: recordWhere } },
          select: { parcelId: true },
          orderBy: indexOrder,
          skip,
          take,
        })
      ).map((row) => row.parcelId),
  };
}

/** The list's filters as a Prisma where, and for a dense search the word to read the page along. */
async function parcelWhere(db: Db, organisationId: string, query: ParcelListQuery) {
  const terms = query.q ? queryWords(query.q) : [];
  const index = parcelTokenIndex(db, organisationId);
  const search = terms.length ? await wordSearchPlan(index, terms) : null;
  const where = {
    organisationId,
    archivedAt: query.archived === "only" ? { not: null } : query.archived === "include" ? undefined : null,
    ...(query.status ? { status: query.status } : {}),
    ...(query.program ? { fundingSources: { some: { program: query.program } } } : {}),
    ...(search ? search.where : {}),
  };
  const denseIds =
    search?.dense === true ? (skip: number, take: number) => index.densePage(search.walk.term, search.walk.upper, where, skip, take) : undefined;
  return { where, denseIds };
}

export async function listParcels(db: Db, organisationId: string, query: ParcelListQuery, pageSize = PARCEL_PAGE_SIZE) {
  const { where, denseIds } = await parcelWhere(db, organisationId, query);
  const { rows: parcels, ...paging } = await pageWithCappedCount({
    denseIds,
    page: query.page,
    pageSize,
    countLimit: query.q ? SEARCH_COUNT_LIMIT : COUNT_LIMIT,
    // ordered like the list, so the capped count reads the sort index instead of sorting every row by id
    count: (take) => db.parcel.count({ where, take, orderBy: [{ [query.sort]: query.dir }, { id: query.dir }] }),
    findPage: ({ skip, take, ids }) =>
      db.parcel.findMany({
        where: ids ? { ...where, id: { in: ids } } : where,
        orderBy: [{ [query.sort]: query.dir }, { id: query.dir }],
        skip,
        take,
        select: {
          id: true,
          parcelNumber: true,
          streetAddress: true,
          city: true,
          status: true,
          archivedAt: true,
          updatedAt: true,
          homes: {
            where: { archivedAt: null },
            select: {
              id: true,
              ownerships: { where: { saleDate: null }, select: { household: { select: { id: true, name: true } } } },
            },
          },
        },
      }),
  });
  return {
    ...paging,
    /** many matches: the pages follow the matching word, each page sorted as asked */
    manyMatches: denseIds !== undefined,
    page: query.page,
    parcels: parcels.map((parcel) => ({
      id: parcel.id,
      parcelNumber: parcel.parcelNumber,
      streetAddress: parcel.streetAddress,
      city: parcel.city,
      status: parcel.status,
      archived: parcel.archivedAt !== null,
      homeCount: parcel.homes.length,
      homeowners: parcel.homes.flatMap((home) => home.ownerships.map((o) => o.household)),
    })),
  };
}

/** Every parcel the list's filters match, in the list's order, a page of EXPORT_PAGE_SIZE at a time. */
export async function* parcelExportPages(db: Db, organisationId: string, query: ParcelListQuery) {
  const { where } = await parcelWhere(db, organisationId, query); // an export lists every match: no dense page
  yield* pagesAfterCursor(async (page) =>
    withNumberCents(await db.parcel.findMany({
      ...page,
      where,
      orderBy: [{ [query.sort]: query.dir }, { id: query.dir }],
      include: {
        homes: { where: { archivedAt: null }, orderBy: { createdAt: "asc" } },
        fundingSources: { select: { amountCents: true } },
      },
    })),
  );
}

export async function getParcelDetail(db: Db, organisationId: string, parcelId: string) {
  const parcel = await db.parcel.findFirst({
    where: { id: parcelId, organisationId },
    include: {
      homes: {
        orderBy: { createdAt: "asc" },
        include: {
          ownerships: {
            orderBy: [{ purchaseDate: "desc" }],
            include: { household: { select: { id: true, name: true } } },
          },
          // the home's leases and resale cases, so the parcel page links to them
          leases: {
            orderBy: [{ createdAt: "desc" }],
            select: { id: true, reference: true, status: true, commencementDate: true, household: { select: { id: true, name: true } } },
          },
          transferCases: { orderBy: [{ createdAt: "desc" }], select: { id: true, kind: true, status: true, createdAt: true } },
        },
      },
      fundingSources: { orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!parcel) return null;
  const relatedIds = [parcel.id, ...parcel.homes.map((h) => h.id), ...parcel.fundingSources.map((f) => f.id)];
  const history = await db.auditEntry.findMany({
    where: { organisationId, entityId: { in: relatedIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return { parcel: withNumberCents(parcel), history };
}

export { auditHistory };

export async function getParcel(db: Db, organisationId: string, parcelId: string) {
  return withNumberCents(await db.parcel.findFirst({ where: { id: parcelId, organisationId } }));
}

/** Registers a parcel with, optionally, its first home and funding source — all or nothing, audited. */
export async function registerParcel(
  db: Db,
  actor: AuditActor,
  input: ParcelInput & { home?: HomeInput; funding?: FundingSourceInput },
): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await assertKnownArea(tx, actor.organisationId, input.incomeLimitAreaCode);
      const parcel = await tx.parcel.create({
        data: { ...parcelData(input), organisationId: actor.organisationId, searchText: parcelSearchText({ ...input, city: input.city ?? "" }, []) },
      });
      await recordAudit(tx, actor, { entity: "Parcel", entityId: parcel.id, action: "create", after: parcel });
      await writeSearchTokens(tx, actor.organisationId, parcel.id, parcelTokens({ ...input, city: input.city ?? "" }, []));
      if (input.home) {
        const home = await tx.home.create({ data: { ...homeData(input.home), organisationId: actor.organisationId, parcelId: parcel.id } });
        await recordAudit(tx, actor, { entity: "Home", entityId: home.id, action: "create", after: home });
      }
      if (input.funding) {
        const funding = await tx.fundingSource.create({
          data: { ...fundingData(input.funding), organisationId: actor.organisationId, parcelId: parcel.id },
        });
        await recordAudit(tx, actor, { entity: "FundingSource", entityId: funding.id, action: "create", after: funding });
      }
      return { id: parcel.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateParcelNumberError(input.parcelNumber);
    throw error;
  }
}

export async function updateParcel(db: Db, actor: AuditActor, parcelId: string, version: number, input: ParcelInput): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.parcel.findFirst({ where: { id: parcelId, organisationId: actor.organisationId } });
      if (!before) throw new NotFoundError("Parcel not found");
      await assertKnownArea(tx, actor.organisationId, input.incomeLimitAreaCode);
      assertUpdated(
        await tx.parcel.updateMany({
          where: { id: parcelId, organisationId: actor.organisationId, version },
          data: { ...parcelData(input), version: { increment: 1 } },
        }),
      );
      await refreshParcelSearchText(tx, parcelId);
      const after = await tx.parcel.findUniqueOrThrow({ where: { id: parcelId, organisationId: actor.organisationId } });
      await recordAudit(tx, actor, { entity: "Parcel", entityId: parcelId, action: "update", before, after });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateParcelNumberError(input.parcelNumber);
    throw error;
  }
}

/** Archiving hides a parcel from lists; a parcel with history is never deleted. */
export async function setParcelArchived(db: Db, actor: AuditActor, parcelId: string, version: number, archived: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.parcel.findFirst({ where: { id: parcelId, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Parcel not found");
    assertUpdated(
      await tx.parcel.updateMany({
        where: { id: parcelId, organisationId: actor.organisationId, version },
        data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
      }),
    );
    await recordAudit(tx, actor, { entity: "Parcel", entityId: parcelId, action: archived ? "archive" : "restore" });
  });
}

async function requireParcel(tx: Tx, organisationId: string, parcelId: string) {
  const parcel = await tx.parcel.findFirst({ where: { id: parcelId, organisationId }, select: { id: true } });
  if (!parcel) throw new NotFoundError("Parcel not found");
}

export async function addHome(db: Db, actor: AuditActor, parcelId: string, input: HomeInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await requireParcel(tx, actor.organisationId, parcelId);
    const home = await tx.home.create({ data: { ...homeData(input), organisationId: actor.organisationId, parcelId } });
    await recordAudit(tx, actor, { entity: "Home", entityId: home.id, action: "create", after: home });
    return { id: home.id };
  });
}

/** One home of the organisation with its parcel's address (the edit-home page). */
export async function getHome(db: Db, organisationId: string, parcelId: string, homeId: string) {
  return db.home.findFirst({
    where: { id: homeId, parcelId, organisationId },
    include: { parcel: { select: { id: true, parcelNumber: true, streetAddress: true, city: true } } },
  });
}

export async function updateHome(db: Db, actor: AuditActor, homeId: string, version: number, input: HomeInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.home.findFirst({ where: { id: homeId, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Home not found");
    assertUpdated(
      await tx.home.updateMany({
        where: { id: homeId, organisationId: actor.organisationId, version },
        data: { ...homeData(input), version: { increment: 1 } },
      }),
    );
    const after = await tx.home.findUniqueOrThrow({ where: { id: homeId, organisationId: actor.organisationId } });
    await recordAudit(tx, actor, { entity: "Home", entityId: homeId, action: "update", before, after });
  });
}

/** Lease statuses that bind a home (signed, recorded, in force): kept here to avoid importing the leases module. */
const BINDING_LEASE_STATUSES = ["executed", "recorded", "active"] as const;

/**
 * Brings a parcel's status in line with its homes (app/modules/parcels/status.ts) after an event that changes
 * them: a purchase, a sale, a lease signed or ended, a resale closed, a home archived. Audited when it changes.
 */
export async function syncParcelStatus(tx: Tx, actor: AuditActor, parcelId: string): Promise<void> {
  const parcel = await tx.parcel.findFirst({
    where: { id: parcelId, organisationId: actor.organisationId },
    select: {
      status: true,
      homes: {
        where: { archivedAt: null },
        select: {
          ownerships: { where: { saleDate: null }, select: { id: true }, take: 1 },
          leases: { where: { status: { in: [...BINDING_LEASE_STATUSES] } }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  if (!parcel) return;
  const status = parcelStatusFollowingHomes(
    parcel.status,
    parcel.homes.map((home) => ({ hasCurrentOwner: home.ownerships.length > 0, hasBindingLease: home.leases.length > 0 })),
  );
  if (status === parcel.status) return;
  await tx.parcel.updateMany({ where: { id: parcelId, organisationId: actor.organisationId }, data: { status, version: { increment: 1 } } });
  await recordAudit(tx, actor, { entity: "Parcel", entityId: parcelId, action: "update", before: { status: parcel.status }, after: { status } });
}

/**
 * Archives (or restores) a home: it leaves pickers and lists, keeps its history. A home with a current
 * homeowner or a signed lease cannot be archived (record the sale or end the lease first).
 */
export async function setHomeArchived(
  db: Db,
  actor: AuditActor,
  homeId: string,
  version: number,
  archived: boolean,
): Promise<{ ok: true; parcelId: string } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const home = await tx.home.findFirst({
      where: { id: homeId, organisationId: actor.organisationId },
      select: {
        parcelId: true,
        ownerships: { where: { saleDate: null }, select: { id: true }, take: 1 },
        leases: { where: { status: { in: [...BINDING_LEASE_STATUSES] } }, select: { reference: true }, take: 1 },
      },
    });
    if (!home) throw new NotFoundError("Home not found");
    if (archived && home.ownerships.length) return { ok: false as const, message: "This home has a current homeowner: record their sale before archiving it." };
    if (archived && home.leases[0]) return { ok: false as const, message: `This home is under lease ${home.leases[0].reference}: end or assign the lease before archiving it.` };
    assertUpdated(
      await tx.home.updateMany({
        where: { id: homeId, organisationId: actor.organisationId, version },
        data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
      }),
    );
    await recordAudit(tx, actor, { entity: "Home", entityId: homeId, action: archived ? "archive" : "restore" });
    await refreshParcelSearchText(tx, home.parcelId);
    await syncParcelStatus(tx, actor, home.parcelId);
    return { ok: true as const, parcelId: home.parcelId };
  });
}

export async function addFundingSource(db: Db, actor: AuditActor, parcelId: string, input: FundingSourceInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await requireParcel(tx, actor.organisationId, parcelId);
    const funding = await tx.fundingSource.create({ data: { ...fundingData(input), organisationId: actor.organisationId, parcelId } });
    await recordAudit(tx, actor, { entity: "FundingSource", entityId: funding.id, action: "create", after: funding });
    return { id: funding.id };
  });
}

export async function removeFundingSource(db: Db, actor: AuditActor, parcelId: string, fundingSourceId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.fundingSource.findFirst({ where: { id: fundingSourceId, parcelId, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Funding source not found");
    await tx.fundingSource.delete({ where: { id: fundingSourceId, organisationId: actor.organisationId } });
    await recordAudit(tx, actor, { entity: "FundingSource", entityId: fundingSourceId, action: "delete", before });
  });
}

/** Homes of the organisation for pickers (calculator, leases, purchases), with their parcel's address. */
export async function listHomesForPicker(db: Db, organisationId: string) {
  const homes = await db.home.findMany({
    where: { organisationId, archivedAt: null, parcel: { archivedAt: null } },
    select: {
      id: true,
      label: true,
      parcel: { select: { parcelNumber: true, streetAddress: true } },
      ownerships: { where: { saleDate: null }, select: { household: { select: { id: true, name: true } } } },
    },
    orderBy: { parcel: { streetAddress: "asc" } },
    take: 2000,
  });
  return homes.map((home) => ({
    id: home.id,
    label: homeLabel(home),
    currentOwner: home.ownerships[0]?.household ?? null,
  }));
}

export function homeLabel(home: { label: string; parcel: { streetAddress: string; parcelNumber: string } }): string {
  return `${home.parcel.streetAddress}${home.label ? `, ${home.label}` : ""} (APN ${home.parcel.parcelNumber})`;
}

/**
 * Gives every parcel without search words its words (parcels registered before the word index existed).
 * Idempotent; run at start-up. Returns how many parcels were indexed.
 */
export async function backfillParcelSearchTokens(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    // cross-organisation: a start-up backfill of search tokens over every trust's parcels (ids only, nothing leaves the server)
    const batch = await db.parcel.findMany({ where: { searchTokens: { none: {} } }, select: { id: true }, take: 500 });
    if (batch.length === 0) return done;
    for (const parcel of batch) await refreshParcelSearchText(db, parcel.id);
    done += batch.length;
  }
}
