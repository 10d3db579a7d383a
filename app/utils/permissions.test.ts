import { describe, expect, it } from "vitest";
import { can, isRole } from "./permissions";

describe("permissions", () => {
  it.each([
    ["admin", "users:manage", true],
    ["staff", "users:manage", false],
    ["staff", "records:write", true],
    ["viewer", "records:write", false],
    ["viewer", "records:read", true],
    ["homeowner", "records:read", false],
    ["homeowner", "own-home:read", true],
    ["admin", "audit:read", true],
    ["staff", "audit:read", false],
    ["member", "records:read", false],
    ["member", "ballot:cast-online", true],
    ["homeowner", "ballot:cast-online", true],
    ["staff", "ballot:cast-online", false],
    ["viewer", "governance:read", true],
    ["viewer", "governance:write", false],
    ["staff", "email:manage", false],
    ["admin", "email:manage", true],
  ] as const)("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it("recognises only the five roles", () => {
    expect(isRole("staff")).toBe(true);
    expect(isRole("superuser")).toBe(false);
  });
});
