/**
 * `clt stewardship [--organisation <slug>] [--as-of YYYY-MM-DD]` (dispatched by scripts/clt.ts): the
 * compliance calendar as JSON (contract.server.ts), as of a date (default: today in the trust's time zone).
 * Exit codes: 0 success, 2 invalid input (JSON error on stderr naming the field), 1 other failure.
 */
import { isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { calendarJson } from "./contract.server";

function fail(code: 1 | 2, error: string, message: string, extra: Record<string, unknown> = {}): number {
  process.stderr.write(`${JSON.stringify({ error, message, ...extra })}\n`);
  return code;
}

export async function runStewardshipCli(args: string[]): Promise<number> {
  try {
    const flags: Record<string, string> = {};
    for (let i = 0; i < args.length; i += 1) {
      const name = args[i]!.replace(/^--/, "");
      if (!args[i]!.startsWith("--") || !["as-of", "organisation"].includes(name)) return fail(2, "invalid-arguments", `Unknown argument "${args[i]}". Known: --organisation, --as-of.`);
      const value = args[++i];
      if (!value || value.startsWith("--")) return fail(2, "invalid-arguments", `--${name} needs a value.`, { field: name });
      flags[name] = value;
    }
    if (flags["as-of"] !== undefined && !isCalendarDate(flags["as-of"])) {
      return fail(2, "invalid-date", `"${flags["as-of"]}" is not a calendar date in the form YYYY-MM-DD.`, { field: "as-of" });
    }
    const organisations = await db().organisation.findMany({ where: flags.organisation ? { slug: flags.organisation } : {}, select: { id: true, slug: true, timeZone: true }, orderBy: { slug: "asc" } });
    if (organisations.length !== 1) {
      return flags.organisation
        ? fail(2, "unknown-organisation", `No organisation has the slug "${flags.organisation}".`, { field: "organisation" })
        : fail(2, "organisation-required", "Pass --organisation <slug> (the database has none or several).", { field: "organisation", organisations: organisations.map((o) => o.slug) });
    }
    const organisation = organisations[0]!;
    const asOf = flags["as-of"] ?? todayIn(organisation.timeZone);
    const json = await calendarJson(db(), { organisationId: organisation.id, role: "viewer", householdId: null }, organisation.slug, asOf);
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  } catch (error) {
    return fail(1, "failure", error instanceof Error ? error.message : String(error));
  }
}
