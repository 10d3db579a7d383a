/**
 * Loads Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`) once per process.
 *
 * The package's own entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot
 * import, so we instantiate the `.wasm` ourselves with its `schema_engine_bg.js` glue. Two adjustments:
 *  - `globalThis.PRISMA_WASM_PANIC_REGISTRY` must exist: the glue reports Rust panics through it.
 *  - timers created by the engine (e.g. the ~10 s advisory-lock timeout on PostgreSQL) are `unref()`ed, so
 *    they never keep a caller process (test worker, app server, CLI) alive after the work is done.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";

export type SchemaEngine = SchemaEngineType;
export type SchemaEngineClass = typeof glue.SchemaEngine;

type PanicRegistry = { message: string | undefined; set_message(msg: string): void };

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let loading: Promise<SchemaEngineClass> | undefined;

/**
 * The last Rust panic message reported by the engine, if any (cleared on read). After a panic the wasm
 * instance is not trusted any more: the next call instantiates a fresh one.
 */
export function takePanicMessage(): string | undefined {
  const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
  const msg = registry?.message;
  if (registry) registry.message = undefined;
  if (msg !== undefined) loading = undefined;
  return msg;
}

export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineClass> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: undefined,
    set_message(msg: string) {
      this.message = msg;
    },
  };
  const require = createRequire(import.meta.url);
  // The package does not export the .wasm subpath: locate it next to the glue module.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = join(dirname(gluePath), "schema_engine_bg.wasm");
  const bytes = await readFile(wasmPath);

  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(glue)) {
    if (name.startsWith("__wbg_setTimeout_")) {
      const original = (glue as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
      imports[name] = (...args: unknown[]) => {
        const handle = original(...args) as { unref?: () => void } | undefined;
        handle?.unref?.();
        return handle;
      };
    }
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue.SchemaEngine;
}

/** Version string of the loaded wasm schema engine. */
export async function schemaEngineVersion(): Promise<string> {
  await loadSchemaEngine();
  return glue.version();
}
