import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireActor, switchOrganisation } from "~/modules/auth/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

/** Switches the signed-in person to another of their organisations (the header's organisation menu). */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const organisationId = String((await readFormData(request)).get("organisationId") ?? "");
  if (!(await switchOrganisation(request, actor, organisationId))) {
    throw new Response("You are not a member of that organisation.", { status: 403 });
  }
  const name = actor.organisations.find((o) => o.id === organisationId)!.name;
  return redirectWithToast("/", { kind: "info", message: `You are now working in ${name}.` });
}
