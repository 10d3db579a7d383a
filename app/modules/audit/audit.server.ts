import { timeOrderedId } from "~/utils/ordered-id.server";
import type { Db, Tx } from "~/utils/db.server";
import { databaseUrl, isPostgresUrl } from "~/utils/env.server";
import { yieldToEventLoop } from "~/utils/bulk-insert.server";
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

/** Audit entries per statement of `recordAuditMany`. */
const AUDIT_ROWS_PER_INSERT = 5_000;

export type AuditEntryInput = { entity: string; entityId: string; action: AuditAction; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };

/** Audit entries made ready to write (`prepareAuditMany`): the statements' JSON parameters. */
export type PreparedAuditEntries = { chunks: string[] };

/**
 * The CPU part of `recordAuditMany` — ids, the changes of each entry, the JSON parameters — done before the
 * transaction, in slices of 1,000 entries that let other requests run between them (a 20,000-row import makes
 * 40,000 entries: ≈ 1 s of CPU). Write them with `writeAuditMany` in the transaction that makes the changes.
 */
export async function prepareAuditMany(entries: readonly AuditEntryInput[]): Promise<PreparedAuditEntries> {
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_INSERT) {
    const rows: string[][] = [];
    for (let i = start; i < Math.min(start + AUDIT_ROWS_PER_INSERT, entries.length); i++) {
      if (i > start && i % 1_000 === 0) await yieldToEventLoop();
      const entry = entries[i]!;
      rows.push([timeOrderedId(), entry.entity, entry.entityId, entry.action, JSON.stringify(auditChanges(entry.before ?? null, entry.after ?? null))]);
    }
    chunks.push(JSON.stringify(rows));
  }
  return { chunks };
}

/** Appends prepared audit entries of one actor (all with the same time), an INSERT … SELECT per 5,000. */
export async function writeAuditMany(tx: Tx | Db, actor: AuditActor, prepared: PreparedAuditEntries): Promise<void> {
  if (prepared.chunks.length === 0) return;
  const postgres = isPostgresUrl(databaseUrl());
  // the text form Prisma writes a DateTime in on SQLite; a timestamp on PostgreSQL
  const createdAt = new Date().toISOString();
  const columns = `"id", "organisationId", "userId", "actorLabel", "entity", "entityId", "action", "changes", "requestId", "createdAt"`;
  const sql = postgres
    ? `INSERT INTO "AuditEntry" (${columns}) SELECT r->>0, CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), r->>1, r->>2, r->>3, CAST(r->>4 AS JSONB), CAST($4 AS TEXT), CAST($5 AS TIMESTAMP(3)) FROM json_array_elements(CAST($6 AS JSON)) AS r`
    : `INSERT INTO "AuditEntry" (${columns}) SELECT value ->> 0, ?, ?, ?, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ?, ? FROM json_each(?)`;
  for (const json of prepared.chunks) {
    await tx.$executeRawUnsafe(sql, actor.organisationId, actor.userId, actor.label, actor.requestId, postgres ? createdAt : createdAt.replace("Z", "+00:00"), json);
  }
}

/**
 * Appends many audit entries of one actor at once (as `recordAudit` writes each; all with the same time), by an
 * INSERT … SELECT per 5,000 entries whose rows travel as one JSON parameter: Prisma's `createMany` compiles a
 * statement with a parameter per value, which cost ≈ 0.6 ms of CPU per entry for the fee ledger's scheduled step
 * (docs/benchmarks.md). Call it with the transaction client that made the changes.
 */
export async function recordAuditMany(tx: Tx | Db, actor: AuditActor, entries: readonly AuditEntryInput[]): Promise<void> {
  await writeAuditMany(tx, actor, await prepareAuditMany(entries));
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

/** The audit log's filter choices: the entities the organisation's log names, and the people who belong to it. */
export async function auditFilterChoices(db: Db, organisationId: string) {
  const [entities, people] = await Promise.all([
    db.auditEntry.findMany({ where: { organisationId }, distinct: ["entity"], select: { entity: true } }),
    db.membership.findMany({ where: { organisationId }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  return { entities: entities.map((e) => e.entity).sort(), people: people.map((p) => p.user) };
}
