import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { claimNextEmail, listOutbox, queueEmails, retryEmail, sendPendingEmail, updateFromAddress } from "~/modules/email/outbox.server";
import { MAX_ATTEMPTS } from "~/modules/email/retry";
import { smtpTransport } from "~/modules/email/transport.server";
import { createDb, db } from "~/utils/db.server";
import { createOrganisation } from "~/modules/demo/organisations";

/**
 * The outbox against a real SMTP server (smtp-server) started here: what it receives is what was sent.
 * Recipients at "refuse.example" are refused by the server, to exercise retries.
 */
type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let server: SMTPServer;
let url = "";

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@refuse.example")) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function trustWithFrom(from = "Riverbend CLT <office@riverbend.example>") {
  const { organisation } = await createOrganisation(db());
  const result = await updateFromAddress(db(), systemActor(organisation.id), from);
  expect(result.ok).toBe(true);
  return organisation.id;
}

describe("email outbox", () => {
  it("two senders on separate connections deliver every queued message exactly once", async () => {
    const organisationId = await trustWithFrom();
    const messages = Array.from({ length: 12 }, (_, i) => ({ to: `member${i}@members.example`, subject: `Notice ${i}`, text: `Dear member ${i},\nthe annual meeting…` }));
    const { queued } = await queueEmails(db(), organisationId, "test", messages);
    expect(queued).toBe(12);
    const before = received.length;
    const [first, second] = [createDb(process.env.DATABASE_URL!), createDb(process.env.DATABASE_URL!)];
    try {
      const results = await Promise.all([sendPendingEmail(first, smtpTransport(url)), sendPendingEmail(second, smtpTransport(url))]);
      expect(results[0].sent + results[1].sent).toBe(12);
    } finally {
      await Promise.all([first.$disconnect(), second.$disconnect()]);
    }
    const delivered = received.slice(before).flatMap((r) => r.to).sort();
    expect(delivered).toEqual(messages.map((m) => m.to).sort());
    expect(received.slice(before).every((r) => r.from === "office@riverbend.example")).toBe(true);
    expect(received.slice(before).find((r) => r.to[0] === "member3@members.example")!.data).toContain("Subject: Notice 3");
    const outbox = await listOutbox(db(), organisationId);
    expect(outbox.counts).toEqual({ sent: 12 });
    expect(outbox.messages.every((m) => m.attempts === 1 && m.sentAt)).toBe(true);
  });

  it("of eight concurrent claims of one message, exactly one wins", async () => {
    const organisationId = await trustWithFrom();
    await queueEmails(db(), organisationId, "test", [{ to: "one@members.example", subject: "One", text: "…" }]);
    const clients = Array.from({ length: 4 }, () => createDb(process.env.DATABASE_URL!));
    try {
      const claims = await Promise.all(clients.flatMap((client) => [claimNextEmail(client), claimNextEmail(client)]));
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
    const [message] = (await listOutbox(db(), organisationId)).messages;
    expect(message).toMatchObject({ status: "sending", attempts: 1 });
    await db().emailMessage.delete({ where: { id: message!.id } });
  });

  it("a refused message is retried with growing delays, then marked failed for admins to see and queue again", async () => {
    const organisationId = await trustWithFrom();
    await queueEmails(db(), organisationId, "test", [{ to: "gone@refuse.example", subject: "Notice", text: "…" }]);
    let clock = new Date("2030-01-01T00:00:00Z");
    const now = () => clock;
    const first = await sendPendingEmail(db(), smtpTransport(url), { now });
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let message = (await listOutbox(db(), organisationId)).messages[0]!;
    expect(message).toMatchObject({ status: "queued", attempts: 1 });
    expect(message.lastError).toMatch(/550|Mailbox unavailable/);
    expect(message.nextAttemptAt.toISOString()).toBe("2030-01-01T00:01:00.000Z");
    // not due yet: nothing is tried
    expect(await sendPendingEmail(db(), smtpTransport(url), { now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      clock = new Date(clock.getTime() + 24 * 60 * 60_000);
      await sendPendingEmail(db(), smtpTransport(url), { now });
    }
    message = (await listOutbox(db(), organisationId)).messages[0]!;
    expect(message).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await retryEmail(db(), systemActor(organisationId), message.id)).toBe(true);
    expect((await listOutbox(db(), organisationId)).messages[0]).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("a trust without a from-address keeps its messages until it sets one", async () => {
    const { organisation } = await createOrganisation(db());
    await queueEmails(db(), organisation.id, "test", [{ to: "someone@members.example", subject: "Hello", text: "…" }, { to: "not an address", subject: "x", text: "x" }]);
    await sendPendingEmail(db(), smtpTransport(url), { now: () => new Date("2031-01-01T00:00:00Z") });
    const message = (await listOutbox(db(), organisation.id)).messages;
    expect(message).toHaveLength(1);
    expect(message[0]).toMatchObject({ status: "queued", attempts: 1 });
    expect(message[0]!.lastError).toBe("This trust has no from-address: set one under Settings → Email.");
  });
});
