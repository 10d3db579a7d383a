/**
 * A Content-Disposition header whose filename survives non-ASCII names: an ASCII fallback (accents
 * stripped, other characters replaced) plus the exact name in RFC 5987 form (`filename*`), which browsers
 * prefer. Pure, so pages and tests can use it too.
 */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  const fallback = filename.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
