/**
 * CSV utilities shared by the importers (parcels, households, HUD income limits) and the exports.
 *
 * Row numbering, everywhere: the header is row 1 and the first data row is row 2, counted in CSV
 * records (what a spreadsheet shows as row numbers). Blank lines are skipped and do not count; a quoted
 * field with line breaks is one record. Parse errors carry the physical *line* number instead.
 */
import { parse } from "csv-parse/sync";
import type { z } from "zod";

export interface ParsedCsv {
  headers: string[];
  rows: Record<string, string>[];
}

/** A malformed CSV file, with the (1-based) line where the parser gave up and a human message. */
export class CsvFormatError extends Error {
  override name = "CsvFormatError";
  constructor(
    message: string,
    readonly line: number,
    readonly code: string,
  ) {
    super(message);
  }
}

const FRIENDLY_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed (missing closing \")",
  CSV_INVALID_CLOSING_QUOTE: "unexpected characters after a closing quote",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "this row does not have the same number of columns as the header",
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: "this row does not have the same number of columns as the header",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "unexpected characters after a closing quote",
  INVALID_OPENING_QUOTE: "a quote appears inside an unquoted field",
};

function isCsvParseError(e: unknown): e is Error & { code: string; lines?: number } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === "string";
}

/**
 * Parse CSV text into headers and rows keyed by header.
 * Handles a UTF-8 BOM, CRLF or LF line ends, quoted fields containing commas, quotes ("") and line breaks.
 * Header names are trimmed; cell values are returned as written (no trimming, no type conversion).
 * Throws `CsvFormatError` (with a line number) for malformed CSV, a blank or duplicate header name.
 */
export function parseCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (e) {
    if (isCsvParseError(e)) {
      const line = typeof e.lines === "number" ? e.lines : 0;
      const reason = FRIENDLY_MESSAGES[e.code] ?? e.message;
      throw new CsvFormatError(`Malformed CSV at line ${line}: ${reason}`, line, e.code);
    }
    throw e;
  }
  if (records.length === 0) return { headers: [], rows: [] };

  const headers = records[0]!.map((h) => h.trim());
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (h === "") throw new CsvFormatError(`Malformed CSV at line 1: column ${i + 1} has no header name`, 1, "EMPTY_HEADER");
    if (seen.has(h)) throw new CsvFormatError(`Malformed CSV at line 1: duplicate column "${h}"`, 1, "DUPLICATE_HEADER");
    seen.add(h);
  });

  const rows = records.slice(1).map((record) => {
    const row: Record<string, string> = {};
    headers.forEach((h, i) => {
      row[h] = record[i] ?? "";
    });
    return row;
  });
  return { headers, rows };
}

/** `parseCsv` without exceptions for malformed files: `{ ok: false, error }` instead. */
export function safeParseCsv(
  text: string,
): ({ ok: true } & ParsedCsv) | { ok: false; error: { line: number; message: string } } {
  try {
    return { ok: true, ...parseCsv(text) };
  } catch (e) {
    if (e instanceof CsvFormatError) return { ok: false, error: { line: e.line, message: e.message } };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

export type CsvCell = string | number | bigint | boolean | null | undefined;

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);
/** A plain negative decimal number, e.g. "-12.50" or "-3": safe in every spreadsheet, kept as is. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * Neutralise spreadsheet formula injection: a cell starting with =, +, -, @, a tab or a carriage return
 * gets a leading single quote ('), which spreadsheets show as text and do not evaluate.
 * Exception: plain negative numbers ("-12.50") are kept intact so amounts stay numeric; anything else
 * starting with "-" (e.g. "-1+2", "-A1") is still prefixed.
 */
export function neutraliseFormula(value: string): string {
  if (value.length === 0) return value;
  if (!FORMULA_TRIGGERS.has(value[0]!)) return value;
  if (PLAIN_NEGATIVE_NUMBER.test(value)) return value;
  return `'${value}`;
}

function cellToString(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number" && !Number.isFinite(cell)) return "";
  return String(cell);
}

/** RFC 4180 quoting: fields containing a comma, a double quote, CR or LF are quoted; quotes are doubled. */
function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Serialise rows to CSV (RFC 4180: CRLF line ends, a CRLF after the last record, quoted where needed),
 * with formula-injection protection on every cell, headers included. `null`/`undefined` become empty.
 * Columns are written in the order of `headers`; keys not listed there are ignored.
 */
export function toCsv(headers: readonly string[], rows: readonly Record<string, CsvCell>[]): string {
  return csvHeaderLine(headers) + csvRowLines(headers, rows);
}

function csvLine(cells: readonly string[]): string {
  return cells.map((c) => quoteField(neutraliseFormula(c))).join(",") + "\r\n";
}

/** The header record of a CSV, CRLF-terminated (the first part of `toCsv`, for a CSV written in pieces). */
export function csvHeaderLine(headers: readonly string[]): string {
  return csvLine(headers);
}

/** Records of a CSV, each CRLF-terminated, columns in the order of `headers` (the rest of `toCsv`). */
export function csvRowLines(headers: readonly string[], rows: readonly Record<string, CsvCell>[]): string {
  let out = "";
  for (const row of rows) out += csvLine(headers.map((h) => cellToString(row[h])));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export interface CsvRowError {
  /** 1-based row: header = 1, first data row = 2. */
  row: number;
  /** The CSV column name the problem is in ("" when it concerns the row as a whole). */
  column: string;
  message: string;
}

/**
 * Validate parsed CSV rows against a Zod schema, for an importer's dry run.
 *
 * `columnMap` maps each schema field to its CSV column: `{ parcelNumber: "APN", landArea: "Land area" }`.
 * For each row the object `{ field: cell }` is built from that map; cells are trimmed and an empty cell
 * becomes `undefined`, so `.optional()` fields may be left blank and required ones report "Required".
 * Each Zod issue is reported with the CSV column its first path segment maps to and the row number
 * (header = row 1). Every invalid row is reported with every issue; valid rows are returned parsed,
 * in order.
 */
export function validateCsvRows<S extends z.ZodTypeAny>(
  rows: readonly Record<string, string>[],
  schema: S,
  columnMap: Readonly<Record<string, string>>,
): { valid: z.output<S>[]; errors: CsvRowError[] } {
  const valid: z.output<S>[] = [];
  const errors: CsvRowError[] = [];
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const input: Record<string, string | undefined> = {};
    for (const [field, column] of Object.entries(columnMap)) {
      const raw = row[column];
      const trimmed = raw === undefined ? "" : raw.trim();
      input[field] = trimmed === "" ? undefined : trimmed;
    }
    const result = schema.safeParse(input);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      const column = typeof field === "string" ? (columnMap[field] ?? field) : "";
      errors.push({ row: rowNumber, column, message: issue.message });
    }
  });
  return { valid, errors };
}
