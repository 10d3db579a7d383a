import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Field, SelectField, TextareaField } from "~/components/forms";
import {
  ACQUISITION_METHODS,
  AREA_UNIT_LABELS,
  AREA_UNITS,
  FUNDING_PROGRAM_LABELS,
  FUNDING_PROGRAMS,
  HOME_TYPE_LABELS,
  HOME_TYPES,
  PARCEL_STATUS_LABELS,
  PARCEL_STATUSES,
  type FundingFields,
  type HomeFields,
  type ParcelFields,
} from "~/modules/parcels/schemas";
import { humanise } from "~/utils/format";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform's metadata is generic over the whole form
type Meta = FieldMetadata<any, any, string[]>;
type FieldsOf<T> = { [K in keyof T]: Meta };

const options = <T extends string>(values: readonly T[], labels?: Record<T, string>) =>
  values.map((value) => ({ value, label: labels ? labels[value] : humanise(value) }));

/** The parcel's own fields, shared by "Register a parcel" and "Edit parcel". */
export function ParcelFieldset({ fields, areas }: { fields: FieldsOf<typeof ParcelFields>; areas: { areaCode: string; areaName: string }[] }) {
  return (
    <>
      <fieldset className="form-grid">
        <legend>Parcel</legend>
        <Field label="Parcel number (APN)" errors={fields.parcelNumber.errors} inputProps={getInputProps(fields.parcelNumber, { type: "text" })} />
        <SelectField label="Status" errors={fields.status.errors} selectProps={getSelectProps(fields.status)} options={options(PARCEL_STATUSES, PARCEL_STATUS_LABELS)} />
        <Field label="Street address" className="span-all" errors={fields.streetAddress.errors} inputProps={getInputProps(fields.streetAddress, { type: "text" })} />
        <Field label="City" errors={fields.city.errors} inputProps={getInputProps(fields.city, { type: "text" })} />
        <Field label="State" errors={fields.state.errors} inputProps={getInputProps(fields.state, { type: "text" })} />
        <Field label="ZIP code" errors={fields.postalCode.errors} inputProps={getInputProps(fields.postalCode, { type: "text" })} />
        <TextareaField
          label="Legal description"
          className="span-all"
          hint="Exactly as recorded — it is copied verbatim into the lease exhibit."
          errors={fields.legalDescription.errors}
          textareaProps={getTextareaProps(fields.legalDescription)}
        />
        <Field label="Land area" errors={fields.landArea.errors} inputProps={{ ...getInputProps(fields.landArea, { type: "text" }), inputMode: "decimal" }} />
        <SelectField label="Land area unit" errors={fields.landAreaUnit.errors} selectProps={getSelectProps(fields.landAreaUnit)} options={options(AREA_UNITS, AREA_UNIT_LABELS)} />
        <Field label="Zoning" errors={fields.zoning.errors} inputProps={getInputProps(fields.zoning, { type: "text" })} />
        <SelectField
          label="HUD area (income limits)"
          hint={areas.length ? "Households buying or owning a home here are certified against this area's income limits." : "Import an income-limit table first (Settings → Income limits)."}
          errors={fields.incomeLimitAreaCode.errors}
          selectProps={getSelectProps(fields.incomeLimitAreaCode)}
          placeholder="— the trust's default area —"
          options={areas.map((a) => ({ value: a.areaCode, label: a.areaName }))}
        />
      </fieldset>
      <fieldset className="form-grid">
        <legend>Acquisition and value</legend>
        <Field label="Acquisition date" errors={fields.acquisitionDate.errors} inputProps={getInputProps(fields.acquisitionDate, { type: "date" })} />
        <Field label="Acquisition price ($)" errors={fields.acquisitionPriceCents.errors} inputProps={{ ...getInputProps(fields.acquisitionPriceCents, { type: "text" }), inputMode: "decimal" }} />
        <SelectField
          label="How it was acquired"
          errors={fields.acquisitionMethod.errors}
          selectProps={getSelectProps(fields.acquisitionMethod)}
          placeholder="—"
          options={options(ACQUISITION_METHODS)}
        />
        <Field label="Assessed land value ($)" errors={fields.assessedLandValueCents.errors} inputProps={{ ...getInputProps(fields.assessedLandValueCents, { type: "text" }), inputMode: "decimal" }} />
      </fieldset>
    </>
  );
}

export function HomeFieldset({ fields, legend, hint }: { fields: FieldsOf<typeof HomeFields>; legend: string; hint?: string }) {
  return (
    <fieldset className="form-grid">
      <legend>{legend}</legend>
      {hint ? <p className="field-hint span-all">{hint}</p> : null}
      <SelectField label="Type of home" errors={fields.homeType.errors} selectProps={getSelectProps(fields.homeType)} placeholder="—" options={options(HOME_TYPES, HOME_TYPE_LABELS)} />
      <Field label="Unit label" hint="e.g. “Unit B”; blank for a house" errors={fields.label.errors} inputProps={getInputProps(fields.label, { type: "text" })} />
      <Field label="Bedrooms" errors={fields.bedrooms.errors} inputProps={{ ...getInputProps(fields.bedrooms, { type: "number" }), min: 0 }} />
      <Field label="Bathrooms" errors={fields.bathrooms.errors} inputProps={{ ...getInputProps(fields.bathrooms, { type: "text" }), inputMode: "decimal" }} />
      <Field label="Floor area (sq ft)" errors={fields.floorAreaSqft.errors} inputProps={{ ...getInputProps(fields.floorAreaSqft, { type: "number" }), min: 1 }} />
      <Field label="Year built" errors={fields.yearBuilt.errors} inputProps={{ ...getInputProps(fields.yearBuilt, { type: "number" }), min: 1700 }} />
    </fieldset>
  );
}

export function FundingFieldset({ fields, legend, hint }: { fields: FieldsOf<typeof FundingFields>; legend: string; hint?: string }) {
  return (
    <fieldset className="form-grid">
      <legend>{legend}</legend>
      {hint ? <p className="field-hint span-all">{hint}</p> : null}
      <Field label="Funder" errors={fields.funder.errors} inputProps={getInputProps(fields.funder, { type: "text" })} />
      <SelectField label="Program" errors={fields.program.errors} selectProps={getSelectProps(fields.program)} placeholder="—" options={options(FUNDING_PROGRAMS, FUNDING_PROGRAM_LABELS)} />
      <Field label="Amount ($)" errors={fields.amountCents.errors} inputProps={{ ...getInputProps(fields.amountCents, { type: "text" }), inputMode: "decimal" }} />
      <Field label="Date received" errors={fields.receivedOn.errors} inputProps={getInputProps(fields.receivedOn, { type: "date" })} />
      <Field label="Affordability period (years)" errors={fields.affordabilityYears.errors} inputProps={{ ...getInputProps(fields.affordabilityYears, { type: "number" }), min: 1 }} />
      <Field label="Restriction end date" errors={fields.restrictionEndDate.errors} inputProps={getInputProps(fields.restrictionEndDate, { type: "date" })} />
      <Field label="Notes" className="span-all" errors={fields.notes.errors} inputProps={getInputProps(fields.notes, { type: "text" })} />
    </fieldset>
  );
}
