/**
 * An audit entry in words (issue 15: history and audit readable): field names as labels ("assessedLandValueCents"
 * → "Assessed land value"), amounts in dollars, calendar dates and instants formatted, lists and objects as
 * short phrases instead of JSON, record ids left out. Pure.
 */
import { formatScreenDate, withScreenDates } from "~/utils/calendar-date";
import { formatPercent, formatUsd, centsToString } from "~/utils/money";

/** Labels that a plain split of the field name would get wrong. */
const LABELS: Record<string, string> = {
  apn: "APN",
  parcelNumber: "APN",
  amiPercent: "% AMI",
  percentAmi: "% AMI",
  hoa: "Association dues",
  url: "URL",
  presetName: "Formula preset",
  formulaPresetName: "Formula preset",
  createdByLabel: "Recorded by",
};

const ENTITY_WORDS: Record<string, string> = {
  HouseholdMember: "household member",
  StoredDocument: "document",
  ResaleCalculation: "resale calculation",
};

/** A record type in words: "ResaleCalculation" → "resale calculation". */
export function entityInWords(entity: string): string {
  return ENTITY_WORDS[entity] ?? entity.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** An action and record type as a sentence start: ("create", "ResaleCalculation") → "Created resale calculation". */
export function actionInWords(action: string, entity: string): string {
  const verbs: Record<string, string> = { create: "Created", update: "Changed", delete: "Deleted", archive: "Archived", restore: "Restored" };
  const verb = verbs[action] ?? action.replace(/[_-]/g, " ").replace(/^./, (c) => c.toUpperCase());
  return `${verb} ${entityInWords(entity)}`;
}

/** True for keys a reader of the history has no use for (record ids, version counters). */
export function isInternalKey(key: string): boolean {
  // a schedule key ("occupancy_certification:2025") or a normalised lookup key repeats what the entry says in words
  return key === "id" || key === "version" || key === "organisationId" || /Ids?$/.test(key) || /.Key$/.test(key);
}

/** A field name as a label: "assessedLandValueCents" → "Assessed land value". */
export function labelFor(key: string): string {
  if (LABELS[key]) return LABELS[key]!;
  const words = key
    .replace(/Cents$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A record's stored choices in the words of the form that sets them, by field: stored value → words. The caller
 * passes the record's own labels (each concept's vocabulary; this module imports no concept), e.g.
 * `{ program: { city: "City" } }` for a funding source.
 */
export type ChoiceWords = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A name followed by its stored choice, as a household's member list is stored: "María Núñez (spouse-partner)". */
const NAME_WITH_CHOICE = /^(.+) \(([a-z][a-z0-9_-]*)\)$/;

/** A stored choice in words, or undefined when `value` is not one of the choices for `key`. */
function choiceInWords(choices: ChoiceWords, key: string, value: string): string | undefined {
  const labels = Object.hasOwn(choices, key) ? choices[key] : undefined;
  if (!labels) return undefined;
  if (Object.hasOwn(labels, value)) return labels[value];
  const named = NAME_WITH_CHOICE.exec(value);
  if (named && Object.hasOwn(labels, named[2]!)) return `${named[1]} (${labels[named[2]!]!.toLowerCase()})`;
  return undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A stored enum value: lower-case words joined by "_" ("single_family"); people write hyphens ("well-kept"), not these. */
const CODE = /^[a-z]+(?:_[a-z0-9]+)+$/;

/**
 * A value in words; `timeZone` formats instants in the trust's time zone; `choices` are the record's stored choices
 * in its form's words (also inside lists and objects: a lease's `feeEscalation.kind`).
 */
export function valueInWords(key: string, value: unknown, timeZone = "UTC", choices: ChoiceWords = {}): string {
  return inWords(key, value, timeZone, choices, 0);
}

function inWords(key: string, value: unknown, timeZone: string, choices: ChoiceWords, depth: number): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" || (typeof value === "string" && /^-?\d+$/.test(value) && /Cents$/.test(key))) {
    if (/Cents$/.test(key)) return formatUsd(centsToString(Number(value)));
    return String(value);
  }
  if (typeof value === "string") {
    const choice = choiceInWords(choices, key, value);
    if (choice !== undefined) return choice;
    if (DATE.test(value)) return formatScreenDate(value);
    // a rate is stored as a fraction ("annualRate": "0.03") and entered and shown as a percentage ("3%")
    if (/(^r|R)ate$/.test(key) && /^-?\d+(\.\d+)?$/.test(value)) return formatPercent(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
    }
    // a stored choice ("single_family", "occupancy_certification") in words
    if (CODE.test(value)) return value.replace(/_/g, " ");
    // dates inside a sentence ("Late payment (lease fee due 2025-04-01) on 2025-04-12") as the screens write them
    const words = withScreenDates(value);
    return words.length > 120 ? `${words.slice(0, 117)}…` : words;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    if (depth > 0) return `${value.length} item${value.length === 1 ? "" : "s"}`;
    return value.map((item) => inWords(key.replace(/s$/, ""), item, timeZone, choices, depth + 1)).join("; ");
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !isInternalKey(k));
    if (depth > 1) return `${entries.length} details`;
    return entries.map(([k, v]) => `${labelFor(k).toLowerCase()} ${inWords(k, v, timeZone, choices, depth + 1)}`).join(", ");
  }
  return String(value);
}

/** "Test factory" and other seed labels are not people: say what they are. */
export function actorInWords(label: string): string {
  if (/^(test )?factory$/i.test(label.trim())) return "Set up by the system";
  return label;
}
