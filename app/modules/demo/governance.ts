import { systemActor } from "~/modules/audit/audit.server";
import { addSeat } from "~/modules/governance/board.server";
import { createMember, listClasses, saveBylaws, setDuesRate, setUpClassicClasses, type BylawsSettings } from "~/modules/governance/members.server";
import type { Db } from "~/utils/db.server";

/** Governance factories, shared by the tests and the demo seed; everything goes through the module. */

export async function setUpGovernance(db: Db, organisationId: string, options: { seatsPerClass?: number; bylaws?: Partial<Omit<BylawsSettings, "version">>; duesYear?: number; generalDuesCents?: number } = {}) {
  const actor = systemActor(organisationId, "Test factory");
  await setUpClassicClasses(db, actor);
  const classes = await listClasses(db, organisationId);
  const byName = (name: string) => classes.find((c) => c.name === name)!;
  const leaseholder = byName("Leaseholder");
  const general = byName("General");
  const publicClass = byName("Public");
  await saveBylaws(db, actor, { noticeDays: 30, quorumRules: [], resolutionMajority: "simple", votingByClass: true, termLimit: 2, ...options.bylaws });
  if (options.generalDuesCents !== undefined) {
    await setDuesRate(db, actor, { classId: general.id, year: options.duesYear ?? 2026, amountCents: options.generalDuesCents });
  }
  const seats: Record<string, string[]> = { [leaseholder.id]: [], [general.id]: [], [publicClass.id]: [] };
  for (const c of [leaseholder, general, publicClass]) {
    for (let i = 1; i <= (options.seatsPerClass ?? 0); i += 1) {
      const result = await addSeat(db, actor, { name: `${c.name} seat ${i}`, classId: c.id, termYears: 3 });
      if (!result.ok) throw new Error(JSON.stringify(result));
      seats[c.id]!.push(result.id);
    }
  }
  return { actor, leaseholder, general, publicClass, seats };
}

export async function enrolMember(db: Db, organisationId: string, values: { fullName: string; classId: string; joinedOn?: string; email?: string; address?: string }) {
  const result = await createMember(db, systemActor(organisationId, "Test factory"), {
    fullName: values.fullName,
    classId: values.classId,
    email: values.email ?? "",
    phone: "",
    address: values.address ?? "",
    joinedOn: values.joinedOn ?? "2024-01-15",
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}
