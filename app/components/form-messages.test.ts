/**
 * House rule (issue 15): a form's messages speak the user's language. Every form schema of the domain modules is
 * run on bad input (each field left empty, then filled with nonsense, a negative number, an impossible date) and
 * no message may show an internal name (a camelCase identifier such as `monthlyFeeCents`), an enum's values or a
 * default Zod message ("Required", "Expected number, received nan", "Invalid enum value …").
 */
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const modules = import.meta.glob<Record<string, unknown>>(
  ["../modules/*/schemas.ts", "../modules/portal/forms.ts"],
  { eager: true },
);

/** A default Zod message or an internal name, as a user would read it. */
const DEVELOPER_WORDS = [
  /\b[a-z]+[A-Z][A-Za-z]*\b/, // camelCase identifier
  /\bExpected\b/,
  /, received /,
  /^Required$/,
  /^Invalid( input| enum value| literal value| date| string|$)/,
  /^String must contain/,
  /^Number must be/,
  /^Array must contain/,
  /\bnan\b/i,
  /\bEnter the enter\b/i, // a message passed where a label was expected: "Enter the Enter the date"
];

const TODAY = "2026-06-15";

/** The object shape under a schema (through refinements, defaults and `formObject`'s catch). */
function shapeOf(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> | null {
  const def = schema._def as { typeName: string; schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny; in?: z.ZodTypeAny; shape?: () => Record<string, z.ZodTypeAny>; options?: z.ZodTypeAny[] };
  if (def.typeName === "ZodObject") return def.shape!();
  if (def.typeName === "ZodEffects") return shapeOf(def.schema!);
  if (def.typeName === "ZodPipeline") return shapeOf(def.in!);
  if (def.typeName === "ZodOptional" || def.typeName === "ZodDefault" || def.typeName === "ZodCatch" || def.typeName === "ZodNullable") return shapeOf(def.innerType!);
  return null;
}

function literalOf(schema: z.ZodTypeAny): string | null {
  const def = schema._def as { typeName: string; value?: unknown; innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny };
  if (def.typeName === "ZodLiteral") return String(def.value);
  if (def.innerType) return literalOf(def.innerType);
  if (def.schema) return literalOf(def.schema);
  return null;
}

/** The type under optional/default/catch/effects wrappers. */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  const def = schema._def as { typeName: string; schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny; in?: z.ZodTypeAny; out?: z.ZodTypeAny };
  if (def.typeName === "ZodOptional" || def.typeName === "ZodDefault" || def.typeName === "ZodCatch" || def.typeName === "ZodNullable") return unwrap(def.innerType!);
  if (def.typeName === "ZodEffects") return unwrap(def.schema!);
  if (def.typeName === "ZodPipeline") return unwrap(def.out!);
  return schema;
}

type Case = { name: string; schema: z.ZodTypeAny };

/** Every exported form schema: a Zod schema, or a function of the trust's today returning one. */
function formSchemas(): Case[] {
  const cases: Case[] = [];
  for (const [path, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      let schema: unknown = value;
      if (typeof value === "function" && value.length <= 1 && /Schema$/i.test(name)) {
        try {
          schema = (value as (today: string) => unknown)(TODAY);
        } catch {
          continue;
        }
      }
      if (!(schema instanceof z.ZodType)) continue;
      if (/QuerySchema$/.test(name)) continue; // a list's address, not a form: a bad value falls back to the default
      if (!shapeOf(schema)) continue;
      cases.push({ name: `${path.replace("../modules/", "")} ${name}`, schema });
    }
  }
  return cases;
}

const BAD_VALUES = ["", "lots!", "-1", "2023-02-30", "1e999"];

function formDataFor(shape: Record<string, z.ZodTypeAny>, bad: string): FormData {
  const data = new FormData();
  for (const [key, field] of Object.entries(shape)) {
    const literal = literalOf(field);
    if (literal !== null) {
      data.append(key, literal); // the form's intent
      continue;
    }
    const inner = unwrap(field);
    if (inner._def.typeName === "ZodArray") {
      const element = shapeOf((inner as z.ZodArray<z.ZodTypeAny>).element);
      if (element) for (const sub of Object.keys(element)) data.append(`${key}[0].${sub}`, bad);
      else data.append(key, bad);
      continue;
    }
    const nested = inner._def.typeName === "ZodObject" ? shapeOf(inner) : null;
    if (nested) {
      for (const sub of Object.keys(nested)) data.append(`${key}.${sub}`, bad);
      continue;
    }
    data.append(key, bad);
  }
  return data;
}

function messages(error: Record<string, string[] | null> | undefined): string[] {
  return Object.values(error ?? {}).flatMap((list) => list ?? []);
}

describe("form messages speak the user's language (issue 15)", () => {
  const cases = formSchemas();

  it("finds the form schemas", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const { name, schema } of cases) {
    it(name, () => {
      const shape = shapeOf(schema)!;
      const offending: string[] = [];
      for (const bad of BAD_VALUES) {
        const result = parseWithZod(formDataFor(shape, bad), { schema });
        const reply = result.reply();
        for (const message of messages(reply.error as Record<string, string[] | null> | undefined)) {
          if (DEVELOPER_WORDS.some((pattern) => pattern.test(message))) offending.push(`${JSON.stringify(bad)} → ${message}`);
        }
      }
      expect([...new Set(offending)]).toEqual([]);
    });
  }
});
