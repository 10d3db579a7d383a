import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { NewPasswordSchema } from "~/modules/auth/password-policy";
import { IntentErrors, StandingBadge } from "~/modules/governance/components";
import { createMemberSignIn, duesHistory, getHouseholdMember, getMember, memberRoll, recordDues, resignMember, setRepresentative } from "~/modules/governance/members.server";
import { parseMemberKey } from "~/modules/governance/rules";
import { DuesSchema, RepresentativeSchema, ResignSchema } from "~/modules/governance/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { intentFailure } from "~/utils/intent-reply.server";
import { centsToString, formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "Member"} · Commonground` }];

async function load(organisationId: string, key: string) {
  const parsed = parseMemberKey(key);
  if (!parsed) return null;
  if (parsed.kind === "member") {
    const member = await getMember(db(), organisationId, parsed.id);
    return member && { kind: "member" as const, name: member.fullName, member, household: null, representative: null };
  }
  const found = await getHouseholdMember(db(), organisationId, parsed.id);
  if (!found) return null;
  return { kind: "household" as const, name: found.household.name, member: null, household: found.household, representative: found.representative };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const key = params.memberKey ?? "";
  const record = await load(actor.organisationId, key);
  if (!record) throw new Response("No such member.", { status: 404 });
  const today = todayIn(actor.timeZone);
  const [entry, dues] = await Promise.all([
    memberRoll(db(), actor.organisationId, today).then((roll) => roll.find((m) => m.key === key) ?? null),
    duesHistory(db(), actor.organisationId, key),
  ]);
  return {
    key,
    today,
    name: record.name,
    kind: record.kind,
    member: record.member && { fullName: record.member.fullName, className: record.member.membershipClass.name, email: record.member.email, phone: record.member.phone, address: record.member.address, joinedOn: record.member.joinedOn, resignedOn: record.member.resignedOn, hasSignIn: record.member.userId !== null },
    household: record.household && { id: record.household.id, members: record.household.members.map((m) => m.fullName), email: record.household.email },
    representative: record.representative && { fullName: record.representative.fullName, email: record.representative.email },
    entry,
    dues,
    canWrite: can(actor.role, "governance:write"),
  };
}

const SignInSchema = z.object({ intent: z.literal("sign-in"), password: NewPasswordSchema });
const Schema = z.discriminatedUnion("intent", [DuesSchema, ResignSchema, RepresentativeSchema, SignInSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const key = params.memberKey ?? "";
  const parsed = parseMemberKey(key);
  if (!parsed || !(await load(actor.organisationId, key))) throw new Response("No such member.", { status: 404 });
  const form = await readFormData(request);
  const intent = readIntent(form, Schema);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure(intent, { reply: (o) => submission.reply({ ...o, hideFields: ["password"] }) });
  const value = submission.value;
  const who = auditActor(actor);
  const result =
    value.intent === "dues" ? await recordDues(db(), who, key, value)
    : value.intent === "resign" ? (parsed.kind === "member" ? await resignMember(db(), who, parsed.id, value.resignedOn) : { ok: false as const, formErrors: ["A leaseholder household's membership ends with its lease."] })
    : value.intent === "representative" ? (parsed.kind === "household" ? await setRepresentative(db(), who, parsed.id, { fullName: value.fullName, email: value.email }) : { ok: false as const, formErrors: ["Only a household names a representative."] })
    : parsed.kind === "member" ? await createMemberSignIn(db(), who, parsed.id, value.password) : { ok: false as const, formErrors: ["A household votes through its homeowner sign-in (Settings → Users)."] };
  if (!result.ok) return intentFailure(intent, { reply: (o) => submission.reply({ ...o, hideFields: ["password"] }) }, result);
  const messages: Record<string, string> = {
    dues: "The dues were recorded.",
    resign: "The resignation was recorded.",
    representative: "The household's voting representative was saved.",
    "sign-in": "The member can now sign in with their email and this password to vote online. Give it to them in person.",
  };
  return redirectWithToast(`/governance/members/${key}`, { kind: "success", message: messages[value.intent]! });
}

export default function MemberPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const year = data.today.slice(0, 4);
  return (
    <>
      <p><Link to="/governance/members">← Member roll</Link></p>
      <h1>{data.name}</h1>
      {data.entry ? (
        <p>
          {data.entry.className} member since {formatScreenDate(data.entry.memberSince)}. <StandingBadge goodStanding={data.entry.goodStanding} />{" "}
          {data.entry.owedCents > 0 ? `${formatUsd(centsToString(data.entry.owedCents))} of ${year} dues owed.` : null}
        </p>
      ) : (
        <p className="badge badge-warn">Not a member today{data.member?.resignedOn ? ` (resigned ${formatScreenDate(data.member.resignedOn)})` : data.kind === "household" ? " (no binding lease)" : ""}.</p>
      )}
      {data.member ? (
        <dl className="details">
          <dt>Class</dt><dd>{data.member.className}</dd>
          <dt>Email</dt><dd>{data.member.email || "—"}</dd>
          <dt>Phone</dt><dd>{data.member.phone || "—"}</dd>
          <dt>Address</dt><dd>{data.member.address || "—"}</dd>
          <dt>Joined</dt><dd>{formatScreenDate(data.member.joinedOn)}</dd>
          <dt>Online voting</dt><dd>{data.member.hasSignIn ? "Has a sign-in" : "No sign-in yet"}</dd>
        </dl>
      ) : null}
      {data.household ? (
        <>
          <p>
            Household members: {data.household.members.join(", ") || "—"}. <Link to={`/households/${data.household.id}`}>Household record</Link>
          </p>
          <p>Votes through: <strong>{data.representative?.fullName ?? `${data.household.members[0] ?? data.name} (no representative named yet)`}</strong></p>
        </>
      ) : null}

      <h2>Dues</h2>
      {data.dues.length === 0 ? <p className="muted">No dues recorded.</p> : (
        <TableWrap label="Dues">
          <table>
            <thead><tr><th>Year</th><th>Recorded</th><th>Kind</th><th>Amount</th><th>Note</th></tr></thead>
            <tbody>
              {data.dues.map((d) => (
                <tr key={d.id}><td>{d.year}</td><td>{formatScreenDate(d.recordedOn)}</td><td>{d.kind === "waived" ? "Waived" : "Paid"}</td><td>{d.kind === "paid" ? formatUsd(centsToString(d.amountCents)) : "—"}</td><td>{d.note || "—"}</td></tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data.canWrite ? (
        <>
          <Form method="post" className="card stack">
            <h3 style={{ marginTop: 0 }}>Record dues</h3>
            <IntentErrors actionData={actionData} intent="dues" />
            <input type="hidden" name="intent" value="dues" />
            <div className="field"><label htmlFor="dues-year">Year</label><input id="dues-year" name="year" defaultValue={year} inputMode="numeric" /></div>
            <div className="field"><label htmlFor="dues-kind">Paid or waived</label><select id="dues-kind" name="kind"><option value="paid">Paid</option><option value="waived">Waived</option></select></div>
            <div className="field"><label htmlFor="dues-amount">Amount paid</label><input id="dues-amount" name="amount" placeholder="25.00" /></div>
            <div className="field"><label htmlFor="dues-date">Date</label><input id="dues-date" name="recordedOn" type="date" defaultValue={data.today} /></div>
            <div className="field"><label htmlFor="dues-note">Note</label><input id="dues-note" name="note" /></div>
            <div className="actions"><button type="submit" className="primary">Record dues</button></div>
          </Form>
          {data.household ? (
            <Form method="post" className="card stack">
              <h3 style={{ marginTop: 0 }}>Voting representative</h3>
              <p className="muted">The household chooses who votes for it.</p>
              <IntentErrors actionData={actionData} intent="representative" />
              <input type="hidden" name="intent" value="representative" />
              <div className="field"><label htmlFor="rep-name">Name</label><input id="rep-name" name="fullName" defaultValue={data.representative?.fullName ?? data.household.members[0] ?? ""} /></div>
              <div className="field"><label htmlFor="rep-email">Email for notices</label><input id="rep-email" name="email" type="email" defaultValue={data.representative?.email ?? data.household.email} /></div>
              <div className="actions"><button type="submit">Save representative</button></div>
            </Form>
          ) : null}
          {data.member && !data.member.resignedOn ? (
            <Form method="post" className="card stack">
              <h3 style={{ marginTop: 0 }}>Resignation</h3>
              <IntentErrors actionData={actionData} intent="resign" />
              <input type="hidden" name="intent" value="resign" />
              <div className="field"><label htmlFor="resigned-on">Resigned on</label><input id="resigned-on" name="resignedOn" type="date" /></div>
              <div className="actions"><button type="submit">Record resignation</button></div>
            </Form>
          ) : null}
          {data.member && !data.member.hasSignIn ? (
            <Form method="post" className="card stack">
              <h3 style={{ marginTop: 0 }}>Sign-in for online voting</h3>
              <p className="muted">The member signs in with their email ({data.member.email || "add one first"}) and this password.</p>
              <IntentErrors actionData={actionData} intent="sign-in" />
              <input type="hidden" name="intent" value="sign-in" />
              <div className="field"><label htmlFor="signin-password">Initial password</label><input id="signin-password" name="password" type="password" autoComplete="new-password" /></div>
              <div className="actions"><button type="submit">Create sign-in</button></div>
            </Form>
          ) : null}
        </>
      ) : null}
    </>
  );
}
