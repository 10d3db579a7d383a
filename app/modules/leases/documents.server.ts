/**
 * Lease documents from the database: `buildLeaseDocumentData` assembles the renderer's plain data from a
 * lease (organisation, parties, parcel, dates, fee, mortgages, riders, template version, resale formula and a
 * worked example computed with the resale engine from this lease's numbers); `generateLeaseDocument` renders
 * the lease or the memorandum; `renderLeaseDocumentFile` only renders (downloads), `generateLeaseDocument` also
 * records the generation (who, when, template version, sha256, pages) when someone produces a copy on purpose,
 * and keeps the PDF as a stored document of the lease (once per content).
 */
import { storeDocument } from "~/modules/stored-documents/stored-documents.server";
import { mortgagesInForce } from "~/modules/mortgages/permitted-mortgages";
import { createHash } from "node:crypto";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { parsePresetSpec, type FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { getFormulaPresetByName } from "~/modules/formula-presets/formula-presets.server";
import { parseResaleRequest } from "~/modules/resale/contract";
import type { IncomeLimitTableInput } from "~/modules/resale/ami-level";
import { calculateResale } from "~/modules/resale/engine";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import type { Db } from "~/utils/db.server";
import { centsToString, Decimal, formatUsd, toMoneyString } from "~/utils/money";
import { renderLeaseDocument, type LeaseDocumentData } from "./document-pdf.server";
import { renewalTerm, expirationDate as termEnd } from "./lifecycle";
import { getLease, type LeaseDetail } from "./leases.server";
import { renderMemorandum } from "./memorandum-pdf.server";
import { MissingTemplateValueError, withUnprintedTerms } from "./template";
import { latestTemplateVersion, templateContent, templateVersionLabel } from "./templates.server";
import { termsAsSigned, timedTermsOf } from "./terms";
import { stateFullName, stateLegalName } from "./state-names";
import { describeResaleRule } from "~/modules/resale/describe";
import { todayIn } from "~/utils/calendar-date";
import { leaseRowTerms } from "./terms.server";
import { riderTextsFor } from "./riders.server";
import { fromDbCents } from "~/utils/cents";

import { documentFilename, type LeaseDocumentKind } from "./document-kinds";
import { formatLegalDate, withLegalDates } from "~/modules/documents/format";

export { DOCUMENT_KINDS, type LeaseDocumentKind } from "./document-kinds";

/** Used for the worked example when the home has no recorded purchase price. */
export const ILLUSTRATIVE_PURCHASE_PRICE = "200000.00";
/** Illustrative assumptions for appraisal- and index-based examples (stated in the example's description). */
export const ILLUSTRATIVE_MARKET_RATIO = "1.4"; // market value at purchase = 140 % of the (subsidised) price
export const ILLUSTRATIVE_ANNUAL_GROWTH = "0.03"; // market value and index rise 3 % a year

export type BuildResult =
  | { ok: true; data: LeaseDocumentData; templateVersionId: string; lease: LeaseDetail }
  | { ok: false; status: 400 | 404; errors: string[] };

/** The date ten years after `date` (29 February → 1 March in a common year), by the lease's term arithmetic. */
function tenYearsAfter(date: string): string {
  return renewalTerm(termEnd(date, 10), 1).startDate;
}

/** The worked example cannot be computed from the lease's rule (a message for the user). */
export class WorkedExampleError extends Error {
  override name = "WorkedExampleError";
}

/** Illustrative HOME fair-return figures for the worked example: 10 % of the price paid down, 3 % closing costs, 70 % still owed. */
function illustrativeFairReturn(price: string) {
  const part = (share: string) => toMoneyString(new Decimal(price).times(share));
  return { principalPaidDown: part("0.1"), sellerClosingCosts: part("0.03"), outstandingLiens: part("0.7") };
}

/** A worked example of the resale formula with this lease's numbers, computed by the resale engine. */
export function workedExample(
  spec: FormulaPresetSpec,
  input: {
    commencementDate: string;
    purchasePriceCents: number | null;
    purchaseIsRecorded: boolean;
    /** For a formula or cap naming an AMI level: the organisation's tables and the home's bedrooms. */
    incomeLimitTables?: IncomeLimitTableInput[];
    bedrooms?: number | null;
  },
) {
  const price = input.purchasePriceCents != null ? centsToString(input.purchasePriceCents) : ILLUSTRATIVE_PURCHASE_PRICE;
  const valuationDate = tenYearsAfter(input.commencementDate);
  const growth = new Decimal(1).plus(ILLUSTRATIVE_ANNUAL_GROWTH).pow(10);
  const atPurchase = toMoneyString(new Decimal(price).times(ILLUSTRATIVE_MARKET_RATIO));
  const current = toMoneyString(new Decimal(atPurchase).times(growth));
  const indexCurrent = new Decimal(100).times(growth).toFixed(2);
  const parsed = parseResaleRequest({
    ...spec,
    purchase: { price, date: input.commencementDate },
    valuationDate,
    appraisals: { atPurchase, current, improvementValue: "0.00" },
    index: { atPurchase: "100.00", current: indexCurrent },
    ...(spec.formula.type === "fair-return" ? { fairReturn: illustrativeFairReturn(price) } : {}),
    ...(input.incomeLimitTables ? { incomeLimitTables: input.incomeLimitTables } : {}),
    ...(input.bedrooms != null ? { home: { bedrooms: input.bedrooms } } : {}),
  });
  if (!parsed.ok) {
    // e.g. a formula naming an AMI level in an area without an income-limit table in effect ten years on
    throw new WorkedExampleError(`The lease's worked resale example cannot be computed: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join("; ")}.`);
  }
  const result = calculateResale(parsed.request);
  const usesAppraisal = spec.formula.type === "appraisal" || spec.caps.some((c) => c.type === "market-value");
  const parts = [
    `Illustration for this Lease, not a promise of any price. The Homeowner buys the Home on the Commencement Date for ${formatUsd(price)}` +
      (input.purchaseIsRecorded ? " (the purchase price recorded for the Home)" : " (an illustrative price; the actual price is the one paid at purchase)") +
      ` and gives notice of intent to sell ten years later, on ${formatLegalDate(valuationDate)}, with no approved capital improvements and no deductions.`,
  ];
  if (usesAppraisal) {
    parts.push(
      `Assumed for illustration only: an appraised market value of ${formatUsd(atPurchase)} at purchase (140% of the purchase price) and ${formatUsd(current)} at resale (rising 3% a year).`,
    );
  }
  if (spec.formula.type === "fair-return") {
    const figures = illustrativeFairReturn(price);
    parts.push(
      `Assumed for illustration only: ${formatUsd(figures.principalPaidDown)} of mortgage principal paid down, ${formatUsd(figures.sellerClosingCosts)} of closing costs for the seller and ${formatUsd(figures.outstandingLiens)} of outstanding liens at resale.`,
    );
  }
  if (spec.formula.type === "index") {
    parts.push(`Assumed for illustration only: the ${spec.formula.indexName} stands at 100.00 at purchase and ${indexCurrent} at resale (rising 3% a year).`);
  }
  return {
    description: parts.join(" "),
    // legal text writes dates in prose: the engine's explanations use YYYY-MM-DD
    lines: result.lines.map((line) => ({ label: line.label, amount: line.amount, explanation: withLegalDates(line.explanation) })),
    maxResalePrice: result.maxResalePrice,
  };
}

function blank(value: string | null | undefined): boolean {
  return value == null || value.trim() === "";
}

/**
 * Everything the lease and memorandum show, from the database. Refuses (400, with every reason) when an
 * input the documents need is missing, so no document is produced from incomplete data.
 */
export async function buildLeaseDocumentData(
  db: Db,
  organisationId: string,
  leaseId: string,
  /** `lease`: the lease as `getLease` just read it for this organisation (the lease page has it already) */
  options: { today?: string; lease?: LeaseDetail } = {},
): Promise<BuildResult> {
  const lease = options.lease && options.lease.id === leaseId && options.lease.organisationId === organisationId ? options.lease : await getLease(db, organisationId, leaseId);
  if (!lease) return { ok: false, status: 404, errors: ["Lease not found."] };
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  const errors: string[] = [];
  if (blank(organisation.address)) errors.push("Enter the organisation's mailing address (used for notices) in the organisation settings.");
  if (blank(organisation.state)) errors.push("Enter the organisation's state in the organisation settings.");
  else if (!stateLegalName(organisation.state)) errors.push(`The organisation's state “${organisation.state}” is not a US state or territory; enter its name or code (e.g. Vermont or VT) in the organisation settings.`);
  if (blank(organisation.county)) errors.push("Enter the organisation's county in the organisation settings.");
  if (lease.lessees.length === 0) errors.push("Add at least one lessee (homeowner).");
  const parcel = lease.home.parcel;
  if (blank(parcel.legalDescription)) errors.push(`Enter the legal description of parcel ${parcel.parcelNumber} (Exhibit A) on the parcel record.`);

  let spec: FormulaPresetSpec | null = null;
  if (lease.formulaSpec != null) {
    const parsed = parsePresetSpec(lease.formulaSpec);
    if (parsed.ok) spec = parsed.spec;
    else errors.push("The resale formula frozen into this lease cannot be read; contact support.");
  } else {
    const preset = await getFormulaPresetByName(db, organisationId, lease.formulaPresetName);
    if (preset?.parsedSpec) spec = preset.parsedSpec;
    else errors.push(lease.formulaPresetName ? `The formula preset “${lease.formulaPresetName}” no longer exists; choose another on the lease.` : "Choose a resale formula preset on the lease.");
  }
  if (errors.length) return { ok: false, status: 400, errors };

  const version = lease.templateVersionId
    ? await db.leaseTemplateVersion.findFirstOrThrow({ where: { id: lease.templateVersionId, organisationId } })
    : await latestTemplateVersion(db, organisationId);
  const ownership = await db.ownership.findFirst({
    where: { organisationId, homeId: lease.home.id, saleDate: null },
    orderBy: { purchaseDate: "desc" },
    select: { purchasePriceCents: true },
  });
  let example: ReturnType<typeof workedExample>;
  try {
    example = workedExample(spec!, {
      commencementDate: lease.commencementDate,
      purchasePriceCents: ownership ? fromDbCents(ownership.purchasePriceCents) : null,
      purchaseIsRecorded: Boolean(ownership),
      incomeLimitTables: await incomeLimitTablesForContract(db, organisationId),
      bedrooms: lease.home.bedrooms,
    });
  } catch (error) {
    if (!(error instanceof WorkedExampleError)) throw error;
    return { ok: false, status: 400, errors: [error.message] };
  }
  const address = [parcel.streetAddress, lease.home.label, parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")]
    .filter((part) => !blank(part))
    .join(", ");
  // the lease prints its terms as signed (amendments are separate documents)
  const terms = termsAsSigned(leaseRowTerms(lease), lease.amendments);
  const data: LeaseDocumentData = {
    organisation: { name: organisation.name, address: organisation.address, state: stateFullName(organisation.state)!, stateLegalName: stateLegalName(organisation.state)!, county: organisation.county, signatory: null },
    leaseReference: lease.reference,
    status: lease.status,
    // the trust's today (organisationToday), from the organisation row already read
    documentDate: options.today ?? todayIn(organisation.timeZone),
    lessees: lease.lessees.map((l) => l.fullName),
    property: { address, parcelNumber: parcel.parcelNumber, legalDescription: parcel.legalDescription },
    commencementDate: lease.commencementDate,
    expirationDate: lease.expirationDate,
    termYears: lease.termYears,
    renewalTermYears: lease.renewalTermYears,
    fee: { monthlyFeeCents: terms.monthlyFeeCents, escalation: terms.feeEscalation },
    terms: timedTermsOf(terms),
    permittedMortgages: mortgagesInForce(lease.permittedMortgages).map((m) => ({ lender: m.lender, amount: centsToString(m.amountCents), date: m.recordedOn })),
    riders: terms.riders,
    riderTexts: await riderTextsFor(db, organisationId, terms.riders, lease.riderVersions),
    // an older version that does not print every term gets an "Additional Terms" article stating them
    template: {
      content: withUnprintedTerms(templateContent(version.content)),
      versionLabel: templateVersionLabel(version, organisation.timeZone),
      review: version.reviewedAt ? { counsel: version.reviewedByCounsel, on: todayIn(organisation.timeZone, version.reviewedAt) } : null,
    },
    resale: {
      formulaInWords: describeResaleRule(spec!),
      workedExample: example,
    },
  };
  return { ok: true, data, templateVersionId: version.id, lease };
}

/** Pages in a pdfkit PDF (it writes no object streams, so each page object is visible). */
export function countPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}



export type RenderResult =
  | { ok: true; pdf: Buffer; filename: string; sha256: string; pages: number; reference: string; templateVersionId: string; leaseStatus: string }
  | { ok: false; status: 400 | 404; errors: string[] };

export type GenerateResult = (RenderResult & { ok: false }) | (RenderResult & { ok: true; documentId: string });

/** Renders the lease or its memorandum and writes nothing: what a download (a GET) does. */
export async function renderLeaseDocumentFile(db: Db, organisationId: string, leaseId: string, kind: LeaseDocumentKind, options: { today?: string } = {}): Promise<RenderResult> {
  const built = await buildLeaseDocumentData(db, organisationId, leaseId, options);
  if (!built.ok) return built;
  let pdf: Buffer;
  try {
    pdf = kind === "lease" ? await renderLeaseDocument(built.data) : await renderMemorandum(built.data);
  } catch (error) {
    if (error instanceof MissingTemplateValueError) {
      return { ok: false, status: 400, errors: [`The lease template needs a value the lease does not have — ${error.message}.`] };
    }
    throw error;
  }
  return {
    ok: true,
    pdf,
    filename: documentFilename(built.lease.reference, kind),
    sha256: createHash("sha256").update(pdf).digest("hex"),
    pages: countPages(pdf),
    reference: built.lease.reference,
    templateVersionId: built.templateVersionId,
    leaseStatus: built.lease.status,
  };
}

/**
 * Renders the lease or its memorandum and records the generation (LeaseDocument + audit entry): an explicit
 * act (a POST from the lease page, the CLI), never a download — a prefetch or a second click must not add
 * a record.
 */
export async function generateLeaseDocument(db: Db, actor: AuditActor, leaseId: string, kind: LeaseDocumentKind, options: { today?: string } = {}): Promise<GenerateResult> {
  const rendered = await renderLeaseDocumentFile(db, actor.organisationId, leaseId, kind, options);
  if (!rendered.ok) return rendered;
  const { sha256, pages, templateVersionId } = rendered;
  const document = await db.$transaction(async (tx) => {
    const created = await tx.leaseDocument.create({
      data: {
        organisationId: actor.organisationId,
        leaseId,
        kind,
        templateVersionId,
        sha256,
        pages,
        generatedById: actor.userId,
        generatedByLabel: actor.label,
      },
    });
    await recordAudit(tx, actor, {
      entity: "Lease",
      entityId: leaseId,
      action: "generate",
      after: { document: kind, documentId: created.id, sha256, pages, templateVersionId, leaseStatus: rendered.leaseStatus },
    });
    return created;
  });
  // the PDF itself is kept as a stored document of the lease (listed on the lease, its home and household with
  // its hash, size, who and when), once per content: the same bytes generated again are not stored twice
  const kept = await db.storedDocument.findFirst({ where: { organisationId: actor.organisationId, ownerType: "lease", ownerId: leaseId, sha256 }, select: { id: true } });
  if (!kept) {
    const stored = await storeDocument(db, actor, {
      ownerType: "lease",
      ownerId: leaseId,
      category: "lease-document",
      fileName: rendered.filename,
      mimeType: "application/pdf",
      content: new Uint8Array(rendered.pdf),
      maxBytes: Number.MAX_SAFE_INTEGER,
      source: "generated",
    });
    if (!stored.ok) throw new Error(stored.message);
  }
  return { ...rendered, documentId: document.id };
}
