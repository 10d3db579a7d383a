import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { IntentErrors } from "~/modules/governance/components";
import { addCandidate, castBallot, certifyElection, closeVoting, electionResults, getElection, turnout, votedKeys } from "~/modules/governance/elections.server";
import { listClasses, memberRoll } from "~/modules/governance/members.server";
import { ballotChoices, CandidateSchema, ELECTION_STATUS_LABELS } from "~/modules/governance/schemas";
import { db } from "~/utils/db.server";
import { intentFailure } from "~/utils/intent-reply.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction = () => [{ title: "Election · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const election = await getElection(db(), actor.organisationId, params.electionId ?? "");
  if (!election) throw new Response("No such election.", { status: 404 });
  const [classes, roll, voted, counts] = await Promise.all([
    listClasses(db(), actor.organisationId),
    memberRoll(db(), actor.organisationId, election.meeting.recordDate),
    votedKeys(db(), actor.organisationId, election.id),
    turnout(db(), election.id),
  ]);
  const contested = [...new Set(election.seats.map((s) => s.classId))];
  const voterKeys = new Set(voted);
  const className = new Map(classes.map((c) => [c.id, c.name]));
  const results = election.status === "open" ? [] : await electionResults(db(), election);
  return {
    election: { id: election.id, status: election.status, onlineVoting: election.onlineVoting, votingByClass: election.votingByClass, meeting: { id: election.meeting.id, title: election.meeting.title, date: election.meeting.date, recordDate: election.meeting.recordDate } },
    classes: contested.map((id) => ({
      id,
      name: className.get(id) ?? "",
      seats: election.seats.filter((s) => s.classId === id).length,
      candidates: election.candidates.filter((c) => c.classId === id).map((c) => ({ id: c.id, name: c.name })),
    })),
    termStartsOn: election.seats[0]?.termStartsOn ?? "",
    eligibleCandidates: roll.filter((m) => m.goodStanding && contested.includes(m.classId) && !election.candidates.some((c) => c.memberKey === m.key)).map((m) => ({ key: m.key, label: `${m.voterName} (${m.className})` })),
    voters: roll.filter((m) => m.goodStanding && !voterKeys.has(m.key) && (!election.votingByClass || contested.includes(m.classId))).map((m) => ({ key: m.key, label: `${m.voterName}${m.voterName !== m.name ? ` for ${m.name}` : ""} (${m.className})` })),
    turnout: { paper: counts.paper ?? 0, online: counts.online ?? 0, eligible: roll.filter((m) => m.goodStanding).length },
    results: results.map((r) => ({ ...r, className: className.get(r.classId) ?? "" })),
    canWrite: can(actor.role, "governance:write"),
  };
}

const Schema = z.discriminatedUnion("intent", [
  CandidateSchema,
  z.object({ intent: z.literal("paper-ballot"), voterKey: z.string({ required_error: "Choose the member whose ballot this is" }).trim().min(1, "Choose the member whose ballot this is") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("certify") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const electionId = params.electionId ?? "";
  if (!(await getElection(db(), actor.organisationId, electionId))) throw new Response("No such election.", { status: 404 });
  const form = await readFormData(request);
  const intent = readIntent(form, Schema);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const value = submission.value;
  const who = auditActor(actor);
  const back = `/governance/elections/${electionId}`;
  if (value.intent === "candidate") {
    const result = await addCandidate(db(), who, electionId, value.memberKey);
    if (!result.ok) return intentFailure(intent, submission, result);
    return redirectWithToast(back, { kind: "success", message: "The candidate was added." });
  }
  if (value.intent === "paper-ballot") {
    const result = await castBallot(db(), who, { electionId, voterKey: value.voterKey, channel: "paper", choices: ballotChoices(form) });
    if (!result.ok) return intentFailure(intent, submission, result);
    return redirectWithToast(back, { kind: "success", message: "The paper ballot was counted and the member marked as having voted." });
  }
  if (value.intent === "close") {
    const result = await closeVoting(db(), who, electionId);
    if (!result.ok) return intentFailure(intent, submission, result);
    return redirectWithToast(back, { kind: "success", message: "Voting is closed. Check the result and certify it." });
  }
  const tieBreaks: Record<string, string[]> = {};
  for (const [name, entry] of form.entries()) {
    const match = /^tie\.(.+)$/.exec(name);
    if (match && typeof entry === "string" && entry) tieBreaks[match[1]!] = [...(tieBreaks[match[1]!] ?? []), entry];
  }
  const result = await certifyElection(db(), who, electionId, tieBreaks);
  if (!result.ok) return intentFailure(intent, submission, result);
  return redirectWithToast("/governance/board", { kind: "success", message: "The result is certified; the new terms are on the board roster." });
}

export default function ElectionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { election } = data;
  return (
    <>
      <p><Link to={`/governance/meetings/${election.meeting.id}`}>← {election.meeting.title}</Link></p>
      <h1>Election at {election.meeting.title}, {formatScreenDate(election.meeting.date)}</h1>
      <p>
        <span className="badge">{ELECTION_STATUS_LABELS[election.status] ?? election.status}</span> New terms start {formatScreenDate(data.termStartsOn)}.{" "}
        {election.votingByClass ? "Each class elects its own seats." : "Every member votes for every class's seats."} Voters: members in good standing on {formatScreenDate(election.meeting.recordDate)}.{" "}
        {election.onlineVoting ? "Members may vote online after signing in." : "Paper ballots only."}
      </p>
      <p>Turnout: {data.turnout.paper + data.turnout.online} of {data.turnout.eligible} ({data.turnout.paper} paper, {data.turnout.online} online).</p>

      {data.classes.map((c) => (
        <section key={c.id}>
          <h2>{c.name} seats: {c.seats}</h2>
          <p>Candidates: {c.candidates.length ? c.candidates.map((x) => x.name).join(", ") : "none yet"}</p>
        </section>
      ))}

      {data.canWrite && election.status === "open" ? (
        <>
          <Form method="post" className="card stack">
            <h3 style={{ marginTop: 0 }}>Add a candidate</h3>
            <IntentErrors actionData={actionData} intent="candidate" />
            <input type="hidden" name="intent" value="candidate" />
            <div className="field"><label htmlFor="candidate">Member</label><select id="candidate" name="memberKey"><option value="">Choose…</option>{data.eligibleCandidates.map((m) => <option key={m.key} value={m.key}>{m.label}</option>)}</select></div>
            <div className="actions"><button type="submit">Add candidate</button></div>
          </Form>
          <Form method="post" className="card stack">
            <h3 style={{ marginTop: 0 }}>Record a paper ballot</h3>
            <p className="muted">Choose who handed in the ballot (they are marked as having voted) and mark what it says. The choices are stored without the voter.</p>
            <IntentErrors actionData={actionData} intent="paper-ballot" />
            <input type="hidden" name="intent" value="paper-ballot" />
            <div className="field"><label htmlFor="voter">Voter</label><select id="voter" name="voterKey"><option value="">Choose…</option>{data.voters.map((m) => <option key={m.key} value={m.key}>{m.label}</option>)}</select></div>
            {data.classes.map((c) => (
              <fieldset key={c.id}>
                <legend>{c.name} seats (choose up to {c.seats})</legend>
                {c.candidates.map((x) => (
                  <div key={x.id} className="field field-checkbox">
                    <input type="checkbox" id={`paper-${x.id}`} name={`choice.${c.id}`} value={x.id} />
                    <label htmlFor={`paper-${x.id}`}>{x.name}</label>
                  </div>
                ))}
              </fieldset>
            ))}
            <div className="actions"><button type="submit">Count this ballot</button></div>
          </Form>
          <Form method="post">
            <IntentErrors actionData={actionData} intent="close" />
            <input type="hidden" name="intent" value="close" />
            <button type="submit">Close voting</button>
          </Form>
        </>
      ) : null}

      {data.results.length ? (
        <>
          <h2>Result</h2>
          {data.results.map((r) => (
            <section key={r.classId}>
              <h3>{r.className}: {r.seats} seat{r.seats === 1 ? "" : "s"}, {r.ballots} ballots</h3>
              <TableWrap label={`Votes: ${r.className}`}>
                <table>
                  <thead><tr><th>Candidate</th><th>Votes</th><th>Outcome</th></tr></thead>
                  <tbody>
                    {r.counts.map((c) => (
                      <tr key={c.candidateId}>
                        <td>{c.name}</td><td>{c.votes}</td>
                        <td>{r.elected.includes(c.candidateId) ? "Elected" : r.tie?.candidateIds.includes(c.candidateId) ? "Tied" : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {r.tie ? <p className="badge badge-warn">Tie for {r.tie.seats} seat{r.tie.seats === 1 ? "" : "s"}: decide it as the bylaws say (usually by lot) and choose below.</p> : null}
            </section>
          ))}
          {data.canWrite && election.status === "closed" ? (
            <Form method="post" className="card stack">
              <h3 style={{ marginTop: 0 }}>Certify the result</h3>
              <IntentErrors actionData={actionData} intent="certify" />
              <input type="hidden" name="intent" value="certify" />
              {data.results.filter((r) => r.tie).flatMap((r) =>
                Array.from({ length: r.tie!.seats }, (_, i) => (
                  <div key={`${r.classId}-${i}`} className="field">
                    <label htmlFor={`tie-${r.classId}-${i}`}>{r.className}: winner of the tie{r.tie!.seats > 1 ? ` (${i + 1})` : ""}</label>
                    <select id={`tie-${r.classId}-${i}`} name={`tie.${r.classId}`}>
                      <option value="">Choose…</option>
                      {r.tie!.candidateIds.map((id) => <option key={id} value={id}>{r.counts.find((c) => c.candidateId === id)?.name}</option>)}
                    </select>
                  </div>
                )),
              )}
              <div className="actions"><button type="submit" className="primary">Certify and update the board roster</button></div>
            </Form>
          ) : null}
        </>
      ) : null}
    </>
  );
}
