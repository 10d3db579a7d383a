-- DropIndex
DROP INDEX "Parcel_organisationId_updatedAt_idx";

-- DropIndex
DROP INDEX "Parcel_organisationId_streetAddress_idx";

-- CreateTable
CREATE TABLE "ParcelSearchToken" (
    "organisationId" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "token" TEXT NOT NULL,

    PRIMARY KEY ("parcelId", "token"),
    CONSTRAINT "ParcelSearchToken_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ParcelSearchToken_organisationId_token_idx" ON "ParcelSearchToken"("organisationId", "token");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_parcelNumber_idx" ON "Parcel"("organisationId", "archivedAt", "parcelNumber");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_streetAddress_idx" ON "Parcel"("organisationId", "archivedAt", "streetAddress");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_updatedAt_idx" ON "Parcel"("organisationId", "archivedAt", "updatedAt");
