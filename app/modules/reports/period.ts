import { z } from "zod";
import { legalDate } from "~/utils/form-fields";

/**
 * A report's period: a first and a last day (calendar dates in the trust's time zone), both included. Left blank,
 * the period is the trust's current year to date (1 January … today). Pure.
 */
export type ReportPeriod = { from: string; to: string };

export const ReportPeriodSchema = z
  .object({ from: legalDate("first day of the period"), to: legalDate("last day of the period") })
  .superRefine((period, ctx) => {
    if (period.to < period.from) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "The last day must not be before the first day" });
  });

export function defaultPeriod(today: string): ReportPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The address's from/to with the default for a missing one (what the period form submits). */
export function periodQuery(params: URLSearchParams, today: string): URLSearchParams {
  const fallback = defaultPeriod(today);
  const query = new URLSearchParams();
  query.set("from", params.get("from")?.trim() || fallback.from);
  query.set("to", params.get("to")?.trim() || fallback.to);
  return query;
}
