/**
 * The default ground lease template shipped with Commonground.
 *
 * Written for this project in plain English, following the outline of the model community land trust
 * ground lease used in the sector (recitals and definitions, fourteen articles, exhibits). It is a STARTING
 * POINT ONLY: a lawyer licensed in the state where the land lies must review and adapt it before any trust
 * uses it. It is not legal advice and has not been reviewed for any jurisdiction.
 */
import type { LeaseTemplateContent } from "./template";

export const DEFAULT_LEASE_TEMPLATE_VERSION_LABEL = "Commonground default ground lease, version 1 (2025)";

export const DEFAULT_LEASE_TEMPLATE: LeaseTemplateContent = {
  title: "Ground Lease",
  reviewNotice:
    "IMPORTANT: This lease was produced from the Commonground default template, which is a starting point only. " +
    "It is not legal advice and has not been reviewed for any particular state or county. Before it is offered " +
    "for signature, the Trust must have the template reviewed and adapted by a lawyer licensed in the {{state}}, and " +
    "the Homeowner is strongly encouraged to obtain independent legal advice.",
  preamble:
    "This Ground Lease (the “Lease”), reference {{lease_reference}}, is made between {{organisation_name}}, a " +
    "nonprofit corporation whose address is {{organisation_address}} (the “Trust”), and {{lessee_names}} " +
    "(together, the “Homeowner”), and takes effect on the Commencement Date stated below.",
  recitals: [
    "The Trust is a nonprofit community land trust. Its purpose is to hold land permanently for the benefit of " +
      "the community, so that homes on that land remain affordable to households of limited income, now and " +
      "for future generations.",
    "The Trust owns the land in {{county}} County, {{state}}, known as {{property_address}} (assessor's parcel " +
      "number {{parcel_number}}), which is described in Exhibit A (the “Land”).",
    "The Homeowner is buying, or already owns, the house and other improvements on the Land, and wishes to " +
      "lease the Land from the Trust so that the Homeowner may live in the house as the Homeowner's home.",
    "The Trust and the Homeowner share two goals: that the Homeowner enjoys secure, long-term use of the Land " +
      "and a fair return on the Homeowner's investment, and that the home stays affordable to the next " +
      "household of limited income when it is sold. The limits in this Lease on use, transfer and resale price " +
      "serve those goals and are the reason the Trust offers the Land at a low lease fee.",
    "The Homeowner has read this Lease, has had the opportunity to obtain independent legal advice about it, " +
      "and has signed the letter of agreement attached as Exhibit B.",
  ],
  definitions: [
    { term: "Commencement Date", meaning: "{{commencement_date}}, the first day of the Term." },
    { term: "Expiration Date", meaning: "{{expiration_date}}, the last day of the initial Term unless the Lease is renewed or ended sooner." },
    { term: "Formula Price", meaning: "the highest price at which the Home may be sold under this Lease, calculated as set out in Article 10 and Exhibit E." },
    { term: "Home", meaning: "the house and all other buildings, fixtures and improvements on the Land, which are owned by the Homeowner." },
    { term: "Income-Qualified Buyer", meaning: "a household whose income, at the time of purchase, does not exceed the limit set by the Trust's written eligibility policy then in effect, and who will occupy the Home as its primary residence." },
    { term: "Land", meaning: "the land described in Exhibit A, together with the rights that belong to it, but not the Home." },
    { term: "Lease Fee", meaning: "the monthly fee the Homeowner pays for the use of the Land under Article 5." },
    { term: "Permitted Mortgage", meaning: "a mortgage or deed of trust on the Homeowner's interest in the Home and this Lease that the Trust has approved in writing under Article 8, including those listed in Exhibit D." },
    { term: "Permitted Mortgagee", meaning: "the holder of a Permitted Mortgage, and its successors and assigns." },
    { term: "Term", meaning: "the period of {{term_years}} years beginning on the Commencement Date and ending on the Expiration Date, and any renewal term under Article 3." },
  ],
  articles: [
    {
      number: 1,
      title: "Letter of Agreement and Attorney's Acknowledgment",
      sections: [
        {
          number: "1.1",
          title: "Homeowner's Letter of Agreement",
          text:
            "Before signing this Lease the Homeowner has signed a letter, in the form of Exhibit B, confirming that " +
            "the Homeowner understands how this Lease differs from the ordinary purchase of a home, in particular " +
            "the limits on the resale price and on who may buy the Home. The letter forms part of this Lease.",
        },
        {
          number: "1.2",
          title: "Attorney's Acknowledgment",
          text:
            "The Homeowner has been advised to have this Lease reviewed by a lawyer of the Homeowner's own choosing. " +
            "Where the Homeowner has done so, the lawyer's acknowledgment in the form of Exhibit C is attached. Where " +
            "the Homeowner has chosen not to do so, the Homeowner confirms that choice in Exhibit B.",
        },
        {
          number: "1.3",
          title: "Reliance",
          text:
            "The Trust enters into this Lease in reliance on the letter of agreement and, where given, the " +
            "attorney's acknowledgment. The Homeowner agrees not to claim later that any term of this Lease was " +
            "not understood or was unfair by reason of a limit on resale price or on transfer.",
        },
      ],
    },
    {
      number: 2,
      title: "Lease of the Land",
      sections: [
        {
          number: "2.1",
          title: "Grant",
          text:
            "The Trust leases the Land to the Homeowner, and the Homeowner leases the Land from the Trust, for the " +
            "Term and on the terms of this Lease. The Homeowner accepts the Land in its present condition.",
        },
        {
          number: "2.2",
          title: "Mineral Rights Kept by the Trust",
          text:
            "The Trust keeps all rights to oil, gas, minerals and water beneath the surface of the Land. The Trust " +
            "shall not exercise those rights, or allow anyone else to exercise them, in a way that enters the " +
            "surface of the Land, disturbs the Homeowner's use of the Home or reduces its value.",
        },
        {
          number: "2.3",
          title: "Quiet Enjoyment",
          text:
            "As long as the Homeowner is not in default beyond any cure period under Article 11, the Homeowner may " +
            "use and enjoy the Land during the Term without interference by the Trust or anyone claiming through " +
            "the Trust, subject to the rights the Trust keeps under this Lease.",
        },
        {
          number: "2.4",
          title: "Easements and Existing Rights",
          text:
            "The lease is made subject to the easements, covenants and other matters of record that affect the " +
            "Land on the Commencement Date. The Trust shall not grant any new easement that materially interferes " +
            "with the Homeowner's use of the Home without the Homeowner's written consent.",
        },
      ],
    },
    {
      number: 3,
      title: "Term and Renewal",
      sections: [
        {
          number: "3.1",
          title: "Initial Term",
          text:
            "The Term begins on {{commencement_date}} and, unless renewed or ended sooner under this Lease, ends " +
            "at the close of {{expiration_date}}, a period of {{term_years}} years.",
        },
        {
          number: "3.2",
          title: "Renewal",
          text:
            "The Homeowner may renew this Lease once for a further term of {{renewal_term_years}} years on the same " +
            "terms, except as the Trust and the Homeowner may agree in writing. To renew, the Homeowner must give " +
            "the Trust written notice not earlier than {{renewal_notice_earliest}} and not later than " +
            "{{renewal_notice_latest}} before the Expiration Date, and must not then be in default beyond any cure period. The Trust may require the " +
            "renewal to be documented by a new lease in the Trust's then-current form, provided the new lease does " +
            "not materially reduce the Homeowner's rights.",
        },
        {
          number: "3.3",
          title: "Sale of the Land by the Trust",
          text:
            "The Trust intends to hold the Land permanently. If the Trust ever decides to sell the Land, the " +
            "Homeowner shall have the first right to buy it, on written notice from the Trust, at a price and on " +
            "terms no less favourable than those offered to anyone else. If the Homeowner does not accept within " +
            "ninety (90) days, the Trust may sell the Land only to a buyer that agrees in writing to be bound by " +
            "this Lease, or to another nonprofit organisation or public body whose purposes include affordable " +
            "housing. Any sale of the Land is subject to this Lease.",
        },
        {
          number: "3.4",
          title: "End of the Term",
          text:
            "When this Lease ends at the expiry of the Term, the Trust shall buy the Home from the Homeowner at the " +
            "Formula Price calculated as of the Expiration Date, unless the Home is sold to an Income-Qualified " +
            "Buyer before that date under Article 10. Ownership of the Home then passes to the Trust, free of all " +
            "liens other than those the Trust agrees to assume.",
        },
      ],
    },
    {
      number: 4,
      title: "Use and Occupancy",
      sections: [
        {
          number: "4.1",
          title: "Residential Use",
          text:
            "The Homeowner shall use the Land and the Home only for residential purposes and for activities " +
            "customarily incidental to a home, in compliance with all laws, zoning rules and the terms of this Lease.",
        },
        {
          number: "4.2",
          title: "Primary Residence",
          text:
            "The Homeowner shall occupy the Home as the Homeowner's primary residence for at least ten months in " +
            "every twelve. Each year, on a form provided by the Trust, the Homeowner shall certify that the Home " +
            "remains the Homeowner's primary residence.",
        },
        {
          number: "4.3",
          title: "Notice of Long Absence",
          text:
            "If the Homeowner expects to be away from the Home for more than sixty (60) consecutive days, the " +
            "Homeowner shall give the Trust written notice beforehand, saying how long the absence will last and " +
            "who will look after the Home. The Trust may agree to a longer absence for reasons of health, " +
            "military service, education or family care, and shall not unreasonably refuse.",
        },
        {
          number: "4.4",
          title: "Subletting",
          text:
            "The Homeowner shall not sublease or rent out all or part of the Home without the Trust's prior written " +
            "consent. The Trust may give consent for a limited period and may set the rent so that the Home stays " +
            "affordable to the tenant. The Homeowner remains responsible for all obligations under this Lease while " +
            "the Home is sublet.",
        },
        {
          number: "4.5",
          title: "Inspection",
          text:
            "The Trust may inspect the exterior of the Home and the Land at reasonable times. The Trust may inspect " +
            "the interior of the Home only with at least seventy-two (72) hours' written notice, at a reasonable " +
            "time, and only where the Trust has reasonable grounds to believe that this Lease is being breached, " +
            "or in connection with a sale under Article 10.",
        },
        {
          number: "4.6",
          title: "Nuisance and Hazardous Materials",
          text:
            "The Homeowner shall not cause or allow any nuisance on the Land, and shall not store, use or dispose " +
            "of hazardous materials on the Land except in the small quantities normally found in a home and in " +
            "compliance with the law.",
        },
      ],
    },
    {
      number: 5,
      title: "Lease Fee",
      sections: [
        {
          number: "5.1",
          title: "Amount",
          text:
            "The Homeowner shall pay the Trust a Lease Fee of {{monthly_lease_fee}} per month for the use of the " +
            "Land, due in advance on the {{fee_due_day}} day of each month beginning with the month after the Commencement " +
            "Date. The Lease Fee for any part month is prorated by days.",
        },
        {
          number: "5.2",
          title: "How the Lease Fee Was Set",
          text:
            "The Lease Fee has been set well below the fair rental value of the Land, so that the Home is " +
            "affordable to the Homeowner. It reflects the Homeowner's agreement to the limits on resale price and " +
            "transfer in this Lease, which both parties regard as part of the consideration for the Lease.",
        },
        {
          number: "5.3",
          title: "Escalation",
          text:
            "The Lease Fee {{fee_escalation_in_words}}. The Trust shall give the Homeowner at least sixty (60) days' " +
            "written notice of each new amount and shall show how it was calculated. The Trust may at any time " +
            "reduce or waive part of the Lease Fee for a period, in writing, without giving up its right to the " +
            "full amount later.",
        },
        {
          number: "5.4",
          title: "Late Charges",
          text:
            "If any Lease Fee is not received within {{late_charge_grace_days}} days after it is due, the Homeowner " +
            "shall pay a late charge of {{late_charge}} for that month. Late charges are a reasonable estimate of " +
            "the Trust's costs of handling late payment and are not a penalty.",
        },
        {
          number: "5.5",
          title: "Unpaid Lease Fees at Sale",
          text:
            "Any Lease Fees, late charges and other amounts owed to the Trust under this Lease that remain unpaid " +
            "when the Home is sold or transferred shall be paid to the Trust out of the Homeowner's proceeds at " +
            "closing, before any amount is paid to the Homeowner. Unpaid amounts are a lien on the Homeowner's " +
            "interest in the Home, second to any Permitted Mortgage.",
        },
      ],
    },
    {
      number: 6,
      title: "Taxes and Assessments",
      sections: [
        {
          number: "6.1",
          title: "Homeowner Pays Taxes",
          text:
            "The Homeowner shall pay, before they become delinquent, all real property taxes and assessments on the " +
            "Home and on the Land, and all charges for utilities and services used on the Land.",
        },
        {
          number: "6.2",
          title: "Taxes Billed to the Trust",
          text:
            "If the taxing authority bills the Trust for taxes on the Land, the Trust shall send the bill to the " +
            "Homeowner, who shall pay the Trust the amount due at least fifteen (15) days before it is delinquent. " +
            "The Trust may add that amount to the Lease Fee in monthly instalments if the Homeowner asks.",
        },
        {
          number: "6.3",
          title: "Right to Contest",
          text:
            "The Homeowner may contest any tax or assessment in good faith and at the Homeowner's own cost, as long " +
            "as the contest does not put the Land at risk of sale or forfeiture. The Trust shall join in the contest " +
            "where the law requires, at the Homeowner's cost.",
        },
        {
          number: "6.4",
          title: "Trust May Pay",
          text:
            "If the Homeowner fails to pay any tax or assessment when due, the Trust may pay it. The amount paid, " +
            "with interest at the rate allowed by law, is then owed by the Homeowner to the Trust and is payable " +
            "with the next Lease Fee.",
        },
      ],
    },
    {
      number: 7,
      title: "Improvements",
      sections: [
        {
          number: "7.1",
          title: "Ownership of the Home",
          text:
            "The Homeowner owns the Home. The Trust has no ownership interest in the Home except the rights given " +
            "to it by this Lease, including the purchase option and the Formula Price limits in Article 10.",
        },
        {
          number: "7.2",
          title: "Construction and Alterations",
          text:
            "The Homeowner shall not build any new structure on the Land, demolish the Home, or make any addition " +
            "or structural alteration to the Home, without the Trust's prior written consent. The Trust shall not " +
            "unreasonably refuse consent to work that is lawful, permitted and in keeping with the Home. Only work " +
            "the Trust approves in writing in advance may be credited in the Formula Price.",
        },
        {
          number: "7.3",
          title: "Maintenance and Repair",
          text:
            "The Homeowner shall keep the Home and the Land in good, safe and sanitary condition and repair, at the " +
            "Homeowner's own cost. The Trust has no duty to maintain or repair the Home or the Land.",
        },
        {
          number: "7.4",
          title: "Liens",
          text:
            "The Homeowner shall not allow any mechanic's or other lien to remain on the Land or the Home for more " +
            "than sixty (60) days, except the lien of a Permitted Mortgage. The Homeowner may contest a lien in good " +
            "faith after giving the Trust security reasonably satisfactory to it.",
        },
        {
          number: "7.5",
          title: "Improvements at the End of the Lease",
          text:
            "When this Lease ends, ownership of the Home passes to the Trust or to the buyer under Article 10, and " +
            "the Homeowner shall be paid as provided in that Article and in section 3.4.",
        },
      ],
    },
    {
      number: 8,
      title: "Financing",
      sections: [
        {
          number: "8.1",
          title: "Permitted Mortgages Only",
          text:
            "The Homeowner may mortgage the Homeowner's interest in the Home and this Lease only with a Permitted " +
            "Mortgage. The Trust shall approve a mortgage that is made by an institutional lender to buy, refinance " +
            "or improve the Home, whose amount does not exceed the Formula Price, and whose terms the Trust " +
            "reasonably finds to be affordable and free of predatory features. The mortgages in place when this " +
            "Lease is signed are listed in Exhibit D.",
        },
        {
          number: "8.2",
          title: "Lender's Notice to the Trust",
          text:
            "Each Permitted Mortgage shall require the Permitted Mortgagee to send the Trust a copy of every notice " +
            "of default it sends the Homeowner, at the same time, and to give the Trust written notice before it " +
            "starts any foreclosure or accepts a deed in lieu of foreclosure.",
        },
        {
          number: "8.3",
          title: "Trust's Right to Cure",
          text:
            "After receiving a notice of default, the Trust shall have {{lender_cure_days}} days, in addition to any " +
            "cure period the Homeowner has, to cure the default on the Homeowner's behalf. Any amount the Trust pays " +
            "to cure is owed to the Trust by the Homeowner and is added to the amounts due at sale under section 5.5.",
        },
        {
          number: "8.4",
          title: "Trust's Option to Purchase Before Foreclosure",
          text:
            "If the default is not cured, the Trust may, before a foreclosure sale, buy the Permitted Mortgage from " +
            "the Permitted Mortgagee for the full amount then owed on it, or buy the Home from the Homeowner at " +
            "the lesser of the Formula Price and the amount owed on all liens, with the consent of the Permitted " +
            "Mortgagee.",
        },
        {
          number: "8.5",
          title: "Rights of Permitted Mortgagees",
          text:
            "A Permitted Mortgagee that acquires the Home through foreclosure or a deed in lieu of foreclosure may " +
            "sell it free of the resale price and buyer-income limits in Article 10, if the Trust has not exercised " +
            "its rights under sections 8.3 and 8.4. Any sale proceeds above the amount owed to the Permitted " +
            "Mortgagee and the costs of sale, up to the difference between the sale price and the Formula Price, " +
            "shall be paid to the Trust to preserve the affordability of other homes. This Lease shall not be " +
            "amended in a way that materially affects a Permitted Mortgagee without its written consent.",
        },
      ],
    },
    {
      number: 9,
      title: "Liability, Insurance, Damage and Destruction, Eminent Domain",
      sections: [
        {
          number: "9.1",
          title: "Liability",
          text:
            "The Homeowner is responsible for everything that happens on the Land and in the Home during the Term, " +
            "and shall defend, indemnify and hold the Trust harmless from all claims for injury to people or damage " +
            "to property arising from the use of the Land or the Home, except claims caused by the negligence or " +
            "wilful misconduct of the Trust or its agents.",
        },
        {
          number: "9.2",
          title: "Insurance",
          text:
            "The Homeowner shall keep the Home insured against loss by fire and other hazards covered by a standard " +
            "homeowner's policy for its full replacement cost, and shall carry liability insurance in an amount the " +
            "Trust reasonably sets from time to time. The liability policy shall name the Trust as an additional " +
            "insured. The Homeowner shall deliver proof of insurance to the Trust each year and whenever asked.",
        },
        {
          number: "9.3",
          title: "Damage and Destruction",
          text:
            "If the Home is damaged or destroyed, the Homeowner shall promptly repair or rebuild it, using the " +
            "insurance proceeds for that purpose, unless the Homeowner and the Trust agree in writing that rebuilding " +
            "is not practical. In that case this Lease ends, the insurance proceeds are used first to pay the " +
            "Permitted Mortgages, then to pay the Trust any amounts owed to it, and the Homeowner receives the " +
            "balance up to the Formula Price; any remainder belongs to the Trust.",
        },
        {
          number: "9.4",
          title: "Eminent Domain",
          text:
            "If all of the Land is taken by a public authority, this Lease ends on the date of the taking. The award " +
            "shall be divided so that the Homeowner receives the value of the Home up to the Formula Price, after " +
            "payment of the Permitted Mortgages, and the Trust receives the balance. If only part of the Land is " +
            "taken, the Lease continues, the award is applied first to restoring the Home, and the Lease Fee is " +
            "reduced fairly.",
        },
      ],
    },
    {
      number: 10,
      title: "Transfer of the Home",
      sections: [
        {
          number: "10.1",
          title: "Purpose",
          text:
            "The terms of this Article keep the Home affordable for future households of limited income, while " +
            "giving the Homeowner a fair return. Any transfer of the Home, or of this Lease, that does not comply " +
            "with this Article is void.",
        },
        {
          number: "10.2",
          title: "Notice of Intent to Sell",
          text:
            "If the Homeowner wishes to sell the Home, the Homeowner shall give the Trust written notice of intent " +
            "to sell. Within {{price_notice_days}} days after receiving it the Trust shall order any appraisal the resale " +
            "formula requires, at the Trust's cost, and shall tell the Homeowner in writing the Formula Price and " +
            "how it was calculated.",
        },
        {
          number: "10.3",
          title: "Trust's Purchase Option",
          text:
            "The Trust has the option to buy the Home at the Formula Price. The Trust may exercise the option by " +
            "written notice to the Homeowner within {{purchase_option_days}} days after receiving the notice of " +
            "intent to sell, and shall then complete the purchase within {{closing_days}} days after exercising it. The Trust may " +
            "assign the option to an Income-Qualified Buyer.",
        },
        {
          number: "10.4",
          title: "Sale to an Income-Qualified Buyer",
          text:
            "If the Trust does not exercise its option within the option period, the Homeowner may sell the Home to " +
            "an Income-Qualified Buyer, approved by the Trust, at a price that does not exceed the Formula Price. " +
            "The buyer shall sign a new ground lease with the Trust, or an assignment of this Lease, in the form " +
            "the Trust then uses. If no sale has closed within one year after the notice of intent to sell, the " +
            "Trust may market the Home on the Homeowner's behalf.",
        },
        {
          number: "10.5",
          title: "Formula Price",
          text:
            "The Home may not be sold for more than the Formula Price. The Formula Price is determined as " +
            "follows: {{resale_formula_in_words}} Exhibit E sets out the formula again with a worked example. The " +
            "Formula Price is the maximum price, not a guaranteed price.",
        },
        {
          number: "10.6",
          title: "Inheritance",
          text:
            "When a Homeowner dies, the Homeowner's interest in the Home and this Lease passes to the Homeowner's " +
            "spouse or domestic partner, children or other household members who have lived in the Home, if they " +
            "will occupy it as their primary residence, without any income test. Any other heir may inherit the " +
            "Home only if the heir is an Income-Qualified Buyer who will occupy it; otherwise the estate shall sell " +
            "the Home under this Article.",
        },
        {
          number: "10.7",
          title: "Seller's Costs and Proceeds",
          text:
            "At closing, the Homeowner's proceeds shall first pay the Permitted Mortgages, the customary costs of " +
            "sale and any amounts owed to the Trust, and the Homeowner receives the balance. The Trust may require " +
            "reasonable repairs, identified at a pre-sale inspection, to be made or paid for before closing.",
        },
      ],
    },
    {
      number: 11,
      title: "Default",
      sections: [
        {
          number: "11.1",
          title: "Events of Default",
          text:
            "The Homeowner is in default if (a) any Lease Fee or other amount owed to the Trust remains unpaid " +
            "{{monetary_cure_days}} days after written notice from the Trust; (b) the Homeowner fails to perform any " +
            "other obligation under this Lease and does not cure the failure within {{non_monetary_cure_days}} days " +
            "after written notice, " +
            "or, where the failure cannot reasonably be cured in that time, does not begin to cure it within that " +
            "time and continue diligently to completion; or (c) the Homeowner transfers or attempts to transfer the " +
            "Home or this Lease in breach of Article 10.",
        },
        {
          number: "11.2",
          title: "Trust's Remedies",
          text:
            "If a default continues after the cure period, the Trust may, subject to the rights of Permitted " +
            "Mortgagees under Article 8, end this Lease by written notice and buy the Home at the Formula Price, " +
            "less all amounts the Homeowner owes the Trust, or seek any other remedy available at law or in equity, " +
            "including an order that the Homeowner comply with this Lease.",
        },
        {
          number: "11.3",
          title: "Trust's Default",
          text:
            "If the Trust fails to perform an obligation under this Lease and does not cure the failure within " +
            "sixty (60) days after written notice from the Homeowner, the Homeowner may seek any remedy available " +
            "at law or in equity.",
        },
        {
          number: "11.4",
          title: "No Waiver",
          text:
            "A failure or delay by either party in enforcing a term of this Lease is not a waiver of that term or of " +
            "any later breach.",
        },
      ],
    },
    {
      number: 12,
      title: "Mediation and Arbitration",
      sections: [
        {
          number: "12.1",
          title: "Talking First",
          text:
            "The parties shall try in good faith to resolve any dispute about this Lease by meeting and talking " +
            "together before taking any other step.",
        },
        {
          number: "12.2",
          title: "Mediation",
          text:
            "If the dispute is not resolved within thirty (30) days, either party may ask that it be mediated by a " +
            "neutral mediator agreed by both parties. The parties shall share the mediator's fees equally, unless " +
            "the Homeowner's household income is below the Trust's threshold for fee assistance, in which case the " +
            "Trust pays them.",
        },
        {
          number: "12.3",
          title: "Arbitration",
          text:
            "If mediation does not resolve the dispute within sixty (60) days, either party may submit it to binding " +
            "arbitration by a single arbitrator under the arbitration law of the {{state}}. The arbitrator may not change " +
            "the terms of this Lease. Judgment on the award may be entered in any court with jurisdiction.",
        },
        {
          number: "12.4",
          title: "Exceptions",
          text:
            "Nothing in this Article prevents either party from seeking urgent relief from a court to prevent " +
            "irreparable harm, or prevents the Trust from collecting unpaid Lease Fees in a court of small claims.",
        },
      ],
    },
    {
      number: 13,
      title: "Notices",
      sections: [
        {
          number: "13.1",
          title: "How Notices Are Given",
          text:
            "Every notice under this Lease shall be in writing and delivered by hand, or by certified mail with " +
            "return receipt, or by a recognised overnight courier, to the Trust at {{organisation_address}} and to " +
            "the Homeowner at {{property_address}}, or to another address a party gives by notice. The parties may " +
            "also agree in writing to exchange routine notices by email.",
        },
        {
          number: "13.2",
          title: "When Notices Take Effect",
          text:
            "A notice takes effect when delivered, or when delivery is refused, or three (3) business days after it " +
            "is mailed by certified mail, whichever is earliest.",
        },
        {
          number: "13.3",
          title: "Notices to Permitted Mortgagees",
          text:
            "The Trust shall send a copy of every notice of default it gives the Homeowner to each Permitted " +
            "Mortgagee whose address the Trust has been given in writing.",
        },
      ],
    },
    {
      number: 14,
      title: "General Provisions",
      sections: [
        {
          number: "14.1",
          title: "Memorandum of Lease",
          text:
            "The parties shall sign a memorandum of this Lease, naming the parties, describing the Land, stating " +
            "the Term and renewal right, and giving notice of the Trust's purchase option and consent rights. The " +
            "Trust shall record the memorandum with the recorder of {{county}} County, {{state}}. The memorandum " +
            "does not change this Lease.",
        },
        {
          number: "14.2",
          title: "Successors",
          text:
            "This Lease binds and benefits the parties and their heirs, successors and permitted assigns. The " +
            "obligations of persons who together are the Homeowner are joint and several.",
        },
        {
          number: "14.3",
          title: "Governing Law",
          text: "This Lease is governed by the law of the {{state}}.",
        },
        {
          number: "14.4",
          title: "Severability",
          text:
            "If any term of this Lease is held invalid, the rest of the Lease remains in effect, and the invalid term " +
            "shall be replaced by a valid term that comes as close as possible to the parties' intent, in particular " +
            "the intent to keep the Home affordable.",
        },
        {
          number: "14.5",
          title: "Entire Agreement and Amendments",
          text:
            "This Lease, with its exhibits and any riders listed in Exhibit F, is the whole agreement between the " +
            "parties about the Land. It may be amended only in a writing signed by both parties. Where a rider " +
            "conflicts with the body of this Lease, the rider governs.",
        },
        {
          number: "14.6",
          title: "Counterparts and Headings",
          text:
            "This Lease may be signed in counterparts, each of which is an original. Headings are for convenience " +
            "only and do not affect the meaning of the Lease.",
        },
      ],
    },
  ],
  testimonium:
    "The Trust and the Homeowner have signed this Lease, reference {{lease_reference}}, to take effect on the " +
    "Commencement Date, {{commencement_date}}.",
  notaryAcknowledgment:
    "On the date written below, before me, the undersigned notary public, personally appeared [SIGNERS], known to " +
    "me or proved to me on the basis of satisfactory evidence to be the person or persons whose names are signed " +
    "to the foregoing instrument, who acknowledged that they signed it voluntarily, in the capacity shown, for the " +
    "purposes stated in it. [Form of acknowledgment to be conformed to the law of the {{state}}.]",
  exhibits: [
    {
      letter: "A",
      kind: "legal-description",
      title: "Legal Description of the Land",
      paragraphs: ["The Land leased under Ground Lease {{lease_reference}} is the land in {{county}} County, {{state}}, known as {{property_address}}, assessor's parcel number {{parcel_number}}, and described as follows:"],
    },
    {
      letter: "B",
      kind: "letter-of-agreement",
      title: "Homeowner's Letter of Agreement",
      paragraphs: [
        "To {{organisation_name}}:",
        "I am (we are) entering into a ground lease with you for the land at {{property_address}}. I confirm that " +
          "I have read the lease, that it has been explained to me, and that I understand the following:",
        "1. I will own my home, but I will lease the land under it from the Trust for {{term_years}} years, " +
          "renewable, and pay a monthly lease fee, now {{monthly_lease_fee}}.",
        "2. If I sell my home, the price may not exceed the Formula Price set in the lease, which is likely to be " +
          "less than the price the home could fetch on the open market. The Trust has the option to buy it first.",
        "3. I may sell only to a buyer whose income meets the Trust's eligibility rules, and I must live in the " +
          "home as my primary residence.",
        "4. These limits are the reason the home was affordable to me, and I accept them as fair.",
        "5. I have been advised to have a lawyer of my choosing review the lease. I have done so, or I have " +
          "chosen not to do so and accept the consequences of that choice.",
        "Signed by the Homeowner(s): {{lessee_names}}",
      ],
    },
    {
      letter: "C",
      kind: "attorney-acknowledgment",
      title: "Attorney's Acknowledgment",
      paragraphs: [
        "I am a lawyer licensed to practise in the {{state}}. I have been engaged by {{lessee_names}} (the Homeowner) to " +
          "advise on the ground lease offered by {{organisation_name}} for the land at {{property_address}}.",
        "I have reviewed the lease, including the limits on resale price, on who may buy the home, on use and " +
          "occupancy, and on financing, and I have explained them to the Homeowner. In my opinion the Homeowner " +
          "understands the lease and its effect.",
        "I act for the Homeowner only and not for the Trust.",
      ],
    },
    {
      letter: "D",
      kind: "permitted-mortgages",
      title: "Permitted Mortgages",
      paragraphs: ["The following mortgages are approved by the Trust as Permitted Mortgages under Article 8 at the date of this Lease:"],
    },
    {
      letter: "E",
      kind: "resale-formula",
      title: "Resale Formula and Worked Example",
      paragraphs: [
        "The Formula Price under Article 10 is the maximum price at which the Home may be sold. It is determined as follows: {{resale_formula_in_words}}",
        "The worked example below applies the formula to the figures of this Lease. It illustrates how the formula " +
          "works and is not a promise that the Home will sell at any particular price.",
      ],
    },
    {
      letter: "F",
      kind: "riders",
      title: "Riders",
      paragraphs: ["The following riders are attached to and form part of this Lease. Where a rider conflicts with the body of the Lease, the rider governs."],
    },
    {
      letter: "G",
      kind: "deed-to-improvements",
      title: "Deed to the Improvements",
      paragraphs: [
        "{{organisation_name}} (the “Grantor”), for good and valuable consideration, the receipt of which is " +
          "acknowledged, grants and conveys to {{lessee_names}} (the “Grantee”) all buildings and other " +
          "improvements now on the land in {{county}} County, {{state}}, known as {{property_address}} (assessor's " +
          "parcel number {{parcel_number}}) and described in Exhibit A, but not the land itself, which the Grantor " +
          "keeps and leases to the Grantee under Ground Lease {{lease_reference}} commencing on {{commencement_date}}.",
        "The Grantee takes the improvements subject to that Ground Lease, including the Grantor's option to " +
          "purchase them and the limit on their resale price in Article 10 and Exhibit E, which run with the " +
          "improvements and bind the Grantee's heirs, successors and assigns.",
        "The Grantor warrants that it has the right to convey the improvements and that they are free of liens " +
          "created by the Grantor, except as stated in the Ground Lease.",
      ],
    },
  ],
};
