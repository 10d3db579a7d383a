import { renderLeaseDocument } from "./document-pdf.server";
import { renderMemorandum } from "./memorandum-pdf.server";
import { sampleLeaseDocumentData } from "./sample-lease";

/**
 * Renders the sample lease and memorandum once and throws them away: parses the fonts and shapes the lease's
 * words into the shared cache (fonts.server.ts), so a person's first lease is as fast as later ones.
 * Called by the server after it starts listening (scripts/server/operations.ts `warmUp`).
 */
export async function warmUpDocuments(): Promise<void> {
  const lease = sampleLeaseDocumentData();
  await renderLeaseDocument(lease);
  await renderMemorandum(lease);
}
