/**
 * The pool of interested buyers (docs/transfers.md → The buyer pool): households waiting to buy a home, in the
 * order they were added, with what a steward needs to match them to a home — bedrooms wanted, household size
 * against the home's bedrooms, first-time buyer, the newest income certification. A case's buyer is drawn from
 * it: choosing a pool household marks it "offered", the closing marks it "bought", cancelling the case (or
 * choosing another buyer) puts it back to "waiting". Every query is scoped to the organisation.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import { STALE_RECORD_MESSAGE } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import type { BuyerPoolStatus, PoolAddValues, PoolStatusValues } from "./schemas";

export class BuyerPoolError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "BuyerPoolError";
  }
}

/** How a household of `persons` fits `bedrooms`: at least one person per bedroom, at most two per bedroom plus one. */
export function fitsBedrooms(persons: number, bedrooms: number): boolean {
  return persons >= Math.max(1, bedrooms) && persons <= 2 * bedrooms + 1;
}

export type PoolEntry = {
  id: string;
  householdId: string;
  name: string;
  addedOn: string;
  bedroomsWanted: number;
  status: BuyerPoolStatus;
  note: string;
  version: number;
  firstTimeBuyer: boolean | null;
  ownsHome: boolean;
  certification: { certifiedOn: string; householdSize: number; percentAmi: string } | null;
  /** Whether the household's certified size fits the bedrooms it wants (null without a certification). */
  fitsWanted: boolean | null;
  /** For a given home: whether the household's certified size fits its bedrooms (null without a certification). */
  fitsHome: boolean | null;
};

/** The pool, ordered by the date added (then by when the entry was made); for a home, with the size fit. */
export async function listBuyerPool(db: Db | Tx, organisationId: string, options: { statuses?: BuyerPoolStatus[]; homeBedrooms?: number } = {}): Promise<PoolEntry[]> {
  const rows = await db.interestedBuyer.findMany({
    where: { organisationId, ...(options.statuses ? { status: { in: options.statuses } } : {}) },
    orderBy: [{ addedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: {
      household: {
        select: {
          id: true,
          name: true,
          firstTimeBuyer: true,
          ownerships: { where: { saleDate: null }, select: { id: true }, take: 1 },
          incomeCertifications: { orderBy: [{ certifiedOn: "desc" }, { createdAt: "desc" }], take: 1, select: { certifiedOn: true, householdSize: true, percentAmi: true } },
        },
      },
    },
    take: 1000,
  });
  return rows.map((row) => {
    const c = row.household.incomeCertifications[0];
    return {
      id: row.id,
      householdId: row.householdId,
      name: row.household.name,
      addedOn: row.addedOn,
      bedroomsWanted: row.bedroomsWanted,
      status: row.status as BuyerPoolStatus,
      note: row.note,
      version: row.version,
      firstTimeBuyer: row.household.firstTimeBuyer,
      ownsHome: row.household.ownerships.length > 0,
      certification: c ? { certifiedOn: c.certifiedOn, householdSize: c.householdSize, percentAmi: String(c.percentAmi) } : null,
      fitsWanted: c ? fitsBedrooms(c.householdSize, row.bedroomsWanted) : null,
      fitsHome: c && options.homeBedrooms !== undefined ? fitsBedrooms(c.householdSize, options.homeBedrooms) : null,
    };
  });
}

/** Adds a household to the pool (once; not dated after today). */
export async function addInterestedBuyer(db: Db, actor: AuditActor, values: Omit<PoolAddValues, "intent">, today: string): Promise<{ id: string }> {
  if (compareCalendarDates(values.addedOn, today) > 0) throw new BuyerPoolError(`The date added cannot be after today (${today})`, "addedOn");
  try {
    return await db.$transaction(async (tx) => {
      const household = await tx.household.findFirst({ where: { id: values.householdId, organisationId: actor.organisationId, archivedAt: null }, select: { id: true, name: true } });
      if (!household) throw new BuyerPoolError("Choose a household of this organisation", "householdId");
      const existing = await tx.interestedBuyer.findFirst({ where: { organisationId: actor.organisationId, householdId: household.id }, select: { id: true } });
      if (existing) throw new BuyerPoolError(`${household.name} is already in the pool.`, "householdId", 409);
      const created = await tx.interestedBuyer.create({
        data: { organisationId: actor.organisationId, householdId: household.id, addedOn: values.addedOn, bedroomsWanted: values.bedroomsWanted, note: values.note ?? "" },
      });
      await recordAudit(tx, actor, { entity: "InterestedBuyer", entityId: created.id, action: "create", after: { householdId: household.id, addedOn: values.addedOn, bedroomsWanted: values.bedroomsWanted } });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new BuyerPoolError("This household is already in the pool.", "householdId", 409);
    throw error;
  }
}

/** Staff put an entry back to waiting or mark it withdrawn (offered and bought follow the cases). */
export async function setInterestedBuyerStatus(db: Db, actor: AuditActor, values: Omit<PoolStatusValues, "intent">): Promise<void> {
  await db.$transaction(async (tx) => {
    const entry = await tx.interestedBuyer.findFirst({ where: { id: values.entryId, organisationId: actor.organisationId } });
    if (!entry) throw new BuyerPoolError("Interested buyer not found", undefined, 404);
    if (entry.version !== values.version) throw new BuyerPoolError(STALE_RECORD_MESSAGE, undefined, 409);
    if (entry.status === "bought") throw new BuyerPoolError("This household bought a home through a case; its entry stays as it is.", "status", 409);
    if (entry.status === "offered") throw new BuyerPoolError("This household is the buyer on an open case: choose another buyer there (or cancel the case) first.", "status", 409);
    const updated = await tx.interestedBuyer.updateMany({ where: { id: entry.id, organisationId: actor.organisationId, version: values.version }, data: { status: values.status, version: { increment: 1 } } });
    if (updated.count !== 1) throw new BuyerPoolError(STALE_RECORD_MESSAGE, undefined, 409);
    await recordAudit(tx, actor, { entity: "InterestedBuyer", entityId: entry.id, action: "update", before: { status: entry.status }, after: { status: values.status } });
  });
}

/**
 * Follows a case's buyer in the pool (inside the case's transaction): the previous buyer's entry goes back to
 * waiting, the new buyer's entry (if the household is in the pool) becomes `status` for this case.
 */
export async function followCaseBuyer(tx: Tx, actor: AuditActor, caseId: string, previousHouseholdId: string | null, householdId: string | null, status: "offered" | "bought" | "waiting"): Promise<void> {
  const { organisationId } = actor;
  if (previousHouseholdId && previousHouseholdId !== householdId) {
    await tx.interestedBuyer.updateMany({ where: { organisationId, householdId: previousHouseholdId, transferCaseId: caseId, status: "offered" }, data: { status: "waiting", transferCaseId: null, version: { increment: 1 } } });
  }
  if (!householdId) return;
  const entry = await tx.interestedBuyer.findFirst({ where: { organisationId, householdId }, select: { id: true, status: true } });
  if (!entry || entry.status === "bought") return;
  await tx.interestedBuyer.updateMany({
    where: { id: entry.id, organisationId },
    data: { status, transferCaseId: status === "waiting" ? null : caseId, version: { increment: 1 } },
  });
  if (entry.status !== status) await recordAudit(tx, actor, { entity: "InterestedBuyer", entityId: entry.id, action: "update", before: { status: entry.status }, after: { status, transferCaseId: caseId } });
}
