-- CreateTable
CREATE TABLE "LeaseFeeLedger" (
    "leaseId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "chargesPostedThrough" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseFeeLedger_pkey" PRIMARY KEY ("leaseId")
);

-- CreateIndex
CREATE INDEX "LeaseFeeLedger_organisationId_idx" ON "LeaseFeeLedger"("organisationId");

-- AddForeignKey
ALTER TABLE "LeaseFeeLedger" ADD CONSTRAINT "LeaseFeeLedger_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseFeeLedger" ADD CONSTRAINT "LeaseFeeLedger_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Lease-fee charges are no longer stored one row each (ADR 021): they follow from the lease's fee terms, and
-- LeaseFeeLedger.chargesPostedThrough says how far they are posted. Existing ledgers keep every entry they show:
-- the marker is the date of the lease's last stored charge (the rules give exactly the stored charges up to it),
-- a reversal of a stored charge now names the charge by its key, and the stored charges are removed.
INSERT INTO "LeaseFeeLedger" ("leaseId", "organisationId", "chargesPostedThrough")
SELECT "leaseId", MIN("organisationId"), MAX("date") FROM "LeaseFeeEntry" WHERE "kind" = 'charge' GROUP BY "leaseId";

ALTER TABLE "LeaseFeeEntry" DISABLE TRIGGER "LeaseFeeEntry_no_update_or_delete";

UPDATE "LeaseFeeEntry" r
SET "entryKey" = 'reversal-of:' || c."entryKey", "reversesId" = NULL
FROM "LeaseFeeEntry" c
WHERE r."kind" = 'reversal' AND c."id" = r."reversesId" AND c."kind" = 'charge';

DELETE FROM "LeaseFeeEntry" WHERE "kind" = 'charge';

ALTER TABLE "LeaseFeeEntry" ENABLE TRIGGER "LeaseFeeEntry_no_update_or_delete";

-- Posted charges stay posted: the marker only moves forward and is never removed.
CREATE FUNCTION "lease_fee_ledger_forward_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."chargesPostedThrough" >= OLD."chargesPostedThrough" AND NEW."leaseId" = OLD."leaseId" AND NEW."organisationId" = OLD."organisationId" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'lease-fee charges stay posted: the posting marker only moves forward' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "LeaseFeeLedger_forward_only" BEFORE UPDATE OR DELETE ON "LeaseFeeLedger"
FOR EACH ROW EXECUTE FUNCTION "lease_fee_ledger_forward_only"();

CREATE TRIGGER "LeaseFeeLedger_no_truncate" BEFORE TRUNCATE ON "LeaseFeeLedger"
FOR EACH STATEMENT EXECUTE FUNCTION "lease_fee_ledger_forward_only"();
