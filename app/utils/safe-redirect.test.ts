import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/parcels")).toBe("/parcels");
    expect(safeRedirect("/parcels?q=Main%20St&page=2#list")).toBe("/parcels?q=Main%20St&page=2#list");
    expect(safeRedirect("/leases/abc/document.pdf")).toBe("/leases/abc/document.pdf");
  });

  it.each([
    ["//evil.example"],
    ["/\t/evil.example/x"], // /login?redirectTo=%2F%09%2Fevil.example%2Fx
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["\t//evil.example"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/%2F/evil.example"],
    ["/%2f%2fevil.example"],
    ["/%5Cevil.example"],
    ["/%252F/evil.example"],
    ["https://evil.example/x"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [" //evil.example"],
    [""],
    ["/%E0%A4%A"],
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("uses the fallback for anything that is not text", () => {
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect(undefined)).toBe("/");
  });
});
