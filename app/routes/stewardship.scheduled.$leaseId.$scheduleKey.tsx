import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/session.server";
import { MONITORING_EVENT_TYPES } from "~/modules/stewardship/events";
import { scheduledPageAction, scheduledPageData } from "~/web/stewardship-event-page.server";
import { EventView, type EventActionReply } from "~/modules/stewardship/event-view";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? MONITORING_EVENT_TYPES[data.event.type] : "Event"} · Commonground` }];

/** A lease's scheduled occurrence (e.g. the 2026 occupancy certification) before anyone acted on it; acting stores it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const page = await scheduledPageData(db(), actor, params.leaseId ?? "", params.scheduleKey ?? "");
  if (!page) throw new Response("Scheduled event not found", { status: 404 });
  if ("redirect" in page && page.redirect) throw redirect(page.redirect);
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return scheduledPageAction(db(), actor, params.leaseId ?? "", params.scheduleKey ?? "", await readFormData(request));
}

export default function ScheduledEventPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as EventActionReply;
  return <EventView data={data} reply={reply} returnTo="/stewardship" />;
}
