import { hasValidCheckDigit, mod10CheckDigit } from "./gs1-core"
import { formatAddress, joinParts, type PostalAddress } from "./location-description"

/**
 * Suppliers as master data for FSMA 204: the rules their identifiers follow, and how a supplier is
 * written in the export (its location description and its traceability lot code source
 * reference). Pure: the API validators and the export both use these.
 */

/** A supplier's location as a receipt keeps it (the lot's copy outlives later edits of the supplier). */
export type SupplierDetails = PostalAddress & {
  name: string
  phone?: string | null
  gln?: string | null
  ffrn?: string | null
  url?: string | null
}

/** The fields a receipt copies onto the lot, in this order. */
export const SUPPLIER_DETAIL_FIELDS = [
  "name", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone", "gln", "ffrn", "url",
] as const satisfies readonly (keyof SupplierDetails)[]

/** The supplier's fields as a lot keeps them: only those with a value. */
export function supplierDetails(supplier: SupplierDetails): SupplierDetails {
  const details: Record<string, string> = {}
  for (const field of SUPPLIER_DETAIL_FIELDS) {
    const value = supplier[field]
    if (typeof value === "string" && value.trim()) {
      details[field] = value.trim()
    }
  }
  return details as SupplierDetails
}

/**
 * Why a GLN (GS1 Global Location Number: 13 digits, the last a mod-10 check digit) is not one, or
 * null when it is. Spaces are typing, not content: the caller strips them first.
 */
export function glnProblem(gln: string): string | null {
  if (!/^\d{13}$/.test(gln)) {
    return "gln must be a GS1 Global Location Number of exactly 13 digits"
  }
  if (!hasValidCheckDigit(gln)) {
    const expected = mod10CheckDigit(gln.slice(0, 12))
    return `gln ${gln} has a wrong check digit: a GLN starting ${gln.slice(0, 12)} ends in ${expected}; check the number on the supplier's documents`
  }
  return null
}

/** Why an FDA Food Facility Registration Number (11 digits) is not one, or null when it is. */
export function ffrnProblem(ffrn: string): string | null {
  return /^\d{11}$/.test(ffrn) ? null : "ffrn must be an FDA Food Facility Registration Number of exactly 11 digits"
}

/** Why a web address is not one an auditor can open (http or https, with a host), or null. */
export function supplierUrlProblem(url: string): string | null {
  try {
    const parsed = new URL(url)
    if ((parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.includes(".")) {
      return null
    }
  } catch {
    // refused below
  }
  return "url must be a web address starting with https:// or http://"
}

/** Why a phone number is not one (digits with + ( ) - . / and spaces, 4 to 20 digits), or null. */
export function phoneProblem(phone: string): string | null {
  const digits = phone.replace(/\D/g, "").length
  return /^\+?[\d ()./-]+$/.test(phone) && digits >= 4 && digits <= 20
    ? null
    : "phone must be a phone number: digits, optionally + at the start, spaces, ( ) - . /"
}

/** Why a country code is not an ISO 3166-1 alpha-2 code (two letters), or null. */
export function countryCodeProblem(code: string): string | null {
  return /^[a-z]{2}$/i.test(code) ? null : "country_code must be a two-letter country code such as us or de"
}

/**
 * FSMA's location description of a supplier (21 CFR 1.1310: business name, phone number, physical
 * address): "Alpine Dairy, Bergweg 2, 6020 Innsbruck, Tirol, AT, phone +43 512 1".
 */
export function describeSupplier(details: SupplierDetails): string {
  return joinParts([details.name, formatAddress(details), details.phone ? `phone ${details.phone}` : null])
}

/**
 * The traceability lot code source reference (21 CFR 1.1310): what lets FDA find the source
 * without its address, each labelled: "GLN 0614141000005; FDA FFRN 12345678901; URL https://…".
 */
export function supplierSourceReference(details: SupplierDetails): string {
  return joinParts(
    [
      details.gln ? `GLN ${details.gln}` : null,
      details.ffrn ? `FDA FFRN ${details.ffrn}` : null,
      details.url ? `URL ${details.url}` : null,
    ],
    "; "
  )
}
