import { Form, Link } from "@remix-run/react";
import type { LeaseStatus } from "./lifecycle";
import type { TRANSITION_TARGETS } from "./schemas";

/** What a status change does, in the words staff confirm it by (issue 15: a status change asks first). */
const CONSEQUENCES: Record<(typeof TRANSITION_TARGETS)[number], string> = {
  executed: "The lease's terms freeze: after this they change only by a dated amendment.",
  recorded: "The memorandum's recording details are kept with the lease and printed on later documents.",
  active: "The lease becomes the home's binding lease: its fees and deadlines apply from its commencement date.",
  ended: "The lease ends on the date given and the homeowner no longer holds the home under it. This cannot be undone.",
  assigned: "The lease passes to the buyer on the date given. This cannot be undone.",
};

/** The fields of a status change that the confirmation posts again, as they were sent (nothing else). */
export const TRANSITION_FIELDS = ["intent", "to", "version", "executionDate", "recordingCounty", "recordingInstrument", "recordingBook", "recordingPage", "recordingDate", "endedOn"] as const;

export function transitionFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of TRANSITION_FIELDS) {
    const value = formData.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}

/**
 * The step between choosing a status change and making it: what will happen, "Yes" (the same fields posted again
 * with `confirmed=yes`) or "Cancel". A plain form: it works without JavaScript.
 */
export function StatusChangeConfirmation({ leaseId, to, actionLabel, fields }: { leaseId: string; to: LeaseStatus; actionLabel: string; fields: Record<string, string> }) {
  const consequence = to in CONSEQUENCES ? CONSEQUENCES[to as keyof typeof CONSEQUENCES] : "";
  return (
    <section className="card" aria-labelledby="confirm-status-title">
      <h3 id="confirm-status-title">Confirm: {actionLabel.toLowerCase()}?</h3>
      <p>{consequence}</p>
      <Form method="post" className="actions">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" className="primary">
          Yes: {actionLabel.toLowerCase()}
        </button>
        <Link to={`/leases/${leaseId}`}>Cancel</Link>
      </Form>
    </section>
  );
}
