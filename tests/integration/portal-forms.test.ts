import { describe, expect, it } from "vitest";
import { loader as documentLoader } from "~/routes/documents.$documentId";
import { action as dueAction, loader as dueLoader } from "~/routes/my-home.due";
import { action as formAction, loader as formLoader } from "~/routes/my-home.forms.$kind";
import { loader as myHomeLoader } from "~/routes/my-home._index";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The homeowner's online forms (My home): the occupancy certification with proof of insurance, requests
 * (improvement, refinance, leave of absence) and the notice of intent to sell — each recorded where staff
 * work on it, its status shown on My home, bad input refused with nothing changed, and another household's
 * items not found.
 */
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function twoHouseholds() {
  const { organisation } = await createOrganisation(db());
  const today = todayIn(organisation.timeZone);
  const values = { commencementDate: "2024-01-15", monthlyFeeCents: 0 } as const;
  const homeA = await createLeasableHome(db(), organisation.id, { members: ["Grace Adeyemi"], streetAddress: "12 Orchard Lane", purchasePriceCents: 18_500_000 });
  const leaseA = await createLease(db(), organisation.id, { status: "active", homeId: homeA.home.id, householdId: homeA.household.id, values: { ...values, lesseeNames: homeA.members } });
  const homeB = await createLeasableHome(db(), organisation.id, { members: ["Bo Lindqvist"], streetAddress: "40 Birch Road", purchasePriceCents: 19_000_000 });
  const leaseB = await createLease(db(), organisation.id, { status: "active", homeId: homeB.home.id, householdId: homeB.household.id, values: { ...values, lesseeNames: homeB.members } });
  const ownerA = await createMember(db(), organisation.id, "homeowner", { householdId: homeA.household.id, name: "Grace Adeyemi" });
  const ownerB = await createMember(db(), organisation.id, "homeowner", { householdId: homeB.household.id, name: "Bo Lindqvist" });
  return {
    organisation,
    today,
    a: { ...homeA, lease: leaseA, cookie: await sessionCookieFor(ownerA.user.id, organisation.id) },
    b: { ...homeB, lease: leaseB, cookie: await sessionCookieFor(ownerB.user.id, organisation.id) },
  };
}

function multipart(path: string, fields: Record<string, string>, file: { bytes: Uint8Array; name: string; type: string } | null, cookie: string): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

type DueItem = { eventId: string | null; leaseId: string; scheduleKey: string | null; type: string; dueDate: string; status: string; statusLabel: string; answerable: boolean; href: string };
type MyHome = { due: DueItem[]; requests: { requests: { kind: string; statusLabel: string; receivedOn: string }[]; cases: { kind: string; status: string; steps: string[] }[] } };

async function myHome(cookie: string): Promise<MyHome> {
  return (await unwrap(await run(myHomeLoader, getRequest("/my-home", cookie)))).body as MyHome;
}

async function counts(organisationId: string) {
  return {
    events: await db().monitoringEvent.count({ where: { organisationId } }),
    documents: await db().storedDocument.count({ where: { organisationId } }),
    requests: await db().stewardshipRequest.count({ where: { organisationId } }),
    cases: await db().transferCase.count({ where: { organisationId } }),
  };
}

describe("the annual occupancy certification online", () => {
  it("lists what is due; refuses a missing attestation or a bad file with nothing stored; files the proof and marks the event submitted", async () => {
    const { organisation, today, a } = await twoHouseholds();
    const home = await myHome(a.cookie);
    // the lease commenced on 2024-01-15: a certification is due on each anniversary, 2025-01-15 first
    const certification = home.due.find((i) => i.type === "occupancy_certification" && i.dueDate === "2025-01-15")!;
    // long past its grace period, nobody having acted on it: "Overdue" is where it stands
    expect(certification).toMatchObject({ eventId: null, leaseId: a.lease.id, scheduleKey: "occupancy_certification:2025", status: "delinquent", statusLabel: "Overdue", answerable: true });
    const path = certification.href;
    expect(path).toBe(`/my-home/due?lease=${a.lease.id}&key=occupancy_certification%3A2025`);
    const page = await unwrap(await run(dueLoader, getRequest(path, a.cookie)));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).toContain("principal residence");

    const before = await counts(organisation.id);
    // no attestation
    const noAttest = await unwrap(await run(dueAction, multipart(path, {}, { bytes: PDF, name: "policy.pdf", type: "application/pdf" }, a.cookie)));
    expect(noAttest.status).toBe(400);
    expect(noAttest.body).toMatchObject({ field: "attest", message: expect.stringContaining("Tick the box") });
    // no file
    const noFile = await unwrap(await run(dueAction, multipart(path, { attest: "yes" }, null, a.cookie)));
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ field: "file", message: expect.stringContaining("Choose the file") });
    // a text file named .pdf
    const fake = await unwrap(await run(dueAction, multipart(path, { attest: "yes" }, { bytes: new TextEncoder().encode("not a pdf at all"), name: "policy.pdf", type: "application/pdf" }, a.cookie)));
    expect(fake.status).toBe(415);
    expect(fake.body).toMatchObject({ field: "file", message: expect.stringContaining("is not really a PDF") });
    expect(await counts(organisation.id)).toEqual(before);

    const sent = await unwrap(await run(dueAction, multipart(path, { attest: "yes" }, { bytes: PDF, name: "Declarations 2025.pdf", type: "application/pdf" }, a.cookie)));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/my-home");
    const event = await db().monitoringEvent.findFirstOrThrow({ where: { organisationId: organisation.id, leaseId: a.lease.id, scheduleKey: "occupancy_certification:2025" } });
    expect(event).toMatchObject({ type: "occupancy_certification", status: "submitted", submittedOn: today, householdId: a.household.id });
    expect(event.notes).toContain("certified");
    const [document] = await db().storedDocument.findMany({ where: { organisationId: organisation.id, ownerType: "monitoring_event", ownerId: event.id } });
    expect(document).toMatchObject({ name: "Declarations 2025.pdf", category: "insurance-declarations", sizeBytes: PDF.byteLength, householdId: a.household.id });

    // My home shows it sent; the same item cannot be sent twice
    const after = (await myHome(a.cookie)).due.find((i) => i.scheduleKey === "occupancy_certification:2025")!;
    expect(after).toMatchObject({ eventId: event.id, status: "submitted", statusLabel: "Sent — the trust is checking it", answerable: false });
    const again = await unwrap(await run(dueAction, multipart(`/my-home/due?event=${event.id}`, { attest: "yes" }, { bytes: PDF, name: "again.pdf", type: "application/pdf" }, a.cookie)));
    expect(again.status).toBe(409);
    // the homeowner reads their own proof back
    expect(((await run(documentLoader, getRequest(`/documents/${document!.id}`, a.cookie), { documentId: document!.id })) as Response).status).toBe(200);
  });

  it("another household's items, events and proof are not found (404) and cannot be answered", async () => {
    const { organisation, a, b } = await twoHouseholds();
    const pathA = `/my-home/due?lease=${a.lease.id}&key=occupancy_certification%3A2025`;
    await run(dueAction, multipart(pathA, { attest: "yes" }, { bytes: PDF, name: "A.pdf", type: "application/pdf" }, a.cookie));
    const eventA = await db().monitoringEvent.findFirstOrThrow({ where: { organisationId: organisation.id, leaseId: a.lease.id } });
    const docA = await db().storedDocument.findFirstOrThrow({ where: { organisationId: organisation.id, ownerId: eventA.id } });
    const before = await counts(organisation.id);
    for (const path of [pathA, `/my-home/due?event=${eventA.id}`, `/my-home/due?lease=${a.lease.id}&key=occupancy_certification%3A2026`]) {
      expect(((await run(dueLoader, getRequest(path, b.cookie))) as Response).status, path).toBe(404);
      expect(((await run(dueAction, multipart(path, { attest: "yes" }, { bytes: PDF, name: "B.pdf", type: "application/pdf" }, b.cookie))) as Response).status, path).toBe(404);
    }
    expect(((await run(documentLoader, getRequest(`/documents/${docA.id}`, b.cookie), { documentId: docA.id })) as Response).status).toBe(404);
    expect(await counts(organisation.id)).toEqual(before);
    expect(JSON.stringify(await myHome(b.cookie))).not.toContain(a.lease.id);
  });
});

describe("requests and the notice of intent to sell online", () => {
  it("records an improvement, a refinance and a leave of absence under the homeowner's lease, dated today, pending; bad input changes nothing", async () => {
    const { organisation, today, a, b } = await twoHouseholds();
    const before = await counts(organisation.id);
    const bad = await unwrap(await run(formAction, postRequest("/my-home/forms/improvement", { description: "New roof", costCents: "lots", completedOn: "2027-05-01" }, { cookie: a.cookie }), { kind: "improvement" }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Enter an amount in dollars");
    const backwards = await unwrap(await run(formAction, postRequest("/my-home/forms/leave-of-absence", { periodStart: "2027-03-01", periodEnd: "2027-02-01", reason: "Caring for my mother" }, { cookie: a.cookie }), { kind: "leave-of-absence" }));
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("The date you come back cannot be before the date you leave");
    // a mortgage of another household's lease is not one the homeowner can repay
    const otherMortgage = await db().permittedMortgage.create({ data: { organisationId: organisation.id, leaseId: b.lease.id, lender: "B Bank", amountCents: 10_000_000n, recordedOn: "2024-06-01" } });
    const foreign = await unwrap(await run(formAction, postRequest("/my-home/forms/refinance", { lender: "VHFA", principalCents: "150000", payoffCents: "140000", repays: otherMortgage.id }, { cookie: a.cookie }), { kind: "refinance" }));
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain("Choose mortgages listed on this lease");
    expect(await counts(organisation.id)).toEqual(before);

    for (const [kind, form] of [
      ["improvement", { description: "New roof", costCents: "18,500", completedOn: "2027-05-01" }],
      ["refinance", { lender: "VHFA", principalCents: "150000", payoffCents: "140000" }],
      ["leave-of-absence", { periodStart: "2027-02-01", periodEnd: "2027-06-30", reason: "Caring for my mother" }],
    ] as const) {
      const sent = await unwrap(await run(formAction, postRequest(`/my-home/forms/${kind}`, form, { cookie: a.cookie }), { kind }));
      expect(sent.status, kind).toBe(302);
    }
    const requests = await db().stewardshipRequest.findMany({ where: { organisationId: organisation.id }, orderBy: { createdAt: "asc" } });
    expect(requests.map((r) => [r.kind, r.status, r.leaseId, r.receivedOn])).toEqual([
      ["improvement", "pending", a.lease.id, today],
      ["refinance", "pending", a.lease.id, today],
      ["leave-of-absence", "pending", a.lease.id, today],
    ]);
    // $18,500 typed with a comma is 1,850,000 cents
    expect(requests[0]!.details).toMatchObject({ description: "New roof", costCents: 1_850_000, completedOn: "2027-05-01" });
    expect(requests[2]).toMatchObject({ periodStart: "2027-02-01", periodEnd: "2027-06-30" });
    // each request is also a monitoring event on the lease (the stewardship module keeps them in step), so it
    // shows under What is due beside the certifications
    const linked = await db().monitoringEvent.findMany({ where: { organisationId: organisation.id, leaseId: a.lease.id, type: { in: ["improvement_request", "refinance_request", "leave_of_absence_request"] } }, select: { type: true } });
    expect(linked.map((e) => e.type).sort()).toEqual(["improvement_request", "leave_of_absence_request", "refinance_request"]);
    expect((await myHome(a.cookie)).due.filter((i) => i.type.endsWith("_request")).map((i) => i.type).sort()).toEqual(["improvement_request", "leave_of_absence_request", "refinance_request"]);
    const shown = (await myHome(a.cookie)).requests.requests;
    expect(shown).toHaveLength(3);
    expect(shown.every((r) => r.statusLabel === "Waiting for the trust's decision")).toBe(true);
    // household B sees none of them
    expect((await myHome(b.cookie)).requests.requests).toEqual([]);
    // an unknown form is not found
    expect(((await run(formLoader, getRequest("/my-home/forms/demolish", a.cookie), { kind: "demolish" })) as Response).status).toBe(404);
  });

  it("the notice of intent to sell opens one resale case for staff on the homeowner's home; its status shows on My home", async () => {
    const { organisation, today, a, b } = await twoHouseholds();
    const unconfirmed = await unwrap(await run(formAction, postRequest("/my-home/forms/sell", { note: "" }, { cookie: a.cookie }), { kind: "sell" }));
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(unconfirmed.body)).toContain("Tick the box to confirm that you intend to sell");
    expect(await db().transferCase.count({ where: { organisationId: organisation.id } })).toBe(0);

    const sent = await unwrap(await run(formAction, postRequest("/my-home/forms/sell", { confirm: "yes", note: "Moving for work in June" }, { cookie: a.cookie }), { kind: "sell" }));
    expect(sent.status).toBe(302);
    const cases = await db().transferCase.findMany({ where: { organisationId: organisation.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ homeId: a.home.id, kind: "sale", status: "open", leaseId: a.lease.id, sellerHouseholdId: a.household.id, noticeDate: today, noticeMethod: "other" });
    expect(cases[0]!.noticeNote).toContain("Moving for work in June");

    const again = await unwrap(await run(formAction, postRequest("/my-home/forms/sell", { confirm: "yes" }, { cookie: a.cookie }), { kind: "sell" }));
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain("already has your home's sale");
    expect(await db().transferCase.count({ where: { organisationId: organisation.id } })).toBe(1);

    expect((await myHome(a.cookie)).requests.cases).toEqual([
      { id: cases[0]!.id, kind: "Sale by the homeowner", status: "open", steps: [`Notice of intent given on ${today}.`, "The trust is working out the price under your lease."] },
    ]);
    expect((await myHome(b.cookie)).requests.cases).toEqual([]);
  });

  it("a homeowner with no signed lease is told so and nothing is recorded", async () => {
    const { organisation } = await createOrganisation(db());
    const home = await createLeasableHome(db(), organisation.id, { members: ["Ira Newcomb"] });
    const owner = await createMember(db(), organisation.id, "homeowner", { householdId: home.household.id, name: "Ira Newcomb" });
    const cookie = await sessionCookieFor(owner.user.id, organisation.id);
    const result = await unwrap(await run(formAction, postRequest("/my-home/forms/sell", { confirm: "yes" }, { cookie }), { kind: "sell" }));
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain("There is no signed lease for your household");
    expect(await db().transferCase.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});
