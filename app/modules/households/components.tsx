/**
 * Household UI pieces used by more than one route (new / edit). They live with the concept because
 * app/components holds only cross-cutting UI.
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Field, SelectField, TextareaField } from "~/components/forms";
import { ETHNICITIES, options, RACES } from "./schemas";

type HouseholdFieldsMeta = {
  name: FieldMetadata<string>;
  email: FieldMetadata<string>;
  phone: FieldMetadata<string>;
  mailingAddress: FieldMetadata<string>;
  firstTimeBuyer: FieldMetadata<string>;
  ethnicity: FieldMetadata<string>;
  race: FieldMetadata<string>;
};

export function HouseholdFormFields({ fields }: { fields: HouseholdFieldsMeta }) {
  return (
    <>
      <fieldset className="form-grid">
        <legend>Household and contact</legend>
        <Field
          label="Household name"
          hint='How you refer to the household, e.g. "Núñez household" or the main buyer&apos;s name.'
          errors={fields.name.errors}
          inputProps={getInputProps(fields.name, { type: "text" })}
        />
        <Field label="Email" errors={fields.email.errors} inputProps={getInputProps(fields.email, { type: "email" })} />
        <Field label="Phone" errors={fields.phone.errors} inputProps={getInputProps(fields.phone, { type: "tel" })} />
        <TextareaField
          className="span-all"
          label="Mailing address"
          errors={fields.mailingAddress.errors}
          textareaProps={{ ...getTextareaProps(fields.mailingAddress), rows: 3 }}
        />
      </fieldset>
      <fieldset className="form-grid">
        <legend>For funder reports (HUD-9902)</legend>
        <SelectField
          label="First-time homebuyer"
          errors={fields.firstTimeBuyer.errors}
          selectProps={getSelectProps(fields.firstTimeBuyer)}
          placeholder="Not recorded"
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
        />
        <SelectField
          label="Ethnicity"
          errors={fields.ethnicity.errors}
          selectProps={getSelectProps(fields.ethnicity)}
          placeholder="Not recorded"
          options={options(ETHNICITIES)}
        />
        <SelectField
          label="Race"
          errors={fields.race.errors}
          selectProps={getSelectProps(fields.race)}
          placeholder="Not recorded"
          options={options(RACES)}
        />
      </fieldset>
    </>
  );
}

export function percentLabel(percent: string): string {
  return `${percent}% AMI`;
}
