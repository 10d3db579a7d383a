import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { createElection, addCandidate } from "~/modules/governance/elections.server";
import { createMeeting } from "~/modules/governance/meetings.server";
import { recordDues, setRepresentative } from "~/modules/governance/members.server";
import { addDays } from "~/modules/governance/rules";
import { setHouseholdArchived } from "~/modules/households/households.server";
import { action as electionAction, loader as electionLoader } from "~/routes/governance.elections.$electionId";
import { loader as memberLoader } from "~/routes/governance.members.$memberKey";
import { loader as governanceSettingsLoader } from "~/routes/governance.settings";
import { loader as certifyLoader } from "~/routes/households.$householdId.certifications.new";
import { loader as editLoader } from "~/routes/households.$householdId.edit";
import { loader as newDefaultLoader } from "~/routes/leases.$leaseId.defaults.new";
import { loader as newUserLoader } from "~/routes/settings.users.new";
import { loader as newEventLoader } from "~/routes/stewardship.events.new";
import { DEFAULT_TIME_ZONE, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { enrolMember, setUpGovernance } from "~/modules/demo/governance";
import { createHousehold } from "~/modules/demo/households";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The loaders of pages whose reads moved from the route into their modules (issue 14): each shows its own
 * trust's records, and a record of another trust is not found (or not listed), on both databases.
 */

async function trust(name: string) {
  const { organisation, user } = await createOrganisation(db(), { name });
  return { organisationId: organisation.id, cookie: await sessionCookieFor(user.id, organisation.id) };
}

const body = async <T>(result: unknown) => (await unwrap(result)).body as T;
const status = async (result: unknown) => (await unwrap(result)).status;

describe("page loaders read through their modules, scoped to the organisation", () => {
  it("Governance → Settings lists the trust's board seats in board order with their class", async () => {
    const mine = await trust("Seats Trust");
    const other = await trust("Other Seats Trust");
    await setUpGovernance(db(), mine.organisationId, { seatsPerClass: 1 });
    await setUpGovernance(db(), other.organisationId, { seatsPerClass: 2 });
    const page = await body<{ seats: { name: string; className: string; termYears: number }[] }>(await run(governanceSettingsLoader, getRequest("/governance/settings", mine.cookie)));
    // setUpGovernance adds one seat per class in the order Leaseholder, General, Public, each of 3 years
    expect(page.seats.map((s) => [s.name, s.className, s.termYears])).toEqual([
      ["Leaseholder seat 1", "Leaseholder", 3],
      ["General seat 1", "General", 3],
      ["Public seat 1", "Public", 3],
    ]);
  });

  it("a household's member page shows its members and its representative; another trust's household is not found", async () => {
    const mine = await trust("Members Trust");
    const other = await trust("Other Members Trust");
    await setUpGovernance(db(), mine.organisationId);
    const household = await createHousehold(db(), mine.organisationId, { name: "Okafor household", email: "okafor@example.org", members: ["Ada Okafor", "Ben Okafor"] });
    const result = await setRepresentative(db(), systemActor(mine.organisationId), household.id, { fullName: "Ada Okafor", email: "ada@example.org" });
    expect(result.ok).toBe(true);
    const key = `household:${household.id}`;
    const page = await body<{ kind: string; name: string; household: { id: string; members: string[]; email: string }; representative: { fullName: string; email: string } }>(
      await run(memberLoader, getRequest(`/governance/members/${key}`, mine.cookie), { memberKey: key }),
    );
    expect(page.kind).toBe("household");
    expect(page.name).toBe("Okafor household");
    expect({ ...page.household, members: [...page.household.members].sort() }).toEqual({ id: household.id, members: ["Ada Okafor", "Ben Okafor"], email: "okafor@example.org" });
    expect(page.representative).toEqual({ fullName: "Ada Okafor", email: "ada@example.org" });
    const theirs = await createHousehold(db(), other.organisationId, { name: "Elsewhere household" });
    const foreign = `household:${theirs.id}`;
    expect(await status(await run(memberLoader, getRequest(`/governance/members/${foreign}`, mine.cookie), { memberKey: foreign }))).toBe(404);
  });

  it("an election's page leaves out of the paper-ballot choices the members who have voted", async () => {
    const mine = await trust("Election Trust");
    const { general, seats, actor } = await setUpGovernance(db(), mine.organisationId, { seatsPerClass: 1 });
    const today = todayIn(DEFAULT_TIME_ZONE);
    const year = Number(today.slice(0, 4));
    const ids: string[] = [];
    for (const name of ["Voter One", "Voter Two", "Candidate Three"]) {
      const id = await enrolMember(db(), mine.organisationId, { fullName: name, classId: general.id, joinedOn: "2020-01-01" });
      await recordDues(db(), actor, `member:${id}`, { intent: "dues", year, kind: "waived", recordedOn: today, note: "" });
      ids.push(id);
    }
    const meeting = await createMeeting(db(), actor, { kind: "annual", title: "Annual", date: addDays(today, 40), time: "", place: "", link: "", recordDate: today, agenda: "" });
    if (!meeting.ok) throw new Error("meeting");
    const election = await createElection(db(), actor, meeting.id, { seatIds: seats[general.id]!, termStartsOn: addDays(today, 40), onlineVoting: false });
    if (!election.ok) throw new Error("election");
    const candidate = await addCandidate(db(), actor, election.id, `member:${ids[2]}`);
    if (!candidate.ok) throw new Error("candidate");
    const voterLabels = async () =>
      (await body<{ voters: { key: string }[] }>(await run(electionLoader, getRequest(`/governance/elections/${election.id}`, mine.cookie), { electionId: election.id }))).voters.map((v) => v.key).sort();
    expect(await voterLabels()).toEqual(ids.map((id) => `member:${id}`).sort());
    const paper = (await run(electionAction, postRequest(`/governance/elections/${election.id}`, { intent: "paper-ballot", voterKey: `member:${ids[1]}`, [`choice.${general.id}`]: candidate.id }, { cookie: mine.cookie }), { electionId: election.id })) as Response;
    expect(paper.status).toBe(302);
    expect(await voterLabels()).toEqual([`member:${ids[0]}`, `member:${ids[2]}`].sort());
  });

  it("recording an event by hand offers the trust's signed leases only", async () => {
    const mine = await trust("Events Trust");
    const other = await trust("Other Events Trust");
    const active = await createLease(db(), mine.organisationId, { status: "active" });
    await createLease(db(), mine.organisationId); // a draft is not signed
    await createLease(db(), other.organisationId, { status: "active" });
    const household = await db().household.findUniqueOrThrow({ where: { id: active.householdId } });
    const page = await body<{ leases: { value: string; label: string }[] }>(await run(newEventLoader, getRequest("/stewardship/events/new", mine.cookie)));
    expect(page.leases).toEqual([{ value: active.id, label: `${active.reference} — ${household.name}` }]);
  });

  it("a household's edit form and certification form show its record; another trust's household is not found", async () => {
    const mine = await trust("Households Trust");
    const other = await trust("Other Households Trust");
    const owned = await createLeasableHome(db(), mine.organisationId, { streetAddress: "7 Birch Row", members: ["Maya Chen"], purchasePriceCents: 150_000_00 });
    const vacant = await createLeasableHome(db(), mine.organisationId, { streetAddress: "9 Cedar Court" });
    await createLeasableHome(db(), other.organisationId, { streetAddress: "1 Far Away Road" });
    await db().household.update({ where: { id: owned.household.id }, data: { email: "chen@example.org", firstTimeBuyer: true } });
    const theirs = await createHousehold(db(), other.organisationId, { name: "Elsewhere household" });

    const edit = await body<{ household: Record<string, unknown> }>(await run(editLoader, getRequest(`/households/${owned.household.id}/edit`, mine.cookie), { householdId: owned.household.id }));
    expect(edit.household).toMatchObject({ id: owned.household.id, name: owned.household.name, email: "chen@example.org", firstTimeBuyer: "yes" });
    expect(await status(await run(editLoader, getRequest(`/households/${theirs.id}/edit`, mine.cookie), { householdId: theirs.id }))).toBe(404);

    const certify = await body<{ household: { id: string; memberNames: string[] }; ownedHome: { address: string } | null; homes: { value: string; label: string }[] }>(
      await run(certifyLoader, getRequest(`/households/${owned.household.id}/certifications/new`, mine.cookie), { householdId: owned.household.id }),
    );
    expect(certify.household).toMatchObject({ id: owned.household.id, memberNames: ["Maya Chen"] });
    expect(certify.ownedHome?.address).toBe("7 Birch Row");
    // the homes without a current owner: only the vacant one of this trust (no income-limit area anywhere)
    expect(certify.homes).toEqual([{ value: vacant.home.id, label: "9 Cedar Court — no HUD area" }]);
    expect(await status(await run(certifyLoader, getRequest(`/households/${theirs.id}/certifications/new`, mine.cookie), { householdId: theirs.id }))).toBe(404);
  });

  it("adding a user offers the trust's households that are not archived, by name", async () => {
    const mine = await trust("Users Trust");
    const other = await trust("Other Users Trust");
    const zeta = await createHousehold(db(), mine.organisationId, { name: "Zeta household" });
    const alpha = await createHousehold(db(), mine.organisationId, { name: "Alpha household" });
    const gone = await createHousehold(db(), mine.organisationId, { name: "Archived household" });
    const archived = await setHouseholdArchived(db(), systemActor(mine.organisationId), gone.id, true, gone.version);
    expect(archived.ok).toBe(true);
    await createHousehold(db(), other.organisationId, { name: "Beta household" });
    const page = await body<{ households: { id: string; name: string }[] }>(await run(newUserLoader, getRequest("/settings/users/new", mine.cookie)));
    expect(page.households).toEqual([
      { id: alpha.id, name: "Alpha household" },
      { id: zeta.id, name: "Zeta household" },
    ]);
  });

  it("a notice of default's form shows the lease's cure periods; another trust's lease is not found", async () => {
    const mine = await trust("Defaults Trust");
    const other = await trust("Other Defaults Trust");
    const lease = await createLease(db(), mine.organisationId, { status: "active" });
    await db().lease.update({ where: { id: lease.id }, data: { monetaryCureDays: 45, nonMonetaryCureDays: 75 } });
    const theirs = await createLease(db(), other.organisationId, { status: "active" });
    const page = await body<{ lease: Record<string, unknown> }>(await run(newDefaultLoader, getRequest(`/leases/${lease.id}/defaults/new`, mine.cookie), { leaseId: lease.id }));
    expect(page.lease).toEqual({ id: lease.id, reference: lease.reference, monetaryCureDays: 45, nonMonetaryCureDays: 75 });
    expect(await status(await run(newDefaultLoader, getRequest(`/leases/${theirs.id}/defaults/new`, mine.cookie), { leaseId: theirs.id }))).toBe(404);
  });
});
