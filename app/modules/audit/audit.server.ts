import type { Db, Tx } from "~/utils/db.server";
import { auditChanges } from "./diff";

export type AuditAction = "create" | "update" | "delete" | "archive" | "restore" | "transition" | "generate" | "revoke" | "review";

/** Who performed a change: a signed-in user, or the system (seeding, CLI). */
export type AuditActor = { organisationId: string; requestId: string; userId: string | null; label: string };

/**
 * The audit actor of a signed-in user (the session's `Actor`, ~/modules/auth/session.server). Typed by the
 * fields it reads, so the audit module does not build on auth (auth records audit entries, not the reverse).
 */
export function auditActor(actor: { organisationId: string; requestId: string; userId: string; name: string }): AuditActor {
  return { organisationId: actor.organisationId, requestId: actor.requestId, userId: actor.userId, label: actor.name };
}

export function systemActor(organisationId: string, label = "System"): AuditActor {
  return { organisationId, requestId: "", userId: null, label };
}

/**
 * Appends an audit entry. Call it with the transaction client that made the change, so the entry and the
 * change commit or roll back together. Entries are never updated or deleted by the application.
 */
export async function recordAudit(
  tx: Tx | Db,
  actor: AuditActor,
  entry: {
    entity: string;
    entityId: string;
    action: AuditAction;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      organisationId: actor.organisationId,
      userId: actor.userId,
      actorLabel: actor.label,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      changes: auditChanges(entry.before ?? null, entry.after ?? null),
      requestId: actor.requestId,
    },
  });
}

export type AuditFilters = { entity?: string; action?: string; userId?: string; entityId?: string; page?: number };
export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(db: Db, organisationId: string, filters: AuditFilters) {
  const where = {
    organisationId,
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEntry.count({ where }),
  ]);
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export async function auditHistory(db: Db, organisationId: string, entity: string, entityId: string) {
  return db.auditEntry.findMany({
    where: { organisationId, entity, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
}
