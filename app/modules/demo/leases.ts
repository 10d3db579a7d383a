import { randomBytes } from "node:crypto";
import { systemActor, type AuditActor } from "~/modules/audit/audit.server";
import { createLease as createLeaseRecord, transitionLease } from "~/modules/leases/leases.server";
import type { LeaseStatus } from "~/modules/leases/lifecycle";
import type { LeaseFormValues, TransitionValues } from "~/modules/leases/schemas";
import { ensureDefaultTemplate } from "~/modules/leases/templates.server";
import { createHousehold as createHouseholdRecord } from "~/modules/households/households.server";
import { refreshParcelSearchText } from "~/modules/parcels/parcels.server";
import { addDays } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";
import { seedDemoFormulaPresets } from "./formula-presets";

/** Lease factories, shared by the tests and the demo seed. Leases are made through the domain functions. */

export const SAMPLE_LEGAL_DESCRIPTION =
  "Lot 14, Block 3, ALDER GROVE ADDITION, as platted and recorded in Book 41, Page 17, Chittenden County Land Records.\n" +
  "EXCEPTING THEREFROM the Westerly 5.00 feet conveyed to the City for street purposes.";

const unique = () => randomBytes(3).toString("hex");

/** A parcel with one home, a household with members (written directly: tests must not depend on other modules' factories). */
export async function createLeasableHome(
  db: Db,
  organisationId: string,
  options: { legalDescription?: string; streetAddress?: string; members?: string[]; purchasePriceCents?: number } = {},
) {
  const parcel = await db.parcel.create({
    data: {
      organisationId,
      ...(() => {
        const parcelNumber = `APN-${unique()}`;
        return { parcelNumber, parcelNumberKey: parcelNumber.toUpperCase() };
      })(),
      streetAddress: options.streetAddress ?? `${100 + Math.floor(Math.random() * 800)} Maple Street`,
      city: "Burlington",
      state: "VT",
      postalCode: "05401",
      legalDescription: options.legalDescription ?? SAMPLE_LEGAL_DESCRIPTION,
      status: "leased",
    },
  });
  await refreshParcelSearchText(db, parcel.id); // as the parcels module does on every write
  const home = await db.home.create({ data: { organisationId, parcelId: parcel.id, bedrooms: 3 } });
  const members = options.members ?? ["Ana Lima", "Jordan Reyes"];
  // through the households module, as the app does (it also indexes the household's words for search)
  const { id: householdId } = await createHouseholdRecord(
    db,
    systemActor(organisationId, "Test factory"),
    { name: `${members[0]!.split(" ").at(-1)} household ${unique()}`, email: "", phone: "", mailingAddress: "", firstTimeBuyer: null, ethnicity: "", race: "" },
    members.map((fullName) => ({ fullName, relationship: "", dateOfBirth: null, email: "", phone: "" })),
  );
  const household = await db.household.findUniqueOrThrow({ where: { id: householdId } });
  if (options.purchasePriceCents) {
    await db.ownership.create({ data: { organisationId, homeId: home.id, currentHomeId: home.id, householdId: household.id, purchasePriceCents: options.purchasePriceCents, purchaseDate: "2024-06-01" } });
  }
  return { parcel, home, household, members };
}

/** Makes the organisation's letterhead complete (documents need an address, state and county). */
export async function completeOrganisation(db: Db, organisationId: string) {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  await db.organisation.update({
    where: { id: organisationId },
    data: {
      address: organisation.address || "12 Commons Way\nBurlington, VT 05401",
      state: organisation.state || "Vermont",
      county: organisation.county || "Chittenden",
    },
  });
}

export function leaseValues(overrides: Partial<LeaseFormValues> & Pick<LeaseFormValues, "homeId" | "householdId">): LeaseFormValues {
  return {
    lesseeNames: ["Ana Lima"],
    commencementDate: "2025-01-01",
    termYears: 99,
    renewalTermYears: 99,
    monthlyFeeCents: 3500,
    escalationKind: "fixed-percent",
    escalationRate: "0.03",
    feeDueDay: 1,
    purchaseOptionDays: 90,
    mortgages: [],
    riders: [],
    ...overrides,
  };
}

const FORWARD: LeaseStatus[] = ["executed", "recorded", "active"];

/** Moves a lease forward to `status` with plausible dates (execution = commencement, recording a week later). */
export async function advanceLease(db: Db, actor: AuditActor, leaseId: string, status: LeaseStatus, dates: { executionDate: string; endedOn?: string }) {
  const targets: TransitionValues["to"][] = status === "ended" || status === "assigned" ? [...FORWARD, status] as TransitionValues["to"][] : (FORWARD.slice(0, FORWARD.indexOf(status) + 1) as TransitionValues["to"][]);
  // recorded in the county of the trust (the demo trust's homes are in Addison County)
  const county = (await db.organisation.findUnique({ where: { id: actor.organisationId }, select: { county: true } }))?.county || "Chittenden";
  for (const to of targets) {
    const lease = await db.lease.findUniqueOrThrow({ where: { id: leaseId } });
    const recordingDate = addDays(dates.executionDate, 7);
    const result = await transitionLease(db, actor, leaseId, {
      intent: "transition",
      to,
      version: lease.version,
      executionDate: dates.executionDate,
      recordingCounty: county,
      recordingInstrument: `2025-${unique()}`,
      recordingBook: "1432",
      recordingPage: "88",
      recordingDate,
      endedOn: dates.endedOn,
    });
    if (!result.ok) throw new Error(`Cannot make lease ${to}: ${JSON.stringify(result)}`);
  }
  return db.lease.findUniqueOrThrow({ where: { id: leaseId } });
}

/** A lease (draft unless `status` says otherwise) on a new home, or on the given home and household. */
export async function createLease(
  db: Db,
  organisationId: string,
  options: { status?: LeaseStatus; homeId?: string; householdId?: string; values?: Partial<LeaseFormValues>; presetName?: string; today?: string } = {},
) {
  const actor = systemActor(organisationId, "Test factory");
  await completeOrganisation(db, organisationId);
  await ensureDefaultTemplate(db, organisationId);
  const presetName = options.presetName ?? (await seedDemoFormulaPresets(db, organisationId))[0]!.name;
  let homeId = options.homeId;
  let householdId = options.householdId;
  let lesseeNames = options.values?.lesseeNames;
  if (!homeId || !householdId) {
    const made = await createLeasableHome(db, organisationId);
    homeId ??= made.home.id;
    householdId ??= made.household.id;
    lesseeNames ??= made.members;
  }
  const result = await createLeaseRecord(
    db,
    actor,
    leaseValues({ homeId, householdId, formulaPresetName: presetName, ...(lesseeNames ? { lesseeNames } : {}), ...options.values }),
    { today: options.today },
  );
  if (!result.ok) throw new Error(`Cannot create lease: ${JSON.stringify(result)}`);
  if (options.status && options.status !== "draft") {
    const commencement = options.values?.commencementDate ?? "2025-01-01";
    await advanceLease(db, actor, result.id, options.status, { executionDate: commencement, endedOn: "2025-06-30" });
  }
  return db.lease.findUniqueOrThrow({ where: { id: result.id }, include: { lessees: true } });
}

/**
 * Demo leases on the organisation's existing homes and households (seeded before this by the parcels and
 * households seeds): one in each status draft, executed, recorded, active and ended, as far as there are
 * homes. Idempotent: does nothing when the organisation already has leases.
 */
export async function seedDemoLeases(db: Db, organisationId: string) {
  if ((await db.lease.count({ where: { organisationId } })) > 0) return [];
  const actor = systemActor(organisationId, "Demo seed");
  await completeOrganisation(db, organisationId);
  await ensureDefaultTemplate(db, organisationId);
  const presets = await seedDemoFormulaPresets(db, organisationId);
  const homes = await db.home.findMany({
    where: { organisationId, archivedAt: null },
    include: { parcel: true, ownerships: { where: { saleDate: null }, include: { household: { include: { members: { orderBy: { createdAt: "asc" } } } } } } },
    orderBy: { createdAt: "asc" },
  });
  const households = await db.household.findMany({ where: { organisationId, archivedAt: null }, include: { members: { orderBy: { createdAt: "asc" } } }, orderBy: { createdAt: "asc" } });
  if (homes.length === 0 || households.length === 0) return [];
  // The ended lease comes first (a former homeowner's lease on the first home, now under the active one);
  // the binding leases (executed, recorded, active) each need their own home.
  const plan: { status: LeaseStatus; home: number; commencementDate: string; feeCents: number; preset: number; riders: string[] }[] = [
    { status: "ended", home: 0, commencementDate: "2012-05-01", feeCents: 2500, preset: 0, riders: [] },
    { status: "active", home: 0, commencementDate: "2024-01-15", feeCents: 2500, preset: 0, riders: ["Fannie Mae Community Land Trust Ground Lease Rider"] },
    { status: "recorded", home: 1, commencementDate: "2024-10-01", feeCents: 3500, preset: 1, riders: [] },
    { status: "executed", home: 2, commencementDate: "2025-03-01", feeCents: 3500, preset: 2, riders: ["Fannie Mae Community Land Trust Ground Lease Rider"] },
    { status: "draft", home: 3, commencementDate: "2026-01-01", feeCents: 4000, preset: 0, riders: [] },
  ];
  const created = [];
  for (const [i, step] of plan.entries()) {
    const home = step.status === "draft" ? homes[step.home % homes.length]! : homes[step.home];
    if (!home) continue;
    // the ended lease belonged to a former homeowner: a household that owns nothing today
    const formerOwner = households.find((h) => !homes.some((x) => x.ownerships.some((o) => o.householdId === h.id)));
    const household = (step.status === "ended" ? formerOwner : home.ownerships[0]?.household) ?? households[i % households.length]!;
    const lesseeNames = household.members.length ? household.members.slice(0, 2).map((m) => m.fullName) : [household.name];
    const result = await createLeaseRecord(
      db,
      actor,
      leaseValues({
        homeId: home.id,
        householdId: household.id,
        lesseeNames,
        commencementDate: step.commencementDate,
        monthlyFeeCents: step.feeCents,
        formulaPresetName: presets[step.preset]!.name,
        riders: step.riders as LeaseFormValues["riders"],
        // the permitted mortgage is the owner's purchase mortgage, listed from the purchase (recorded once)
        mortgages: [],
      }),
      { today: `${step.commencementDate.slice(0, 4)}-12-31` },
    );
    if (!result.ok) continue;
    if (step.status !== "draft" && home.parcel.legalDescription.trim()) {
      await advanceLease(db, actor, result.id, step.status, { executionDate: step.commencementDate, endedOn: "2018-04-30" });
    }
    created.push(await db.lease.findUniqueOrThrow({ where: { id: result.id } }));
  }
  return created;
}
