import type { ReactNode } from "react";

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
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(" ")}
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
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}
