import { z } from "zod";
import { compareCalendarDates } from "~/utils/calendar-date";
import { formObject, legalDate, money, optionalLegalDate, optionalMoney, optionalText, recordVersion, text } from "~/utils/form-fields";

/** The forms that record a home's valuation inputs (shared by the page and its action; no JavaScript needed). */

const positiveMoney = (label: string) => money(label).pipe(z.number().min(1, `The ${label} must be more than $0.00`));

/** An appraisal ordered; when the report is already in, its figures too. */
export const appraisalSchema = formObject(
  {
    intent: z.literal("appraisal"),
    appraiser: text("appraiser's name", 200),
    orderedOn: legalDate("date ordered"),
    receivedOn: optionalLegalDate("date received"),
    effectiveDate: optionalLegalDate("effective date of the value"),
    value: optionalMoney("appraised value").pipe(z.number().min(1, "The appraised value must be more than $0.00").optional()),
    improvementValue: optionalMoney("improvement value"),
    source: optionalText(200),
    note: optionalText(1000),
  },
  (values, ctx) => checkReceipt(values, ctx),
);
export type AppraisalValues = z.output<typeof appraisalSchema>;

/** The report of an ordered appraisal. */
export const appraisalReceiptSchema = formObject(
  {
    intent: z.literal("appraisal-received"),
    appraisalId: text("appraisal", 60),
    receivedOn: legalDate("date received"),
    effectiveDate: legalDate("effective date of the value"),
    value: positiveMoney("appraised value"),
    improvementValue: optionalMoney("improvement value"),
    source: optionalText(200),
    version: recordVersion(),
  },
  (values, ctx) => {
    if (values.improvementValue !== undefined && values.value !== undefined && values.improvementValue > values.value) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["improvementValue"], message: "The improvement value cannot exceed the appraised value" });
    }
  },
);
export type AppraisalReceiptValues = z.output<typeof appraisalReceiptSchema>;

function checkReceipt(
  values: { orderedOn?: string; receivedOn?: string; effectiveDate?: string; value?: number; improvementValue?: number },
  ctx: z.RefinementCtx,
) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  const given = [values.receivedOn, values.effectiveDate, values.value].filter((v) => v !== undefined).length;
  if (given > 0 && given < 3) {
    if (values.receivedOn === undefined) issue("receivedOn", "Enter the date the report was received (or leave the report's fields empty)");
    if (values.effectiveDate === undefined) issue("effectiveDate", "Enter the date the value is effective (or leave the report's fields empty)");
    if (values.value === undefined) issue("value", "Enter the appraised value (or leave the report's fields empty)");
  }
  if (values.improvementValue !== undefined && values.value === undefined && given === 0) {
    issue("improvementValue", "Enter the improvement value with the rest of the report");
  }
  if (values.receivedOn && values.orderedOn && compareCalendarDates(values.receivedOn, values.orderedOn) < 0) {
    issue("receivedOn", `The report cannot arrive before the appraisal was ordered (${values.orderedOn})`);
  }
  if (values.improvementValue !== undefined && values.value !== undefined && values.improvementValue > values.value) {
    issue("improvementValue", "The improvement value cannot exceed the appraised value");
  }
}

export const MAX_DEDUCTIONS = 8;

/** A pre-sale inspection with its deductions (rows left empty are ignored). */
export const inspectionSchema = formObject(
  {
    intent: z.literal("inspection"),
    inspectedOn: legalDate("inspection date"),
    inspector: text("inspector's name", 200),
    source: optionalText(200),
    note: optionalText(1000),
    deductions: z
      .array(z.object({ description: optionalText(300), amount: optionalMoney("deduction") }))
      .max(MAX_DEDUCTIONS, `List at most ${MAX_DEDUCTIONS} deductions`)
      .default([]),
  },
  (values, ctx) => {
    (values.deductions ?? []).forEach((row, index) => {
      if (row.description && row.amount === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["deductions", index, "amount"], message: "Enter the amount deducted" });
      }
      if (!row.description && row.amount !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["deductions", index, "description"], message: "Say what the deduction is for" });
      }
    });
  },
).transform(({ deductions, ...rest }) => ({
    ...rest,
    deductions: deductions.filter((row) => row.description && row.amount !== undefined).map((row) => ({ description: row.description!, amountCents: row.amount! })),
  }));
export type InspectionValues = z.output<typeof inspectionSchema>;

/** A capital improvement the trust approved. */
export const improvementSchema = formObject(
  {
    intent: z.literal("improvement"),
    description: text("description of the work", 300),
    cost: positiveMoney("cost"),
    approvedOn: legalDate("approval date"),
    completedOn: legalDate("completion date"),
    creditTerms: optionalText(300),
    source: optionalText(200),
  },
  (values, ctx) => {
    if (values.completedOn && values.approvedOn && compareCalendarDates(values.completedOn, values.approvedOn) < 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["completedOn"], message: `Work credited must be approved before it is completed (approved ${values.approvedOn})` });
    }
  },
);
export type ImprovementValues = z.output<typeof improvementSchema>;

// Index values are the trust's (Settings → Lease fees, recordIndexValue in app/modules/lease-fees), with their source.
