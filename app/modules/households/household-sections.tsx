/**
 * Sections and forms of the household page (/households/:householdId): members (with the add and remove forms),
 * income certifications, homes owned (with the sale form for the current home) and archive / restore. They show
 * the page's view model (household-view.ts) and post to the page's action with an `intent`.
 */
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { Disclosure, RemoveButton } from "~/components/controls";
import { Field, FormErrors, FormErrorSummary, SelectField } from "~/components/forms";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";
import type { HouseholdView } from "./household-view";
import { MemberSchema, options, relationshipLabel, RELATIONSHIPS, SaleSchema } from "./schemas";

/** What the page's action answered: the intent posted and its Conform reply. */
type Result = { intent: string; reply: SubmissionResult<string[]> } | undefined;

/** Each income certification: the verdict, the limit used, the 100 % AMI figure, the income by member. */
export function CertificationsSection({ household }: { household: HouseholdView }) {
  return (
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
  );
}

/** The homes the household bought through the trust, with their leases; the sale form for the current one. */
export function HomesOwnedSection({ household, current, canWrite, result }: { household: HouseholdView; current: HouseholdView["ownerships"][number] | undefined; canWrite: boolean; result: Result }) {
  return (
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
  );
}

export function Members({ household, canWrite, result }: { household: HouseholdView; canWrite: boolean; result: Result }) {
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
                  <td>{m.relationship ? relationshipLabel(m.relationship) : "—"}</td>
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

export function ArchiveForm({ household, result }: { household: HouseholdView; result: Result }) {
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
