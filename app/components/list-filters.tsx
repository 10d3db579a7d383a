/** The filter row above a list (a GET form): a search box and labelled selects. Work without JavaScript. */
export function SearchBox({ defaultValue, placeholder }: { defaultValue?: string; placeholder: string }) {
  return (
    <div className="field" style={{ flex: "1 1 16rem" }}>
      <label htmlFor="q">Search</label>
      <input id="q" name="q" type="search" defaultValue={defaultValue ?? ""} placeholder={placeholder} />
    </div>
  );
}

/** A select of the filter row; `anyLabel` adds a first, empty choice ("Any status"). */
export function FilterSelect({
  name,
  label,
  defaultValue,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The submit button of every list filter form: always "Apply" (a search box alone is still a filter). */
export function ApplyButton() {
  return (
    <button type="submit" className="secondary">
      Apply
    </button>
  );
}

/** The one "include archived records" control of every list: a checkbox named `archived` with value "1". */
export function IncludeArchived({ checked }: { checked: boolean }) {
  return (
    <div className="field field-checkbox filter-checkbox">
      <input id="archived" name="archived" type="checkbox" value="1" defaultChecked={checked} />
      <label htmlFor="archived">Include archived</label>
    </div>
  );
}
