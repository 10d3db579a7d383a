import { readdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { dependencies, resolveSpecifier } from "./no-import-cycle.js";

/**
 * House rule `house/no-folder-cycle`: the concept folders of app/modules (leases, lease-fees, stewardship, …)
 * must not import each other in a circle, directly or through other folders. A folder imported by another is
 * the lower concept; when the lower one also needs the higher, pass what it needs in (a function or a value),
 * move the shared piece down, or put the use case in a module above both (ARCHITECTURE.md, rule 8).
 *
 * Every import of a file in app/modules counts (type-only ones too, as for `house/no-import-cycle`), except
 * from unit tests (`*.test.ts`), which may reach into any folder. The folder graph is read from the files on disk
 * once per process (the file graph of no-import-cycle.js); option `root` (default: the current directory) is
 * the project root.
 */

const isTest = (file) => /\.test\.tsx?$/.test(file);

function modulesDir(root) {
  return join(root, "app", "modules");
}

/** The concept folder a file belongs to ("leases" for app/modules/leases/terms.ts), or null outside one. */
function folderOf(root, file) {
  const parts = relative(modulesDir(root), file).split(sep);
  return parts.length >= 2 && parts[0] !== ".." ? parts[0] : null;
}

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !isTest(entry.name)) found.push(path);
  }
  return found;
}

const graphs = new Map();

/** folder → (imported folder → one import that makes the edge, "leases/leases.server.ts → lease-fees/terms.server.ts"). */
function folderGraph(root) {
  let graph = graphs.get(root);
  if (graph) return graph;
  graph = new Map();
  for (const file of sourceFiles(modulesDir(root))) {
    const from = folderOf(root, file);
    for (const target of dependencies(root, file)) {
      const to = folderOf(root, target);
      if (!from || !to || from === to) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, `${relative(modulesDir(root), file)} → ${relative(modulesDir(root), target)}`);
    }
  }
  graphs.set(root, graph);
  return graph;
}

/** The folders from `start` back to `target` with the import behind each step, or null (breadth-first). */
function folderPathBack(graph, start, target) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    if (folder === target) {
      const steps = [];
      for (let at = folder; previous.get(at); at = previous.get(at).from) steps.unshift(previous.get(at));
      return steps;
    }
    for (const [next, via] of graph.get(folder) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, { from: folder, to: next, via });
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export const noFolderCycle = {
  meta: {
    type: "problem",
    docs: { description: "Refuse an import that closes a circle between concept folders of app/modules" },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: {
      cycle:
        "Concept folders in a circle: {{circle}} ({{via}}). The lower concept must not import the higher: pass in what it needs, move the shared piece down, or put the use case in a module above both.",
    },
  },
  create(context) {
    const root = resolve(context.options[0]?.root ?? context.cwd);
    const file = resolve(context.filename);
    const from = folderOf(root, file);
    if (!from || isTest(file)) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const target = resolveSpecifier(root, file, source.value);
      const to = target ? folderOf(root, target) : null;
      if (!to || to === from) return;
      const back = folderPathBack(folderGraph(root), to, from);
      if (!back) return;
      const circle = [from, to, ...back.map((step) => step.to)].join(" → ");
      const via = [`${relative(modulesDir(root), file)} → ${relative(modulesDir(root), target)}`, ...back.map((step) => step.via)].join("; ");
      context.report({ node, messageId: "cycle", data: { circle, via } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};
