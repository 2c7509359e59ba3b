/** Postal addresses as FSMA location descriptions and the exports write them. Pure. */

export type PostalAddress = {
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
}

/** The parts with text, trimmed, joined. */
export const joinParts = (parts: (string | null | undefined)[], separator = ", ") =>
  parts.map((p) => p?.trim()).filter(Boolean).join(separator)

/** "Hauptstraße 1, 10115 Berlin, BE, DE": street lines, postal code and city, region, country. */
export function formatAddress(address: PostalAddress | null | undefined): string {
  if (!address) {
    return ""
  }
  return joinParts([
    address.address_1,
    address.address_2,
    joinParts([address.postal_code, address.city], " "),
    address.province,
    address.country_code?.toUpperCase(),
  ])
}
