/**
 * The dashboard as a to-do list (issue 15): what needs a steward's attention this week, and recent activity in
 * words. Pure: the server module (attention.server.ts) reads the rows.
 */
import { addDays } from "~/utils/calendar-date";

/** A week ahead: what falls due on or before this date is "this week". */
export function weekAhead(today: string): string {
  return addDays(today, 7);
}

const NOUNS: Record<string, { noun: string; path?: (id: string) => string }> = {
  Parcel: { noun: "parcel", path: (id) => `/parcels/${id}` },
  Home: { noun: "home" },
  FundingSource: { noun: "funding source" },
  Household: { noun: "household", path: (id) => `/households/${id}` },
  HouseholdMember: { noun: "household member" },
  IncomeCertification: { noun: "income certification" },
  Ownership: { noun: "home purchase" },
  Lease: { noun: "ground lease", path: (id) => `/leases/${id}` },
  LeaseAmendment: { noun: "lease amendment" },
  TransferCase: { noun: "resale case", path: (id) => `/transfers/${id}` },
  MonitoringEvent: { noun: "stewardship event", path: (id) => `/stewardship/events/${id}` },
  StewardshipRequest: { noun: "homeowner request", path: (id) => `/stewardship/requests/${id}` },
  ResaleCalculation: { noun: "resale calculation", path: (id) => `/resale/calculations/${id}` },
  IncomeLimitTable: { noun: "income-limit table", path: (id) => `/settings/income-limits/${id}` },
  FormulaPreset: { noun: "formula preset", path: (id) => `/settings/formula-presets/${id}` },
  HomeAppraisal: { noun: "appraisal" },
  StoredDocument: { noun: "document" },
  Membership: { noun: "user account" },
  Meeting: { noun: "meeting", path: (id) => `/governance/meetings/${id}` },
  Election: { noun: "election", path: (id) => `/governance/elections/${id}` },
};

const VERBS: Record<string, string> = {
  create: "added",
  update: "changed",
  delete: "removed",
  archive: "archived",
  restore: "restored",
  transition: "changed the status of",
  generate: "produced",
  revoke: "revoked",
  review: "reviewed",
};

/** "an election", "an income certification", "a user account": "an" before a vowel sound (no noun here starts
 * with a silent "h" or a "u" read as a vowel). */
function indefiniteArticle(noun: string): "a" | "an" {
  return /^[aeio]/i.test(noun) ? "an" : "a";
}

export type ActivityEntry = { id: string; actorLabel: string; entity: string; entityId: string; action: string; createdAt: string };

/** One line of recent activity: "Dana Reyes added the household Okafor household", with the record's link when it has a page. */
export function activityInWords(entry: ActivityEntry, label?: string): { who: string; verb: string; what: string; href: string | null } {
  const known = NOUNS[entry.entity];
  const noun = known?.noun ?? entry.entity.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const verb = VERBS[entry.action] ?? entry.action;
  return {
    who: entry.actorLabel || "Someone",
    verb,
    what: label ? `the ${noun} ${label}` : `${indefiniteArticle(noun)} ${noun}`,
    href: known?.path && entry.action !== "delete" ? known.path(entry.entityId) : null,
  };
}
