import { todayIn } from "~/utils/calendar-date";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { DryRunActions, FileOrPasteFields, ImportProblems } from "~/components/import-problems";
import { useResetKey } from "~/components/use-reset-key";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { money } from "~/modules/lease-fees/components";
import { importPayments, type PaymentImportResult } from "~/modules/lease-fees/ledger.server";
import { PAYMENT_CSV_COLUMNS } from "~/modules/lease-fees/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { uploadedText } from "~/utils/upload.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction = () => [{ title: "Import payments · Commonground" }];

const MAX_BYTES = 5 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "records:write");
  return null;
}

type ActionResult = { intent: "dry-run" | "commit"; text: string; result: PaymentImportResult };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const form = await readFormData(request);
  const text = (await uploadedText(form, "csv", MAX_BYTES)) ?? "";
  const intent = readIntent(form, ["dry-run", "commit"]);
  if (text.trim() === "") {
    const empty: PaymentImportResult = { ok: false, committed: false, rows: [], errors: [{ row: 0, column: "", message: "Paste the CSV or choose a file (at most 5 MB)." }], totalCents: 0 };
    return data<ActionResult>({ intent, text, result: empty }, { status: 400 });
  }
  const result = await importPayments(db(), auditActor(actor), text, { dryRun: intent === "dry-run", today: todayIn(actor.timeZone) });
  if (result.committed) {
    return redirectWithToast("/fees", { kind: "success", message: `${result.rows.length} payment${result.rows.length === 1 ? "" : "s"} of ${money(result.totalCents)} in total recorded.` });
  }
  return data<ActionResult>({ intent, text, result: { ...result, rows: result.rows.slice(0, 500) } }, { status: result.ok ? 200 : 400 });
}

export default function ImportPaymentsPage() {
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const formKey = useResetKey(actionData);
  const busy = useNavigation().state === "submitting";
  const result = actionData?.result;
  const clean = actionData?.intent === "dry-run" && result?.ok;
  return (
    <>
      <p>
        <Link to="/fees">← Lease fees</Link>
      </p>
      <h1>Import payments from a bank file</h1>
      <p>
        A CSV file with a header row and the columns {Object.values(PAYMENT_CSV_COLUMNS).map((column) => <code key={column}>{column} </code>)}
        (Lease = the lease reference, Date = YYYY-MM-DD, Amount in dollars; Method and Reference may be blank).
      </p>
      <p className="muted">Check first: the dry run lists every problem with its row and column and records nothing. The import then records every payment or none.</p>
      {result ? (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title" style={{ marginTop: 0 }}>
            {result.errors.length ? `${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} — nothing was recorded` : `Dry run: ${result.rows.length} payments, ${money(result.totalCents)} in total, no problems`}
          </h2>
          {result.errors.length ? (
            <ImportProblems problems={result.errors} />
          ) : (
            <ul>
              {result.rows.map((row) => (
                <li key={row.row}>
                  Row {row.row}: {row.leaseReference}, {row.date}, {money(row.amountCents)}
                  {row.reference ? ` (${row.reference})` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack card" key={formKey}>
        <FileOrPasteFields text={actionData?.text ?? ""} spellCheck={false} />
        <DryRunActions clean={clean} busy={busy} commitLabel="Record the payments" commitAlways />
      </Form>
    </>
  );
}
