/**
 * Queues the email reminders due on a trust's today (reminders.ts says which) through the outbox, each exactly
 * once: its key is written to ReminderSent in the same transaction as the email, and the database's unique
 * (organisation, key) refuses the second — also when two app servers run the reminders at the same moment.
 * Which kinds a trust sends is its choice (Settings → Reminders).
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { queueEmails } from "~/modules/email/outbox.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { openCaseDeadlines } from "~/modules/transfers/transfers.server";
import { assertUpdated, createFirstVersion } from "~/utils/concurrency.server";
import { todayIn } from "~/utils/calendar-date";
import { isUniqueViolation, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { parseNoticesOff } from "./email-notices";
import { ALL_ON, caseReminders, itemReminders, REMINDER_KIND_KEYS, statementReminders, type Recipient, type Reminder, type ReminderSwitches } from "./reminders";

export async function reminderSwitches(db: Db, organisationId: string): Promise<ReminderSwitches & { version: number }> {
  const saved = await db.reminderSettings.findUnique({ where: { organisationId } });
  if (!saved) return { ...ALL_ON, version: 0 };
  return { ...Object.fromEntries(REMINDER_KIND_KEYS.map((k) => [k, saved[k]])) as ReminderSwitches, version: saved.version };
}

/** Saves which reminders the trust sends; a stale form (version) is refused. Audited. */
export async function updateReminderSwitches(db: Db, actor: AuditActor, values: ReminderSwitches, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.reminderSettings.findUnique({ where: { organisationId: actor.organisationId } });
    if (!before) {
      if (version !== 0) assertUpdated({ count: 0 });
      await createFirstVersion(tx.reminderSettings.create({ data: { organisationId: actor.organisationId, ...values } }));
    } else {
      assertUpdated(await tx.reminderSettings.updateMany({ where: { organisationId: actor.organisationId, version }, data: { ...values, version: { increment: 1 } } }));
    }
    await recordAudit(tx, actor, {
      entity: "ReminderSettings",
      entityId: actor.organisationId,
      action: "update",
      before: before ? Object.fromEntries(REMINDER_KIND_KEYS.map((k) => [k, before[k]])) : ALL_ON,
      after: values,
    });
  });
}

async function recipientsOf(db: Db, organisationId: string) {
  const memberships = await db.membership.findMany({
    where: { organisationId, disabledAt: null, user: { disabledAt: null } },
    select: { role: true, householdId: true, user: { select: { id: true, email: true, name: true, emailNoticesOff: true } } },
  });
  // the reminders each person turned off (Your settings → Email notices), by address
  const off = new Map(memberships.map((m) => [m.user.email, parseNoticesOff(m.user.emailNoticesOff)]));
  const wants = (reminder: Reminder) => !off.get(reminder.to)?.has(reminder.kind);
  const person = (m: (typeof memberships)[number]): Recipient => ({ userId: m.user.id, email: m.user.email, name: m.user.name, homeowner: m.role === "homeowner" });
  const homeowners = (householdId: string) => memberships.filter((m) => m.role === "homeowner" && m.householdId === householdId).map(person);
  const staff = (userId: string) => {
    const m = memberships.find((x) => x.user.id === userId && (x.role === "admin" || x.role === "staff"));
    return m ? person(m) : null;
  };
  const admins = () => memberships.filter((m) => m.role === "admin").map(person);
  return { homeowners, staff, admins, wants };
}

/** Every reminder due for the trust on `today` (whether or not already sent), except those its recipient turned off. */
export async function remindersDue(db: Db, organisationId: string, today: string, baseUrl: string): Promise<Reminder[]> {
  const switches = await reminderSwitches(db, organisationId);
  const people = await recipientsOf(db, organisationId);
  const myHome = `${baseUrl}/my-home`;
  const calendar = await stewardshipCalendar(db, { organisationId, role: "admin", householdId: null }, today);
  const items = itemReminders(calendar.items, today, switches, people, {
    myHome,
    staffItem: (item) => (item.eventId ? `${baseUrl}/stewardship/events/${item.eventId}` : `${baseUrl}/stewardship/scheduled/${item.leaseId}/${encodeURIComponent(item.scheduleKey ?? "")}`),
  });
  const leases = await db.lease.findMany({ where: { organisationId, status: { in: BINDING_STATUSES } }, select: { householdId: true }, distinct: ["householdId"] });
  const statements = statementReminders(
    leases.map((l) => ({ householdId: l.householdId, homeowners: people.homeowners(l.householdId) })),
    today,
    switches,
    { myHome },
  );
  let cases: Reminder[] = [];
  if (switches.caseDeadline) {
    const open = await openCaseDeadlines(db, organisationId, today);
    const creators = new Map((await db.transferCase.findMany({ where: { organisationId, status: "open" }, select: { id: true, createdById: true } })).map((c) => [c.id, c.createdById]));
    cases = caseReminders(
      open.map((c) => {
        const creator = creators.get(c.id);
        const staff = creator ? people.staff(creator) : null;
        return { id: c.id, home: c.home.label, next: c.next, staff: staff ? [staff] : people.admins() };
      }),
      switches,
      { case: (id) => `${baseUrl}/transfers/${id}` },
    );
  }
  return [...items, ...statements, ...cases].filter(people.wants);
}

/** Queues the reminders due today that were not queued before. Safe to run on several servers at once. */
export async function queueDueReminders(db: Db, organisationId: string, today: string, baseUrl = (env().APP_URL ?? "").replace(/\/+$/, "")): Promise<{ queued: number }> {
  const due = await remindersDue(db, organisationId, today, baseUrl);
  if (due.length === 0) return { queued: 0 };
  const sent = new Set((await db.reminderSent.findMany({ where: { organisationId, key: { in: due.map((r) => r.key) } }, select: { key: true } })).map((r) => r.key));
  let queued = 0;
  for (const reminder of due) {
    if (sent.has(reminder.key)) continue;
    try {
      await db.$transaction(async (tx) => {
        await tx.reminderSent.create({ data: { organisationId, key: reminder.key } });
        await queueEmails(tx, organisationId, `reminder:${reminder.kind}`, [{ to: reminder.to, subject: reminder.subject, text: reminder.text }]);
      });
      queued += 1;
    } catch (error) {
      // another server queued it first: the key is taken, its email is already in the outbox
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { queued };
}

/** Runs the reminders of every trust on its own today. */
export async function runReminders(db: Db, now = new Date()): Promise<number> {
  const organisations = await db.organisation.findMany({ select: { id: true, timeZone: true } });
  let queued = 0;
  for (const organisation of organisations) queued += (await queueDueReminders(db, organisation.id, todayIn(organisation.timeZone, now))).queued;
  return queued;
}

/** Starts the hourly reminder run (each app server may run one; the unique keys keep every reminder single). */
export function startReminders(db: () => Db, intervalMs = 60 * 60_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runReminders(db())
      .catch((error: unknown) => console.error("Reminders:", error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 60_000);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
