import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loader as documentLoader } from "~/routes/leases.$leaseId.document[.]pdf";
import { getRequest, run } from "./helpers";

/**
 * A PDF read back as a reader would: checked with qpdf, extracted with pdftotext, whitespace collapsed and
 * words hyphenated across lines joined again.
 */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "pdf-text-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ").replace(/- /g, "-");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a lease's ground-lease PDF as the lease page's download serves it (expects 200). */
export async function leaseDocumentText(cookie: string, leaseId: string): Promise<string> {
  const response = (await run(documentLoader, getRequest(`/leases/${leaseId}/document.pdf`, cookie), { leaseId })) as Response;
  if (response.status !== 200) throw new Error(`lease document answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return pdfText(Buffer.from(await response.arrayBuffer()));
}
