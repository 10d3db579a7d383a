-- CreateTable
CREATE TABLE "EmailSettings" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmailSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimToken" TEXT,
    "claimedAt" DATETIME,
    "lastError" TEXT NOT NULL DEFAULT '',
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailMessage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Bylaws" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "noticeDays" INTEGER NOT NULL DEFAULT 30,
    "quorumRules" JSONB NOT NULL,
    "resolutionMajority" TEXT NOT NULL DEFAULT 'simple',
    "votingByClass" BOOLEAN NOT NULL DEFAULT true,
    "termLimit" INTEGER NOT NULL DEFAULT 2,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Bylaws_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MembershipClass" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'enrolled',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MembershipClass_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassDues" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,
    CONSTRAINT "ClassDues_classId_fkey" FOREIGN KEY ("classId") REFERENCES "MembershipClass" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Member_classId_fkey" FOREIGN KEY ("classId") REFERENCES "MembershipClass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HouseholdRepresentative" (
    "organisationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL PRIMARY KEY,
    "fullName" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HouseholdRepresentative_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DuesPayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "memberKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "recordedOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DuesPayment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardSeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "termYears" INTEGER NOT NULL DEFAULT 3,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardSeat_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BoardSeat_classId_fkey" FOREIGN KEY ("classId") REFERENCES "MembershipClass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "seatId" TEXT NOT NULL,
    "holderKey" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "leftOn" TEXT,
    "officerTitle" TEXT NOT NULL DEFAULT '',
    "electionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardTerm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BoardTerm_seatId_fkey" FOREIGN KEY ("seatId") REFERENCES "BoardSeat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "time" TEXT NOT NULL DEFAULT '',
    "place" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "recordDate" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "noticeQueuedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" TEXT NOT NULL,
    "memberKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "classId" TEXT NOT NULL,

    PRIMARY KEY ("meetingId", "memberKey"),
    CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "forVotes" INTEGER NOT NULL,
    "againstVotes" INTEGER NOT NULL,
    "abstentions" INTEGER NOT NULL,
    "majority" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Resolution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Election" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "onlineVoting" BOOLEAN NOT NULL DEFAULT true,
    "votingByClass" BOOLEAN NOT NULL DEFAULT true,
    "certifiedAt" DATETIME,
    "tieBreaks" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Election_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Election_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ElectionSeat" (
    "electionId" TEXT NOT NULL,
    "seatId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "termStartsOn" TEXT NOT NULL,
    "termEndsOn" TEXT NOT NULL,

    PRIMARY KEY ("electionId", "seatId"),
    CONSTRAINT "ElectionSeat_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "memberKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Candidate_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ElectionVoter" (
    "electionId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,

    PRIMARY KEY ("electionId", "voterKey"),
    CONSTRAINT "ElectionVoter_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    CONSTRAINT "Ballot_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "ballotId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,

    PRIMARY KEY ("ballotId", "candidateId"),
    CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BallotChoice_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
