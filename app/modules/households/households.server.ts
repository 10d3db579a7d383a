/**
 * Households, their members and their ownership of homes: data access. Every query is scoped by the
 * organisation; every write runs in a transaction with its audit entry, and keeps the household's search
 * words (HouseholdSearchToken: name, member names, email) current — they are what the list's search matches.
 */
import { linkPurchaseMortgageToLeases } from "~/modules/mortgages/permitted-mortgages.server";
import { pagesAfterCursor } from "~/utils/export-stream.server";
import { auditHistory, recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { refreshParcelSearchText, syncParcelStatus } from "~/modules/parcels/parcels.server";
import { assertUpdated } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { queryWords, textTokens } from "~/utils/word-search";
import { pageWithCappedCount, wordSearchPlan, type TokenIndex } from "~/utils/word-search.server";
import { householdSearchText, type HouseholdFields, type MemberInput, type PurchaseInput, type SaleInput } from "./schemas";
import { withNumberCents } from "~/utils/cents";
import { NotFoundError } from "~/utils/errors";

export const HOUSEHOLDS_PAGE_SIZE = 50;
export type HouseholdSort = "name" | "updated";

export type HouseholdFilters = { q?: string; sort?: HouseholdSort; page?: number; includeArchived?: boolean };

/** The words a household is found by: its name, its members' names and its email. */
export function householdTokens(name: string, email: string, memberNames: readonly string[]): string[] {
  return [...new Set([name, email, ...memberNames].flatMap(textTokens).map((token) => token.slice(0, 64)))];
}

async function writeHouseholdTokens(tx: Tx, organisationId: string, householdId: string, tokens: string[]): Promise<void> {
  // scoped through the household, not by the word row's organisationId: SQLite would read every word of the trust
  // by the (organisationId, token, householdId) index instead of the primary key (as writeSearchTokens for parcels)
  await tx.householdSearchToken.deleteMany({ where: { householdId, household: { organisationId } } });
  if (tokens.length) await tx.householdSearchToken.createMany({ data: tokens.map((token) => ({ organisationId, householdId, token })) });
}

function householdTokenIndex(db: Db, organisationId: string): TokenIndex {
  const range = (term: string, upper: string) => ({ organisationId, token: { gte: term, lt: upper } });
  const indexOrder = [{ token: "asc" as const }, { householdId: "asc" as const }];
  return {
    count: (term, upper, limit) => db.householdSearchToken.count({ where: range(term, upper), orderBy: indexOrder, take: limit }),
    recordIds: async (term, upper, limit) =>
      (await db.householdSearchToken.findMany({ where: range(term, upper), select: { householdId: true }, orderBy: indexOrder, take: limit })).map((row) => row.householdId),
    has: (term, upper) => ({ searchTokens: { some: { token: { gte: term, lt: upper } } } }),
    densePage: async (term, upper, recordWhere, skip, take) =>
      (
        await db.householdSearchToken.findMany({
          where: { ...range(term, upper), household: { is: recordWhere } },
          select: { householdId: true },
          orderBy: indexOrder,
          skip,
          take,
        })
      ).map((row) => row.householdId),
  };
}

/** The list's filters as a Prisma where, and for a dense search the word to read the page along. */
async function listWhere(db: Db, organisationId: string, filters: HouseholdFilters) {
  const terms = filters.q ? queryWords(filters.q) : [];
  const index = householdTokenIndex(db, organisationId);
  const search = terms.length ? await wordSearchPlan(index, terms) : null;
  const where = {
    organisationId,
    ...(filters.includeArchived ? {} : { archivedAt: null }),
    ...(search ? search.where : {}),
  };
  const denseIds =
    search?.dense === true ? (skip: number, take: number) => index.densePage(search.walk.term, search.walk.upper, where, skip, take) : undefined;
  return { where, denseIds };
}

/** Above this many households the list says "1,000+" (the report has exact totals); a search likewise. */
const COUNT_LIMIT = 1_000;
const SEARCH_COUNT_LIMIT = 1_000;

const listInclude = {
  // all members (a household has a few): a _count here would aggregate every member of the organisation
  members: { select: { fullName: true }, orderBy: { createdAt: "asc" as const } },
  incomeCertifications: {
    select: { percentAmi: true, certifiedOn: true, householdSize: true, eligible: true, targetLevel: true },
    orderBy: [{ certifiedOn: "desc" as const }, { createdAt: "desc" as const }],
    take: 1,
  },
  ownerships: {
    where: { saleDate: null },
    select: { home: { select: { id: true, label: true, parcel: { select: { id: true, streetAddress: true, city: true } } } } },
    take: 1,
  },
};

/** A page of households: search by name, member name or email; sort by name or last update. */
export async function listHouseholds(db: Db, organisationId: string, filters: HouseholdFilters) {
  const { where, denseIds } = await listWhere(db, organisationId, filters);
  const page = Math.max(1, filters.page ?? 1);
  const orderBy =
    filters.sort === "updated" ? [{ updatedAt: "desc" as const }, { id: "desc" as const }] : [{ name: "asc" as const }, { id: "asc" as const }];
  const { rows: households, ...paging } = await pageWithCappedCount({
    denseIds,
    page,
    pageSize: HOUSEHOLDS_PAGE_SIZE,
    countLimit: filters.q ? SEARCH_COUNT_LIMIT : COUNT_LIMIT,
    count: (take) => db.household.count({ where, take, orderBy }),
    findPage: ({ skip, take, ids }) =>
      db.household.findMany({ where: ids ? { ...where, id: { in: ids } } : where, orderBy, skip, take, include: listInclude }),
  });
  return { households: withNumberCents(households), page, ...paging, manyMatches: denseIds !== undefined };
}

/** Every household the filters match, in the list's order, a page of EXPORT_PAGE_SIZE at a time. */
export async function* householdExportPages(db: Db, organisationId: string, filters: HouseholdFilters) {
  const orderBy =
    filters.sort === "updated" ? [{ updatedAt: "desc" as const }, { id: "desc" as const }] : [{ name: "asc" as const }, { id: "asc" as const }];
  const { where } = await listWhere(db, organisationId, filters);
  yield* pagesAfterCursor(async (page) =>
    withNumberCents(
      await db.household.findMany({
        ...page,
        where,
        orderBy,
        include: { ...listInclude, members: { select: { fullName: true }, orderBy: { createdAt: "asc" as const } } },
      }),
    ),
  );
}

export async function getHousehold(db: Db, organisationId: string, id: string) {
  const household = await db.household.findFirst({
    where: { id, organisationId },
    include: {
      members: { orderBy: { createdAt: "asc" } },
      incomeCertifications: {
        orderBy: [{ certifiedOn: "desc" }, { createdAt: "desc" }],
        include: { incomeLimitTable: { select: { fiscalYear: true, areaName: true, areaCode: true, effectiveFrom: true } } },
      },
      ownerships: {
        orderBy: [{ purchaseDate: "desc" }, { createdAt: "desc" }],
        include: {
          home: { select: { id: true, label: true, homeType: true, parcel: { select: { id: true, parcelNumber: true, streetAddress: true, city: true } } } },
        },
      },
      // its leases, so "Homes owned" links each home's lease
      leases: { orderBy: { createdAt: "desc" }, select: { id: true, reference: true, homeId: true } },
    },
  });
  return withNumberCents(household);
}

/** The household's audit history: its own entries and those of its certifications and ownerships. */
export async function householdAuditHistory(db: Db, organisationId: string, household: { id: string; incomeCertifications: { id: string }[]; ownerships: { id: string }[] }) {
  const subIds = [...household.incomeCertifications.map((c) => c.id), ...household.ownerships.map((o) => o.id)];
  const [own, related] = await Promise.all([
    auditHistory(db, organisationId, "Household", household.id),
    subIds.length
      ? db.auditEntry.findMany({
          where: { organisationId, entity: { in: ["IncomeCertification", "Ownership"] }, entityId: { in: subIds } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 100,
        })
      : Promise.resolve([]),
  ]);
  return [...own, ...related].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).slice(0, 100);
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

async function refreshSearchText(tx: Tx, householdId: string): Promise<void> {
  // cross-organisation: internal refresh of a household whose id the caller read within its organisation
  const household = await tx.household.findUniqueOrThrow({
    where: { id: householdId },
    include: { members: { select: { fullName: true }, orderBy: { createdAt: "asc" } } },
  });
  const memberNames = household.members.map((m) => m.fullName);
  // cross-organisation: internal refresh of a household whose id the caller read within its organisation
  await tx.household.update({
    where: { id: householdId },
    data: { searchText: householdSearchText(household.name, household.email, memberNames) },
  });
  await writeHouseholdTokens(tx, household.organisationId, householdId, householdTokens(household.name, household.email, memberNames));
}

/** Members as a household's audit entry lists them. */
export function memberSnapshot(members: readonly { fullName: string; relationship: string }[]) {
  return members.map((m) => (m.relationship ? `${m.fullName} (${m.relationship})` : m.fullName));
}

export async function createHousehold(
  db: Db | Tx,
  actor: AuditActor,
  input: HouseholdFields,
  members: readonly MemberInput[] = [],
): Promise<{ id: string }> {
  const work = async (tx: Tx) => {
    const created = await tx.household.create({
      data: {
        organisationId: actor.organisationId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        mailingAddress: input.mailingAddress,
        firstTimeBuyer: input.firstTimeBuyer,
        ethnicity: input.ethnicity,
        race: input.race,
        searchText: householdSearchText(input.name, input.email, members.map((m) => m.fullName)),
        members: { create: members.map((m) => ({ ...m, organisationId: actor.organisationId })) },
      },
    });
    await writeHouseholdTokens(tx, actor.organisationId, created.id, householdTokens(input.name, input.email, members.map((m) => m.fullName)));
    await recordAudit(tx, actor, {
      entity: "Household",
      entityId: created.id,
      action: "create",
      after: { ...created, members: memberSnapshot(members) },
    });
    return { id: created.id };
  };
  return "$transaction" in db ? (db as Db).$transaction(work) : work(db as Tx);
}

export async function updateHousehold(db: Db, actor: AuditActor, id: string, input: HouseholdFields & { version: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.household.findFirst({ where: { id, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Household not found");
    const { version, ...fields } = input;
    assertUpdated(
      await tx.household.updateMany({
        where: { id, organisationId: actor.organisationId, version },
        data: { ...fields, version: { increment: 1 } },
      }),
    );
    await refreshSearchText(tx, id);
    const after = await tx.household.findUniqueOrThrow({ where: { id, organisationId: actor.organisationId } });
    await recordAudit(tx, actor, { entity: "Household", entityId: id, action: "update", before, after });
    await refreshParcelsOwnedBy(tx, id);
  });
}

export type SimpleResult = { ok: true } | { ok: false; message: string; field?: string };

/** Archives (never deletes) a household. One that owns a home now must record the sale first. */
export async function setHouseholdArchived(db: Db, actor: AuditActor, id: string, archived: boolean, version: number): Promise<SimpleResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.household.findFirst({ where: { id, organisationId: actor.organisationId } });
    if (!before) throw new NotFoundError("Household not found");
    if (archived) {
      const current = await tx.ownership.count({ where: { organisationId: actor.organisationId, householdId: id, saleDate: null } });
      if (current > 0) return { ok: false, message: "This household owns a home: record the sale before archiving it." };
    }
    assertUpdated(
      await tx.household.updateMany({
        where: { id, organisationId: actor.organisationId, version },
        data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
      }),
    );
    await recordAudit(tx, actor, {
      entity: "Household",
      entityId: id,
      action: archived ? "archive" : "restore",
      before: { archived: Boolean(before.archivedAt) },
      after: { archived },
    });
    return { ok: true };
  });
}

async function memberChange(tx: Tx, actor: AuditActor, householdId: string, change: () => Promise<void>) {
  const household = await tx.household.findFirst({
    where: { id: householdId, organisationId: actor.organisationId },
    include: { members: { orderBy: { createdAt: "asc" } } },
  });
  if (!household) throw new NotFoundError("Household not found");
  await change();
  await refreshSearchText(tx, householdId);
  const members = await tx.householdMember.findMany({ where: { householdId, organisationId: actor.organisationId }, orderBy: { createdAt: "asc" } });
  await recordAudit(tx, actor, {
    entity: "Household",
    entityId: householdId,
    action: "update",
    before: { members: memberSnapshot(household.members) },
    after: { members: memberSnapshot(members) },
  });
  await refreshParcelsOwnedBy(tx, householdId);
}

export async function addMember(db: Db, actor: AuditActor, householdId: string, input: MemberInput): Promise<void> {
  await db.$transaction((tx) =>
    memberChange(tx, actor, householdId, async () => {
      await tx.householdMember.create({ data: { ...input, householdId, organisationId: actor.organisationId } });
    }),
  );
}

export async function removeMember(db: Db, actor: AuditActor, householdId: string, memberId: string): Promise<void> {
  await db.$transaction((tx) =>
    memberChange(tx, actor, householdId, async () => {
      const removed = await tx.householdMember.deleteMany({ where: { id: memberId, householdId, organisationId: actor.organisationId } });
      if (removed.count === 0) throw new NotFoundError("Member not found");
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Ownership
// ---------------------------------------------------------------------------------------------

/** Parcel search includes the current homeowners' names: refresh it after ownership or owner-name changes. */
async function refreshParcelSearchTextFor(tx: Tx, parcelIds: readonly string[]): Promise<void> {
  for (const parcelId of new Set(parcelIds)) await refreshParcelSearchText(tx, parcelId);
}

async function refreshParcelsOwnedBy(tx: Tx, householdId: string): Promise<void> {
  // cross-organisation: internal refresh; the caller read the household within its organisation
  const owned = await tx.ownership.findMany({ where: { householdId, saleDate: null }, select: { home: { select: { parcelId: true } } } });
  if (owned.length) await refreshParcelSearchTextFor(tx, owned.map((o) => o.home.parcelId));
}

function homeLabel(home: { label: string; parcel: { streetAddress: string; city: string } }): string {
  const address = [home.parcel.streetAddress, home.parcel.city].filter(Boolean).join(", ");
  return home.label ? `${address} — ${home.label}` : address;
}

/** The organisation's homes without a current owner, for "Record a purchase". */
export async function homesWithoutCurrentOwner(db: Db, organisationId: string) {
  const homes = await db.home.findMany({
    where: { organisationId, archivedAt: null, ownerships: { none: { saleDate: null } } },
    select: { id: true, label: true, parcel: { select: { streetAddress: true, city: true, parcelNumber: true } } },
    orderBy: [{ parcel: { streetAddress: "asc" } }, { label: "asc" }],
    take: 1000,
  });
  return homes.map((home) => ({ id: home.id, label: `${homeLabel(home)} (parcel ${home.parcel.parcelNumber})` }));
}

type FieldResult = { ok: true; id: string } | { ok: false; field: string; message: string };

/** The household becomes the owner of a home. A home has at most one current ownership (no sale date). */
export async function recordPurchase(db: Db, actor: AuditActor, householdId: string, input: PurchaseInput): Promise<FieldResult> {
  try {
    return await recordPurchaseOnce(db, actor, householdId, input);
  } catch (error) {
    // two purchases of the same home at the same moment: the database's unique currentHomeId refuses one
    if (isUniqueViolation(error)) return { ok: false, field: "homeId", message: "This home already has a current owner. Record their sale first." };
    throw error;
  }
}

async function recordPurchaseOnce(db: Db, actor: AuditActor, householdId: string, input: PurchaseInput): Promise<FieldResult> {
  return db.$transaction(async (tx) => {
    const household = await tx.household.findFirst({ where: { id: householdId, organisationId: actor.organisationId } });
    if (!household) throw new NotFoundError("Household not found");
    if (household.archivedAt) return { ok: false, field: "homeId", message: "This household is archived; restore it first." };
    const home = await tx.home.findFirst({
      where: { id: input.homeId, organisationId: actor.organisationId, archivedAt: null },
      include: { parcel: { select: { streetAddress: true, city: true } } },
    });
    if (!home) return { ok: false, field: "homeId", message: "Choose a home of this organisation" };
    const current = await tx.ownership.findFirst({ where: { homeId: home.id, organisationId: actor.organisationId, saleDate: null } });
    if (current) return { ok: false, field: "homeId", message: "This home already has a current owner: record their sale first." };
    const lastSale = await tx.ownership.findFirst({
      where: { homeId: home.id, organisationId: actor.organisationId, saleDate: { not: null } },
      orderBy: { saleDate: "desc" },
    });
    if (lastSale?.saleDate && input.purchaseDate < lastSale.saleDate) {
      return { ok: false, field: "purchaseDate", message: `The previous owner sold on ${lastSale.saleDate}; the purchase cannot be earlier.` };
    }
    const created = await tx.ownership.create({
      data: {
        organisationId: actor.organisationId,
        homeId: home.id,
        currentHomeId: home.id,
        householdId,
        purchasePriceCents: input.purchasePrice,
        purchaseDate: input.purchaseDate,
        mortgageLender: input.mortgageLender,
        mortgageAmountCents: input.mortgageAmount,
        mortgageRate: input.mortgageRate,
        mortgageTermYears: input.mortgageTermYears,
        mortgageType: input.mortgageType,
      },
    });
    await tx.household.update({ where: { id: householdId, organisationId: actor.organisationId }, data: { updatedAt: new Date() } });
    // the purchase mortgage is recorded once, here; the household's leases of this home list it by link
    await linkPurchaseMortgageToLeases(tx, actor.organisationId, created.id);
    await recordAudit(tx, actor, {
      entity: "Ownership",
      entityId: created.id,
      action: "create",
      after: { ...created, householdName: household.name, home: homeLabel(home) },
    });
    await refreshParcelSearchTextFor(tx, [home.parcelId]);
    await syncParcelStatus(tx, actor, home.parcelId);
    return { ok: true, id: created.id };
  });
}

/** Records the sale that ends an ownership (the home then has no current owner). */
export async function recordSale(db: Db, actor: AuditActor, householdId: string, input: SaleInput): Promise<FieldResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.ownership.findFirst({
      where: { id: input.ownershipId, householdId, organisationId: actor.organisationId },
      include: { home: { select: { parcelId: true } } },
    });
    if (!before) throw new NotFoundError("Ownership not found");
    if (before.saleDate) return { ok: false, field: "saleDate", message: "This sale is already recorded." };
    if (input.saleDate < before.purchaseDate) {
      return { ok: false, field: "saleDate", message: `The sale cannot be before the purchase (${before.purchaseDate}).` };
    }
    assertUpdated(
      await tx.ownership.updateMany({
        where: { id: before.id, organisationId: actor.organisationId, version: input.version, saleDate: null },
        data: { saleDate: input.saleDate, salePriceCents: input.salePrice, currentHomeId: null, version: { increment: 1 } },
      }),
    );
    await tx.household.update({ where: { id: householdId, organisationId: actor.organisationId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      entity: "Ownership",
      entityId: before.id,
      action: "update",
      before: { saleDate: null, salePriceCents: null },
      after: { saleDate: input.saleDate, salePriceCents: input.salePrice },
    });
    await refreshParcelSearchTextFor(tx, [before.home.parcelId]);
    await syncParcelStatus(tx, actor, before.home.parcelId);
    return { ok: true, id: before.id };
  });
}

/**
 * Gives every household without search words its words (households recorded before the word index
 * existed). Idempotent; run at start-up. Returns how many households were indexed.
 */
export async function backfillHouseholdSearchTokens(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    // cross-organisation: a start-up backfill of search tokens over every trust's households (ids only)
    const batch = await db.household.findMany({
      where: { searchTokens: { none: {} } },
      select: { id: true, organisationId: true, name: true, email: true, members: { select: { fullName: true } } },
      take: 500,
    });
    if (batch.length === 0) return done;
    for (const household of batch) {
      const tokens = householdTokens(household.name, household.email, household.members.map((m) => m.fullName));
      // a household whose name has no letters or digits has no words; give it one so it is not revisited
      await db.$transaction((tx) => writeHouseholdTokens(tx, household.organisationId, household.id, tokens.length ? tokens : ["0"]));
    }
    done += batch.length;
  }
}

/** The household's id and name; null if the organisation has no such household. */
export async function householdSummary(db: Db, organisationId: string, householdId: string) {
  return db.household.findFirst({ where: { id: householdId, organisationId }, select: { id: true, name: true } });
}

/** The household's record as the edit form shows it; null if the organisation has no such household. */
export async function getHouseholdRecord(db: Db, organisationId: string, householdId: string) {
  return db.household.findFirst({ where: { id: householdId, organisationId } });
}

/** The household with its members' names (oldest first); null if the organisation has no such household. */
export async function householdWithMemberNames(db: Db, organisationId: string, householdId: string) {
  return db.household.findFirst({
    where: { id: householdId, organisationId },
    include: { members: { select: { fullName: true }, orderBy: { createdAt: "asc" } } },
  });
}

/** The home the household owns now (an ownership without a sale date), with its parcel's address and income-limit area; null if none. */
export async function currentOwnedHome(db: Db, organisationId: string, householdId: string) {
  return db.ownership.findFirst({
    where: { organisationId, householdId, saleDate: null },
    select: { home: { select: { label: true, parcel: { select: { streetAddress: true, incomeLimitAreaCode: true } } } } },
  });
}

/** Homes with no current owner (a certification's home choices), with their parcel's address and income-limit area; at most 500. */
export async function unownedHomesWithArea(db: Db, organisationId: string) {
  return db.home.findMany({
    where: { organisationId, archivedAt: null, ownerships: { none: { saleDate: null } } },
    orderBy: [{ parcel: { streetAddress: "asc" } }, { label: "asc" }],
    select: { id: true, label: true, parcel: { select: { streetAddress: true, incomeLimitAreaCode: true } } },
    take: 500,
  });
}

/** The organisation's households that are not archived, by name (a user's household choices); at most 500. */
export async function activeHouseholdChoices(db: Db, organisationId: string) {
  return db.household.findMany({
    where: { organisationId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

/** The organisation's households that are not archived and own no home now, by name (possible buyers); at most 1000. */
export async function householdsWithoutHome(db: Db, organisationId: string) {
  return db.household.findMany({
    where: { organisationId, archivedAt: null, ownerships: { none: { saleDate: null } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 1000,
  });
}
