import { parseArgs } from "node:util";
import { systemActor } from "~/modules/audit/audit.server";
import { isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { generateAllCharges } from "./ledger.server";

/**
 * `npm run --silent clt -- fees-generate [--through YYYY-MM-DD]`: the scheduled step (run it daily from cron or a
 * systemd timer). Posts the lease-fee charges and late charges due up to the date on every organisation's ledgers;
 * safe to run on several servers at once. Prints `{ "organisations": n, "leases": n, "posted": n }`.
 */
export async function runFeesGenerate(args: string[]): Promise<number> {
  let through: string | undefined;
  try {
    const { values } = parseArgs({ args, options: { through: { type: "string" } } });
    through = values.through;
  } catch (error) {
    process.stderr.write(`${JSON.stringify({ error: "invalid-request", fields: [{ path: "", message: error instanceof Error ? error.message : String(error) }] })}\n`);
    return 2;
  }
  if (through !== undefined && !isCalendarDate(through)) {
    process.stderr.write(`${JSON.stringify({ error: "invalid-request", fields: [{ path: "through", message: `must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(through)}` }] })}\n`);
    return 2;
  }
  const organisations = await db().organisation.findMany({ select: { id: true, timeZone: true }, orderBy: { id: "asc" } });
  let leases = 0;
  let posted = 0;
  for (const organisation of organisations) {
    // up to each trust's own today unless a date is given
    const result = await generateAllCharges(db(), systemActor(organisation.id, "Scheduled lease-fee step"), through ?? todayIn(organisation.timeZone));
    leases += result.leases;
    posted += result.posted;
  }
  process.stdout.write(`${JSON.stringify({ organisations: organisations.length, leases, posted })}\n`);
  return 0;
}
