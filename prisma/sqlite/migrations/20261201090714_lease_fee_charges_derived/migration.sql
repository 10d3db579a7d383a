-- CreateTable
CREATE TABLE "LeaseFeeLedger" (
    "leaseId" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "chargesPostedThrough" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeaseFeeLedger_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LeaseFeeLedger_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LeaseFeeLedger_organisationId_idx" ON "LeaseFeeLedger"("organisationId");

-- Lease-fee charges are no longer stored one row each (ADR 021): they follow from the lease's fee terms, and
-- LeaseFeeLedger.chargesPostedThrough says how far they are posted. Existing ledgers keep every entry they show:
-- the marker is the date of the lease's last stored charge (the rules give exactly the stored charges up to it),
-- a reversal of a stored charge now names the charge by its key, and the stored charges are removed.
INSERT INTO "LeaseFeeLedger" ("leaseId", "organisationId", "chargesPostedThrough")
SELECT "leaseId", MIN("organisationId"), MAX("date") FROM "LeaseFeeEntry" WHERE "kind" = 'charge' GROUP BY "leaseId";

DROP TRIGGER "LeaseFeeEntry_no_update";
DROP TRIGGER "LeaseFeeEntry_no_delete";

UPDATE "LeaseFeeEntry"
SET "entryKey" = 'reversal-of:' || (SELECT c."entryKey" FROM "LeaseFeeEntry" c WHERE c."id" = "LeaseFeeEntry"."reversesId"),
    "reversesId" = NULL
WHERE "kind" = 'reversal' AND "reversesId" IN (SELECT "id" FROM "LeaseFeeEntry" WHERE "kind" = 'charge');

DELETE FROM "LeaseFeeEntry" WHERE "kind" = 'charge';

-- Posted lease-fee entries are never changed or deleted (as before this migration).
CREATE TRIGGER "LeaseFeeEntry_no_update" BEFORE UPDATE ON "LeaseFeeEntry"
BEGIN
  SELECT RAISE(ABORT, 'lease-fee entries are append-only: post a reversing entry instead');
END;

CREATE TRIGGER "LeaseFeeEntry_no_delete" BEFORE DELETE ON "LeaseFeeEntry"
BEGIN
  SELECT RAISE(ABORT, 'lease-fee entries are append-only: post a reversing entry instead');
END;

-- Posted charges stay posted: the marker only moves forward and is never removed.
CREATE TRIGGER "LeaseFeeLedger_forward_only" BEFORE UPDATE ON "LeaseFeeLedger"
WHEN NEW."chargesPostedThrough" < OLD."chargesPostedThrough" OR NEW."leaseId" <> OLD."leaseId" OR NEW."organisationId" <> OLD."organisationId"
BEGIN
  SELECT RAISE(ABORT, 'lease-fee charges stay posted: the posting marker only moves forward');
END;

CREATE TRIGGER "LeaseFeeLedger_no_delete" BEFORE DELETE ON "LeaseFeeLedger"
BEGIN
  SELECT RAISE(ABORT, 'lease-fee charges stay posted: the posting marker only moves forward');
END;
