-- The APN compared without case or surrounding spaces: stored trimmed, with a normalised key unique per organisation.
-- DropIndex
DROP INDEX "Parcel_organisationId_parcelNumber_key";

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "parcelNumberKey" TEXT;
UPDATE "Parcel" SET "parcelNumber" = TRIM("parcelNumber");
UPDATE "Parcel" SET "parcelNumberKey" = UPPER("parcelNumber");
-- Existing parcels whose numbers differ only in case or surrounding spaces keep their numbers; all but the
-- oldest get a key that names their id, so the unique index can be built (staff then correct the number).
UPDATE "Parcel" SET "parcelNumberKey" = "parcelNumberKey" || ' #' || "id"
WHERE EXISTS (
  SELECT 1 FROM "Parcel" AS "earlier"
  WHERE "earlier"."organisationId" = "Parcel"."organisationId"
    AND UPPER(TRIM("earlier"."parcelNumber")) = UPPER(TRIM("Parcel"."parcelNumber"))
    AND ("earlier"."createdAt" < "Parcel"."createdAt" OR ("earlier"."createdAt" = "Parcel"."createdAt" AND "earlier"."id" < "Parcel"."id"))
);
ALTER TABLE "Parcel" ALTER COLUMN "parcelNumberKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Parcel_organisationId_parcelNumberKey_key" ON "Parcel"("organisationId", "parcelNumberKey");
