import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditHistory } from "~/components/audit-history";
import { auditActor } from "~/modules/audit/audit.server";
import { getEligibilitySettings } from "~/modules/income-limits/income-limits.server";
import { requirePermission } from "~/modules/auth/session.server";
import {
  addMember,
  getHousehold,
  householdAuditHistory,
  householdSummary,
  recordSale,
  removeMember,
  setHouseholdArchived,
} from "~/modules/households/households.server";
import { ArchiveSchema, MemberSchema, RemoveMemberSchema, SaleSchema } from "~/modules/households/schemas";
import { householdHistoryView, householdView } from "~/modules/households/household-view";
import { ArchiveForm, CertificationsSection, HomesOwnedSection, Members } from "~/modules/households/household-sections";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.household.name ?? "Household"} · Commonground` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const household = await getHousehold(db(), actor.organisationId, params.householdId ?? "");
  if (!household) throw new Response("Household not found", { status: 404 });
  const [history, eligibilitySettings] = await Promise.all([
    householdAuditHistory(db(), actor.organisationId, household),
    getEligibilitySettings(db(), actor.organisationId),
  ]);
  return {
    auditTimeZone: actor.timeZone,
    canWrite: can(actor.role, "records:write"),
    household: householdView(household, eligibilitySettings.certificationValidityMonths),
    history: householdHistoryView(history),
  };
}

type ActionResult = { intent: string; reply: SubmissionResult<string[]> };

function reply(intent: string, result: SubmissionResult<string[]>, status: number) {
  return data<ActionResult>({ intent, reply: result }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const id = params.householdId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["add-member", "remove-member", "archive", "restore", "record-sale"]);
  const who = auditActor(actor);
  const exists = await householdSummary(db(), actor.organisationId, id);
  if (!exists) throw new Response("Household not found", { status: 404 });
  const back = `/households/${id}`;

  switch (intent) {
    case "add-member": {
      const submission = parseWithZod(formData, { schema: MemberSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      await addMember(db(), who, id, submission.value);
      return redirectWithToast(back, { kind: "success", message: `${submission.value.fullName} was added to the household.` });
    }
    case "remove-member": {
      const submission = parseWithZod(formData, { schema: RemoveMemberSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      await removeMember(db(), who, id, submission.value.memberId);
      return redirectWithToast(back, { kind: "success", message: "The member was removed from the household." });
    }
    case "archive":
    case "restore": {
      const submission = parseWithZod(formData, { schema: ArchiveSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        const result = await setHouseholdArchived(db(), who, id, intent === "archive", submission.value.version);
        if (!result.ok) return reply(intent, submission.reply({ formErrors: [result.message] }), 400);
      } catch (error) {
        if (error instanceof StaleRecordError) return reply(intent, submission.reply({ formErrors: [error.message] }), 409);
        throw error;
      }
      return redirectWithToast(back, { kind: "success", message: intent === "archive" ? `${exists.name} was archived.` : `${exists.name} was restored.` });
    }
    case "record-sale": {
      const submission = parseWithZod(formData, { schema: SaleSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        const result = await recordSale(db(), who, id, submission.value);
        if (!result.ok) return reply(intent, submission.reply({ fieldErrors: { [result.field]: [result.message] } }), 400);
      } catch (error) {
        if (error instanceof StaleRecordError) return reply(intent, submission.reply({ formErrors: [error.message] }), 409);
        throw error;
      }
      return redirectWithToast(back, { kind: "success", message: "The sale was recorded; the home has no current owner now." });
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function HouseholdPage() {
  const { household, history, canWrite, auditTimeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const current = household.ownerships.find((o) => !o.saleDate);
  return (
    <>
      <p>
        <Link to="/households">← Households</Link>
      </p>
      <div className="page-header">
        <h1>
          {household.name} {household.archived ? <span className="badge">Archived</span> : null}
        </h1>
        {canWrite ? (
          <div className="actions">
            <Link className="button secondary" to="edit">
              Edit
            </Link>
            {!household.archived ? (
              <>
                <Link className="button" to="certifications/new">
                  Certify income
                </Link>
                {current ? null : (
                  <Link className="button secondary" to="purchase">
                    Record a purchase
                  </Link>
                )}
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title" style={{ marginTop: 0 }}>
          Contact and demographics
        </h2>
        <dl className="details">
          <dt>Email</dt>
          <dd>{household.email || "—"}</dd>
          <dt>Phone</dt>
          <dd>{household.phone || "—"}</dd>
          <dt>Mailing address</dt>
          <dd style={{ whiteSpace: "pre-line" }}>{household.mailingAddress || "—"}</dd>
          <dt>First-time homebuyer</dt>
          <dd>{household.firstTimeBuyer === null ? "Not recorded" : household.firstTimeBuyer ? "Yes" : "No"}</dd>
          <dt>Ethnicity</dt>
          <dd>{household.ethnicity}</dd>
          <dt>Race</dt>
          <dd>{household.race}</dd>
        </dl>
      </section>

      <Members household={household} canWrite={canWrite && !household.archived} result={result} />

      <CertificationsSection household={household} />

      <HomesOwnedSection household={household} current={current} canWrite={canWrite} result={result} />

      {canWrite ? <ArchiveForm household={household} result={result} /> : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <AuditHistory entries={history} timeZone={auditTimeZone} />
      </section>
    </>
  );
}
