/**
 * `npm start`: build when the sources changed since the last build (scripts/build.mjs), then run the compiled
 * server (build/server.js) in this process with plain node. A process manager can run
 * `node build/server.js` directly after `npm run build`.
 */
import { ensureBuild } from "./build.mjs";

await ensureBuild({ ifStale: true });
await import("../build/server.js");
