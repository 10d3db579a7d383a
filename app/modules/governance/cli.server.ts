/**
 * `clt member-roll --date YYYY-MM-DD [--organisation <slug>]` (dispatched by scripts/clt.ts): the member roll
 * on a date as JSON, with each member's good standing — the list a trust certifies for a meeting's record
 * date. Exit codes: 0 success, 2 invalid input (JSON error on stderr naming the field), 1 other failure.
 */
import { db } from "~/utils/db.server";
import { isCalendarDate } from "~/utils/calendar-date";
import { centsToString } from "~/utils/money";
import { memberRoll } from "./members.server";

function fail(code: 1 | 2, error: string, message: string, extra: Record<string, unknown> = {}): number {
  process.stderr.write(`${JSON.stringify({ error, message, ...extra })}\n`);
  return code;
}

export async function runMemberRollCli(args: string[]): Promise<number> {
  try {
    const flags: Record<string, string> = {};
    for (let i = 0; i < args.length; i += 1) {
      const name = args[i]!.replace(/^--/, "");
      if (!args[i]!.startsWith("--") || !["date", "organisation"].includes(name)) return fail(2, "invalid-arguments", `Unknown argument "${args[i]}". Known: --date, --organisation.`);
      const value = args[++i];
      if (!value || value.startsWith("--")) return fail(2, "invalid-arguments", `--${name} needs a value.`, { field: name });
      flags[name] = value;
    }
    if (!flags.date) return fail(2, "invalid-arguments", "Pass --date YYYY-MM-DD.", { field: "date" });
    if (!isCalendarDate(flags.date)) return fail(2, "invalid-date", `"${flags.date}" is not a calendar date in the form YYYY-MM-DD.`, { field: "date" });
    const organisations = await db().organisation.findMany({ where: flags.organisation ? { slug: flags.organisation } : {}, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
    if (organisations.length !== 1) {
      return flags.organisation
        ? fail(2, "unknown-organisation", `No organisation has the slug "${flags.organisation}".`, { field: "organisation" })
        : fail(2, "organisation-required", "Pass --organisation <slug> (the database has none or several).", { field: "organisation", organisations: organisations.map((o) => o.slug) });
    }
    const roll = await memberRoll(db(), organisations[0]!.id, flags.date);
    const rows = roll.map((m) => ({
      key: m.key,
      class: m.className,
      name: m.name,
      voter: m.voterName,
      memberSince: m.memberSince,
      dues: centsToString(m.duesCents),
      paid: centsToString(m.paidCents),
      waived: m.waived,
      goodStanding: m.goodStanding,
    }));
    process.stdout.write(`${JSON.stringify({ date: flags.date, members: rows.length, inGoodStanding: rows.filter((r) => r.goodStanding).length, roll: rows }, null, 2)}\n`);
    return 0;
  } catch (error) {
    return fail(1, "failure", error instanceof Error ? error.message : String(error));
  }
}
