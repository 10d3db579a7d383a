import { existsSync, readFileSync, statSync } from "node:fs";
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
 * The graph is read from the files on disk (one `ts.preProcessFile` per file, cached for the process); the file
 * being linted uses its current text. Option `root` (default: the current directory) is the project root.
 */

const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];

export function resolveSpecifier(root, fromFile, specifier) {
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

export function dependencies(root, file) {
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

/** @type {import("eslint").Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Refuse imports that close a circle of imports between files in app/" },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: { cycle: "Import cycle: {{path}}. Move what both sides need into a module that neither imports, or invert one dependency." },
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
      if (back) context.report({ node, messageId: "cycle", data: { path: [file, ...back].map((p) => relative(root, p)).join(" → ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};
