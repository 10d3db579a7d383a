import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditHistory } from "~/components/audit-history";
import { Disclosure, RemoveButton } from "~/components/controls";
import { Field, FormErrors, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { certificationAtPurchase } from "~/modules/households/certification-validity";
import { getEligibilitySettings } from "~/modules/income-limits/income-limits.server";
import { requirePermission } from "~/modules/auth/session.server";
import {
  addMember,
  getHousehold,
  householdAuditHistory,
  recordSale,
  removeMember,
  setHouseholdArchived,
} from "~/modules/households/households.server";
import {
  ArchiveSchema,
  ETHNICITIES,
  INCOME_SOURCES,
  MemberSchema,
  MORTGAGE_TYPES,
  options,
  RACES,
  RELATIONSHIPS,
  RemoveMemberSchema,
  SaleSchema,
  type IncomeItem,
} from "~/modules/households/schemas";
import { DERIVATION_METHODS, incomeBand9902, isDerivationMethod } from "~/modules/income-limits/income-limits";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.household.name ?? "Household"} · Commonground` }];

function label<T extends Record<string, string>>(labels: T, value: string): string {
  return value ? (labels[value] ?? value) : "Not recorded";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const household = await getHousehold(db(), actor.organisationId, params.householdId ?? "");
  if (!household) throw new Response("Household not found", { status: 404 });
  const [history, eligibilitySettings] = await Promise.all([
    householdAuditHistory(db(), actor.organisationId, household),
    getEligibilitySettings(db(), actor.organisationId),
  ]);
  return {
    auditTimeZone: actor.timeZone,
    canWrite: can(actor.role, "records:write"),
    household: {
      id: household.id,
      name: household.name,
      email: household.email,
      phone: household.phone,
      mailingAddress: household.mailingAddress,
      firstTimeBuyer: household.firstTimeBuyer,
      ethnicity: label(ETHNICITIES, household.ethnicity),
      race: label(RACES, household.race),
      archived: Boolean(household.archivedAt),
      version: household.version,
      members: household.members.map((m) => ({
        id: m.id,
        fullName: m.fullName,
        relationship: m.relationship ? label(RELATIONSHIPS, m.relationship) : "",
        dateOfBirth: m.dateOfBirth,
        email: m.email,
        phone: m.phone,
      })),
      certifications: household.incomeCertifications.map((c) => ({
        id: c.id,
        certifiedOn: c.certifiedOn,
        householdSize: c.householdSize,
        totalIncome: formatUsd(centsToString(c.totalIncomeCents)),
        items: (c.incomeItems as IncomeItem[]).map((item) => ({
          memberName: item.memberName,
          source: label(INCOME_SOURCES, item.source),
          amount: formatUsd(centsToString(item.annualAmountCents)),
        })),
        percentAmi: c.percentAmi,
        band: incomeBand9902(c.percentAmi),
        targetLevel: c.targetLevel,
        eligible: c.eligible,
        // certifications made before limits were recorded were decided by % AMI against the derived 100 % limit
        verdict: c.eligibilityVerdict || `by % AMI (certified before published limits were recorded): ${c.percentAmi}% against ${c.targetLevel}%`,
        hundredPercentLimit: formatUsd(String(c.hundredPercentLimit)),
        method: isDerivationMethod(c.derivationMethod) ? DERIVATION_METHODS[c.derivationMethod].label : c.derivationMethod,
        table: `FY${c.incomeLimitTable.fiscalYear} ${c.incomeLimitTable.areaName} (in effect from ${c.incomeLimitTable.effectiveFrom})`,
      })),
      ownerships: household.ownerships.map((o) => ({
        id: o.id,
        version: o.version,
        home: [o.home.parcel.streetAddress, o.home.parcel.city].filter(Boolean).join(", ") + (o.home.label ? ` — ${o.home.label}` : ""),
        parcelId: o.home.parcel.id,
        homeId: o.home.id,
        // this household's leases of the home, linked from "Homes owned"
        leases: household.leases.filter((l) => l.homeId === o.home.id),
        parcelNumber: o.home.parcel.parcelNumber,
        purchaseDate: o.purchaseDate,
        certification: certificationAtPurchase(household.incomeCertifications, o.purchaseDate, eligibilitySettings.certificationValidityMonths),
        purchasePrice: formatUsd(centsToString(o.purchasePriceCents)),
        saleDate: o.saleDate,
        salePrice: o.salePriceCents === null ? null : formatUsd(centsToString(o.salePriceCents)),
        mortgage:
          o.mortgageAmountCents === null && !o.mortgageLender
            ? null
            : [
                o.mortgageLender,
                o.mortgageAmountCents === null ? "" : formatUsd(centsToString(o.mortgageAmountCents)),
                o.mortgageRate ? `${o.mortgageRate}%` : "",
                o.mortgageTermYears ? `${o.mortgageTermYears} years` : "",
                o.mortgageType ? (MORTGAGE_TYPES as Record<string, string>)[o.mortgageType] ?? o.mortgageType : "",
              ]
                .filter(Boolean)
                .join(" · "),
      })),
    },
    history: history.map((entry) => ({
      id: entry.id,
      createdAt: entry.createdAt.toISOString(),
      actorLabel: entry.actorLabel,
      entity: entry.entity,
      action: entry.action,
      changes: entry.changes,
    })),
  };
}

type ActionResult = { intent: string; reply: SubmissionResult<string[]> };

function reply(intent: string, result: SubmissionResult<string[]>, status: number) {
  return data<ActionResult>({ intent, reply: result }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const id = params.householdId ?? "";
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const who = auditActor(actor);
  const exists = await db().household.findFirst({ where: { id, organisationId: actor.organisationId }, select: { name: true } });
  if (!exists) throw new Response("Household not found", { status: 404 });
  const back = `/households/${id}`;

  switch (intent) {
    case "add-member": {
      const submission = parseWithZod(formData, { schema: MemberSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      await addMember(db(), who, id, submission.value);
      return redirectWithToast(back, { kind: "success", message: `${submission.value.fullName} was added to the household.` });
    }
    case "remove-member": {
      const submission = parseWithZod(formData, { schema: RemoveMemberSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      await removeMember(db(), who, id, submission.value.memberId);
      return redirectWithToast(back, { kind: "success", message: "The member was removed from the household." });
    }
    case "archive":
    case "restore": {
      const submission = parseWithZod(formData, { schema: ArchiveSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        const result = await setHouseholdArchived(db(), who, id, intent === "archive", submission.value.version);
        if (!result.ok) return reply(intent, submission.reply({ formErrors: [result.message] }), 400);
      } catch (error) {
        if (error instanceof StaleRecordError) return reply(intent, submission.reply({ formErrors: [error.message] }), 409);
        throw error;
      }
      return redirectWithToast(back, { kind: "success", message: intent === "archive" ? `${exists.name} was archived.` : `${exists.name} was restored.` });
    }
    case "record-sale": {
      const submission = parseWithZod(formData, { schema: SaleSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      try {
        const result = await recordSale(db(), who, id, submission.value);
        if (!result.ok) return reply(intent, submission.reply({ fieldErrors: { [result.field]: [result.message] } }), 400);
      } catch (error) {
        if (error instanceof StaleRecordError) return reply(intent, submission.reply({ formErrors: [error.message] }), 409);
        throw error;
      }
      return redirectWithToast(back, { kind: "success", message: "The sale was recorded; the home has no current owner now." });
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function HouseholdPage() {
  const { household, history, canWrite, auditTimeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const current = household.ownerships.find((o) => !o.saleDate);
  return (
    <>
      <p>
        <Link to="/households">← Households</Link>
      </p>
      <div className="page-header">
        <h1>
          {household.name} {household.archived ? <span className="badge">Archived</span> : null}
        </h1>
        {canWrite ? (
          <div className="actions">
            <Link className="button secondary" to="edit">
              Edit
            </Link>
            {!household.archived ? (
              <>
                <Link className="button" to="certifications/new">
                  Certify income
                </Link>
                {current ? null : (
                  <Link className="button secondary" to="purchase">
                    Record a purchase
                  </Link>
                )}
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title" style={{ marginTop: 0 }}>
          Contact and demographics
        </h2>
        <dl className="details">
          <dt>Email</dt>
          <dd>{household.email || "—"}</dd>
          <dt>Phone</dt>
          <dd>{household.phone || "—"}</dd>
          <dt>Mailing address</dt>
          <dd style={{ whiteSpace: "pre-line" }}>{household.mailingAddress || "—"}</dd>
          <dt>First-time homebuyer</dt>
          <dd>{household.firstTimeBuyer === null ? "Not recorded" : household.firstTimeBuyer ? "Yes" : "No"}</dd>
          <dt>Ethnicity</dt>
          <dd>{household.ethnicity}</dd>
          <dt>Race</dt>
          <dd>{household.race}</dd>
        </dl>
      </section>

      <Members household={household} canWrite={canWrite && !household.archived} result={result} />

      <section aria-labelledby="certifications-title">
        <h2 id="certifications-title">Income certifications</h2>
        {household.certifications.length === 0 ? (
          <p className="muted">No income certification yet.</p>
        ) : (
          household.certifications.map((c) => (
            <article key={c.id} className="card" aria-label={`Certification of ${formatScreenDate(c.certifiedOn)}`}>
              <h3 style={{ marginTop: 0 }}>
                {formatScreenDate(c.certifiedOn)}: <span data-testid="percent-ami">{c.percentAmi}% AMI</span>{" "}
                <span className={`badge ${c.eligible ? "badge-ok" : "badge-danger"}`} data-testid="verdict">
                  {c.eligible ? `Eligible at ${c.targetLevel}% AMI` : `Not eligible at ${c.targetLevel}% AMI`}
                </span>
              </h3>
              <dl className="details">
                <dt>Household size</dt>
                <dd>{c.householdSize}</dd>
                <dt>Total annual income</dt>
                <dd>{c.totalIncome}</dd>
                <dt>Limit used</dt>
                <dd data-testid="limit-used">{c.verdict}</dd>
                <dt>100% AMI limit (for % AMI, a reporting figure)</dt>
                <dd>
                  {c.hundredPercentLimit} — {c.table}; derived: {c.method}
                </dd>
                <dt>HUD-9902 income band</dt>
                <dd>{c.band}</dd>
              </dl>
              <TableWrap label="Income">
                <table>
                  <caption className="muted" style={{ textAlign: "left" }}>
                    Income
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Source</th>
                      <th scope="col" className="num">
                        Annual amount
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.items.map((item, i) => (
                      <tr key={i}>
                        <td>{item.memberName || "—"}</td>
                        <td>{item.source}</td>
                        <td className="num">{item.amount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="ownership-title">
        <h2 id="ownership-title">Homes owned</h2>
        {household.ownerships.length === 0 ? (
          <p className="muted">This household has not bought a home through the land trust.</p>
        ) : (
          <TableWrap label="Homes owned">
            <table>
              <thead>
                <tr>
                  <th scope="col">Home</th>
                  <th scope="col">Purchased</th>
                  <th scope="col">Mortgage at purchase</th>
                  <th scope="col">Sold</th>
                </tr>
              </thead>
              <tbody>
                {household.ownerships.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/parcels/${o.parcelId}#home-${o.homeId}`}>{o.home}</Link> <span className="muted">(parcel {o.parcelNumber})</span>
                      {o.leases.map((l) => (
                        <span key={l.id}>
                          <br />
                          Lease <Link to={`/leases/${l.id}`}>{l.reference}</Link>
                        </span>
                      ))}
                    </td>
                    <td>
                      {formatScreenDate(o.purchaseDate)} for {o.purchasePrice}
                      <br />
                      <span
                        className={o.certification.status === "current" ? "muted" : "badge badge-warn"}
                        data-testid="certification-at-purchase"
                      >
                        {o.certification.message}
                      </span>
                    </td>
                    <td>{o.mortgage ?? "—"}</td>
                    <td>{o.saleDate ? `${formatScreenDate(o.saleDate)} for ${o.salePrice}` : <span className="badge badge-ok">Current owner</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {current && canWrite ? <SaleForm ownership={current} result={result} /> : null}
      </section>

      {canWrite ? <ArchiveForm household={household} result={result} /> : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <AuditHistory entries={history} timeZone={auditTimeZone} />
      </section>
    </>
  );
}

type HouseholdView = ReturnType<typeof useLoaderData<typeof loader>>["household"];
type Result = ActionResult | undefined;

function Members({ household, canWrite, result }: { household: HouseholdView; canWrite: boolean; result: Result }) {
  const [form, fields] = useForm({
    id: "add-member",
    lastResult: result?.intent === "add-member" ? result.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MemberSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Members ({household.members.length})</h2>
      {household.members.length === 0 ? (
        <p className="muted">No members recorded yet.</p>
      ) : (
        <TableWrap label="Members ({household.members.length})">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Relationship</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Contact</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="muted">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {household.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.fullName}</td>
                  <td>{m.relationship || "—"}</td>
                  <td>{formatScreenDate(m.dateOfBirth)}</td>
                  <td>{[m.email, m.phone].filter(Boolean).join(" · ") || "—"}</td>
                  {canWrite ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-member" />
                        <input type="hidden" name="memberId" value={m.id} />
                        <RemoveButton what={m.fullName} />
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canWrite ? (
        <Disclosure
          open={result?.intent === "add-member"}
          // with no members yet the form is simply shown: a <details> already open would close on its first click
          alwaysOpen={household.members.length === 0}
          title="Add a member"
        >
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="add-member" />
            <FormErrorSummary form={form} />
            <div className="form-grid">
              <Field label="Full name" errors={fields.fullName.errors} inputProps={getInputProps(fields.fullName, { type: "text" })} />
              <SelectField
                label="Relationship"
                errors={fields.relationship.errors}
                selectProps={getSelectProps(fields.relationship)}
                placeholder="—"
                options={options(RELATIONSHIPS)}
              />
              <Field
                label="Date of birth"
                errors={fields.dateOfBirth.errors}
                inputProps={getInputProps(fields.dateOfBirth, { type: "date" })}
              />
              <Field label="Email" errors={fields.email.errors} inputProps={getInputProps(fields.email, { type: "email" })} />
              <Field label="Phone" errors={fields.phone.errors} inputProps={getInputProps(fields.phone, { type: "tel" })} />
            </div>
            <div>
              <button type="submit" className="primary">
                Add member
              </button>
            </div>
          </Form>
        </Disclosure>
      ) : null}
    </section>
  );
}

function SaleForm({ ownership, result }: { ownership: HouseholdView["ownerships"][number]; result: Result }) {
  const [form, fields] = useForm({
    id: `sale-${ownership.id}-${ownership.version}`,
    lastResult: result?.intent === "record-sale" ? result.reply : undefined,
    defaultValue: { ownershipId: ownership.id, version: String(ownership.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaleSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <details className="card" open={result?.intent === "record-sale"} style={{ marginTop: "1rem" }}>
      <summary>Record the sale of {ownership.home}</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record-sale" />
        <input {...getInputProps(fields.ownershipId, { type: "hidden" })} />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <FormErrorSummary form={form} />
        <div className="form-grid">
          <Field label="Sale date" errors={fields.saleDate.errors} inputProps={getInputProps(fields.saleDate, { type: "date" })} />
          <Field label="Sale price ($)" errors={fields.salePrice.errors} inputProps={{ ...getInputProps(fields.salePrice, { type: "text" }), inputMode: "decimal" }} />
        </div>
        <div>
          <button type="submit" className="primary">
            Record sale
          </button>
        </div>
      </Form>
    </details>
  );
}

function ArchiveForm({ household, result }: { household: HouseholdView; result: Result }) {
  const intent = household.archived ? "restore" : "archive";
  const errors = result && (result.intent === "archive" || result.intent === "restore") ? result.reply.error?.[""] : undefined;
  return (
    <section aria-labelledby="archive-title">
      <h2 id="archive-title">{household.archived ? "Restore" : "Archive"}</h2>
      <p className="muted">
        {household.archived
          ? "Archived households are hidden from the list but keep their history."
          : "Households are never deleted: archiving hides this one from the list and keeps its certifications, ownership and history."}
      </p>
      <FormErrors errors={errors ?? undefined} />
      <Form method="post">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={household.version} />
        <button type="submit" className={household.archived ? "secondary" : "danger"}>
          {household.archived ? "Restore household" : "Archive household"}
        </button>
      </Form>
    </section>
  );
}
