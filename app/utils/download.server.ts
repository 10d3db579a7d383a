import { contentDisposition } from "./content-disposition";

export { contentDisposition };

/** A CSV download; the byte-order mark makes spreadsheet programs read it as UTF-8 ("Núñez" stays intact). */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "no-store",
    },
  });
}

export function pdfResponse(
  pdf: Uint8Array,
  filename: string,
  options: { disposition?: "attachment" | "inline"; headers?: Record<string, string> } = {},
): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(filename, options.disposition),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      ...options.headers,
    },
  });
}
