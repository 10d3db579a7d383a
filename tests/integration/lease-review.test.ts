import { describe, expect, it } from "vitest";
import { ensureDefaultTemplate } from "~/modules/leases/templates.server";
import { loader as leaseLoader } from "~/routes/leases.$leaseId._index";
import { action as reviewAction, loader as versionLoader } from "~/routes/settings.lease-templates.$versionNumber";
import { loader as versionsLoader } from "~/routes/settings.lease-templates._index";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";
import { leaseDocumentText } from "./pdf-text";

// the default template's review notice, as printed (the red box)
const BOX = "IMPORTANT: This lease was produced from the Commonground default template";

async function setting() {
  const { organisation, user } = await createOrganisation(db(), { timeZone: "America/Chicago" });
  const executed = await createLease(db(), organisation.id, { status: "executed" });
  const draft = await createLease(db(), organisation.id);
  return { organisation, user, executed, draft, cookie: await sessionCookieFor(user.id, organisation.id) };
}

describe('"not legal advice" box and review by counsel', () => {
  it("prints on every lease until an admin marks the template version reviewed; then only on drafts", async () => {
    const s = await setting();
    expect(await leaseDocumentText(s.cookie, s.executed.id)).toContain(BOX);
    expect(await leaseDocumentText(s.cookie, s.draft.id)).toContain(BOX);

    // blank counsel: 400 next to the field, nothing stored
    const blank = await unwrap(await run(reviewAction, postRequest("/settings/lease-templates/1", { counsel: "  " }, { cookie: s.cookie }), { versionNumber: "1" }));
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ error: { counsel: ["Name the lawyer or firm who reviewed this version."] } });
    const template = await ensureDefaultTemplate(db(), s.organisation.id);
    expect(await db().leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id, versionNumber: 1 } })).toMatchObject({ reviewedAt: null, reviewedByCounsel: "" });

    // staff may not mark it; an unknown version is 404
    const staff = await createMember(db(), s.organisation.id, "staff");
    const staffCookie = await sessionCookieFor(staff.user.id, s.organisation.id);
    const forbidden = await unwrap(await run(reviewAction, postRequest("/settings/lease-templates/1", { counsel: "Jane Roe, Esq." }, { cookie: staffCookie }), { versionNumber: "1" }));
    expect(forbidden.status).toBe(403);
    const missing = await unwrap(await run(reviewAction, postRequest("/settings/lease-templates/9", { counsel: "Jane Roe, Esq." }, { cookie: s.cookie }), { versionNumber: "9" }));
    expect(missing.status).toBe(404);

    // the admin marks it: who and when recorded, audited
    const marked = await unwrap(await run(reviewAction, postRequest("/settings/lease-templates/1", { counsel: "Jane Roe, Esq., Roe & Partners" }, { cookie: s.cookie }), { versionNumber: "1" }));
    expect(marked.status).toBe(302);
    const version = await db().leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id, versionNumber: 1 } });
    expect(version).toMatchObject({ reviewedById: s.user.id, reviewedByLabel: "Avery Admin", reviewedByCounsel: "Jane Roe, Esq., Roe & Partners" });
    expect(Math.abs(version.reviewedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { organisationId: s.organisation.id, entity: "LeaseTemplateVersion", action: "review" } });
    expect(audit).toMatchObject({ entityId: version.id, actorLabel: "Avery Admin" });

    // a second mark is refused (409) and changes nothing
    const again = await unwrap(await run(reviewAction, postRequest("/settings/lease-templates/1", { counsel: "Someone Else" }, { cookie: s.cookie }), { versionNumber: "1" }));
    expect(again.status).toBe(409);
    expect((await db().leaseTemplateVersion.findUniqueOrThrow({ where: { id: version.id } })).reviewedByCounsel).toBe("Jane Roe, Esq., Roe & Partners");

    // the settings pages show it
    const { body: page } = await unwrap(await run(versionLoader, getRequest("/settings/lease-templates/1", s.cookie), { versionNumber: "1" }));
    expect(page).toMatchObject({ review: { counsel: "Jane Roe, Esq., Roe & Partners", markedBy: "Avery Admin" }, unprintedTerms: [] });
    const { body: list } = await unwrap(await run(versionsLoader, getRequest("/settings/lease-templates", s.cookie)));
    expect(list).toMatchObject({ versions: [{ versionNumber: 1, reviewedBy: "Jane Roe, Esq., Roe & Partners" }] });

    // an executed lease from the reviewed version: no box, the review on the title page; a draft keeps the box
    const signed = await leaseDocumentText(s.cookie, s.executed.id);
    expect(signed).not.toContain(BOX);
    expect(signed).not.toContain("It is not legal advice");
    expect(signed).toContain("Reviewed by counsel Jane Roe, Esq., Roe & Partners");
    expect(await leaseDocumentText(s.cookie, s.draft.id)).toContain(BOX);
  });

  it("a lease signed on an older version that does not print every term still produces its document, the missing terms stated in an added article", async () => {
    const s = await setting();
    const template = await ensureDefaultTemplate(db(), s.organisation.id);
    const v1 = await db().leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id, versionNumber: 1 } });
    // a version saved before the lender's cure period and the renewal notice window were fields: fixed words instead
    const old = JSON.parse(JSON.stringify(v1.content).replaceAll("{{lender_cure_days}}", "sixty (60)").replaceAll("{{renewal_notice_latest}}", "three (3) months"));
    const saved = await db().leaseTemplateVersion.create({ data: { organisationId: s.organisation.id, templateId: template.id, versionNumber: 2, content: old } });
    const lease = await createLease(db(), s.organisation.id, { status: "executed" }); // signed on version 2
    expect(lease.templateVersionId).toBe(saved.id);

    const text = await leaseDocumentText(s.cookie, lease.id);
    expect(text).toMatch(/ARTICLE \d+ ADDITIONAL TERMS/);
    expect(text).toContain("The following terms are recorded on this Lease and are part of it.");
    // the lease's own values (defaults: lender cure 120 days, renewal notice no later than 6 months before expiry)
    expect(text).toContain("A Permitted Mortgagee shall give the Trust one hundred twenty (120) days after its notice to cure a default of the Homeowner.");
    expect(text).toContain("Notice of renewal must be given no later than six (6) months before the Expiration Date.");
    // the version's own text is kept as it was
    expect(text).toContain("sixty (60)");

    // the lease page lists no error; the version page says what documents add
    const { body } = await unwrap(await run(leaseLoader, getRequest(`/leases/${lease.id}`, s.cookie), { leaseId: lease.id }));
    expect(body).toMatchObject({ documents: { ready: true } });
    const { body: page } = await unwrap(await run(versionLoader, getRequest("/settings/lease-templates/2", s.cookie), { versionNumber: "2" }));
    expect((page as { unprintedTerms: { field: string }[] }).unprintedTerms.map((t) => t.field)).toEqual(["lender_cure_days", "renewal_notice_latest"]);
  });
});
