/**
 * The node flags the production server runs with (docs/decisions/024-production-heap-settings.md), in one place:
 * `npm start` (scripts/start.mjs) starts `node <flags> build/server.js` with them, and bench/heavy-jobs.bench.ts
 * proves the heavy jobs still succeed under them.
 *
 * SERVER_NODE_FLAGS replaces the defaults (space-separated node flags; empty runs node with its own defaults).
 * Plain JavaScript: it runs before anything is compiled.
 */
export const DEFAULT_SERVER_NODE_FLAGS = "--max-semi-space-size=4 --max-old-space-size=256";

/** The flags from SERVER_NODE_FLAGS, or the defaults when it is not set. */
export function serverNodeFlags(env = process.env) {
  return (env.SERVER_NODE_FLAGS ?? DEFAULT_SERVER_NODE_FLAGS).split(/\s+/).filter(Boolean);
}
