-- CreateTable
CREATE TABLE "LeaseFeeEntry" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entryKey" TEXT,
    "date" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "appliesTo" TEXT,
    "reversesId" TEXT,
    "method" TEXT NOT NULL DEFAULT '',
    "reference" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseFeeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexValue" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "indexName" TEXT NOT NULL DEFAULT '',
    "date" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndexValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseFeeSettings" (
    "organisationId" TEXT NOT NULL,
    "receivableAccount" TEXT NOT NULL DEFAULT '1200',
    "feeIncomeAccount" TEXT NOT NULL DEFAULT '4100',
    "lateChargeAccount" TEXT NOT NULL DEFAULT '4110',
    "cashAccount" TEXT NOT NULL DEFAULT '1000',
    "waiverAccount" TEXT NOT NULL DEFAULT '4190',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaseFeeSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LeaseFeeEntry_reversesId_key" ON "LeaseFeeEntry"("reversesId");

-- CreateIndex
CREATE INDEX "LeaseFeeEntry_organisationId_leaseId_date_idx" ON "LeaseFeeEntry"("organisationId", "leaseId", "date");

-- CreateIndex
CREATE INDEX "LeaseFeeEntry_organisationId_date_idx" ON "LeaseFeeEntry"("organisationId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "LeaseFeeEntry_leaseId_entryKey_key" ON "LeaseFeeEntry"("leaseId", "entryKey");

-- CreateIndex
CREATE UNIQUE INDEX "IndexValue_organisationId_indexName_date_key" ON "IndexValue"("organisationId", "indexName", "date");

-- AddForeignKey
ALTER TABLE "LeaseFeeEntry" ADD CONSTRAINT "LeaseFeeEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseFeeEntry" ADD CONSTRAINT "LeaseFeeEntry_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexValue" ADD CONSTRAINT "IndexValue_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseFeeSettings" ADD CONSTRAINT "LeaseFeeSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
