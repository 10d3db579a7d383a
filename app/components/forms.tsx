import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { withScreenDates } from "~/utils/calendar-date";

/**
 * Form fields with a visible label, an optional hint and the field's errors, wired for screen readers
 * (aria-invalid, aria-describedby). Each takes the props Conform's getInputProps/getSelectProps return.
 */
type Common = {
  label: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
};

function describedBy(id: string, hint: unknown, errors?: string[]) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        // one field, one message: the first says what to do first
        <p id={`${id}-error`} className="field-error" role="alert">
          {withScreenDates(errors[0]!)}
        </p>
      ) : null}
    </>
  );
}

export function Field({
  label,
  hint,
  errors,
  className,
  inputProps,
}: Common & { inputProps: React.InputHTMLAttributes<HTMLInputElement> & { id: string; key?: string | null } }) {
  const { key, ...props } = inputProps;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={props.id}>{label}</label>
      <input
        key={key ?? undefined}
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(props.id, hint, errors)}
      />
      <FieldMessages id={props.id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextareaField({
  label,
  hint,
  errors,
  className,
  textareaProps,
}: Common & { textareaProps: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; key?: string | null } }) {
  const { key, ...props } = textareaProps;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={props.id}>{label}</label>
      <textarea
        key={key ?? undefined}
        rows={4}
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(props.id, hint, errors)}
      />
      <FieldMessages id={props.id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  selectProps,
  options,
  placeholder,
}: Common & {
  selectProps: React.SelectHTMLAttributes<HTMLSelectElement> & { id: string; key?: string | null };
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  const { key, ...props } = selectProps;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={props.id}>{label}</label>
      <select
        key={key ?? undefined}
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(props.id, hint, errors)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={props.id} hint={hint} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  errors,
  inputProps,
}: Common & { inputProps: React.InputHTMLAttributes<HTMLInputElement> & { id: string; key?: string | null } }) {
  const { key, ...props } = inputProps;
  return (
    <div className="field field-checkbox">
      <input
        key={key ?? undefined}
        type="checkbox"
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(props.id, hint, errors)}
      />
      <label htmlFor={props.id}>{label}</label>
      <FieldMessages id={props.id} hint={hint} errors={errors} />
    </div>
  );
}

/** Errors that belong to the whole form (e.g. "changed by someone else"). */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((error) => (
        <p key={error}>{withScreenDates(error)}</p>
      ))}
    </div>
  );
}

export type SummaryError = { id: string; message: string };

/**
 * Every error of a submission at once, at the top of the form, each linking to its field (issue 15). Focused when
 * a submission of the form fails (with or without JavaScript), so a screen reader hears how many problems there
 * are and a keyboard user can follow the links; errors that change while typing do not move the focus. Without
 * JavaScript the links are plain fragment links to the fields.
 */
export function ErrorSummary({ errors, formId, formErrors = [] }: { errors: SummaryError[]; formId: string; formErrors?: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const submitted = useRef(true); // the first render after a (no-JavaScript or server) submission counts
  const count = errors.length + formErrors.length;
  // shown from a submission on, never for an error met while typing (a box appearing at the top then would move
  // the form under the pointer: the click on the submit button would land elsewhere)
  const [shown, setShown] = useState(count > 0);
  const signature = [...formErrors, ...errors.map((e) => `${e.id}:${e.message}`)].join("\u0000");

  useEffect(() => {
    const form = document.getElementById(formId);
    const onSubmit = (event: Event) => {
      // Conform validates a field on blur by submitting the form with an "__intent__" submitter: that is not the
      // person submitting, and moving the focus then would pull it away from where they are typing
      const submitter = (event as SubmitEvent).submitter;
      if (submitter?.getAttribute("name") === "__intent__") return;
      submitted.current = true;
      setShown(true);
    };
    form?.addEventListener("submit", onSubmit, true);
    return () => form?.removeEventListener("submit", onSubmit, true);
  }, [formId]);

  useEffect(() => {
    if (count > 0 && submitted.current) ref.current?.focus();
    if (count === 0) setShown(false);
    submitted.current = false;
  }, [signature, count]);

  if (count === 0 || !shown) return null;
  return (
    <div ref={ref} className="form-errors error-summary" role="alert" aria-labelledby={`${formId}-error-summary`} tabIndex={-1}>
      <h2 id={`${formId}-error-summary`} className="error-summary-title">
        {count === 1 ? "There is a problem" : `There are ${count} problems`}
      </h2>
      {formErrors.map((error) => (
        <p key={error}>{withScreenDates(error)}</p>
      ))}
      {errors.length ? (
        <ul>
          {errors.map((error) => (
            <li key={error.id}>
              <a
                href={`#${error.id}`}
                onClick={(event) => {
                  const field = document.getElementById(error.id);
                  if (!field) return;
                  event.preventDefault();
                  field.scrollIntoView({ block: "center" });
                  field.focus();
                }}
              >
                {withScreenDates(error.message)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A Conform form's errors (`form.allErrors`) for ErrorSummary: one per field, in the order the fields appear. */
export function conformSummaryErrors(formId: string, allErrors: Record<string, string[] | undefined>, order?: string[]): { errors: SummaryError[]; formErrors: string[] } {
  const entries = Object.entries(allErrors).filter(([, messages]) => messages?.length);
  const formErrors = entries.filter(([name]) => name === "").flatMap(([, messages]) => messages!);
  // parents (e.g. "improvements") repeat their children's errors: only the leaves and lists' own errors
  const names = entries.map(([name]) => name).filter((name) => name !== "");
  const fieldEntries = entries.filter(([name, messages]) => name !== "" && !names.some((other) => other !== name && other.startsWith(name) && /^[.[]/.test(other.slice(name.length)) && allErrors[other]?.[0] === messages![0]));
  const position = (name: string) => {
    if (!order) return 0;
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  const errors = fieldEntries
    .sort(([a], [b]) => position(a) - position(b))
    .map(([name, messages]) => ({ id: `${formId}-${name}`, message: messages![0]! }));
  return { errors, formErrors };
}

/**
 * The error summary of a Conform form: every field error and form error of the submission, each linking to its
 * field. The one way a form shows its errors at the top (issue 15); each field still shows its own message.
 */
export function FormErrorSummary({ form, order }: { form: { id: string; allErrors: Record<string, string[] | undefined> }; order?: string[] }) {
  return <ErrorSummary formId={form.id} {...conformSummaryErrors(form.id, form.allErrors, order)} />;
}

/**
 * One small form of a page with several, told apart by a hidden `intent` (and, for a record, its `version`):
 * the form-level errors, the fields in a grid, anything after them, and the submit button. Pass Conform's form
 * metadata; the fields are the children.
 */
export function IntentForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  version,
  submitLabel,
  secondary = false,
  after,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  version?: number;
  submitLabel: string;
  secondary?: boolean;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrorSummary form={form} />
      <input type="hidden" name="intent" value={intent} />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      <div className="form-grid">{children}</div>
      {after}
      <div className="actions">
        <button type="submit" className={secondary ? "secondary" : "primary"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
