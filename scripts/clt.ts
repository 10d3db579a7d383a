/**
 * The command-line interface for automation:
 *   npm run --silent clt -- resale [--organisation <slug>] < request.json
 *                                                        resale calculation (the public JSON contract); with
 *                                                        --organisation, an AMI level without tables uses that
 *                                                        organisation's stored income-limit tables
 *   npm run --silent clt -- fees < request.json          lease-fee ledger by the rules (docs/lease-fees.md)
 *   npm run --silent clt -- refinance-check < request.json   a refinance against the formula price and policy (docs/stewardship-decisions.md)
 *   npm run --silent clt -- cure-deadline < request.json     a notice of default's cure deadline from the lease's terms (same doc)
 *   npm run --silent clt -- fees-generate [--through YYYY-MM-DD]   the scheduled step: post due lease-fee charges
 *   npm run --silent clt -- leases [--organisation <slug>] [--date YYYY-MM-DD]   the organisation's leases as JSON (status on the date)
 *   npm run --silent clt -- lease-document --lease <id> --out <file.pdf> [--memorandum]
 *   npm run --silent clt -- eligibility [--organisation <slug>] < request.json   eligibility at a % AMI (docs/eligibility-contract.md)
 *   npm run --silent clt -- member-roll --date YYYY-MM-DD [--organisation <slug>]   the member roll on a date
 *   npm run --silent clt -- stewardship [--organisation <slug>] [--as-of YYYY-MM-DD]   the compliance calendar (docs/stewardship.md)
 *   npm run --silent clt -- transfers [--organisation <slug>]   resale and transfer cases (docs/transfers.md)
 *   npm run --silent clt -- transfer --case <id>                one case: deadlines, price, option, buyer, closing, outcomes
 * Exit codes: 0 success, 2 invalid input (JSON error on stderr), 1 other failure.
 */
import { readFileSync } from "node:fs";
import { runResaleCommand } from "~/modules/resale/cli";

const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "resale": {
      const input = readFileSync(0, "utf8");
      let tables;
      if (args[0] === "--organisation") {
        const { deployMigrations } = await import("./db/engine.ts");
        const { databaseUrl } = await import("~/utils/env.server");
        await deployMigrations(databaseUrl());
        const { storedTablesForSlug } = await import("~/modules/resale/income-limit-tables.server");
        tables = await storedTablesForSlug(args[1] ?? "");
        if (tables === null) {
          process.stderr.write(`${JSON.stringify({ error: "unknown-organisation", message: `No organisation has the slug "${args[1] ?? ""}".` })}\n`);
          return 2;
        }
      } else if (args.length > 0) {
        process.stderr.write(`${JSON.stringify({ error: "unknown-option", message: "Usage: clt resale [--organisation <slug>] < request.json" })}\n`);
        return 2;
      }
      const output = runResaleCommand(input, tables);
      if (output.stdout) process.stdout.write(output.stdout);
      if (output.stderr) process.stderr.write(output.stderr);
      return output.exitCode;
    }
    case "fees": {
      const { runFeesCommand } = await import("~/modules/lease-fees/contract");
      const output = runFeesCommand(readFileSync(0, "utf8"));
      if (output.stdout) process.stdout.write(output.stdout);
      if (output.stderr) process.stderr.write(output.stderr);
      return output.exitCode;
    }
    case "refinance-check":
    case "cure-deadline": {
      const { runCureDeadline, runRefinanceCheck } = await import("~/modules/stewardship-decisions/contract");
      const output = (command === "refinance-check" ? runRefinanceCheck : runCureDeadline)(readFileSync(0, "utf8"));
      if (output.stdout) process.stdout.write(output.stdout);
      if (output.stderr) process.stderr.write(output.stderr);
      return output.exitCode;
    }
    case "fees-generate": {
      const { deployMigrations } = await import("./db/engine.ts");
      const { databaseUrl } = await import("~/utils/env.server");
      await deployMigrations(databaseUrl());
      const { runFeesGenerate } = await import("~/modules/lease-fees/cli.server");
      return runFeesGenerate(args);
    }
    case "leases":
    case "lease-document": {
      // the same database the app uses, brought up to date first (as `npm start` and `user:create` do)
      const { deployMigrations } = await import("./db/engine.ts");
      const { databaseUrl } = await import("~/utils/env.server");
      await deployMigrations(databaseUrl());
      const { runLeaseCli } = await import("~/modules/leases/cli.server");
      return runLeaseCli(command, args);
    }
    case "eligibility": {
      const input = readFileSync(0, "utf8");
      const { deployMigrations } = await import("./db/engine.ts");
      const { databaseUrl } = await import("~/utils/env.server");
      await deployMigrations(databaseUrl());
      const { runEligibilityCli } = await import("~/modules/income-limits/cli.server");
      const { db } = await import("~/utils/db.server");
      return runEligibilityCli(db(), args, input);
    }
    case "member-roll": {
      const { deployMigrations } = await import("./db/engine.ts");
      const { databaseUrl } = await import("~/utils/env.server");
      await deployMigrations(databaseUrl());
      const { runMemberRollCli } = await import("~/modules/governance/cli.server");
      return runMemberRollCli(args);
    }
    case "stewardship": {
      const { deployMigrations } = await import("./db/engine.ts");
      const { databaseUrl } = await import("~/utils/env.server");
      await deployMigrations(databaseUrl());
      const { runStewardshipCli } = await import("~/modules/stewardship/cli.server");
      return runStewardshipCli(args);
    }
    case "transfers":
    case "transfer": {
      const { deployMigrations } = await import("./db/engine.ts");
      const { databaseUrl } = await import("~/utils/env.server");
      await deployMigrations(databaseUrl());
      const { runTransfersCli } = await import("~/modules/transfers/cli.server");
      const { db } = await import("~/utils/db.server");
      return runTransfersCli(db(), command, args);
    }
    default:
      process.stderr.write(
        `${JSON.stringify({ error: "unknown-command", message: `Unknown command "${command ?? ""}". Use one of: resale, fees, fees-generate, leases, lease-document, eligibility, member-roll, stewardship, transfers, transfer.` })}\n`,
      );
      return 2;
  }
}

const code = await main();
const { disconnectDb } = await import("~/utils/db.server");
await disconnectDb();
process.exit(code);
