/**
 * The command-line interface for automation:
 *   npm run --silent clt -- resale < request.json        resale calculation (the public JSON contract)
 *   npm run --silent clt -- leases [--organisation <slug>] the organisation's leases as JSON
 *   npm run --silent clt -- lease-document --lease <id> --out <file.pdf> [--memorandum]
 * Exit codes: 0 success, 2 invalid input (JSON error on stderr), 1 other failure.
 */
import { readFileSync } from "node:fs";
import { runResaleCommand } from "~/modules/resale/cli";

const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "resale": {
      const input = readFileSync(0, "utf8");
      const output = runResaleCommand(input);
      if (output.stdout) process.stdout.write(output.stdout);
      if (output.stderr) process.stderr.write(output.stderr);
      return output.exitCode;
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
    default:
      process.stderr.write(
        `${JSON.stringify({ error: "unknown-command", message: `Unknown command "${command ?? ""}". Use one of: resale, leases, lease-document.` })}\n`,
      );
      return 2;
  }
}

const code = await main();
const { disconnectDb } = await import("~/utils/db.server");
await disconnectDb();
process.exit(code);
