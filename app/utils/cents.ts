/**
 * Money columns are Prisma `BigInt` cents (decision record 004); the app computes with JS `number` cents, exact
 * up to Number.MAX_SAFE_INTEGER (about $90 trillion). These helpers convert at the data-access boundary: Prisma
 * accepts a number for a BigInt on writes, and reads go through `fromDbCents` or `withNumberCents`.
 */

export function fromDbCents(value: bigint | number): number;
export function fromDbCents(value: bigint | number | null): number | null;
export function fromDbCents(value: bigint | number | null): number | null {
  if (value === null) return null;
  const cents = Number(value);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`A stored amount of ${value} cents is beyond exact arithmetic`);
  return cents;
}

/** A record (with its nested records and lists) whose `…Cents` fields are number cents. */
export type WithNumberCents<T> = T extends bigint
  ? number
  : T extends Date
    ? T
    : T extends readonly (infer U)[]
      ? WithNumberCents<U>[]
      : T extends object
        ? { [K in keyof T]: WithNumberCents<T[K]> }
        : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Converts what Prisma read — a record, a list, nested includes — so every `…Cents` field (the only BigInt
 * columns) is number cents.
 * The one conversion on the way out of the database.
 */
export function withNumberCents<T>(value: T): WithNumberCents<T> {
  if (typeof value === "bigint") return fromDbCents(value) as WithNumberCents<T>;
  if (Array.isArray(value)) return value.map((item) => withNumberCents(item)) as WithNumberCents<T>;
  if (!isPlainObject(value)) return value as WithNumberCents<T>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = withNumberCents(field);
  }
  return out as WithNumberCents<T>;
}
