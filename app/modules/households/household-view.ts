/**
 * The household page's view model (/households/:householdId): the household as read (getHousehold) shaped for
 * the page — labels instead of codes, amounts in dollars, each certification's verdict and the limit it used,
 * each home owned with its leases, mortgage and the certification in force at purchase — and its audit history.
 * Pure: no I/O.
 */
import { DERIVATION_METHODS, incomeBand9902, isDerivationMethod } from "~/modules/income-limits/income-limits";
import { formatScreenDate } from "~/utils/calendar-date";
import { centsToString, formatUsd } from "~/utils/money";
import { certificationAtPurchase } from "./certification-validity";
import type { getHousehold, householdAuditHistory } from "./households.server";
import { ETHNICITIES, INCOME_SOURCES, MORTGAGE_TYPES, RACES, RELATIONSHIPS, type IncomeItem } from "./schemas";

type HouseholdRecord = NonNullable<Awaited<ReturnType<typeof getHousehold>>>;

function label<T extends Record<string, string>>(labels: T, value: string): string {
  return value ? (labels[value] ?? value) : "Not recorded";
}

/** The household for its page. `certificationValidityMonths`: how long an income certification stays valid (the eligibility settings). */
export function householdView(household: HouseholdRecord, certificationValidityMonths: number) {
  return {
    id: household.id,
    name: household.name,
    email: household.email,
    phone: household.phone,
    mailingAddress: household.mailingAddress,
    firstTimeBuyer: household.firstTimeBuyer,
    ethnicity: label(ETHNICITIES, household.ethnicity),
    race: label(RACES, household.race),
    archived: Boolean(household.archivedAt),
    version: household.version,
    members: household.members.map((m) => ({
      id: m.id,
      fullName: m.fullName,
      relationship: m.relationship ? label(RELATIONSHIPS, m.relationship) : "",
      dateOfBirth: m.dateOfBirth,
      email: m.email,
      phone: m.phone,
    })),
    certifications: household.incomeCertifications.map((c) => ({
      id: c.id,
      certifiedOn: c.certifiedOn,
      householdSize: c.householdSize,
      totalIncome: formatUsd(centsToString(c.totalIncomeCents)),
      items: (c.incomeItems as IncomeItem[]).map((item) => ({
        memberName: item.memberName,
        source: label(INCOME_SOURCES, item.source),
        amount: formatUsd(centsToString(item.annualAmountCents)),
      })),
      percentAmi: c.percentAmi,
      band: incomeBand9902(c.percentAmi),
      targetLevel: c.targetLevel,
      eligible: c.eligible,
      // certifications made before limits were recorded were decided by % AMI against the derived 100 % limit
      verdict: c.eligibilityVerdict || `by % AMI (certified before published limits were recorded): ${c.percentAmi}% against ${c.targetLevel}%`,
      hundredPercentLimit: formatUsd(String(c.hundredPercentLimit)),
      method: isDerivationMethod(c.derivationMethod) ? DERIVATION_METHODS[c.derivationMethod].label : c.derivationMethod,
      table: `FY${c.incomeLimitTable.fiscalYear} ${c.incomeLimitTable.areaName} (in effect from ${formatScreenDate(c.incomeLimitTable.effectiveFrom)})`,
    })),
    ownerships: household.ownerships.map((o) => ({
      id: o.id,
      version: o.version,
      home: [o.home.parcel.streetAddress, o.home.parcel.city].filter(Boolean).join(", ") + (o.home.label ? ` — ${o.home.label}` : ""),
      parcelId: o.home.parcel.id,
      homeId: o.home.id,
      // this household's leases of the home, linked from "Homes owned"
      leases: household.leases.filter((l) => l.homeId === o.home.id),
      parcelNumber: o.home.parcel.parcelNumber,
      purchaseDate: o.purchaseDate,
      certification: certificationAtPurchase(household.incomeCertifications, o.purchaseDate, certificationValidityMonths),
      purchasePrice: formatUsd(centsToString(o.purchasePriceCents)),
      saleDate: o.saleDate,
      salePrice: o.salePriceCents === null ? null : formatUsd(centsToString(o.salePriceCents)),
      mortgage:
        o.mortgageAmountCents === null && !o.mortgageLender
          ? null
          : [
              o.mortgageLender,
              o.mortgageAmountCents === null ? "" : formatUsd(centsToString(o.mortgageAmountCents)),
              o.mortgageRate ? `${o.mortgageRate}%` : "",
              o.mortgageTermYears ? `${o.mortgageTermYears} years` : "",
              o.mortgageType ? (MORTGAGE_TYPES as Record<string, string>)[o.mortgageType] ?? o.mortgageType : "",
            ]
              .filter(Boolean)
              .join(" · "),
    })),
  };
}

export type HouseholdView = ReturnType<typeof householdView>;

/** The audit entries as the page's history lists them (instants as ISO strings). */
export function householdHistoryView(history: Awaited<ReturnType<typeof householdAuditHistory>>) {
  return history.map((entry) => ({
    id: entry.id,
    createdAt: entry.createdAt.toISOString(),
    actorLabel: entry.actorLabel,
    entity: entry.entity,
    action: entry.action,
    changes: entry.changes,
  }));
}
