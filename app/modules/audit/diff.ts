/** Fields that change on every write and say nothing about what the user changed. */
const IGNORED_FIELDS = new Set(["updatedAt", "createdAt", "version", "searchText"]);

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditChanges = { before: Record<string, AuditValue> | null; after: Record<string, AuditValue> | null };

function normalise(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v)]));
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function snapshot(record: Record<string, unknown>): Record<string, AuditValue> {
  const out: Record<string, AuditValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!IGNORED_FIELDS.has(key)) out[key] = normalise(value);
  }
  return out;
}

/**
 * What an audit entry stores: the whole record on create/delete, and only the changed fields (before and
 * after) on update.
 */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChanges {
  if (!before || !after) {
    return { before: before ? snapshot(before) : null, after: after ? snapshot(after) : null };
  }
  const b = snapshot(before);
  const a = snapshot(after);
  const changedBefore: Record<string, AuditValue> = {};
  const changedAfter: Record<string, AuditValue> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) {
      changedBefore[key] = b[key] ?? null;
      changedAfter[key] = a[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

export function changedFieldNames(changes: AuditChanges): string[] {
  return Object.keys(changes.after ?? changes.before ?? {});
}
