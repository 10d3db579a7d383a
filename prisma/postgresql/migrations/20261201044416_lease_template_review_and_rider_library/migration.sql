-- AlterTable
ALTER TABLE "Lease" ADD COLUMN     "riderVersions" JSONB;

-- AlterTable
ALTER TABLE "LeaseTemplateVersion" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedByCounsel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "reviewedByLabel" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "LeaseRider" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaseRider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseRiderVersion" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "riderId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseRiderVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LeaseRider_organisationId_nameKey_key" ON "LeaseRider"("organisationId", "nameKey");

-- CreateIndex
CREATE INDEX "LeaseRiderVersion_organisationId_idx" ON "LeaseRiderVersion"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaseRiderVersion_riderId_versionNumber_key" ON "LeaseRiderVersion"("riderId", "versionNumber");

-- AddForeignKey
ALTER TABLE "LeaseRider" ADD CONSTRAINT "LeaseRider_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseRiderVersion" ADD CONSTRAINT "LeaseRiderVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseRiderVersion" ADD CONSTRAINT "LeaseRiderVersion_riderId_fkey" FOREIGN KEY ("riderId") REFERENCES "LeaseRider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
