-- AlterTable
ALTER TABLE "LeaseTemplateVersion" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedByCounsel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "reviewedByLabel" TEXT NOT NULL DEFAULT '';
