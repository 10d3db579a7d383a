/**
 * Lease templates in the database: each organisation has one template ("Ground lease") whose versions are
 * immutable. Version 1 is the default template (`ensureDefaultTemplate`, idempotent, run on first need).
 * Saving an edit creates the next version; a draft lease uses the latest version, an executed lease keeps
 * the version it was signed on.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { todayIn } from "~/utils/calendar-date";
import { StaleRecordError } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db } from "~/utils/db.server";
import { DEFAULT_LEASE_TEMPLATE, DEFAULT_LEASE_TEMPLATE_VERSION_LABEL } from "./default-template";
import { leaseTemplateContentSchema, validateLeaseTemplate, type LeaseTemplateContent } from "./template";

export const TEMPLATE_NAME = "Ground lease";

/** The organisation's template, created with the default content as version 1 when it has none. Safe to call concurrently. */
export async function ensureDefaultTemplate(db: Db, organisationId: string) {
  const existing = await db.leaseTemplate.findFirst({ where: { organisationId, name: TEMPLATE_NAME } });
  if (existing) return existing;
  try {
    return await db.$transaction(async (tx) => {
      const template = await tx.leaseTemplate.create({ data: { organisationId, name: TEMPLATE_NAME } });
      await tx.leaseTemplateVersion.create({
        data: { organisationId, templateId: template.id, versionNumber: 1, content: DEFAULT_LEASE_TEMPLATE, note: DEFAULT_LEASE_TEMPLATE_VERSION_LABEL },
      });
      return template;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return db.leaseTemplate.findFirstOrThrow({ where: { organisationId, name: TEMPLATE_NAME } });
    throw error;
  }
}

/** "Ground lease, version 3 (2025-06-01)", dated the trust's calendar day it was saved (`timeZone`, the trust's);
 * version 1 of the default says so. */
export function templateVersionLabel(version: { versionNumber: number; note: string; createdAt: Date }, timeZone: string): string {
  if (version.versionNumber === 1 && version.note === DEFAULT_LEASE_TEMPLATE_VERSION_LABEL) return version.note;
  return `${TEMPLATE_NAME}, version ${version.versionNumber} (${todayIn(timeZone, version.createdAt)})`;
}

export function templateContent(json: unknown): LeaseTemplateContent {
  return leaseTemplateContentSchema.parse(json);
}

export async function latestTemplateVersion(db: Db, organisationId: string) {
  const template = await ensureDefaultTemplate(db, organisationId);
  return db.leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id }, orderBy: { versionNumber: "desc" } });
}

export async function getTemplateVersion(db: Db, organisationId: string, versionNumber: number) {
  const template = await ensureDefaultTemplate(db, organisationId);
  return db.leaseTemplateVersion.findFirst({ where: { organisationId, templateId: template.id, versionNumber } });
}

/** Every version, newest first, with who saved it. */
export async function listTemplateVersions(db: Db, organisationId: string, timeZone: string) {
  const template = await ensureDefaultTemplate(db, organisationId);
  const versions = await db.leaseTemplateVersion.findMany({
    where: { organisationId, templateId: template.id },
    orderBy: { versionNumber: "desc" },
    select: {
      id: true,
      versionNumber: true,
      note: true,
      createdAt: true,
      createdById: true,
      reviewedAt: true,
      reviewedByCounsel: true,
      reviewedByLabel: true,
      _count: { select: { leases: true, documents: true } },
    },
  });
  const userIds = [...new Set(versions.map((v) => v.createdById).filter((id): id is string => Boolean(id)))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return versions.map((v) => ({
    ...v,
    label: templateVersionLabel(v, timeZone),
    review: templateReview(v),
    createdBy: v.createdById ? names.get(v.createdById) ?? "A former user" : "Commonground (default template)",
  }));
}

export type SaveTemplateResult = { ok: true; versionNumber: number } | { ok: false; errors: string[] };

/**
 * Saves `input` as the next version. Refused (with every problem named) when the content does not match the
 * template model or uses a field that does not exist; a stale `basedOn` (someone saved meanwhile) throws
 * StaleRecordError. Existing versions are never changed.
 */
export async function saveTemplateVersion(db: Db, actor: AuditActor, input: { content: unknown; note: string; basedOn: number }): Promise<SaveTemplateResult> {
  const validation = validateLeaseTemplate(input.content);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const template = await ensureDefaultTemplate(db, actor.organisationId);
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id }, orderBy: { versionNumber: "desc" } });
      if (latest.versionNumber !== input.basedOn) throw new StaleRecordError();
      const created = await tx.leaseTemplateVersion.create({
        data: {
          organisationId: actor.organisationId,
          templateId: template.id,
          versionNumber: latest.versionNumber + 1,
          content: validation.content,
          note: input.note,
          createdById: actor.userId,
        },
      });
      await recordAudit(tx, actor, {
        entity: "LeaseTemplateVersion",
        entityId: created.id,
        action: "create",
        after: { versionNumber: created.versionNumber, note: created.note, basedOn: latest.versionNumber },
      });
      return { ok: true as const, versionNumber: created.versionNumber };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new StaleRecordError();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Per-article editing: an article's sections as plain text, one paragraph per section
// ---------------------------------------------------------------------------------------------------------

/** "5.1 [Title] text" paragraphs separated by a blank line; the [Title] is optional. */
export function articleToText(article: LeaseTemplateContent["articles"][number]): string {
  return article.sections.map((s) => `${s.number} ${s.title ? `[${s.title}] ` : ""}${s.text}`).join("\n\n");
}

export function articleFromText(number: number, title: string, text: string): { article: LeaseTemplateContent["articles"][number]; errors: string[] } {
  const errors: string[] = [];
  const sections = text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block, i) => {
      const match = /^(\d+\.\d+)\s+(?:\[([^\]]+)\]\s*)?([\s\S]*)$/.exec(block);
      if (!match) {
        errors.push(`Article ${number}, paragraph ${i + 1}: start each section with its number, e.g. “${number}.${i + 1} …”`);
        return { number: `${number}.${i + 1}`, text: block };
      }
      return { number: match[1]!, ...(match[2] ? { title: match[2].trim() } : {}), text: match[3]!.replace(/\s*\r?\n\s*/g, " ").trim() };
    });
  return { article: { number, title: title.trim(), sections }, errors };
}

// ---------------------------------------------------------------------------------------------------------
// Review by counsel
// ---------------------------------------------------------------------------------------------------------

/** Who reviewed a template version and when, or null: the lease's red "not legal advice" box depends on it. */
export type TemplateReview = { counsel: string; markedBy: string; on: string } | null;

export function templateReview(version: { reviewedAt: Date | null; reviewedByCounsel: string; reviewedByLabel: string }): TemplateReview {
  return version.reviewedAt ? { counsel: version.reviewedByCounsel, markedBy: version.reviewedByLabel, on: version.reviewedAt.toISOString() } : null;
}

export type MarkReviewedResult = { ok: true } | { ok: false; status: 400 | 404 | 409; field?: "counsel"; message: string };

/**
 * An admin records that a lawyer reviewed template version `versionNumber` (`counsel`: the lawyer or firm,
 * as it should be read later, e.g. "Jane Roe, Esq., Roe & Partners"). Who marked it and when are recorded and
 * audited. A version is reviewed once: the text of a version never changes, so neither does its review.
 */
export async function markTemplateVersionReviewed(db: Db, actor: AuditActor, versionNumber: number, input: { counsel: string }): Promise<MarkReviewedResult> {
  const counsel = input.counsel.trim();
  if (!counsel) return { ok: false, status: 400, field: "counsel", message: "Name the lawyer or firm who reviewed this version." };
  if (counsel.length > 200) return { ok: false, status: 400, field: "counsel", message: "Keep the reviewer's name under 200 characters." };
  const version = await getTemplateVersion(db, actor.organisationId, versionNumber);
  if (!version) return { ok: false, status: 404, message: "Template version not found." };
  return db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.leaseTemplateVersion.updateMany({
      where: { id: version.id, organisationId: actor.organisationId, reviewedAt: null },
      data: { reviewedAt: now, reviewedById: actor.userId, reviewedByLabel: actor.label, reviewedByCounsel: counsel },
    });
    if (updated.count === 0) return { ok: false as const, status: 409 as const, message: `Version ${versionNumber} is already marked as reviewed by counsel.` };
    await recordAudit(tx, actor, {
      entity: "LeaseTemplateVersion",
      entityId: version.id,
      action: "review",
      before: { reviewedAt: null },
      after: { versionNumber, reviewedByCounsel: counsel, reviewedAt: now.toISOString() },
    });
    return { ok: true as const };
  });
}
