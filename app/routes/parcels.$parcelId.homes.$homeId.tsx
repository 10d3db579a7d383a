import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { recordVersion } from "~/utils/form-fields";
import { FormErrors, FormErrorSummary } from "~/components/forms";
import { HomeFieldset } from "~/components/parcel-fieldset";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { getHome, setHomeArchived, updateHome } from "~/modules/parcels/parcels.server";
import { HOME_TYPE_LABELS, HomeFields } from "~/modules/parcels/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Edit home · Commonground" }];

const EditHomeSchema = z.object({ ...HomeFields, version: recordVersion() });
const ArchiveSchema = z.object({ version: recordVersion() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const home = await getHome(db(), actor.organisationId, params.parcelId ?? "", params.homeId ?? "");
  if (!home) throw new Response("Home not found", { status: 404 });
  return {
    home: {
      id: home.id,
      version: String(home.version),
      label: home.label,
      homeType: home.homeType,
      bedrooms: String(home.bedrooms),
      bathrooms: home.bathrooms,
      floorAreaSqft: home.floorAreaSqft === null ? undefined : String(home.floorAreaSqft),
      yearBuilt: home.yearBuilt === null ? undefined : String(home.yearBuilt),
      archived: home.archivedAt !== null,
    },
    parcel: home.parcel,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const parcelId = params.parcelId ?? "";
  const homeId = params.homeId ?? "";
  const home = await getHome(db(), actor.organisationId, parcelId, homeId);
  if (!home) throw new Response("Home not found", { status: 404 });
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["save", "archive", "restore"]);
  const who = auditActor(actor);
  if (intent === "archive" || intent === "restore") {
    const submission = parseWithZod(formData, { schema: ArchiveSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply({ formErrors: ["The page is out of date: reload it and try again."] }) }, { status: 400 });
    try {
      const result = await setHomeArchived(db(), who, homeId, submission.value.version, intent === "archive");
      if (!result.ok) return data({ intent, result: submission.reply({ formErrors: [result.message] }) }, { status: 409 });
    } catch (error) {
      if (error instanceof StaleRecordError) return data({ intent, result: submission.reply({ formErrors: [error.message] }) }, { status: 409 });
      throw error;
    }
    return redirectWithToast(`/parcels/${parcelId}#home-${homeId}`, {
      kind: "success",
      message: intent === "archive" ? "The home was archived. Its history is kept." : "The home was restored.",
    });
  }
  const submission = parseWithZod(formData, { schema: EditHomeSchema });
  if (submission.status !== "success") return data({ intent: "save", result: submission.reply() }, { status: 400 });
  const { version, ...input } = submission.value;
  try {
    await updateHome(db(), who, homeId, version, input);
  } catch (error) {
    if (error instanceof StaleRecordError) return data({ intent: "save", result: submission.reply({ formErrors: [error.message] }) }, { status: 409 });
    throw error;
  }
  return redirectWithToast(`/parcels/${parcelId}#home-${homeId}`, { kind: "success", message: "The home was saved." });
}

export default function EditHomePage() {
  const { home, parcel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `edit-home-${home.id}-${home.version}`,
    lastResult: actionData?.intent === "save" ? actionData.result : undefined,
    defaultValue: home,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditHomeSchema }),
    shouldRevalidate: "onInput",
  });
  const archiveErrors = actionData && actionData.intent !== "save" ? actionData.result.error?.[""] : undefined;
  const name = `${HOME_TYPE_LABELS[home.homeType]}${home.label ? ` — ${home.label}` : ""}`;
  return (
    <>
      <p>
        <Link to={`/parcels/${parcel.id}#home-${home.id}`}>
          ← Parcel {parcel.parcelNumber}, {parcel.streetAddress}
        </Link>
      </p>
      <h1>
        Edit home: {name} {home.archived ? <span className="badge badge-warn">Archived</span> : null}
      </h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={home.version} />
        <FormErrorSummary form={form} />
        <HomeFieldset fields={fields} legend="Home" />
        <div className="actions">
          <button type="submit" className="primary">
            Save home
          </button>
          <Link to={`/parcels/${parcel.id}#home-${home.id}`}>Cancel</Link>
        </div>
      </Form>
      <section className="card" aria-labelledby="archive-home" style={{ marginTop: "1.5rem" }}>
        <h2 id="archive-home" style={{ marginTop: 0 }}>
          {home.archived ? "Restore" : "Archive"}
        </h2>
        <p>
          {home.archived
            ? "An archived home is left out of pickers and lists; restoring it brings it back."
            : "Archiving leaves the home out of pickers and lists and keeps its history. A home with a current homeowner or a signed lease cannot be archived."}
        </p>
        <FormErrors errors={archiveErrors ?? undefined} />
        <Form method="post">
          <input type="hidden" name="version" value={home.version} />
          <button type="submit" name="intent" value={home.archived ? "restore" : "archive"} className={home.archived ? "secondary" : "danger"}>
            {home.archived ? "Restore home" : "Archive home"}
          </button>
        </Form>
      </section>
    </>
  );
}
