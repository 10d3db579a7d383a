/**
 * `npm start`: build when the sources changed since the last build (scripts/build.mjs), then run the compiled
 * server (build/server.js) with plain node and the production node flags (scripts/server-flags.mjs: a smaller
 * young generation and a capped old generation, so memory falls back after a burst of requests;
 * docs/decisions/024-production-heap-settings.md). V8 reads heap limits only when a process starts, so the server
 * runs in a child process started with them; this process forwards SIGINT/SIGTERM/SIGHUP to it and exits with its
 * exit code. SERVER_NODE_FLAGS replaces the flags; set empty, the server runs in this process with node's defaults.
 * A process manager can run `node <the same flags> build/server.js` directly after `npm run build`.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./build.mjs";
import { serverNodeFlags } from "./server-flags.mjs";

await ensureBuild({ ifStale: true });
const flags = serverNodeFlags();
if (flags.length === 0) {
  await import("../build/server.js");
} else {
  const server = spawn(process.execPath, [...flags, fileURLToPath(new URL("../build/server.js", import.meta.url))], { stdio: "inherit" });
  // Ctrl-C in a terminal signals both processes; the server ignores a second SIGINT while it shuts down
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
