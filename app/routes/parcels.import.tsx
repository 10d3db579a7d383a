import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { FileOrPasteFields, ImportProblems } from "~/components/import-problems";
import { useResetKey } from "~/components/use-reset-key";
import { uploadedText } from "~/utils/upload.server";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { PARCEL_CSV_COLUMNS } from "~/modules/parcels/csv-columns";
import { commitParcelImport, previewParcelImport } from "~/modules/parcels/csv.server";
import type { CsvRowError } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction = () => [{ title: "Import parcels · Commonground" }];

const MAX_BYTES = 5 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "records:write");
  return null;
}

type ImportActionData = {
  csv: string;
  errors: CsvRowError[];
  summary: { parcelCount: number; homeCount: number; rowCount: number } | null;
  message?: string;
};

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BYTES) {
    return data<ImportActionData>({ csv: "", errors: [], summary: null, message: "The file is larger than 5 MB. Split it into smaller files." }, { status: 413 });
  }
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["preview", "commit"]);
  const csv = await uploadedText(formData, "csv", MAX_BYTES);
  if (!csv) return data<ImportActionData>({ csv: "", errors: [], summary: null, message: "Choose a CSV file or paste its contents." }, { status: 400 });
  if (intent === "commit") {
    const result = await commitParcelImport(db(), auditActor(actor), csv);
    if (!result.ok) {
      return data<ImportActionData>({ csv, errors: result.errors, summary: null, message: "Nothing was imported: the file has errors." }, { status: 400 });
    }
    return redirectWithToast("/parcels", {
      kind: "success",
      message: `Imported ${result.parcelCount} parcel${result.parcelCount === 1 ? "" : "s"} and ${result.homeCount} home${result.homeCount === 1 ? "" : "s"}.`,
    });
  }
  const preview = await previewParcelImport(db(), actor.organisationId, csv);
  return data<ImportActionData>(
    { csv, errors: preview.errors, summary: { parcelCount: preview.parcelCount, homeCount: preview.homeCount, rowCount: preview.rowCount } },
    { status: preview.errors.length ? 400 : 200 },
  );
}

export default function ImportParcelsPage() {
  const result = useActionData<typeof action>() as ImportActionData | undefined;
  const formKey = useResetKey(result);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <p>
        <Link to="/parcels">← Parcels</Link>
      </p>
      <h1>Import parcels from a spreadsheet</h1>
      <p>
        Save your spreadsheet as CSV with a header row. One row per home; rows with the same parcel number add homes to the
        same parcel. Required columns: <code>parcel_number</code>, <code>street_address</code>. Other columns:{" "}
        {Object.values(PARCEL_CSV_COLUMNS)
          .slice(2)
          .map((column, index) => (
            <span key={column}>
              {index ? ", " : ""}
              <code>{column}</code>
            </span>
          ))}
        . Amounts in dollars, dates as YYYY-MM-DD. The export from the parcel list uses the same columns.
      </p>
      <p>First we check every row and list any problems; nothing is saved until you confirm, and then either every row is imported or none.</p>
      <Form method="post" encType="multipart/form-data" className="card stack" key={formKey}>
        <FileOrPasteFields text={result?.csv ?? ""} rows={6} />
        <div>
          <button type="submit" name="intent" value="preview" className="primary" disabled={busy}>
            Check the file
          </button>
        </div>
      </Form>
      {result?.message ? (
        <div className="form-errors" role="alert">
          <p>{result.message}</p>
        </div>
      ) : null}
      {result && result.errors.length > 0 ? (
        <section aria-labelledby="import-errors">
          <h2 id="import-errors">
            {result.errors.length} problem{result.errors.length === 1 ? "" : "s"} to fix
          </h2>
          <ImportProblems problems={result.errors} />
          <p>Fix these rows in your spreadsheet (or in the box above) and check the file again.</p>
        </section>
      ) : null}
      {result?.summary && result.errors.length === 0 ? (
        <Form method="post" encType="multipart/form-data" className="card stack">
          <p role="status">
            The file is valid: {result.summary.parcelCount} parcel{result.summary.parcelCount === 1 ? "" : "s"} and {result.summary.homeCount} home
            {result.summary.homeCount === 1 ? "" : "s"} will be imported.
          </p>
          <input type="hidden" name="csv" value={result.csv} />
          <div>
            <button type="submit" name="intent" value="commit" className="primary" disabled={busy}>
              Import {result.summary.parcelCount} parcel{result.summary.parcelCount === 1 ? "" : "s"}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
