/**
 * What the `clt` commands share (scripts/clt.ts dispatches them to the modules' cli.server.ts files): argument
 * parsing, the JSON error on stderr with its exit code (2 invalid input, 1 other failure), and the organisation
 * a command works on (`--organisation <slug>`, or the only one).
 */
import { db } from "~/utils/db.server";

type Parsed = { flags: Record<string, string | true>; error?: string };

export function parseArgs(args: string[], known: Record<string, "value" | "flag">): Parsed {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith("--") ? arg.slice(2).split("=")[0]! : "";
    if (!name || !(name in known)) return { flags, error: `Unknown argument "${arg}". Known: ${Object.keys(known).map((k) => `--${k}`).join(", ")}.` };
    if (known[name] === "flag") {
      flags[name] = true;
      continue;
    }
    const inline = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : undefined;
    const value = inline ?? args[++i];
    if (value === undefined || value === "" || value.startsWith("--")) return { flags, error: `--${name} needs a value.` };
    flags[name] = value;
  }
  return { flags };
}

export function fail(code: 1 | 2, error: string, message: string, extra: Record<string, unknown> = {}): number {
  process.stderr.write(`${JSON.stringify({ error, message, ...extra })}\n`);
  return code;
}

export async function organisationFor(slug: string | undefined): Promise<{ id: string } | number> {
  if (slug) {
    const organisation = await db().organisation.findUnique({ where: { slug }, select: { id: true } });
    return organisation ?? fail(2, "unknown-organisation", `No organisation has the slug "${slug}".`);
  }
  const organisations = await db().organisation.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  if (organisations.length === 1) return organisations[0]!;
  if (organisations.length === 0) return fail(2, "no-organisation", "The database has no organisation.");
  return fail(2, "organisation-required", "The database has several organisations: pass --organisation <slug>.", { organisations: organisations.map((o) => o.slug) });
}

