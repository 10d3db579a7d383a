import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { IntentErrors } from "~/modules/governance/components";
import { castBallot, openElectionsFor } from "~/modules/governance/elections.server";
import { listClasses, voterKeyForUser } from "~/modules/governance/members.server";
import { ballotChoices } from "~/modules/governance/schemas";
import { db } from "~/utils/db.server";
import { intentFailure } from "~/utils/intent-reply.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction = () => [{ title: "Vote · Commonground" }];

/** Members vote online here. Who votes comes from the sign-in, never from the form. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "ballot:cast-online");
  const voterKey = await voterKeyForUser(db(), actor);
  const [elections, classes] = await Promise.all([openElectionsFor(db(), actor.organisationId, voterKey), listClasses(db(), actor.organisationId)]);
  const className = new Map(classes.map((c) => [c.id, c.name]));
  return {
    elections: elections.map(({ election, voted, refusal, classes: voteClasses }) => ({
      id: election.id,
      meeting: { title: election.meeting.title, date: election.meeting.date },
      voted,
      refusal,
      ballots: voteClasses.map((classId) => ({
        classId,
        className: className.get(classId) ?? "",
        seats: election.seats.filter((s) => s.classId === classId).length,
        candidates: election.candidates.filter((c) => c.classId === classId).map((c) => ({ id: c.id, name: c.name })),
      })),
    })),
  };
}

const Schema = z.object({ intent: z.literal("vote"), electionId: z.string().min(1) });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "ballot:cast-online");
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure("vote", submission);
  const voterKey = await voterKeyForUser(db(), actor);
  if (!voterKey) return intentFailure("vote", submission, { formErrors: ["Your sign-in is not linked to a membership. Ask the trust's staff."] });
  const result = await castBallot(db(), auditActor(actor), { electionId: submission.value.electionId, voterKey, channel: "online", choices: ballotChoices(form) });
  if (!result.ok) return intentFailure("vote", submission, result);
  return redirectWithToast("/vote", { kind: "success", message: "Thank you: your vote is counted. Your ballot is secret; the trust records only that you voted." });
}

export default function VotePage() {
  const { elections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Vote</h1>
      <IntentErrors actionData={actionData} intent="vote" />
      {elections.length === 0 ? <p>No election is open for online voting.</p> : null}
      {elections.map((e) => (
        <section key={e.id} className="card stack">
          <h2 style={{ marginTop: 0 }}>{e.meeting.title}, {formatScreenDate(e.meeting.date)}</h2>
          {e.voted ? (
            <p className="badge badge-ok">You have voted in this election.</p>
          ) : e.refusal ? (
            <p>{e.refusal}</p>
          ) : (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="vote" />
              <input type="hidden" name="electionId" value={e.id} />
              {e.ballots.map((b) => (
                <fieldset key={b.classId}>
                  <legend>{b.className} seats: choose up to {b.seats}</legend>
                  {b.candidates.map((c) => (
                    <div key={c.id} className="field field-checkbox">
                      <input type="checkbox" id={`vote-${c.id}`} name={`choice.${b.classId}`} value={c.id} />
                      <label htmlFor={`vote-${c.id}`}>{c.name}</label>
                    </div>
                  ))}
                </fieldset>
              ))}
              <p className="muted">Your ballot is secret: the trust records that you voted, not how.</p>
              <div className="actions"><button type="submit" className="primary">Cast my vote</button></div>
            </Form>
          )}
        </section>
      ))}
    </>
  );
}
