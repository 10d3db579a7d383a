import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * House rule `house/no-import-cycle`: no file in app/ may import, directly or through other files, a file that
 * imports it back. Cycles make the order modules initialise in depend on who is imported first (a value
 * read before its module has run is `undefined`), and they blur which module builds on which.
 *
 * Every static import, re-export and `import("…")` counts, type-only ones included: a type import that closes
 * a circle still ties the two modules' designs together. Specifiers resolve like the project's tsconfig:
 * "~/x" is app/x, relative paths, with or without an extension, or a folder's index.
 *
 * The same holds one level up, between the concept folders of app/modules/: when any file of `modules/a/`
 * imports one of `modules/b/`, no file of `modules/b/` may lead back to `modules/a/`, even through files that
 * form no circle themselves (`a/x.ts → b/y.ts` and `b/z.ts → a/w.ts`). A concept builds on another or is built
 * on by it, never both. Test files (`*.test.ts`) do not count at this level: nothing imports a test, so its
 * imports are not a dependency of its folder (a resale test may use the demo data that builds on resale).
 *
 * The graph is read from the files on disk (one `ts.preProcessFile` per file, cached for the process); the file
 * being linted uses its current text for the file-level check. Option `root` (default: the current directory)
 * is the project root.
 */

const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];

function resolveSpecifier(root, fromFile, specifier) {
  let base;
  if (specifier.startsWith("~/")) base = join(root, "app", specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = resolve(dirname(fromFile), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(root, file, text) {
  const found = ts.preProcessFile(text, true, true).importedFiles;
  const inApp = join(root, "app") + "/";
  return found.map((entry) => resolveSpecifier(root, file, entry.fileName)).filter((path) => path !== null && path.startsWith(inApp));
}

const graphs = new Map();

function dependencies(root, file) {
  let graph = graphs.get(root);
  if (!graph) graphs.set(root, (graph = new Map()));
  let deps = graph.get(file);
  if (!deps) {
    deps = importsOf(root, file, readFileSync(file, "utf8"));
    graph.set(file, deps);
  }
  return deps;
}

/** A path of imports from `start` back to `target`, or null (depth-first, each file visited once). */
function pathBack(root, start, target) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, path] = stack.pop();
    if (file === target) return path;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of dependencies(root, file)) if (!seen.has(next)) stack.push([next, [...path, next]]);
  }
  return null;
}

const TEST_FILE = /\.test\.tsx?$/;

/** The concept folder of app/modules/ a file belongs to ("resale" for app/modules/resale/engine/x.ts), or null. */
function moduleFolder(root, file) {
  const parts = relative(join(root, "app", "modules"), file).split("/");
  return parts.length > 1 && parts[0] !== ".." ? parts[0] : null;
}

function sourceFilesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFilesUnder(path));
    else if (/\.tsx?$/.test(entry.name) && !TEST_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

const folderGraphs = new Map();

/** folder → (imported folder → one [importing file, imported file] that shows the edge), test files left out. */
function folderGraph(root) {
  let graph = folderGraphs.get(root);
  if (graph) return graph;
  graph = new Map();
  const modules = join(root, "app", "modules");
  for (const file of existsSync(modules) ? sourceFilesUnder(modules) : []) {
    const from = moduleFolder(root, file);
    for (const target of dependencies(root, file)) {
      const to = moduleFolder(root, target);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, [file, target]);
    }
  }
  folderGraphs.set(root, graph);
  return graph;
}

/** A path of folders from `start` back to `target` (breadth-first: the shortest), or null. */
function folderPathBack(graph, start, target) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    if (folder === target) {
      const path = [];
      for (let at = folder; at !== null; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, folder);
      queue.push(next);
    }
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Refuse imports that close a circle of imports between files in app/" },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: {
      cycle: "Import cycle: {{path}}. Move what both sides need into a module that neither imports, or invert one dependency.",
      folderCycle:
        "Import cycle between module folders: {{path}} ({{back}}). A concept builds on another or is built on by it, never both: move the file to the folder it belongs with, or what both need into a folder neither imports.",
    },
  },
  create(context) {
    const root = resolve(context.options[0]?.root ?? context.cwd);
    const file = resolve(context.filename);
    if (!file.startsWith(join(root, "app") + "/")) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const target = resolveSpecifier(root, file, source.value);
      if (!target || target === file) return;
      const back = pathBack(root, target, file);
      if (back) {
        context.report({ node, messageId: "cycle", data: { path: [file, ...back].map((p) => relative(root, p)).join(" → ") } });
        return;
      }
      const from = moduleFolder(root, file);
      const to = moduleFolder(root, target);
      if (!from || !to || from === to || TEST_FILE.test(file)) return;
      const graph = folderGraph(root);
      const folders = folderPathBack(graph, to, from);
      if (!folders) return;
      const shows = folders.slice(0, -1).map((folder, i) => graph.get(folder).get(folders[i + 1]).map((p) => relative(root, p)).join(" imports "));
      context.report({ node, messageId: "folderCycle", data: { path: [from, ...folders].map((f) => `modules/${f}`).join(" → "), back: shows.join("; ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};
