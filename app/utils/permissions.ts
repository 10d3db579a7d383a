/**
 * Who may do what. The one permission module: every loader and action asks it (through
 * `requirePermission` in app/modules/auth/session.server.ts), and the UI asks it to decide which buttons to show.
 */
export const ROLES = ["admin", "staff", "viewer", "homeowner", "member"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  staff: "Staff",
  viewer: "Viewer (read-only)",
  homeowner: "Homeowner",
  member: "Member (votes online)",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything staff can do, plus users, settings, lease templates, API tokens and the audit trail.",
  staff: "Creates and edits all records: parcels, households, leases, resale calculations.",
  viewer: "Reads all records and reports; changes nothing. For board members, funders and auditors.",
  homeowner: "Sees only their own home, lease and calculations; votes online for a leaseholder household.",
  member: "A general (community) member of the trust: votes online in its elections and sees nothing else.",
};

const GRANTS = {
  "records:read": ["admin", "staff", "viewer"],
  "records:write": ["admin", "staff"],
  "reports:read": ["admin", "staff", "viewer"],
  "users:manage": ["admin"],
  "settings:manage": ["admin"],
  "templates:manage": ["admin"],
  "api-tokens:manage": ["admin"],
  "audit:read": ["admin"],
  "own-home:read": ["homeowner"],
  // governance (docs/governance.md): the member roll, board, meetings and elections
  "governance:read": ["admin", "staff", "viewer"],
  "governance:write": ["admin", "staff"],
  "governance:settings": ["admin"],
  "email:manage": ["admin"],
  "ballot:cast-online": ["homeowner", "member"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
