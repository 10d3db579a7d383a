-- DropIndex
DROP INDEX "Parcel_organisationId_streetAddress_idx";

-- DropIndex
DROP INDEX "Parcel_organisationId_updatedAt_idx";

-- CreateTable
CREATE TABLE "ParcelSearchToken" (
    "organisationId" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "token" TEXT NOT NULL,

    CONSTRAINT "ParcelSearchToken_pkey" PRIMARY KEY ("parcelId","token")
);

-- CreateIndex
CREATE INDEX "ParcelSearchToken_organisationId_token_idx" ON "ParcelSearchToken"("organisationId", "token");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_parcelNumber_idx" ON "Parcel"("organisationId", "archivedAt", "parcelNumber");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_streetAddress_idx" ON "Parcel"("organisationId", "archivedAt", "streetAddress");

-- CreateIndex
CREATE INDEX "Parcel_organisationId_archivedAt_updatedAt_idx" ON "Parcel"("organisationId", "archivedAt", "updatedAt");

-- AddForeignKey
ALTER TABLE "ParcelSearchToken" ADD CONSTRAINT "ParcelSearchToken_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
