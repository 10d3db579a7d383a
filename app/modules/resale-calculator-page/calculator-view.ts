/**
 * The resale calculator page's view model (/resale/homes/:homeId): the home, the organisation's formula presets
 * (each with its extras and a description), income limits, saved calculations, and the form's starting values —
 * the defaults overlaid with what is recorded for the home (calculatorStartingPoint) and where each came from.
 * Pure: no I/O. It lives above resale and home-inputs (it gathers both; home-inputs builds on resale), like
 * parcel-page/, so that no concept folder imports one that imports it back.
 */
import type { calculatorStartingPoint } from "~/modules/home-inputs/prefill.server";
import type { presetsForCalculator } from "~/modules/formula-presets/formula-presets.server";
import type { getHomeForResale, latestIncomeLimits, listResaleCalculations } from "~/modules/resale/calculations.server";
import { describeResaleRule } from "~/modules/resale/describe";
import { defaultCalculatorValues, defaultHouseholdSize } from "~/modules/resale/form-defaults";
import { specExtrasLabel } from "~/modules/resale/formula-spec";
import type { homeIncomeLimitArea, incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";

type Loaded<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** The page's data: what the loader read for the home and its organisation, shaped for the page. */
export function calculatorView({
  home,
  presets,
  incomeLimits,
  incomeLimitTables,
  area,
  saved,
  canWrite,
  start,
  valuationDate,
}: {
  home: NonNullable<Loaded<typeof getHomeForResale>>;
  presets: Loaded<typeof presetsForCalculator>;
  incomeLimits: Loaded<typeof latestIncomeLimits>;
  incomeLimitTables: Loaded<typeof incomeLimitTablesForContract>;
  area: Loaded<typeof homeIncomeLimitArea>;
  saved: Loaded<typeof listResaleCalculations>;
  canWrite: boolean;
  start: Loaded<typeof calculatorStartingPoint>;
  valuationDate: string;
}) {
  return {
    sources: start.sources,
    home,
    incomeLimitTables,
    presets: presets.map((p) => ({ ...p, extras: p.spec ? specExtrasLabel(p.spec) : "", description: p.description || (p.spec ? describeResaleRule(p.spec) : "") })),
    incomeLimits,
    saved,
    canWrite,
    defaults: {
      ...defaultCalculatorValues({
        presetId: start.presetId,
        purchasePrice: home.currentOwnership?.purchasePrice ?? null,
        purchaseDate: home.currentOwnership?.purchaseDate ?? null,
        valuationDate,
        householdSize: defaultHouseholdSize(home.bedrooms),
        area,
      }),
      ...start.values,
    },
  };
}

export type CalculatorView = ReturnType<typeof calculatorView>;
