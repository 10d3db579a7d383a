/**
 * Produces a letter of a resale / transfer case as a PDF and files it on the case as a stored document
 * (category "letter", source "generated"), listed on the home, the seller's lease and household too.
 */
import type { AuditActor } from "~/modules/audit/audit.server";
import type { ResaleResult } from "~/modules/resale/contract";
import { storeDocument } from "~/modules/stored-documents/stored-documents.server";
import type { Db } from "~/utils/db.server";
import { availableLetters, CASE_LETTER_LABELS, caseLetterTitle, type CaseLetterData, type CaseLetterKind } from "./letters";
import { renderCaseLetter } from "./letters-pdf.server";
import { getTransferCase, TransferCaseError } from "./transfers.server";

export async function produceCaseLetter(db: Db, actor: AuditActor, caseId: string, kind: CaseLetterKind, today: string): Promise<{ documentId: string; name: string; pdf: Buffer }> {
  const view = await getTransferCase(db, actor.organisationId, caseId, today);
  if (!view) throw new TransferCaseError("Case not found", undefined, 404);
  if (!availableLetters(view).includes(kind)) throw new TransferCaseError(`The ${CASE_LETTER_LABELS[kind].toLowerCase()} can be produced once its step is recorded.`, "kind", 409);
  const [organisation, home, seller, lessees, buyerMembers, calculation] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { name: true, address: true } }),
    db.home.findFirstOrThrow({ where: { id: view.home.id, organisationId: actor.organisationId }, select: { label: true, parcel: { select: { streetAddress: true, city: true, state: true, postalCode: true } } } }),
    view.seller ? db.household.findFirst({ where: { id: view.seller.householdId, organisationId: actor.organisationId }, select: { name: true, mailingAddress: true } }) : null,
    view.lease ? db.leaseLessee.findMany({ where: { leaseId: view.lease.id, organisationId: actor.organisationId }, orderBy: { position: "asc" }, select: { fullName: true } }) : [],
    view.buyer ? db.householdMember.findMany({ where: { householdId: view.buyer.householdId, organisationId: actor.organisationId }, orderBy: { createdAt: "asc" }, select: { fullName: true } }) : [],
    view.calculation ? db.resaleCalculation.findFirst({ where: { id: view.calculation.id, organisationId: actor.organisationId }, select: { result: true } }) : null,
  ]);
  const parcel = home.parcel;
  const street = parcel.streetAddress || home.label || view.home.label;
  const homeAddress = [street, [parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ")].filter(Boolean).join(", ");
  const data: CaseLetterData = {
    kind,
    letterDate: today,
    organisation,
    homeAddress,
    leaseReference: view.lease?.reference ?? null,
    sellerNames: lessees.length ? lessees.map((l) => l.fullName) : seller ? [seller.name] : [],
    sellerAddress: seller?.mailingAddress ?? "",
    notice: { date: view.notice.date, method: view.notice.method },
    deadlines: view.deadlines.map((d) => ({ key: d.key, label: d.label, due: d.due, rule: d.rule })),
    calculation: view.calculation
      ? { valuationDate: view.calculation.valuationDate, maxPrice: view.calculation.maxPrice, boundBy: view.calculation.boundBy, lines: ((calculation?.result as unknown as ResaleResult | undefined)?.lines ?? []).map((l) => ({ label: l.label, amount: l.amount, explanation: l.explanation })) }
      : null,
    option: { state: view.option.state, decidedOn: view.option.decidedOn, note: view.option.note },
    buyer: view.buyer ? { name: view.buyer.name, members: buyerMembers.map((m) => m.fullName), eligibility: (view.buyer.eligibility as Record<string, unknown> | null) ?? null } : null,
    closing: view.closing ? { date: view.closing.date, price: view.closing.price, overrideReason: view.closing.overrideReason, statement: (view.closing.statement as Record<string, string> | null) ?? null } : null,
  };
  const pdf = await renderCaseLetter(data);
  const name = `${caseLetterTitle(data)} ${view.lease?.reference ?? view.home.label} ${today}.pdf`;
  const stored = await storeDocument(db, actor, { ownerType: "transfer_case", ownerId: view.id, category: "letter", fileName: name, mimeType: "application/pdf", content: new Uint8Array(pdf), maxBytes: Number.MAX_SAFE_INTEGER, source: "generated" });
  if (!stored.ok) throw new Error(stored.message);
  return { documentId: stored.document.id, name: stored.document.name, pdf };
}
