import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/session.server";
import { MONITORING_EVENT_TYPES } from "~/modules/stewardship/events";
import { eventPageAction, eventPageData } from "~/web/stewardship-event-page.server";
import { EventView, type EventActionReply } from "~/modules/stewardship/event-view";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? MONITORING_EVENT_TYPES[data.event.type] : "Event"} · Commonground` }];

/** A monitoring event: staff see and act on every event of the trust; a homeowner sees and submits their own. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const page = await eventPageData(db(), actor, params.eventId ?? "");
  if (!page) throw new Response("Monitoring event not found", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return eventPageAction(db(), actor, params.eventId ?? "", await readFormData(request));
}

export default function EventPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as EventActionReply;
  return <EventView data={data} reply={reply} returnTo={`/stewardship/events/${data.event.id}`} />;
}
