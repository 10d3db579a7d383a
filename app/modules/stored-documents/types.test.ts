import { describe, expect, it } from "vitest";
import { declaredType, headMatches, sanitiseFileName, sniffHead } from "./types";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("declared type", () => {
  it.each([
    ["application/pdf", "lease.pdf", "application/pdf"],
    ["application/octet-stream", "Lease.PDF", "application/pdf"],
    ["", "photo.jpeg", "image/jpeg"],
    ["image/jpg", "photo", "image/jpeg"],
    ["text/csv; charset=utf-8", "payments.csv", "text/csv"],
    ["text/plain", "payments.csv", "text/csv"],
    ["text/csv", "notes.txt", "text/plain"],
    ["image/png", "scan.png", "image/png"],
  ])("%s named %s is %s", (mime, name, expected) => {
    expect(declaredType(mime, name)).toBe(expected);
  });

  it.each([
    ["application/zip", "archive.zip"],
    ["application/octet-stream", "setup.exe"],
    ["image/png", "report.pdf"],
    ["", "README"],
    ["image/gif", "a.gif"],
  ])("%s named %s is not accepted", (mime, name) => {
    expect(declaredType(mime, name)).toBeNull();
  });
});

describe("content check", () => {
  it("recognises PDF, PNG and JPEG by their first bytes, text by the absence of NUL", () => {
    expect(sniffHead(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffHead(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(sniffHead(bytes(0xff, 0xd8, 0xff, 0xe0, 0))).toBe("image/jpeg");
    expect(sniffHead(new TextEncoder().encode("name,amount\nLima,12.50\n"))).toBe("text");
    expect(sniffHead(bytes(0x50, 0x4b, 0x03, 0x04, 0x00))).toBeNull(); // a ZIP
  });

  it("refuses a PNG declared as a PDF, a PDF declared as text, and a binary declared as CSV", () => {
    expect(headMatches("application/pdf", "image/png")).toBe(false);
    expect(headMatches("text/plain", "application/pdf")).toBe(false);
    expect(headMatches("text/csv", null)).toBe(false);
    expect(headMatches("text/csv", "text")).toBe(true);
    expect(headMatches("image/jpeg", "image/jpeg")).toBe(true);
  });
});

describe("sanitised names", () => {
  it.each([
    ["../../etc/passwd.pdf", "application/pdf", "passwd.pdf"],
    ["C:\\Users\\ana\\Insurance 2026.pdf", "application/pdf", "Insurance 2026.pdf"],
    ["  .hidden.pdf", "application/pdf", "hidden.pdf"],
    ['a<b>:"c|d?e*.png', "image/png", "a_b___c_d_e_.png"],
    ["line\nbreak\u0000.txt", "text/plain", "linebreak.txt"],
    ["Núñez déclaration.jpg", "image/jpeg", "Núñez déclaration.jpg"],
    ["scan.exe", "image/png", "scan.exe.png"],
    ["...", "text/csv", "document.csv"],
  ])("%j → %j", (name, type, expected) => {
    expect(sanitiseFileName(name, type as never)).toBe(expected);
  });

  it("keeps at most 110 characters of the name and the extension", () => {
    const name = sanitiseFileName(`${"x".repeat(300)}.pdf`, "application/pdf");
    expect(name).toBe(`${"x".repeat(110)}.pdf`);
  });
});
