import { todayIn } from "~/utils/calendar-date";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { LeaseFeesPanel, type FeeActionResult } from "~/modules/lease-fees/components";
import { LeaseFeeError, leaseFeesPanel, leaseReference, recordPayment, recordWaiver, reverseEntry } from "~/modules/lease-fees/ledger.server";
import { ledgerActionSchema } from "~/modules/lease-fees/schemas";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { formatUsd, centsToString } from "~/utils/money";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { formErrorsOf, formStatusOf } from "~/utils/errors";

/** The lease-fee ledger of one lease: payments, waivers and reversals post here (the lease page shows the same panel). */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Lease fees ${data?.reference ?? ""} · Commonground` }];

async function panel(request: Request, leaseId: string) {
  const actor = await requirePermission(request, "records:read");
  const lease = await leaseReference(db(), actor.organisationId, leaseId);
  if (!lease) throw new Response("Lease not found", { status: 404 });
  const url = new URL(request.url);
  const fees = await leaseFeesPanel(db(), auditActor(actor), lease.id, todayIn(actor.timeZone), url.searchParams.get("payoffDate"));
  return { reference: lease.reference, leaseId: lease.id, fees, canWrite: can(actor.role, "records:write") };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return panel(request, params.leaseId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const leaseId = params.leaseId ?? "";
  const formData = await readFormData(request);
  const intent: FeeActionResult["intent"] = readIntent(formData, ledgerActionSchema);
  const submission = parseWithZod(formData, { schema: ledgerActionSchema });
  const reply = async (result: FeeActionResult["result"], status: number) => data({ ...(await panel(request, leaseId)), last: { intent, result } satisfies FeeActionResult }, { status });
  if (submission.status !== "success") return reply(submission.reply(), 400);
  const value = submission.value;
  try {
    const today = todayIn(actor.timeZone);
    if (value.intent === "payment") {
      await recordPayment(db(), auditActor(actor), leaseId, value, today);
      return redirectWithToast(`/leases/${leaseId}#fees`, { kind: "success", message: `Payment of ${formatUsd(centsToString(value.amount))} recorded.` });
    }
    if (value.intent === "waiver") {
      await recordWaiver(db(), auditActor(actor), leaseId, value, today);
      return redirectWithToast(`/leases/${leaseId}#fees`, { kind: "success", message: `Waiver of ${formatUsd(centsToString(value.amount))} recorded.` });
    }
    await reverseEntry(db(), auditActor(actor), leaseId, value, today);
    return redirectWithToast(`/leases/${leaseId}#fees`, { kind: "success", message: "The entry was reversed." });
  } catch (error) {
    if (error instanceof LeaseFeeError) {
      if (error.kind === "not-found" && !error.field) throw error;
      return reply(submission.reply(formErrorsOf(error)), formStatusOf(error));
    }
    throw error;
  }
}

export default function LeaseFeesPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const view = actionData ?? loaderData;
  const [params] = useSearchParams();
  // the entry chosen from the ledger ("Reverse…"), or the one whose reversal was just refused
  const refused = actionData?.last.intent === "reversal" ? (actionData.last.result.initialValue as { entryId?: unknown } | null | undefined)?.entryId : undefined;
  const reversing = typeof refused === "string" ? refused : params.get("reverse");
  return (
    <>
      <p>
        <Link to={`/leases/${view.leaseId}`}>← Ground lease {view.reference}</Link>
      </p>
      <h1>Lease fees — {view.reference}</h1>
      <LeaseFeesPanel leaseId={view.leaseId} fees={view.fees} canWrite={view.canWrite} last={actionData?.last} reversing={reversing} />
    </>
  );
}
