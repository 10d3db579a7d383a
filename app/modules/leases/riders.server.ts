/**
 * The trust's rider library in the database: riders and their immutable versions (admins write, every
 * change audited), the riders a lease may name, and the rider texts a lease document prints — the version
 * frozen into a signed lease, the latest for a draft.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { frozenRiders, riderNameKey, riderParagraphs, STANDARD_RIDERS, type FrozenRider, type RiderText, type RiderVersionValues } from "./riders";
import { NotFoundError } from "~/utils/errors";

/** Every rider of the trust with its latest version, by name; archived ones last. */
export async function listRiders(db: Db | Tx, organisationId: string, options: { includeArchived?: boolean } = {}) {
  const riders = await db.leaseRider.findMany({
    where: { organisationId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    include: { versions: { orderBy: { versionNumber: "desc" }, take: 1 } },
    orderBy: [{ name: "asc" }],
  });
  return riders.map((r) => ({ id: r.id, name: r.name, archivedAt: r.archivedAt, latest: r.versions[0] ?? null }));
}

export async function getRider(db: Db, organisationId: string, riderId: string) {
  return db.leaseRider.findFirst({ where: { id: riderId, organisationId }, include: { versions: { orderBy: { versionNumber: "desc" } } } });
}

/** The rider names a lease form offers: the library's current riders, then the standard lender riders. */
export async function riderChoices(db: Db | Tx, organisationId: string): Promise<{ name: string; versionNumber: number | null }[]> {
  const library = await listRiders(db, organisationId);
  const names = new Set(library.map((r) => riderNameKey(r.name)));
  return [
    ...library.map((r) => ({ name: r.name, versionNumber: r.latest?.versionNumber ?? null })),
    ...STANDARD_RIDERS.filter((name) => !names.has(riderNameKey(name))).map((name) => ({ name, versionNumber: null })),
  ];
}

/** Field errors for rider names a lease may not name (`alreadyOnLease` stay allowed, e.g. a rider archived since). */
export async function riderNameErrors(db: Db | Tx, organisationId: string, names: readonly string[], alreadyOnLease: readonly string[] = []): Promise<string[]> {
  const allowed = new Set([...(await riderChoices(db, organisationId)).map((c) => c.name), ...alreadyOnLease]);
  const unknown = names.filter((name) => !allowed.has(name));
  return unknown.length ? [`Choose riders from the list (not in the rider library: ${unknown.map((n) => `“${n}”`).join(", ")}).`] : [];
}

/** The library versions a lease signed now is signed with: the latest version of each named library rider. */
export async function riderVersionsToFreeze(tx: Tx, organisationId: string, names: readonly string[]): Promise<FrozenRider[]> {
  if (names.length === 0) return [];
  const riders = await tx.leaseRider.findMany({
    where: { organisationId, nameKey: { in: names.map(riderNameKey) } },
    include: { versions: { orderBy: { versionNumber: "desc" }, take: 1 } },
  });
  return names.flatMap((name) => {
    const rider = riders.find((r) => r.nameKey === riderNameKey(name));
    const latest = rider?.versions[0];
    return rider && latest ? [{ riderId: rider.id, name: rider.name, versionNumber: latest.versionNumber }] : [];
  });
}


/**
 * The texts of the riders `names` for a lease document: a signed lease's frozen versions (`riderVersions`),
 * otherwise (a draft, or a rider added by amendment) the latest library version; a name not in the library
 * (a standard lender rider) has no text.
 */
export async function riderTextsFor(db: Db, organisationId: string, names: readonly string[], frozenJson: unknown): Promise<RiderText[]> {
  if (names.length === 0) return [];
  const frozen = frozenRiders(frozenJson);
  const riders = await db.leaseRider.findMany({ where: { organisationId, nameKey: { in: names.map(riderNameKey) } }, include: { versions: { orderBy: { versionNumber: "desc" } } } });
  return names.map((name) => {
    const rider = riders.find((r) => r.nameKey === riderNameKey(name));
    if (!rider || rider.versions.length === 0) return { name, versionNumber: null, paragraphs: [] };
    const kept = frozen.find((f) => f.riderId === rider.id);
    const version = (kept && rider.versions.find((v) => v.versionNumber === kept.versionNumber)) || rider.versions[0]!;
    return { name, versionNumber: version.versionNumber, paragraphs: riderParagraphs(version.text) };
  });
}

export type SaveRiderResult = { ok: true; riderId: string; versionNumber: number } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Saves a rider text: a new rider (`riderId` absent; its name must be new in the trust, ignoring case and
 * spaces) or the next version of `riderId` (`basedOn` = the version the admin edited; a stale one throws
 * StaleRecordError). Versions are never changed. Audited.
 */
export async function saveRiderVersion(db: Db, actor: AuditActor, values: RiderVersionValues, target: { riderId?: string; basedOn?: number } = {}): Promise<SaveRiderResult> {
  const nameKey = riderNameKey(values.name);
  try {
    return await db.$transaction(async (tx) => {
      let riderId = target.riderId;
      let versionNumber = 1;
      if (riderId) {
        const rider = await tx.leaseRider.findFirst({ where: { id: riderId, organisationId: actor.organisationId }, include: { versions: { orderBy: { versionNumber: "desc" }, take: 1 } } });
        if (!rider) throw new NotFoundError("Rider not found");
        const latest = rider.versions[0]?.versionNumber ?? 0;
        if (target.basedOn !== undefined && target.basedOn !== latest) throw new StaleRecordError();
        versionNumber = latest + 1;
      } else {
        const existing = await tx.leaseRider.findFirst({ where: { organisationId: actor.organisationId, nameKey }, select: { id: true } });
        if (existing) return { ok: false as const, fieldErrors: { name: ["The library already has a rider with this name: open it to save a new version."] } };
        const created = await tx.leaseRider.create({ data: { organisationId: actor.organisationId, name: values.name.trim().replace(/\s+/g, " "), nameKey } });
        riderId = created.id;
        await recordAudit(tx, actor, { entity: "LeaseRider", entityId: created.id, action: "create", after: { name: created.name } });
      }
      const version = await tx.leaseRiderVersion.create({
        data: { organisationId: actor.organisationId, riderId, versionNumber, text: values.text, note: values.note ?? "", createdById: actor.userId, createdByLabel: actor.label },
      });
      await recordAudit(tx, actor, { entity: "LeaseRiderVersion", entityId: version.id, action: "create", after: { riderId, versionNumber, note: version.note, characters: values.text.length } });
      return { ok: true as const, riderId, versionNumber };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      if (target.riderId) throw new StaleRecordError();
      return { ok: false, fieldErrors: { name: ["The library already has a rider with this name: open it to save a new version."] } };
    }
    throw error;
  }
}

/** Archives a rider (no longer offered for new leases; leases that name it keep printing its text). Audited. */
export async function archiveRider(db: Db, actor: AuditActor, riderId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.leaseRider.updateMany({ where: { id: riderId, organisationId: actor.organisationId, archivedAt: null }, data: { archivedAt: new Date() } });
    if (updated.count) await recordAudit(tx, actor, { entity: "LeaseRider", entityId: riderId, action: "archive" });
    return updated.count > 0;
  });
}
