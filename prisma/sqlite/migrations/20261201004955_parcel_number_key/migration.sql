-- The APN compared without case or surrounding spaces: stored trimmed, with a normalised key unique per organisation.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parcel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "parcelNumber" TEXT NOT NULL,
    "parcelNumberKey" TEXT NOT NULL,
    "streetAddress" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "legalDescription" TEXT NOT NULL DEFAULT '',
    "landArea" TEXT,
    "landAreaUnit" TEXT NOT NULL DEFAULT 'square_feet',
    "zoning" TEXT NOT NULL DEFAULT '',
    "acquisitionDate" TEXT,
    "acquisitionPriceCents" BIGINT,
    "acquisitionMethod" TEXT,
    "assessedLandValueCents" BIGINT,
    "status" TEXT NOT NULL DEFAULT 'acquired',
    "incomeLimitAreaCode" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Parcel_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Parcel" ("acquisitionDate", "acquisitionMethod", "acquisitionPriceCents", "archivedAt", "assessedLandValueCents", "city", "createdAt", "id", "incomeLimitAreaCode", "landArea", "landAreaUnit", "legalDescription", "organisationId", "parcelNumber", "parcelNumberKey", "postalCode", "searchText", "state", "status", "streetAddress", "updatedAt", "version", "zoning") SELECT "acquisitionDate", "acquisitionMethod", "acquisitionPriceCents", "archivedAt", "assessedLandValueCents", "city", "createdAt", "id", "incomeLimitAreaCode", "landArea", "landAreaUnit", "legalDescription", "organisationId", TRIM("parcelNumber"), UPPER(TRIM("parcelNumber")), "postalCode", "searchText", "state", "status", "streetAddress", "updatedAt", "version", "zoning" FROM "Parcel";
DROP TABLE "Parcel";
ALTER TABLE "new_Parcel" RENAME TO "Parcel";
CREATE INDEX "Parcel_organisationId_status_id_idx" ON "Parcel"("organisationId", "status", "id");
CREATE INDEX "Parcel_organisationId_streetAddress_id_idx" ON "Parcel"("organisationId", "streetAddress", "id");
CREATE INDEX "Parcel_organisationId_updatedAt_id_idx" ON "Parcel"("organisationId", "updatedAt", "id");
-- Existing parcels whose numbers differ only in case or surrounding spaces keep their numbers; all but the
-- oldest get a key that names their id, so the unique index can be built (staff then correct the number).
UPDATE "Parcel" SET "parcelNumberKey" = "parcelNumberKey" || ' #' || "id"
WHERE EXISTS (
  SELECT 1 FROM "Parcel" AS "earlier"
  WHERE "earlier"."organisationId" = "Parcel"."organisationId"
    AND UPPER(TRIM("earlier"."parcelNumber")) = UPPER(TRIM("Parcel"."parcelNumber"))
    AND ("earlier"."createdAt" < "Parcel"."createdAt" OR ("earlier"."createdAt" = "Parcel"."createdAt" AND "earlier"."id" < "Parcel"."id"))
);
CREATE UNIQUE INDEX "Parcel_organisationId_parcelNumberKey_key" ON "Parcel"("organisationId", "parcelNumberKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
