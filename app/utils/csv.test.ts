import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { CsvFormatError, neutraliseFormula, parseCsv, safeParseCsv, toCsv, validateCsvRows } from "./csv";

describe("parseCsv", () => {
  it("handles a BOM, CRLF, quoted commas, doubled quotes and line breaks, and trims headers", () => {
    const text = '\uFEFF APN , Address ,Legal description\r\n' +
      '12-34,"1 Main St, Burlington","Lot 4 of ""Elm Park"",\r\nas recorded"\r\n' +
      "56-78,2 Oak Ave,\r\n";
    expect(parseCsv(text)).toEqual({
      headers: ["APN", "Address", "Legal description"],
      rows: [
        { APN: "12-34", Address: "1 Main St, Burlington", "Legal description": 'Lot 4 of "Elm Park",\r\nas recorded' },
        { APN: "56-78", Address: "2 Oak Ave", "Legal description": "" },
      ],
    });
  });

  it("skips blank lines and returns nothing for an empty file", () => {
    expect(parseCsv("a,b\n\n1,2\n\n").rows).toEqual([{ a: "1", b: "2" }]);
    expect(parseCsv("")).toEqual({ headers: [], rows: [] });
  });

  it.each([
    ['a,b\n1,"unclosed\n2,3\n', 3, /quoted field is never closed/],
    ["a,b\n1,2\n3,4,5\n", 3, /same number of columns/],
    ['a,b\n1,"x"y\n', 2, /closing quote/],
  ])("reports malformed CSV with a line number (%#)", (text, line, message) => {
    try {
      parseCsv(text);
      expect.unreachable("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(CsvFormatError);
      expect((e as CsvFormatError).line).toBe(line);
      expect((e as CsvFormatError).message).toMatch(message);
      expect((e as CsvFormatError).message).toContain(`line ${line}`);
    }
  });

  it("rejects duplicate and blank header names", () => {
    expect(() => parseCsv("a, a\n1,2\n")).toThrow(/duplicate column "a"/);
    expect(() => parseCsv("a,\n1,2\n")).toThrow(/column 2 has no header/);
  });

  it("safeParseCsv returns the error instead of throwing", () => {
    expect(safeParseCsv('a\n"x\n')).toEqual({ ok: false, error: { line: 2, message: expect.stringContaining("line 2") } });
    expect(safeParseCsv("a\n1\n")).toEqual({ ok: true, headers: ["a"], rows: [{ a: "1" }] });
  });
});

describe("toCsv", () => {
  it("quotes per RFC 4180 and ends every record with CRLF", () => {
    const csv = toCsv(["name", "note", "amount"], [
      { name: "Smith, Jo", note: 'said "hi"', amount: 12 },
      { name: "Ünïcødé", note: "two\nlines", amount: null },
    ]);
    expect(csv).toBe('name,note,amount\r\n"Smith, Jo","said ""hi""",12\r\nÜnïcødé,"two\nlines",\r\n');
  });

  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1", "'+1"],
    ["@cmd", "'@cmd"],
    ["\tcell", "'\tcell"],
    ["-1+2", "'-1+2"],
    ["-A1", "'-A1"],
    ["-", "'-"],
    ["-12.50", "-12.50"],
    ["-3", "-3"],
    ["12.50", "12.50"],
    ["a=b", "a=b"],
    ["", ""],
  ])("neutralises %j → %j", (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it("protects formula cells in the output, headers included, and quotes a leading CR", () => {
    const csv = toCsv(["=cmd"], [{ "=cmd": '=HYPERLINK("http://x")' }, { "=cmd": "\rX" }, { "=cmd": -12.5 }]);
    expect(csv).toBe(`'=cmd\r\n"'=HYPERLINK(""http://x"")"\r\n"'\rX"\r\n-12.5\r\n`);
  });

  it("round-trips through parseCsv (property; cells that do not start with a formula trigger)", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    const headers = ["id", "name", "note"];
    fc.assert(
      fc.property(fc.array(fc.record({ id: cell, name: cell, note: cell }), { minLength: 1, maxLength: 5 }), (rows) => {
        // three columns, so even an all-empty row is written as ",," and is not a blank line
        const parsed = parseCsv(toCsv(headers, rows));
        expect(parsed.headers).toEqual(headers);
        expect(parsed.rows).toEqual(rows);
      }),
    );
  });
});

describe("validateCsvRows", () => {
  const parcelRow = z.object({
    parcelNumber: z.string().regex(/^\d{2}-\d{2}$/, "APN must look like 12-34"),
    landArea: z.coerce.number({ invalid_type_error: "Land area must be a number" }).positive("Land area must be positive"),
    zoning: z.string().optional(),
  });
  const columnMap = { parcelNumber: "APN", landArea: "Land area (sq ft)", zoning: "Zoning" };

  it("returns valid rows parsed and lists every invalid row with its CSV column and row number", () => {
    const { rows } = parseCsv(
      "APN,Land area (sq ft),Zoning\n" +
        "12-34,5000,R1\n" + // row 2: valid
        "bad,-3,\n" + // row 3: two problems
        ",abc,R2\n" + // row 4: APN missing, land area not a number
        " 56-78 , 7500 ,\n", // row 5: valid after trimming; blank zoning → undefined
    );
    const result = validateCsvRows(rows, parcelRow, columnMap);
    expect(result.valid).toEqual([
      { parcelNumber: "12-34", landArea: 5000, zoning: "R1" },
      { parcelNumber: "56-78", landArea: 7500 },
    ]);
    expect(result.errors).toEqual([
      { row: 3, column: "APN", message: "APN must look like 12-34" },
      { row: 3, column: "Land area (sq ft)", message: "Land area must be positive" },
      { row: 4, column: "APN", message: "Required" },
      { row: 4, column: "Land area (sq ft)", message: "Land area must be a number" },
    ]);
  });

  it("reports a row-level refinement with an empty column", () => {
    const schema = z
      .object({ from: z.coerce.number(), to: z.coerce.number() })
      .refine((r) => r.from <= r.to, "From must not exceed To");
    const result = validateCsvRows([{ From: "5", To: "1" }], schema, { from: "From", to: "To" });
    expect(result.errors).toEqual([{ row: 2, column: "", message: "From must not exceed To" }]);
  });
});
