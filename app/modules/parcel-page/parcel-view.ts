/**
 * The parcel page's view model (/parcels/:parcelId): the parcel as read (getParcelDetail) shaped for the page —
 * amounts in dollars, labels instead of codes, each home with its owner, leases, cases and ownership history,
 * the funding sources, and the audit history. Pure: no I/O. It lives above parcels, leases and transfers (it
 * gathers all three), like dashboard/, so that no concept folder imports one that imports it back.
 */
import { LEASE_STATUS_LABELS } from "~/modules/leases/lifecycle";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, type CaseKind } from "~/modules/transfers/schemas";
import { centsToString, formatUsd } from "~/utils/money";
import type { getParcelDetail } from "~/modules/parcels/parcels.server";
import { AREA_UNIT_LABELS } from "~/modules/parcels/schemas";

type ParcelDetail = NonNullable<Awaited<ReturnType<typeof getParcelDetail>>>;

/** The parcel, its homes, funding sources and history for its page. */
export function parcelView({ parcel, history }: ParcelDetail) {
  const money = (cents: number | null) => (cents === null ? null : formatUsd(centsToString(cents)));
  return {
    parcel: {
      id: parcel.id,
      version: parcel.version,
      parcelNumber: parcel.parcelNumber,
      streetAddress: parcel.streetAddress,
      city: parcel.city,
      state: parcel.state,
      postalCode: parcel.postalCode,
      legalDescription: parcel.legalDescription,
      landArea: parcel.landArea ? `${parcel.landArea} ${AREA_UNIT_LABELS[parcel.landAreaUnit]}` : null,
      zoning: parcel.zoning,
      acquisitionDate: parcel.acquisitionDate,
      acquisitionPrice: money(parcel.acquisitionPriceCents),
      acquisitionMethod: parcel.acquisitionMethod,
      assessedLandValue: money(parcel.assessedLandValueCents),
      status: parcel.status,
      archived: parcel.archivedAt !== null,
    },
    homes: parcel.homes.map((home) => ({
      id: home.id,
      label: home.label,
      homeType: home.homeType,
      bedrooms: home.bedrooms,
      bathrooms: home.bathrooms,
      floorAreaSqft: home.floorAreaSqft,
      yearBuilt: home.yearBuilt,
      archived: home.archivedAt !== null,
      currentOwner: home.ownerships.find((o) => o.saleDate === null)?.household ?? null,
      leases: home.leases.map((l) => ({ id: l.id, reference: l.reference, status: LEASE_STATUS_LABELS[l.status], household: l.household })),
      cases: home.transferCases.map((c) => ({
        id: c.id,
        label: `${CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind} (${(CASE_STATUS_LABELS as Record<string, string>)[c.status] ?? c.status})`,
      })),
      ownerships: home.ownerships.map((o) => ({
        id: o.id,
        household: o.household,
        purchaseDate: o.purchaseDate,
        purchasePrice: money(o.purchasePriceCents),
        saleDate: o.saleDate,
        salePrice: money(o.salePriceCents),
      })),
    })),
    funding: parcel.fundingSources.map((f) => ({
      id: f.id,
      funder: f.funder,
      program: f.program,
      amount: money(f.amountCents),
      receivedOn: f.receivedOn,
      affordabilityYears: f.affordabilityYears,
      restrictionEndDate: f.restrictionEndDate,
      notes: f.notes,
    })),
    history: history.map((entry) => ({
      id: entry.id,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entity: entry.entity,
      changes: entry.changes,
      createdAt: entry.createdAt.toISOString(),
    })),
  };
}

export type ParcelView = ReturnType<typeof parcelView>;
