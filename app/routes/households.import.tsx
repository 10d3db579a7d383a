import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { DryRunActions, FileOrPasteFields, ImportProblems } from "~/components/import-problems";
import { useResetKey } from "~/components/use-reset-key";
import { uploadedText } from "~/utils/upload.server";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { commitHouseholdImport, planHouseholdImport } from "~/modules/households/csv.server";
import { IMPORT_COLUMNS } from "~/modules/households/schemas";
import { db } from "~/utils/db.server";
import type { CsvRowError } from "~/utils/csv";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction = () => [{ title: "Import households · Commonground" }];

const MAX_BYTES = 5 * 1024 * 1024;

type ImportResult = {
  intent: "dry-run" | "commit";
  text: string;
  rows: { row: number; name: string; members: string[] }[];
  rowCount: number;
  errors: CsvRowError[];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "records:write");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const form = await readFormData(request);
  const text = (await uploadedText(form, "csv", MAX_BYTES)) ?? "";
  const intent = readIntent(form, ["dry-run", "commit"]);
  if (text.trim() === "") {
    return data<ImportResult>(
      { intent, text, rows: [], rowCount: 0, errors: [{ row: 0, column: "", message: "Paste the CSV or choose a file (at most 5 MB)." }] },
      { status: 400 },
    );
  }
  if (intent === "commit") {
    const result = await commitHouseholdImport(db(), auditActor(actor), text);
    if (result.ok) {
      return redirectWithToast("/households?sort=updated", {
        kind: "success",
        message: `${result.created} household${result.created === 1 ? " was" : "s were"} imported.`,
      });
    }
    return data<ImportResult>({ intent, text, rows: [], rowCount: 0, errors: result.plan.errors }, { status: 400 });
  }
  const plan = planHouseholdImport(text);
  return data<ImportResult>(
    {
      intent,
      text,
      rows: plan.rows.slice(0, 200).map((r) => ({ row: r.row, name: r.household.name, members: r.members.map((m) => m.fullName) })),
      rowCount: plan.rows.length,
      errors: plan.errors,
    },
    { status: plan.errors.length ? 400 : 200 },
  );
}

export default function ImportHouseholdsPage() {
  const result = useActionData<typeof action>() as ImportResult | undefined;
  const formKey = useResetKey(result);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const clean = result && result.intent === "dry-run" && result.errors.length === 0;
  return (
    <>
      <p>
        <Link to="/households">← Households</Link>
      </p>
      <h1>Import households</h1>
      <p>
        A CSV file with a header row. Columns: {Object.values(IMPORT_COLUMNS).map((c) => <code key={c}>{c}</code>).reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), [])}.
        Only <code>household_name</code> is required. Separate member names with “;”. <code>first_time_buyer</code>: yes / no / blank.
        Ethnicity and race: the HUD-9902 code (e.g. <code>not-hispanic</code>, <code>asian-white</code>, <code>declined</code>) or its label.
      </p>
      <p className="muted">Check first: the dry run lists every problem with its row and column and saves nothing. The import then saves every row or none.</p>
      {result ? (
        <section aria-labelledby="result-title" className="card">
          <h2 id="result-title" style={{ marginTop: 0 }}>
            {result.errors.length ? `${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} — nothing was imported` : "Dry run: no problems"}
          </h2>
          {result.errors.length ? (
            <ImportProblems problems={result.errors} />
          ) : (
            <>
              <p>
                {result.rowCount} household{result.rowCount === 1 ? "" : "s"} ready to import{result.rowCount > result.rows.length ? ` (first ${result.rows.length} shown)` : ""}:
              </p>
              <ul>
                {result.rows.map((r) => (
                  <li key={r.row}>
                    Row {r.row}: {r.name}
                    {r.members.length ? ` — ${r.members.join(", ")}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack card" key={formKey}>
        <FileOrPasteFields text={result?.text ?? ""} spellCheck={false} />
        <DryRunActions clean={clean} busy={busy} commitLabel="Import all" />
      </Form>
    </>
  );
}
