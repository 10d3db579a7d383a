/**
 * The parcel CSV columns (import and export), by schema field. One row per home; rows sharing a parcel
 * number add homes to the same parcel. Shared by the import page (help text) and the importer.
 */
export const PARCEL_CSV_COLUMNS = {
  parcelNumber: "parcel_number",
  streetAddress: "street_address",
  city: "city",
  state: "state",
  postalCode: "postal_code",
  legalDescription: "legal_description",
  landArea: "land_area",
  landAreaUnit: "land_area_unit",
  zoning: "zoning",
  acquisitionDate: "acquisition_date",
  acquisitionPriceCents: "acquisition_price",
  acquisitionMethod: "acquisition_method",
  assessedLandValueCents: "assessed_land_value",
  status: "status",
  // the parcel's HUD income-limit area: an area code or name of the trust's tables (default: the trust's default area)
  incomeLimitAreaCode: "hud_area",
  homeType: "home_type",
  homeLabel: "home_label",
  bedrooms: "bedrooms",
  bathrooms: "bathrooms",
  floorAreaSqft: "floor_area_sqft",
  yearBuilt: "year_built",
} as const;
