import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { addSeat, listSeats } from "~/modules/governance/board.server";
import { IntentErrors } from "~/modules/governance/components";
import { addClass, getBylaws, listClasses, saveBylaws, setDuesRate } from "~/modules/governance/members.server";
import { MAJORITIES, type QuorumRule } from "~/modules/governance/rules";
import { BylawsSchema, ClassSchema, DuesRateSchema, SeatSchema } from "~/modules/governance/schemas";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { intentFailure } from "~/utils/intent-reply.server";
import { centsToString, formatUsd } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Governance settings · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:settings");
  const [bylaws, classes, seats] = await Promise.all([
    getBylaws(db(), actor.organisationId),
    listClasses(db(), actor.organisationId),
    listSeats(db(), actor.organisationId),
  ]);
  return {
    year: Number(todayIn(actor.timeZone).slice(0, 4)),
    bylaws,
    classes: classes.map((c) => ({ id: c.id, name: c.name, kind: c.kind, dues: c.dues.map((d) => ({ year: d.year, amountCents: Number(d.amountCents) })) })),
    seats: seats.map((s) => ({ id: s.id, name: s.name, className: s.membershipClass.name, termYears: s.termYears })),
  };
}

const Schema = z.discriminatedUnion("intent", [BylawsSchema, ClassSchema, DuesRateSchema, SeatSchema]);

/** Quorum rows of the bylaws form → rules; a row's value must be a whole number or a percentage up to 100. */
function quorumRules(value: z.infer<typeof BylawsSchema>): { rules: QuorumRule[]; errors: string[] } {
  const rules: QuorumRule[] = [];
  const errors: string[] = [];
  value.quorumKind.forEach((kind, i) => {
    if (kind === "none") return;
    const raw = (value.quorumValue[i] ?? "").replace(/%$/, "").trim();
    const ok = kind === "number" ? /^\d{1,6}$/.test(raw) && Number(raw) >= 1 : /^\d{1,3}(\.\d{1,2})?$/.test(raw) && Number(raw) > 0 && Number(raw) <= 100;
    if (!ok) errors.push(kind === "number" ? "Enter the quorum as a whole number of members, e.g. 10" : "Enter the quorum as a percentage between 0 and 100, e.g. 10");
    else rules.push({ classId: value.quorumClass[i] || null, kind, value: raw });
  });
  return { rules, errors: [...new Set(errors)] };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:settings");
  const form = await readFormData(request);
  const intent = readIntent(form, Schema);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const value = submission.value;
  const who = auditActor(actor);
  if (value.intent === "bylaws") {
    const { rules, errors } = quorumRules(value);
    if (errors.length) return intentFailure(intent, submission, { fieldErrors: { quorumValue: errors } });
    await saveBylaws(db(), who, { noticeDays: value.noticeDays, resolutionMajority: value.resolutionMajority, votingByClass: value.votingByClass === "by-class", termLimit: value.termLimit, quorumRules: rules });
    return redirectWithToast("/governance/settings", { kind: "success", message: "The bylaws settings were saved." });
  }
  const result =
    value.intent === "class" ? await addClass(db(), who, value.name)
    : value.intent === "dues-rate" ? await setDuesRate(db(), who, { classId: value.classId, year: value.year, amountCents: value.amount })
    : await addSeat(db(), who, { name: value.name, classId: value.classId, termYears: value.termYears });
  if (!result.ok) return intentFailure(intent, submission, result);
  return redirectWithToast("/governance/settings", { kind: "success", message: value.intent === "class" ? "The class was added." : value.intent === "dues-rate" ? "The dues were set." : "The seat was added." });
}

export default function GovernanceSettingsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const rows = [{ id: "", name: "All members" }, ...data.classes];
  const ruleFor = (classId: string) => data.bylaws.quorumRules.find((r) => (r.classId ?? "") === classId);
  return (
    <>
      <p><Link to="/governance">← Governance</Link></p>
      <h1>Bylaws, classes, dues and seats</h1>
      <Form method="post" className="card stack">
        <h2 style={{ marginTop: 0 }}>Bylaws</h2>
        <IntentErrors actionData={actionData} intent="bylaws" />
        <input type="hidden" name="intent" value="bylaws" />
        <div className="field"><label htmlFor="notice-days">Notice of members&apos; meetings (days before)</label><input id="notice-days" name="noticeDays" inputMode="numeric" defaultValue={data.bylaws.noticeDays} /></div>
        <div className="field">
          <label htmlFor="majority">Resolutions pass by</label>
          <select id="majority" name="resolutionMajority" defaultValue={data.bylaws.resolutionMajority}>
            {Object.entries(MAJORITIES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="voting">Who votes for which seats</label>
          <select id="voting" name="votingByClass" defaultValue={data.bylaws.votingByClass ? "by-class" : "everyone"}>
            <option value="by-class">Each class elects its own seats</option>
            <option value="everyone">Every member votes for every class&apos;s seats</option>
          </select>
        </div>
        <div className="field"><label htmlFor="term-limit">Consecutive terms allowed (0 = no limit)</label><input id="term-limit" name="termLimit" inputMode="numeric" defaultValue={data.bylaws.termLimit} /></div>
        <fieldset>
          <legend>Quorum of members&apos; meetings</legend>
          <p className="field-hint">Members in good standing on the record date who must be present: a number, or a percentage (rounded up). Every rule must be met.</p>
          {rows.map((row) => {
            const rule = ruleFor(row.id);
            return (
              <div key={row.id || "all"} className="inline-form">
                <input type="hidden" name="quorumClass" value={row.id} />
                <label htmlFor={`quorum-kind-${row.id || "all"}`} style={{ minWidth: "9rem" }}>{row.name}</label>
                <select id={`quorum-kind-${row.id || "all"}`} name="quorumKind" defaultValue={rule?.kind ?? "none"}>
                  <option value="none">No rule</option>
                  <option value="number">Number of members</option>
                  <option value="percent">Percent of members</option>
                </select>
                <label className="visually-hidden" htmlFor={`quorum-value-${row.id || "all"}`}>Quorum for {row.name}</label>
                <input id={`quorum-value-${row.id || "all"}`} name="quorumValue" defaultValue={rule?.value ?? ""} size={6} />
              </div>
            );
          })}
        </fieldset>
        <div className="actions"><button type="submit" className="primary">Save bylaws</button></div>
      </Form>

      <h2>Membership classes and dues</h2>
      <TableWrap label="Membership classes and dues">
        <table>
          <thead><tr><th>Class</th><th>Members</th><th>Yearly dues</th></tr></thead>
          <tbody>
            {data.classes.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.kind === "leaseholder" ? "Every household with a binding lease" : "People who join"}</td>
                <td>{c.dues.length ? c.dues.map((d) => `${d.year}: ${formatUsd(centsToString(d.amountCents))}`).join(" · ") : "None"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <div className="cards">
        <Form method="post" className="card stack">
          <h3 style={{ marginTop: 0 }}>Set yearly dues</h3>
          <IntentErrors actionData={actionData} intent="dues-rate" />
          <input type="hidden" name="intent" value="dues-rate" />
          <div className="field"><label htmlFor="rate-class">Class</label><select id="rate-class" name="classId">{data.classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></div>
          <div className="field"><label htmlFor="rate-year">Year</label><input id="rate-year" name="year" inputMode="numeric" defaultValue={data.year} /></div>
          <div className="field"><label htmlFor="rate-amount">Dues</label><input id="rate-amount" name="amount" placeholder="25.00" /></div>
          <div className="actions"><button type="submit">Set dues</button></div>
        </Form>
        <Form method="post" className="card stack">
          <h3 style={{ marginTop: 0 }}>Add a class</h3>
          <IntentErrors actionData={actionData} intent="class" />
          <input type="hidden" name="intent" value="class" />
          <div className="field"><label htmlFor="class-name">Name</label><input id="class-name" name="name" /></div>
          <div className="actions"><button type="submit">Add class</button></div>
        </Form>
      </div>

      <h2>Board seats</h2>
      <TableWrap label="Board seats">
        <table>
          <thead><tr><th>Seat</th><th>Class</th><th>Term</th></tr></thead>
          <tbody>{data.seats.map((s) => <tr key={s.id}><td>{s.name}</td><td>{s.className}</td><td>{s.termYears} years</td></tr>)}</tbody>
        </table>
      </TableWrap>
      <Form method="post" className="card stack">
        <h3 style={{ marginTop: 0 }}>Add a seat</h3>
        <IntentErrors actionData={actionData} intent="seat" />
        <input type="hidden" name="intent" value="seat" />
        <div className="field"><label htmlFor="seat-name">Name</label><input id="seat-name" name="name" placeholder="Leaseholder seat 1" /></div>
        <div className="field"><label htmlFor="seat-class">Class</label><select id="seat-class" name="classId">{data.classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></div>
        <div className="field"><label htmlFor="seat-term">Term (years)</label><input id="seat-term" name="termYears" inputMode="numeric" defaultValue={3} /></div>
        <div className="actions"><button type="submit">Add seat</button></div>
      </Form>
    </>
  );
}
