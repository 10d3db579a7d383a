import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { DERIVATION_METHOD_IDS, DERIVATION_METHODS, type PublishedLevel } from "~/modules/income-limits/income-limits";
import {
  correctIncomeLimitValue,
  setEffectiveFrom,
  derivationMethodOf,
  getIncomeLimitTable,
  setDerivationMethod,
  tableView,
} from "~/modules/income-limits/income-limits.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { legalDate } from "~/utils/form-fields";
import { db } from "~/utils/db.server";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `FY${data.table.fiscalYear} ${data.table.areaName} · Income limits · Commonground` : "Income limits · Commonground" },
];

const Version = z.number({ required_error: "Missing record version", invalid_type_error: "Missing record version" }).int();

/** Corrects one published figure: a level and household size, or the median. Whole dollars. */
const CorrectionSchema = z.object({
  cell: z
    .string({ required_error: "Choose the figure to correct" })
    .regex(/^(median|(30|50|80):[1-8])$/, "Choose the figure to correct"),
  value: z
    .string({ required_error: "Enter the value in whole dollars" })
    .trim()
    .regex(/^(\d{1,3}(,\d{3})+|\d+)$/, "Enter whole dollars, e.g. 43,200")
    .transform((v) => Number(v.replace(/,/g, "")))
    .refine((v) => Number.isSafeInteger(v) && v > 0, "Enter a positive amount"),
  version: Version,
});

const EffectiveFromSchema = z.object({
  effectiveFrom: legalDate("date the table takes effect"),
  version: Version,
});

const MethodSchema = z.object({
  derivationMethod: z.enum(DERIVATION_METHOD_IDS, { errorMap: () => ({ message: "Choose a derivation method" }) }),
  version: Version,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const row = await getIncomeLimitTable(db(), actor.organisationId, params.tableId ?? "");
  if (!row) throw new Response("Income-limit table not found", { status: 404 });
  const method = derivationMethodOf(row);
  return {
    canManage: can(actor.role, "settings:manage"),
    table: {
      id: row.id,
      fiscalYear: row.fiscalYear,
      areaCode: row.areaCode,
      areaName: row.areaName,
      effectiveFrom: row.effectiveFrom,
      median: row.medianFamilyIncome,
      source: row.source,
      version: row.version,
      method,
    },
    view: tableView(row, method),
    methods: DERIVATION_METHOD_IDS.map((id) => DERIVATION_METHODS[id]),
  };
}

type ActionResult = { intent: string; reply: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const id = params.tableId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["correct", "effective", "method"]);
  const back = `/settings/income-limits/${id}`;
  const respond = (reply: SubmissionResult<string[]>, status: number) => data<ActionResult>({ intent, reply }, { status });
  try {
    if (intent === "correct") {
      const submission = parseWithZod(formData, { schema: CorrectionSchema });
      if (submission.status !== "success") return respond(submission.reply(), 400);
      const { cell, value, version } = submission.value;
      const [level, size] = cell === "median" ? ["median" as const, undefined] : [Number(cell.split(":")[0]) as PublishedLevel, Number(cell.split(":")[1])];
      const result = await correctIncomeLimitValue(db(), auditActor(actor), id, { level, householdSize: size, value, version });
      if (!result.ok) return respond(submission.reply({ fieldErrors: { [result.field === "value" ? "value" : "cell"]: [result.message] } }), 400);
      return redirectWithToast(back, { kind: "success", message: "The figure was corrected. Certifications already made keep the limit they used." });
    }
    if (intent === "effective") {
      const submission = parseWithZod(formData, { schema: EffectiveFromSchema });
      if (submission.status !== "success") return respond(submission.reply(), 400);
      await setEffectiveFrom(db(), auditActor(actor), id, submission.value.effectiveFrom, submission.value.version);
      return redirectWithToast(back, {
        kind: "success",
        message: `The table is in effect from ${formatScreenDate(submission.value.effectiveFrom)}. Certifications already made keep the table they used.`,
      });
    }
    if (intent === "method") {
      const submission = parseWithZod(formData, { schema: MethodSchema });
      if (submission.status !== "success") return respond(submission.reply(), 400);
      await setDerivationMethod(db(), auditActor(actor), id, submission.value.derivationMethod, submission.value.version);
      return redirectWithToast(back, {
        kind: "success",
        message: `Derived levels now use: ${DERIVATION_METHODS[submission.value.derivationMethod].label}.`,
      });
    }
  } catch (error) {
    if (error instanceof StaleRecordError) return respond({ status: "error", error: { "": [error.message] } }, 409);
    throw error;
  }
  throw new Response("Unknown action", { status: 400 });
}

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8];
const LEVEL_NAMES: Record<number, string> = { 30: "extremely low", 50: "very low", 80: "low" };

export default function IncomeLimitTablePage() {
  const { table, view, methods, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/settings/income-limits">← Income limits</Link>
      </p>
      <h1>
        FY{table.fiscalYear} {table.areaName}
      </h1>
      <dl className="details">
        <dt>Area code</dt>
        <dd>
          <code>{table.areaCode}</code>
        </dd>
        <dt>Effective from</dt>
        <dd data-testid="effective-from">{formatScreenDate(table.effectiveFrom)}</dd>
        <dt>Median family income (4 persons)</dt>
        <dd>{formatUsd(String(table.median))}</dd>
        <dt>Source</dt>
        <dd>{table.source}</dd>
      </dl>
      <h2>Limits by household size</h2>
      <TableWrap label="Limits by household size">
        <table>
          <thead>
            <tr>
              <th scope="col">Level</th>
              {SIZES.map((size) => (
                <th key={size} scope="col" className="num">
                  {size} {size === 1 ? "person" : "persons"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.published.map((row) => (
              <tr key={row.level}>
                <th scope="row">
                  {row.level}% <span className="muted">({LEVEL_NAMES[row.level]}) · published</span>
                </th>
                {row.byHouseholdSize.map((value, i) => (
                  <td key={i} className="num">
                    {formatUsd(String(value))}
                  </td>
                ))}
              </tr>
            ))}
            {view.derived.map((row) => (
              <tr key={row.level}>
                <th scope="row">
                  {row.level}% <span className="badge badge-warn">derived</span>
                </th>
                {row.byHouseholdSize.map((value, i) => (
                  <td key={i} className="num">
                    {formatUsd(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted" data-testid="derivation-note">
        {view.derived.length
          ? `Derived levels (HUD does not publish them) use: ${view.derived[0]!.methodLabel}. ${DERIVATION_METHODS[table.method].description}`
          : "This table has no published 50% row, so levels cannot be derived as a multiple of it: choose “median × level × size factor”."}
      </p>
      {canManage ? (
        <>
          <EffectiveFromForm table={table} result={result?.intent === "effective" ? result.reply : undefined} />
          <MethodForm table={table} methods={methods} result={result?.intent === "method" ? result.reply : undefined} />
          <CorrectionForm table={table} levels={view.published.map((r) => r.level)} result={result?.intent === "correct" ? result.reply : undefined} />
        </>
      ) : null}
    </>
  );
}

type TableData = ReturnType<typeof useLoaderData<typeof loader>>["table"];

function EffectiveFromForm({ table, result }: { table: TableData; result?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `effective-${table.id}-${table.version}`,
    lastResult: result,
    defaultValue: { effectiveFrom: table.effectiveFrom, version: String(table.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EffectiveFromSchema }),
  });
  return (
    <section aria-labelledby="effective-title">
      <h2 id="effective-title">Effective date</h2>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="effective" />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <FormErrorSummary form={form} />
        <Field
          label="In effect from"
          hint="The date HUD announced for this fiscal year. Certifications on or after it use this table (until a newer one of the area takes effect)."
          errors={fields.effectiveFrom.errors}
          inputProps={getInputProps(fields.effectiveFrom, { type: "date" })}
        />
        <div>
          <button type="submit" className="primary">
            Save effective date
          </button>
        </div>
      </Form>
    </section>
  );
}

function MethodForm({ table, methods, result }: { table: TableData; methods: { id: string; label: string }[]; result?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `method-${table.id}-${table.version}`,
    lastResult: result,
    defaultValue: { derivationMethod: table.method, version: String(table.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MethodSchema }),
  });
  return (
    <section aria-labelledby="method-title">
      <h2 id="method-title">Derivation method</h2>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="method" />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <FormErrorSummary form={form} />
        <SelectField
          label="How 60 %, 100 % and 120 % limits are derived"
          hint="Recorded with every % AMI computed from this table."
          errors={fields.derivationMethod.errors}
          selectProps={getSelectProps(fields.derivationMethod)}
          options={methods.map((m) => ({ value: m.id, label: m.label }))}
        />
        <div>
          <button type="submit" className="primary">
            Save method
          </button>
        </div>
      </Form>
    </section>
  );
}

function CorrectionForm({ table, levels, result }: { table: TableData; levels: number[]; result?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `correct-${table.id}-${table.version}`,
    lastResult: result,
    defaultValue: { version: String(table.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CorrectionSchema }),
    shouldRevalidate: "onInput",
  });
  const cells = [
    { value: "median", label: "Median family income (4 persons)" },
    ...levels.flatMap((level) => SIZES.map((size) => ({ value: `${level}:${size}`, label: `${level}% limit, ${size} ${size === 1 ? "person" : "persons"}` }))),
  ];
  return (
    <section aria-labelledby="correct-title">
      <h2 id="correct-title">Correct a figure</h2>
      <p className="muted">For a typo or HUD&apos;s own correction. The change is versioned and audited; a value that breaks the table&apos;s consistency is refused.</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="correct" />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <FormErrorSummary form={form} />
        <div className="form-grid">
          <SelectField label="Figure" errors={fields.cell.errors} selectProps={getSelectProps(fields.cell)} placeholder="Choose" options={cells} />
          <Field label="Correct value (whole dollars)" errors={fields.value.errors} inputProps={{ ...getInputProps(fields.value, { type: "text" }), inputMode: "numeric" }} />
        </div>
        <div>
          <button type="submit" className="primary">
            Save correction
          </button>
        </div>
      </Form>
    </section>
  );
}
