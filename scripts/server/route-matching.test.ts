import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The server's route matching is memoised by a patch to @remix-run/router (patches/, applied by `postinstall`;
 * docs/decisions/023-patched-dependencies.md). These tests check that the copy the server loads is the
 * patched one, and that on the app's real route tree it matches every URL exactly as the unpatched algorithm
 * does — including after the tree is changed in place, which is when a cache could go stale. The reference is
 * the same package's UMD build, which the patch leaves untouched.
 */
const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), "..", "..");
const MARKER = "Patched by Commonground";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type PathMatch = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string };
type Pattern = { path: string; caseSensitive?: boolean; end?: boolean };
type Router = {
  matchRoutes(routes: Route[], location: string, basename?: string): Match[] | null;
  matchPath(pattern: Pattern | string, pathname: string): PathMatch | null;
};

/** What the server loads: @remix-run/router as the Remix server runtime and React Router resolve it. */
function serverRouterFile(from: string): string {
  return createRequire(require.resolve(`${from}/package.json`)).resolve("@remix-run/router");
}
const patchedFile = serverRouterFile("@remix-run/server-runtime");
const patched = require(patchedFile) as Router;
const referenceFile = require.resolve("@remix-run/router/dist/router.umd.js");
const reference = require(referenceFile) as Router;

/** The app's route manifest as the Remix compiler reads it (remix.config.js: flat routes, ignoredRouteFiles). */
function appManifest() {
  const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
    flatRoutes(appDirectory: string, ignored: string[]): Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }>;
  };
  const routes = flatRoutes(join(root, "app"), ["**/.*", "**/*.test.*"]);
  return { root: { id: "root", path: "" }, ...routes };
}
const manifest = appManifest();
/** The tree the server runtime matches (createRoutes) and the one its static handler matches (data routes). */
const { createRoutes, createStaticHandlerDataRoutes } = require("@remix-run/server-runtime/dist/routes.js") as {
  createRoutes(manifest: Record<string, unknown>): Route[];
  createStaticHandlerDataRoutes(manifest: Record<string, unknown>, future: Record<string, boolean>): Route[];
};
const withModules = Object.fromEntries(Object.entries(manifest).map(([id, route]) => [id, { ...route, module: {} }]));
const serverTree = () => createRoutes(withModules);
const dataTree = () => createStaticHandlerDataRoutes(withModules, { v3_singleFetch: true });

/** Full path of each route of the manifest, e.g. "resale/calculations/:calculationId/worksheet.pdf". */
function fullPaths(): string[] {
  const byId = manifest as Record<string, { parentId?: string; path?: string }>;
  return Object.values(byId).map((route) => {
    const parts: string[] = [];
    for (let r: { parentId?: string; path?: string } | undefined = route; r; r = r.parentId ? byId[r.parentId] : undefined) {
      if (r.path) parts.unshift(r.path);
    }
    return parts.join("/");
  });
}

/** A broad set of URLs: every route with sample parameters, their parents, and the awkward variants. */
function urls(): string[] {
  const values = ["cmx4vqkfp0015d67dc1bni0hn", "1", "a%20b", "a%2Fb", "N%C3%BA%C3%B1ez", "export.csv", "new", "%"];
  const set = new Set<string>(["", "/", "//", "/nope", "/__manifest", "/_root.data", "/settings.data", "/.data", "/%", "/%2F", "/settings%2Fusers"]);
  fullPaths().forEach((path, i) => {
    const filled = path.replace(/:[\w-]+/g, () => values[i++ % values.length]!);
    const url = `/${filled}`;
    const segments = filled.split("/").filter(Boolean);
    for (let k = 1; k <= segments.length; k += 1) set.add(`/${segments.slice(0, k).join("/")}`);
    for (const variant of [
      url,
      `${url}/`,
      `${url}//`,
      `${url}/extra`,
      `${url}.data`,
      url.toUpperCase(),
      url.replace("/", "//"),
      url.replace(/k/i, "\u212A"), // Kelvin sign: a case-insensitive RegExp without "u" does not take it for k
      url.replace(/s/i, "\u017F"), // long s: likewise
      url.replace(/i/i, "\u0130"), // I with dot: lower-cases to two characters
      `${url}?q=1#x`,
    ]) {
      set.add(variant);
    }
  });
  return [...set];
}

/** A match as a comparable value: route ids, params (own keys, undefined kept), pathname and pathnameBase. */
function plain(matches: Match[] | null) {
  return matches?.map((m) => ({ id: m.route.id, params: { ...m.params }, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;
}

/** What a call returns and what it warns (the router warns about a path it cannot decode, e.g. "/%"). */
function withWarnings<T>(call: () => T): { value: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    return { value: call(), warnings };
  } finally {
    console.warn = original;
  }
}

/** matchRoutes of the patched router and of the reference, with what each warned. */
function bothMatch(tree: Route[], referenceTree: Route[], location: string, basename?: string) {
  return {
    actual: withWarnings(() => plain(patched.matchRoutes(tree, location, basename))),
    expected: withWarnings(() => plain(reference.matchRoutes(referenceTree, location, basename))),
  };
}

describe("the patch to @remix-run/router", () => {
  it("is what the server loads, from every package that imports the router", () => {
    for (const from of ["@remix-run/server-runtime", "@remix-run/react", "react-router", "react-router-dom"]) {
      expect(serverRouterFile(from)).toBe(patchedFile);
    }
    expect(readFileSync(patchedFile, "utf8")).toContain(MARKER);
  });

  it("is applied at install, fails the install if it no longer applies, and is made for the installed version", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toMatch(/^patch-package --error-on-fail --error-on-warn && /);
    const { version } = require("@remix-run/router/package.json") as { version: string };
    expect(existsSync(join(root, "patches", `@remix-run+router+${version}.patch`))).toBe(true);
  });

  it("leaves the reference build (UMD) untouched, the same release", () => {
    const referenceText = readFileSync(referenceFile, "utf8");
    expect(referenceText).not.toContain(MARKER);
    const banner = (text: string) => /@remix-run\/router v[\d.]+/.exec(text)?.[0];
    expect(banner(referenceText)).toBe(banner(readFileSync(patchedFile, "utf8")));
  });
});

describe("route matching on the app's real route tree, patched against unpatched", () => {
  const all = urls();

  it("covers the app's routes", () => {
    expect(Object.keys(manifest).length).toBeGreaterThan(100);
    expect(all.length).toBeGreaterThan(1_000);
  });

  for (const [name, makeTree] of [
    ["the server runtime's tree", serverTree],
    ["the static handler's data routes", dataTree],
  ] as const) {
    it(`matches every URL as the unpatched router does, the first time and again from the cache (${name})`, () => {
      const tree = makeTree();
      const referenceTree = makeTree();
      let matched = 0;
      for (const url of all) {
        const { actual, expected } = bothMatch(tree, referenceTree, url);
        expect(actual, url).toStrictEqual(expected);
        expect(bothMatch(tree, referenceTree, url).actual, `${url} (cached)`).toStrictEqual(expected);
        if (expected.value) matched += 1;
      }
      // the URLs exercise both outcomes
      expect(matched).toBeGreaterThan(500);
      expect(all.length - matched).toBeGreaterThan(50);
    });
  }

  it("matches as the unpatched router does under a basename", () => {
    const tree = serverTree();
    const referenceTree = serverTree();
    for (const url of all.slice(0, 400)) {
      for (const [location, basename] of [
        [`/app${url}`, "/app"],
        [`/APP${url}`, "/app/"],
        [url, "/app"],
      ] as const) {
        const { actual, expected } = bothMatch(tree, referenceTree, location, basename);
        expect(actual, location).toStrictEqual(expected);
      }
    }
  });

  it("matches routes whose first segment is not plain ASCII as the unpatched router does", () => {
    // not in the app today; the patch's skipping of branches must not change them (a case-insensitive RegExp
    // takes the final sigma for a sigma, which lower-casing does not)
    const make = (): Route[] => [
      {
        id: "root",
        path: "",
        children: [
          { id: "greek", path: "σελίδα" },
          { id: "turkish", path: "İstanbul/:x" },
          { id: "dotted", path: "a.b" },
          { id: "escaped", path: "(x)+" },
          { id: "any", path: ":any" },
        ],
      },
    ];
    const tree = make();
    const referenceTree = make();
    for (const url of ["/σελίδα", "/ΣΕΛΊΔΑ", "/ςελίδα", "/İstanbul/1", "/istanbul/1", "/i̇stanbul/1", "/A.B", "/aXb", "/(X)+", "/x"]) {
      const { actual, expected } = bothMatch(tree, referenceTree, url);
      expect(actual, url).toStrictEqual(expected);
    }
    expect(plain(patched.matchRoutes(tree, "/ςελίδα"))?.at(-1)?.id).toBe("greek");
  });

  it("follows a tree changed in place after it was matched (a route added, a path changed, a route removed)", () => {
    const tree = serverTree();
    const referenceTree = serverTree();
    const same = (url: string) => {
      const { actual, expected } = bothMatch(tree, referenceTree, url);
      expect(actual, url).toStrictEqual(expected);
    };
    same("/parcels/new");
    same("/late-addition");
    // as lazy route discovery patches a route into the tree: pushed into an existing children array
    for (const t of [tree, referenceTree]) t[0]!.children!.push({ id: "late", path: "late-addition", children: [] });
    same("/late-addition");
    expect(plain(patched.matchRoutes(tree, "/late-addition"))?.at(-1)?.id).toBe("late");
    // a route's path changed on the same object
    for (const t of [tree, referenceTree]) t[0]!.children!.find((r) => r.id === "routes/parcels.new")!.path = "parcels/added";
    same("/parcels/new");
    same("/parcels/added");
    // a route removed, a children array replaced, the root made case-sensitive
    for (const t of [tree, referenceTree]) {
      t[0]!.children!.splice(t[0]!.children!.findIndex((r) => r.id === "routes/parcels._index"), 1);
      t[0]!.children!.find((r) => r.id === "late")!.children = [{ id: "late-child", path: "child" }];
      t[0]!.caseSensitive = true;
    }
    for (const url of ["/parcels", "/late-addition/child", "/late-addition", "/PARCELS/added"]) same(url);
    for (const url of all) same(url);
  });
});

describe("matchPath with the compiled patterns kept, patched against unpatched", () => {
  const paths = ["/Parcels/:id", "/parcels", "parcels/*", "/parcels/:id/*", "/", "", "*", "/*", "reports.csv", "a/:b?/c", "/a/b/"];
  const options = [undefined, false, true] as const;
  const pathnames = ["/parcels/1", "/Parcels/1/", "/PARCELS", "/parcels/1/edit", "/", "/reports.csv", "/reportsXcsv", "/a/c", "/a/x/c", "//parcels"];

  it("gives the unpatched result for every (path, caseSensitive, end), interleaved, twice", () => {
    for (let round = 0; round < 2; round += 1) {
      for (const path of paths) {
        for (const caseSensitive of options) {
          for (const end of options) {
            const pattern: Pattern = { path, ...(caseSensitive === undefined ? {} : { caseSensitive }), ...(end === undefined ? {} : { end }) };
            for (const pathname of pathnames) {
              expect(patched.matchPath({ ...pattern }, pathname), `${JSON.stringify(pattern)} ${pathname}`).toStrictEqual(
                reference.matchPath({ ...pattern }, pathname),
              );
            }
          }
        }
      }
      for (const pathname of pathnames) {
        for (const path of paths) expect(patched.matchPath(path, pathname)).toStrictEqual(reference.matchPath(path, pathname));
      }
    }
  });

  it("stays right beyond the cache's 1,000 patterns", () => {
    for (let i = 0; i < 1_200; i += 1) {
      expect(patched.matchPath(`/p${i}/:id`, `/p${i}/x`)?.params).toStrictEqual({ id: "x" });
    }
    for (let i = 0; i < 1_200; i += 100) {
      expect(patched.matchPath(`/p${i}/:id`, `/p${i}/y`)).toStrictEqual(reference.matchPath(`/p${i}/:id`, `/p${i}/y`));
      expect(patched.matchPath(`/p${i}/:id`, `/q${i}/y`)).toBeNull();
    }
  });

  it("warns on every use of a pattern ending in a bare *, as before", () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      for (const router of [reference, patched, patched]) router.matchPath("/files*", "/files/a");
    } finally {
      console.warn = original;
    }
    expect(warnings).toHaveLength(3);
    expect(String(warnings[2]![0])).toBe(String(warnings[0]![0]));
  });

  it("throws for a pattern without a path, as before", () => {
    expect(() => reference.matchPath({ path: undefined as unknown as string }, "/")).toThrow(TypeError);
    expect(() => patched.matchPath({ path: undefined as unknown as string }, "/")).toThrow(TypeError);
  });
});
