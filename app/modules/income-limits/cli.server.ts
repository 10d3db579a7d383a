/**
 * `npm run --silent clt -- eligibility [--organisation <slug>] < request.json` (dispatched by scripts/clt.ts):
 * the eligibility contract (docs/eligibility-contract.md) against the organisation's stored income-limit tables.
 * Exit codes: 0 a verdict, 2 invalid input or no table in effect (JSON error on stderr), 1 other failure.
 */
import { fail, organisationFor, parseArgs } from "~/modules/organisations/cli.server";
import type { Db } from "~/utils/db.server";
import { runEligibilityRequest, type CommandOutput } from "./eligibility-contract";
import { toIncomeLimitTable } from "./income-limits.server";

/** The contract for one organisation's tables (what the CLI runs; tests call it on both databases). */
export async function eligibilityForOrganisation(db: Db, organisationId: string, requestText: string): Promise<CommandOutput> {
  const rows = await db.incomeLimitTable.findMany({ where: { organisationId }, orderBy: [{ areaName: "asc" }, { effectiveFrom: "desc" }] });
  return runEligibilityRequest(requestText, rows.map(toIncomeLimitTable));
}

export async function runEligibilityCli(db: Db, args: string[], stdinText: string): Promise<number> {
  try {
    const { flags, error } = parseArgs(args, { organisation: "value" });
    if (error) return fail(2, "invalid-arguments", error);
    const organisation = await organisationFor(flags.organisation as string | undefined);
    if (typeof organisation === "number") return organisation;
    const output = await eligibilityForOrganisation(db, organisation.id, stdinText);
    if (output.stdout) process.stdout.write(output.stdout);
    if (output.stderr) process.stderr.write(output.stderr);
    return output.exitCode;
  } catch (error) {
    return fail(1, "failure", error instanceof Error ? error.message : String(error));
  }
}
