-- AlterTable
ALTER TABLE "User" ADD COLUMN "emailNoticesOff" TEXT NOT NULL DEFAULT '';
