-- CreateTable
CREATE TABLE "ReminderSettings" (
    "organisationId" TEXT NOT NULL,
    "certificationDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "certificationOverdue" BOOLEAN NOT NULL DEFAULT true,
    "insuranceDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "insuranceOverdue" BOOLEAN NOT NULL DEFAULT true,
    "feeStatementReady" BOOLEAN NOT NULL DEFAULT true,
    "caseDeadline" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_organisationId_key_key" ON "ReminderSent"("organisationId", "key");

-- AddForeignKey
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
