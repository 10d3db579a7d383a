/**
 * A Content-Disposition header whose filename survives non-ASCII names: an ASCII fallback plus the
 * RFC 5987 `filename*` form that browsers prefer.
 */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  const fallback = filename.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "no-store",
    },
  });
}

export function pdfResponse(pdf: Uint8Array, filename: string, disposition: "attachment" | "inline" = "attachment"): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(filename, disposition),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
