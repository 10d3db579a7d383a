import type { Db } from "~/utils/db.server";

/**
 * Where the bytes of stored documents live. One small interface so a deployment could keep them elsewhere
 * (an object store) without touching the rest; the default keeps them in the database (StoredDocumentContent),
 * so several app servers see the same files and one database backup covers them
 * (docs/decisions/011-stored-documents.md).
 */
export interface DocumentStorage {
  put(organisationId: string, key: string, bytes: Uint8Array): Promise<void>;
  get(organisationId: string, key: string): Promise<Uint8Array | null>;
  delete(organisationId: string, key: string): Promise<void>;
}

export function databaseStorage(db: Db): DocumentStorage {
  return {
    async put(organisationId, key, bytes) {
      await db.storedDocumentContent.create({ data: { key, organisationId, bytes: new Uint8Array(bytes) } });
    },
    async get(organisationId, key) {
      const row = await db.storedDocumentContent.findFirst({ where: { key, organisationId }, select: { bytes: true } });
      return row ? new Uint8Array(row.bytes) : null;
    },
    async delete(organisationId, key) {
      await db.storedDocumentContent.deleteMany({ where: { key, organisationId } });
    },
  };
}

/** The storage the app uses (the database). */
export function documentStorage(db: Db): DocumentStorage {
  return databaseStorage(db);
}
