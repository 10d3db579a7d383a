import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "~/components/forms";
import { TIMED_TERM_KEYS, TIMED_TERM_SPECS, type LeaseTimedTerms, type TimedTermKey } from "~/modules/leases/terms";
import { centsToString, formatUsd } from "~/utils/money";

/** A timed term as staff read it: "10 days", "$10.00", "day 1 of the month", "24 months before expiration". */
export function formatTimedTerm(key: TimedTermKey, value: number): string {
  const unit = TIMED_TERM_SPECS[key].unit;
  if (unit === "cents") return formatUsd(centsToString(value));
  if (unit === "day of month") return `day ${value} of the month`;
  if (unit === "months") return `${value} months before expiration`;
  return `${value} day${value === 1 ? "" : "s"}`;
}

/** The timed and monetary terms as a definition list. */
export function LeaseTermsList({ terms }: { terms: LeaseTimedTerms }) {
  return (
    <dl className="details">
      {TIMED_TERM_KEYS.map((key) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{TIMED_TERM_SPECS[key].label}</dt>
          <dd>{formatTimedTerm(key, terms[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Form values for the timed terms (late charge in dollars, the rest as whole numbers). */
export function timedTermFormValues(terms: LeaseTimedTerms): Record<TimedTermKey, string> {
  return Object.fromEntries(TIMED_TERM_KEYS.map((key) => [key, key === "lateChargeCents" ? centsToString(terms[key]) : String(terms[key])])) as Record<TimedTermKey, string>;
}

/** One input per timed term, for the draft, amendment and trust-defaults forms. */
export function LeaseTermFields({ fields }: { fields: { [K in TimedTermKey]: FieldMetadata<unknown> } }) {
  return (
    <div className="form-grid">
      {TIMED_TERM_KEYS.map((key) => {
        const spec = TIMED_TERM_SPECS[key];
        const label = spec.unit === "cents" ? `${spec.label} ($)` : spec.unit === "days" ? `${spec.label} (days)` : spec.unit === "day of month" ? `${spec.label} (1–28)` : spec.label;
        return (
          <Field
            key={key}
            label={label}
            errors={fields[key].errors}
            inputProps={spec.unit === "cents" ? { ...getInputProps(fields[key], { type: "text" }), inputMode: "decimal" } : { ...getInputProps(fields[key], { type: "number" }), min: spec.min, max: spec.max }}
          />
        );
      })}
    </div>
  );
}
