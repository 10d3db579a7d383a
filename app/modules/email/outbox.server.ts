/**
 * The app's email: every message is written to the outbox table first (in the same transaction as the
 * change that caused it), and a sender delivers queued messages over SMTP when SMTP_URL is set. Without
 * SMTP_URL messages stay in the outbox, where admins read them (Settings → Email).
 *
 * Exactly once with several app servers: a sender claims a message with a conditional update (status and
 * claim token must still be what it read); only one concurrent update can match, so only one server sends
 * it. A claim left by a server that died is taken over after CLAIM_TIMEOUT_MS. Failures are retried with
 * backoff (retry.ts) and end as "failed", visible to admins, who can queue the message again.
 */
import { randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { afterFailure, EMAIL_STATUS_LABELS, isEmailAddress, isFromAddress } from "./retry";

export type OutgoingEmail = { to: string; subject: string; text: string };
/** What sends a message: nodemailer's SMTP transport in the app (transport.server.ts). */
export type EmailTransport = { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> };

/** A claim older than this is considered abandoned (its server stopped) and may be taken over. */
export const CLAIM_TIMEOUT_MS = 15 * 60_000;

export { EMAIL_STATUS_LABELS };

/** Queues messages for one organisation. Addresses that are not plausible are skipped and returned. */
export async function queueEmails(tx: Tx | Db, organisationId: string, purpose: string, messages: readonly OutgoingEmail[]) {
  const settings = await tx.emailSettings.findUnique({ where: { organisationId } });
  const valid = messages.filter((m) => isEmailAddress(m.to));
  if (valid.length > 0) {
    await tx.emailMessage.createMany({
      data: valid.map((m) => ({
        organisationId,
        purpose,
        fromAddress: settings?.fromAddress ?? "",
        toAddress: m.to,
        subject: m.subject.replace(/[\r\n]+/g, " "),
        textBody: m.text,
      })),
    });
  }
  return { queued: valid.length, skipped: messages.filter((m) => !isEmailAddress(m.to)).map((m) => m.to) };
}

type Claimed = { id: string; organisationId: string; fromAddress: string; toAddress: string; subject: string; textBody: string; attempts: number; claimToken: string };

/** Claims the next message due, or returns null. Safe to run on several servers at once. */
export async function claimNextEmail(db: Db, now = new Date()): Promise<Claimed | null> {
  for (let round = 0; round < 5; round += 1) {
    // cross-organisation: the outbox sender claims the next message due, whichever trust sent it
    const candidates = await db.emailMessage.findMany({
      where: {
        OR: [
          { status: "queued", nextAttemptAt: { lte: now } },
          { status: "sending", claimedAt: { lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } },
        ],
      },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      select: { id: true, status: true, claimToken: true },
      take: 10,
    });
    if (candidates.length === 0) return null;
    for (const candidate of candidates) {
      const claimToken = randomBytes(12).toString("hex");
      // cross-organisation: the outbox sender claims the next message due, whichever trust sent it
      const { count } = await db.emailMessage.updateMany({
        where: { id: candidate.id, status: candidate.status, claimToken: candidate.claimToken },
        data: { status: "sending", claimToken, claimedAt: now, attempts: { increment: 1 } },
      });
      if (count === 1) {
        // cross-organisation: the outbox sender delivers every trust's mail; the row is the one it claimed
        const message = await db.emailMessage.findUniqueOrThrow({ where: { id: candidate.id } });
        return { ...message, claimToken };
      }
    }
  }
  return null;
}

/** Sends what is due, one claimed message at a time, until the outbox has nothing due or `limit` is reached. */
export async function sendPendingEmail(db: Db, transport: EmailTransport, options: { limit?: number; now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const result = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < (options.limit ?? 100); i += 1) {
    const message = await claimNextEmail(db, now());
    if (!message) break;
    try {
      const from = message.fromAddress || (await db.emailSettings.findUnique({ where: { organisationId: message.organisationId } }))?.fromAddress || "";
      if (!from) throw new Error("This trust has no from-address: set one under Settings → Email.");
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.textBody });
      await db.emailMessage.updateMany({
        where: { id: message.id, claimToken: message.claimToken },
        data: { status: "sent", sentAt: now(), fromAddress: from, lastError: "" },
      });
      result.sent += 1;
    } catch (error) {
      const next = afterFailure(message.attempts, now());
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      // cross-organisation: the outbox sender delivers every trust's mail; the row is the one it claimed
      await db.emailMessage.updateMany({
        where: { id: message.id, claimToken: message.claimToken },
        data: next.status === "failed" ? { status: "failed", lastError } : { status: "queued", nextAttemptAt: next.nextAttemptAt, lastError },
      });
      if (next.status === "failed") result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}

export const OUTBOX_PAGE_SIZE = 100;

/** The organisation's outbox, newest first, with counts per status. */
export async function listOutbox(db: Db, organisationId: string, filter: { status?: string } = {}) {
  const where = { organisationId, ...(filter.status && EMAIL_STATUS_LABELS[filter.status] ? { status: filter.status } : {}) };
  const [messages, groups] = await Promise.all([
    db.emailMessage.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: OUTBOX_PAGE_SIZE }),
    db.emailMessage.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
  return { messages, counts };
}

export async function getEmailSettings(db: Db, organisationId: string) {
  return (await db.emailSettings.findUnique({ where: { organisationId } })) ?? { organisationId, fromAddress: "", version: 0 };
}

export async function updateFromAddress(db: Db, actor: AuditActor, fromAddress: string) {
  if (!isFromAddress(fromAddress)) return { ok: false as const, fieldErrors: { fromAddress: ["Enter an address such as office@yourclt.org or Your CLT <office@yourclt.org>"] } };
  return db.$transaction(async (tx) => {
    const before = await tx.emailSettings.findUnique({ where: { organisationId: actor.organisationId } });
    await tx.emailSettings.upsert({
      where: { organisationId: actor.organisationId },
      create: { organisationId: actor.organisationId, fromAddress: fromAddress.trim() },
      update: { fromAddress: fromAddress.trim(), version: { increment: 1 } },
    });
    // queued messages without a from-address take the new one when they are sent
    await recordAudit(tx, actor, { entity: "EmailSettings", entityId: actor.organisationId, action: before ? "update" : "create", before: before ? { fromAddress: before.fromAddress } : null, after: { fromAddress: fromAddress.trim() } });
    return { ok: true as const };
  });
}

/** Queues a failed message again (attempts start over). */
export async function retryEmail(db: Db, actor: AuditActor, messageId: string) {
  const { count } = await db.emailMessage.updateMany({
    where: { id: messageId, organisationId: actor.organisationId, status: "failed" },
    data: { status: "queued", attempts: 0, nextAttemptAt: new Date(), claimToken: null, claimedAt: null },
  });
  return count === 1;
}
