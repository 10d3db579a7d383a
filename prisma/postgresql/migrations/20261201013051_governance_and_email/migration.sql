-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'member';

-- CreateTable
CREATE TABLE "EmailSettings" (
    "organisationId" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimToken" TEXT,
    "claimedAt" TIMESTAMP(3),
    "lastError" TEXT NOT NULL DEFAULT '',
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bylaws" (
    "organisationId" TEXT NOT NULL,
    "noticeDays" INTEGER NOT NULL DEFAULT 30,
    "quorumRules" JSONB NOT NULL,
    "resolutionMajority" TEXT NOT NULL DEFAULT 'simple',
    "votingByClass" BOOLEAN NOT NULL DEFAULT true,
    "termLimit" INTEGER NOT NULL DEFAULT 2,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bylaws_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "MembershipClass" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'enrolled',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MembershipClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassDues" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ClassDues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "joinedOn" TEXT NOT NULL,
    "resignedOn" TEXT,
    "userId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdRepresentative" (
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdRepresentative_pkey" PRIMARY KEY ("householdId")
);

-- CreateTable
CREATE TABLE "DuesPayment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "memberKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "recordedOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuesPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardSeat" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "termYears" INTEGER NOT NULL DEFAULT 3,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardSeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardTerm" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "seatId" TEXT NOT NULL,
    "holderKey" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "leftOn" TEXT,
    "officerTitle" TEXT NOT NULL DEFAULT '',
    "electionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "time" TEXT NOT NULL DEFAULT '',
    "place" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "recordDate" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "noticeQueuedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" TEXT NOT NULL,
    "memberKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "classId" TEXT NOT NULL,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","memberKey")
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "forVotes" INTEGER NOT NULL,
    "againstVotes" INTEGER NOT NULL,
    "abstentions" INTEGER NOT NULL,
    "majority" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Resolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Election" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "onlineVoting" BOOLEAN NOT NULL DEFAULT true,
    "votingByClass" BOOLEAN NOT NULL DEFAULT true,
    "certifiedAt" TIMESTAMP(3),
    "tieBreaks" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionSeat" (
    "electionId" TEXT NOT NULL,
    "seatId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "termStartsOn" TEXT NOT NULL,
    "termEndsOn" TEXT NOT NULL,

    CONSTRAINT "ElectionSeat_pkey" PRIMARY KEY ("electionId","seatId")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "electionId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "memberKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionVoter" (
    "electionId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,

    CONSTRAINT "ElectionVoter_pkey" PRIMARY KEY ("electionId","voterKey")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "electionId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "ballotId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,

    CONSTRAINT "BallotChoice_pkey" PRIMARY KEY ("ballotId","candidateId")
);

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_organisationId_createdAt_idx" ON "EmailMessage"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipClass_organisationId_name_key" ON "MembershipClass"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ClassDues_classId_year_key" ON "ClassDues"("classId", "year");

-- CreateIndex
CREATE INDEX "Member_organisationId_fullName_idx" ON "Member"("organisationId", "fullName");

-- CreateIndex
CREATE UNIQUE INDEX "Member_organisationId_userId_key" ON "Member"("organisationId", "userId");

-- CreateIndex
CREATE INDEX "DuesPayment_organisationId_memberKey_year_idx" ON "DuesPayment"("organisationId", "memberKey", "year");

-- CreateIndex
CREATE UNIQUE INDEX "BoardSeat_organisationId_name_key" ON "BoardSeat"("organisationId", "name");

-- CreateIndex
CREATE INDEX "BoardTerm_organisationId_seatId_startsOn_idx" ON "BoardTerm"("organisationId", "seatId", "startsOn");

-- CreateIndex
CREATE INDEX "Meeting_organisationId_date_idx" ON "Meeting"("organisationId", "date");

-- CreateIndex
CREATE INDEX "Election_organisationId_idx" ON "Election"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_electionId_memberKey_key" ON "Candidate"("electionId", "memberKey");

-- CreateIndex
CREATE INDEX "Ballot_electionId_classId_idx" ON "Ballot"("electionId", "classId");

-- AddForeignKey
ALTER TABLE "EmailSettings" ADD CONSTRAINT "EmailSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bylaws" ADD CONSTRAINT "Bylaws_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipClass" ADD CONSTRAINT "MembershipClass_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassDues" ADD CONSTRAINT "ClassDues_classId_fkey" FOREIGN KEY ("classId") REFERENCES "MembershipClass"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_classId_fkey" FOREIGN KEY ("classId") REFERENCES "MembershipClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdRepresentative" ADD CONSTRAINT "HouseholdRepresentative_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuesPayment" ADD CONSTRAINT "DuesPayment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardSeat" ADD CONSTRAINT "BoardSeat_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardSeat" ADD CONSTRAINT "BoardSeat_classId_fkey" FOREIGN KEY ("classId") REFERENCES "MembershipClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardTerm" ADD CONSTRAINT "BoardTerm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardTerm" ADD CONSTRAINT "BoardTerm_seatId_fkey" FOREIGN KEY ("seatId") REFERENCES "BoardSeat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionSeat" ADD CONSTRAINT "ElectionSeat_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionVoter" ADD CONSTRAINT "ElectionVoter_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
