/**
 * The ground lease page's status section: a form per status the lease can move to next, the reasons a change
 * was refused, and the confirmation step (status-confirmation.tsx) before a change is made.
 */
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import type { LeaseStatus } from "./lifecycle";
import { LEASE_STATUS_LABELS } from "./lifecycle";
import type { getLease } from "./leases.server";
import { StatusChangeConfirmation } from "./status-confirmation";

type LeaseRecord = NonNullable<Awaited<ReturnType<typeof getLease>>>;

const ACTION_LABELS: Record<LeaseStatus, string> = {
  draft: "Back to draft",
  executed: "Mark as executed (signed)",
  recorded: "Mark as recorded with the county",
  active: "Mark as active",
  ended: "End the lease",
  assigned: "Mark as assigned to a buyer",
};

/** What the action answered to a status change: refused (`result.error`) or to be confirmed (`confirm`). */
export type TransitionReply = { to: string; result: { error?: Record<string, unknown> | null }; confirm?: Record<string, string> };

export function LeaseStatusSection({
  lease,
  next,
  today,
  transition,
}: {
  lease: Pick<LeaseRecord, "id" | "version" | "executionDate" | "recordingCounty" | "recordingInstrument" | "recordingBook" | "recordingPage" | "recordingDate">;
  next: LeaseStatus[];
  today: string;
  /** the action's answer when the last post was a status change */
  transition: TransitionReply | undefined;
}) {
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      {transition?.result.error ? (
        <FormErrors
          id="transition-errors"
          errors={[
            `The lease cannot become ${LEASE_STATUS_LABELS[transition.to as LeaseStatus]?.toLowerCase() ?? transition.to}:`,
            ...Object.values(transition.result.error).flat().filter((e): e is string => typeof e === "string"),
          ]}
        />
      ) : null}
      {transition?.confirm ? (
        <StatusChangeConfirmation leaseId={lease.id} to={transition.to as LeaseStatus} actionLabel={ACTION_LABELS[transition.to as LeaseStatus] ?? transition.to} fields={transition.confirm} />
      ) : null}
      {next.map((to) => (
        <Form method="post" key={to} className="form-grid" style={{ alignItems: "end", marginBottom: "1rem" }}>
          <input type="hidden" name="intent" value="transition" />
          <input type="hidden" name="to" value={to} />
          <input type="hidden" name="version" value={lease.version} />
          {to === "executed" ? (
            <Field label="Execution date (signed)" inputProps={{ id: "executionDate", name: "executionDate", type: "date", defaultValue: lease.executionDate ?? today }} />
          ) : null}
          {to === "recorded" ? (
            <>
              <Field label="Recording county" inputProps={{ id: "recordingCounty", name: "recordingCounty", defaultValue: lease.recordingCounty }} />
              <Field label="Instrument number" inputProps={{ id: "recordingInstrument", name: "recordingInstrument", defaultValue: lease.recordingInstrument }} />
              <Field label="Book" inputProps={{ id: "recordingBook", name: "recordingBook", defaultValue: lease.recordingBook }} />
              <Field label="Page" inputProps={{ id: "recordingPage", name: "recordingPage", defaultValue: lease.recordingPage }} />
              <Field label="Recording date" inputProps={{ id: "recordingDate", name: "recordingDate", type: "date", defaultValue: lease.recordingDate ?? "" }} />
            </>
          ) : null}
          {to === "ended" || to === "assigned" ? (
            <Field label={to === "ended" ? "End date" : "Assignment date"} inputProps={{ id: `endedOn-${to}`, name: "endedOn", type: "date", defaultValue: today }} />
          ) : null}
          <div className="field">
            <button type="submit" className={to === "ended" ? "secondary" : "primary"}>
              {ACTION_LABELS[to]}
            </button>
          </div>
        </Form>
      ))}
    </section>
  );
}
