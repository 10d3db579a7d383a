import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { noteRequestReader } from "~/utils/request-context.server";

const TOKEN_PREFIX = "cg_";

function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Creates an API token; the secret is returned once and only its hash is stored. */
export async function createApiToken(db: Db, actor: AuditActor, createdById: string, name: string) {
  const secret = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        organisationId: actor.organisationId,
        name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 8),
        createdById,
      },
    });
    await recordAudit(tx, actor, { entity: "ApiToken", entityId: created.id, action: "create", after: { name, prefix: created.prefix } });
    return created;
  });
  return { id: token.id, secret };
}

export async function revokeApiToken(db: Db, actor: AuditActor, tokenId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({
      where: { id: tokenId, organisationId: actor.organisationId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) return false;
    await recordAudit(tx, actor, { entity: "ApiToken", entityId: tokenId, action: "revoke" });
    return true;
  });
}

export async function listApiTokens(db: Db, organisationId: string) {
  return db.apiToken.findMany({ where: { organisationId }, orderBy: { createdAt: "desc" } });
}

export type ApiClient = { organisationId: string; tokenId: string; label: string };

/**
 * How stale a token's `lastUsedAt` may get before a request writes it again. The settings page shows the
 * time to the minute; writing it on every API read would make each read a database write.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The organisation a `Authorization: Bearer <token>` header speaks for, or null. */
export async function authenticateApiRequest(db: Db, request: Request): Promise<ApiClient | null> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return null;
  // cross-organisation: an API token is looked up by its hash before anyone knows the organisation
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, organisationId: true, name: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // at most one write a minute per token; the condition keeps concurrent requests from all writing
    // cross-organisation: the token found by its hash just above; the organisation is learnt from it
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  noteRequestReader({ organisationId: token.organisationId, apiTokenId: token.id, apiToken: token.name });
  return { organisationId: token.organisationId, tokenId: token.id, label: `API token “${token.name}”` };
}
