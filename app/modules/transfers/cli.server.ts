/**
 * `clt transfers [--organisation <slug>]` and `clt transfer --case <id>` (dispatched by scripts/clt.ts): the
 * trust's resale and transfer cases as JSON, and one case with its status, every deadline, the formula price,
 * the option decision, the buyer, the closing figures and the stored outcome measures (the JSON of
 * `GET /api/v1/transfer-cases/:id`, docs/transfers.md). Deadline states use the trust's today.
 * Exit codes: 0 success, 2 invalid input (JSON error on stderr naming the field), 1 other failure.
 */
import { todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";
import { getTransferCase, listTransferCases } from "./transfers.server";

function fail(code: 1 | 2, error: string, message: string, extra: Record<string, unknown> = {}): number {
  process.stderr.write(`${JSON.stringify({ error, message, ...extra })}\n`);
  return code;
}

type Flags = { ok: true; flags: Record<string, string> } | { ok: false; message: string; field?: string };

function flagsOf(args: string[], known: string[]): Flags {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const name = args[i]!.replace(/^--/, "");
    if (!args[i]!.startsWith("--") || !known.includes(name)) return { ok: false, message: `Unknown argument "${args[i]}". Known: ${known.map((k) => `--${k}`).join(", ")}.` };
    const value = args[++i];
    if (!value || value.startsWith("--")) return { ok: false, message: `--${name} needs a value.`, field: name };
    flags[name] = value;
  }
  return { ok: true, flags };
}

export async function runTransfersCli(db: Db, command: "transfers" | "transfer", args: string[]): Promise<number> {
  try {
    const parsed = flagsOf(args, command === "transfers" ? ["organisation"] : ["case"]);
    if (!parsed.ok) return fail(2, "invalid-arguments", parsed.message, parsed.field ? { field: parsed.field } : {});
    const flags = parsed.flags;
    if (command === "transfer") {
      if (!flags.case) return fail(2, "invalid-arguments", "Pass --case <id>.", { field: "case" });
      // cross-organisation: the server operator's CLI addresses a case by id; its organisation is learnt from it
      const row = await db.transferCase.findUnique({ where: { id: flags.case }, select: { organisationId: true, organisation: { select: { timeZone: true } } } });
      if (!row) return fail(2, "unknown-case", `No case has the id "${flags.case}".`, { field: "case" });
      const view = await getTransferCase(db, row.organisationId, flags.case, todayIn(row.organisation.timeZone));
      process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
      return 0;
    }
    const organisations = await db.organisation.findMany({ where: flags.organisation ? { slug: flags.organisation } : {}, select: { id: true, slug: true, timeZone: true }, orderBy: { slug: "asc" } });
    if (organisations.length !== 1) {
      return flags.organisation
        ? fail(2, "unknown-organisation", `No organisation has the slug "${flags.organisation}".`, { field: "organisation" })
        : fail(2, "organisation-required", "Pass --organisation <slug> (the database has none or several).", { field: "organisation", organisations: organisations.map((o) => o.slug) });
    }
    const organisation = organisations[0]!;
    const today = todayIn(organisation.timeZone);
    const cases = await listTransferCases(db, organisation.id, today);
    process.stdout.write(`${JSON.stringify({ organisation: organisation.slug, today, cases }, null, 2)}\n`);
    return 0;
  } catch (error) {
    return fail(1, "failure", error instanceof Error ? error.message : String(error));
  }
}
