import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useFormatInstant } from "~/components/instant";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_IN_WORDS, DOCUMENT_CATEGORIES, formatBytes, type DocumentCategory, type DocumentOwnerType } from "./types";
import { TableWrap } from "~/components/table-wrap";

/** A stored document as a page shows it (dates serialised). */
export type DocumentRow = {
  id: string;
  name: string;
  category: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdByLabel: string;
  createdAt: string | Date;
};

export type UploadReply = { ok: false; field: "file" | "category" | "owner"; message: string };

/**
 * The documents filed on (or concerning) a record, each with its size, type, who stored it, when and its
 * content hash; and, for those who may add one, an upload form. The form checks the size in the browser
 * before sending (the server checks again, and is the one that counts).
 */
export function DocumentsPanel({
  documents,
  owner,
  canUpload,
  maxBytes,
  returnTo,
  categories,
  defaultCategory = "other",
  title = "Documents",
}: {
  documents: DocumentRow[];
  owner: { ownerType: DocumentOwnerType; ownerId: string };
  canUpload: boolean;
  maxBytes: number;
  returnTo: string;
  categories?: DocumentCategory[];
  defaultCategory?: DocumentCategory;
  title?: string;
}) {
  const formatInstant = useFormatInstant();
  const fetcher = useFetcher<UploadReply>();
  const [clientError, setClientError] = useState<string | null>(null);
  const reply = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const fileError = clientError ?? (reply && reply.field !== "category" ? reply.message : null);
  const categoryError = reply?.field === "category" ? reply.message : null;
  const choices = categories ?? (Object.keys(DOCUMENT_CATEGORIES) as DocumentCategory[]);
  const limitMb = Math.round(maxBytes / (1024 * 1024));
  const panelId = `documents-${owner.ownerType}`;
  return (
    <section aria-labelledby={`${panelId}-title`} className="card">
      <h2 id={`${panelId}-title`} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {documents.length === 0 ? (
        <p className="muted">No documents yet.</p>
      ) : (
        <TableWrap labelledBy={`${panelId}-title`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Kind</th>
                <th scope="col">Size</th>
                <th scope="col">Stored</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/documents/${d.id}`}>
                      {d.name}
                    </a>
                  </td>
                  <td>{DOCUMENT_CATEGORIES[d.category as DocumentCategory] ?? d.category}</td>
                  <td>{formatBytes(d.sizeBytes)}</td>
                  <td>
                    {formatInstant(d.createdAt)} by {d.createdByLabel}
                  </td>
                  <td>
                    <code title={d.sha256}>{d.sha256.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canUpload ? (
        <fetcher.Form method="post" action="/documents/upload" encType="multipart/form-data" className="stack">
          <input type="hidden" name="ownerType" value={owner.ownerType} />
          <input type="hidden" name="ownerId" value={owner.ownerId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <div className="field">
            <label htmlFor={`${panelId}-category`}>Kind of document</label>
            <select id={`${panelId}-category`} name="category" defaultValue={defaultCategory} aria-invalid={categoryError ? true : undefined}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {DOCUMENT_CATEGORIES[c]}
                </option>
              ))}
            </select>
            {categoryError ? (
              <p className="field-error" role="alert">
                {categoryError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${panelId}-file`}>File</label>
            <input
              id={`${panelId}-file`}
              name="file"
              type="file"
              required
              accept={ACCEPT_ATTRIBUTE}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${panelId}-file-hint${fileError ? ` ${panelId}-file-error` : ""}`}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                setClientError(file && file.size > maxBytes ? `The file is larger than ${limitMb} MB, the most a document may be. Scan it at a lower resolution or split it into parts.` : null);
              }}
            />
            <p id={`${panelId}-file-hint`} className="field-hint">
              {ACCEPTED_TYPES_IN_WORDS[0]!.toUpperCase() + ACCEPTED_TYPES_IN_WORDS.slice(1)}, at most {limitMb} MB.
            </p>
            {fileError ? (
              <p id={`${panelId}-file-error`} className="field-error" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="secondary" disabled={fetcher.state !== "idle" || clientError !== null}>
              {fetcher.state === "idle" ? "Upload" : "Uploading…"}
            </button>
          </div>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
