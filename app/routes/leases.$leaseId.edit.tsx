import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { FROZEN_MESSAGE, getLease, leaseEscalation, leaseFormOptions, leaseRiders, updateDraftLease } from "~/modules/leases/leases.server";
import { LeaseFormSchema } from "~/modules/leases/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { centsToString, rateToPercent } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";
import { LeaseForm } from "./leases.new";

import { timedTermFormValues } from "~/components/lease-terms";
import { timedTermsOf } from "~/modules/leases/terms";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Edit draft lease · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const lease = await getLease(db(), actor.organisationId, params.leaseId ?? "");
  if (!lease) throw new Response("Lease not found", { status: 404 });
  if (lease.status !== "draft") return redirectWithToast(`/leases/${lease.id}`, { kind: "error", message: FROZEN_MESSAGE });
  const escalation = leaseEscalation(lease);
  return {
    options: await leaseFormOptions(db(), actor.organisationId),
    lease: { id: lease.id, reference: lease.reference },
    defaultValue: {
      version: String(lease.version),
      homeId: lease.homeId,
      householdId: lease.householdId,
      lesseeNames: lease.lessees.map((l) => l.fullName).join("\n"),
      executionDate: lease.executionDate ?? "",
      commencementDate: lease.commencementDate,
      termYears: String(lease.termYears),
      renewalTermYears: String(lease.renewalTermYears),
      monthlyFeeCents: centsToString(lease.monthlyFeeCents),
      escalationKind: escalation.kind,
      escalationRate: escalation.kind === "fixed-percent" ? rateToPercent(escalation.annualRate) : "",
      escalationCap: escalation.kind === "index" ? rateToPercent(escalation.cap) : "",
      escalationIndexName: escalation.kind === "index" ? escalation.indexName ?? "" : "",
      ...timedTermFormValues(timedTermsOf(lease)),
      formulaPresetName: lease.formulaPresetName,
      // the purchase mortgage is listed from the purchase (not typed); released mortgages are history
      mortgages: lease.permittedMortgages.filter((m) => m.ownershipId === null && m.releasedOn === null).map((m) => ({ lender: m.lender, amountCents: centsToString(m.amountCents), recordedOn: m.recordedOn })),
      riders: leaseRiders(lease),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: LeaseFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!submission.value.version) return data(submission.reply({ formErrors: ["The form is missing the record version; reload the page."] }), { status: 400 });
  try {
    const result = await updateDraftLease(db(), auditActor(actor), params.leaseId ?? "", submission.value.version, submission.value);
    if (!result.ok) {
      const frozen = result.formErrors?.includes(FROZEN_MESSAGE);
      return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: frozen ? 409 : 400 });
    }
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
  return redirectWithToast(`/leases/${params.leaseId}`, { kind: "success", message: "The draft lease was saved." });
}

export default function EditLeasePage() {
  const { options, lease, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div style={{ maxWidth: "60rem" }}>
      <p>
        <Link to={`/leases/${lease.id}`}>← {lease.reference}</Link>
      </p>
      <h1>Edit draft lease {lease.reference}</h1>
      <LeaseForm id={`lease-${lease.id}-${defaultValue.version}`} options={options} lastResult={lastResult} defaultValue={defaultValue} submitLabel="Save draft" />
    </div>
  );
}
