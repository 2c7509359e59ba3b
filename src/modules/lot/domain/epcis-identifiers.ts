import { Gs1BuildError, isValidGtin } from "./gs1-core"
import { writeDigitalLink } from "./gs1-digital-link"
import { glnProblem } from "./lot-supplier"

/**
 * The URIs an EPCIS 2.0 export names things by. GS1 keys are written as canonical GS1 Digital
 * Link URIs (https://id.gs1.org/…), the form EPCIS 2.0 recommends and the one its event hash
 * canonicalises to. The EPC URN forms (urn:epc:class:lgtin:…, urn:epc:id:sgln:…) are not written:
 * they split a key at the end of its GS1 Company Prefix, whose length a GTIN or GLN does not
 * reveal and the plugin does not record, so a URN would be a guess.
 *
 * What has no GS1 key — an item without a GTIN, a lot number GS1 cannot carry, a stock location
 * without a GLN, a customer — is named by an https URI under the merchant's own base
 * (`https://shop.example.com/epcis/location/sloc_01…`): EPCIS accepts any absolute URI there,
 * https is the same family as Digital Link, and a domain the merchant controls keeps the name
 * globally unique and lets it resolve to a page later. Pure functions, no I/O.
 */

/** Whose export it is: the merchant's base URI for names without a GS1 key, and its own GLN if it has one. */
export type EpcisIdentity = {
  /** An absolute http(s) URI without query or fragment, e.g. "https://shop.example.com/epcis". */
  base_uri: string
  /** The merchant's GLN as a party (the owner of shipped stock); null names it under base_uri. */
  party_gln?: string | null
}

/** A place or party as the event rows carry it: our id, and its GLN when one is set. */
export type EpcisPlace = { id: string; gln: string | null }

/** The base without a trailing "/", or an Error naming what is wrong (a configuration mistake). */
export function epcisBase(identity: EpcisIdentity): string {
  let parsed: URL
  try {
    parsed = new URL(identity.base_uri)
  } catch {
    throw new Error(`The EPCIS base URI ${JSON.stringify(identity.base_uri)} is not an absolute URI`)
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.search || parsed.hash || parsed.username) {
    throw new Error(`The EPCIS base URI ${identity.base_uri} must be an http(s) address without user, query or fragment`)
  }
  return identity.base_uri.replace(/\/+$/, "")
}

/**
 * The EPCIS module options checked when the module starts: a base URI that is not one, or a GLN
 * with a wrong check digit, is a configuration mistake to refuse then, not to export for months.
 */
export function epcisOptions(options: { epcis_base_uri?: string | null; epcis_party_gln?: string | null }): {
  epcis_base_uri: string | null
  epcis_party_gln: string | null
} {
  const base = options.epcis_base_uri?.trim() || null
  const gln = options.epcis_party_gln?.replace(/\s/g, "") || null
  const problem = gln ? glnProblem(gln) : null
  if (problem) {
    throw new Error(`epcis_party_gln: ${problem}`)
  }
  return { epcis_base_uri: base && epcisBase({ base_uri: base }), epcis_party_gln: gln }
}

/** A name under the base: each part percent-encoded, so an id can never add a path segment. */
export function underBase(identity: EpcisIdentity, ...parts: string[]): string {
  return [epcisBase(identity), ...parts.map((part) => encodeURIComponent(part))].join("/")
}

/** A GTIN-14 (or -8/-12/-13) with a right check digit, padded; null for anything else. */
function validGtin14(gtin: string | null): string | null {
  return gtin && isValidGtin(gtin) ? gtin.padStart(14, "0") : null
}

/** The Digital Link of the key and qualifiers, or null when GS1 refuses one of the values. */
function digitalLinkOrNull(elements: Array<{ ai: string; value: string }>): string | null {
  try {
    return writeDigitalLink(elements)
  } catch (error) {
    if (error instanceof Gs1BuildError) {
      return null
    }
    throw error
  }
}

/**
 * A lot as an EPCIS class-level identifier (an LGTIN): `https://id.gs1.org/01/{GTIN-14}/10/{lot}`.
 * Without a GTIN, or for a lot number GS1's (10) cannot hold (over 20 characters, or outside GS1
 * character set 82), `{base}/item/{inventory_item_id}/lot/{lot_number}`.
 */
export function lotClassUri(lot: { gtin: string | null; inventory_item_id: string; lot_number: string }, identity: EpcisIdentity): string {
  const gtin = validGtin14(lot.gtin)
  const link = gtin
    ? digitalLinkOrNull([
        { ai: "01", value: gtin },
        { ai: "10", value: lot.lot_number },
      ])
    : null
  return link ?? underBase(identity, "item", lot.inventory_item_id, "lot", lot.lot_number)
}

/**
 * One serialised unit as an EPCIS instance-level identifier (an SGTIN):
 * `https://id.gs1.org/01/{GTIN-14}/21/{serial}`. GS1 makes a serial unique per GTIN, so the lot is
 * not part of it. Fallback as for lots: `{base}/item/{inventory_item_id}/serial/{serial}`.
 */
export function serialInstanceUri(unit: { gtin: string | null; inventory_item_id: string; serial: string }, identity: EpcisIdentity): string {
  const gtin = validGtin14(unit.gtin)
  const link = gtin
    ? digitalLinkOrNull([
        { ai: "01", value: gtin },
        { ai: "21", value: unit.serial },
      ])
    : null
  return link ?? underBase(identity, "item", unit.inventory_item_id, "serial", unit.serial)
}

const validGln = (gln: string | null | undefined): string | null => (gln && glnProblem(gln) === null ? gln : null)

/**
 * A physical place (readPoint, bizLocation, a `location` source or destination):
 * `https://id.gs1.org/414/{GLN}` (an SGLN), else `{base}/{kind}/{id}` — kind "location" for our
 * stock locations, "supplier" for a supplier's site.
 */
export function locationUri(place: EpcisPlace, kind: "location" | "supplier", identity: EpcisIdentity): string {
  const gln = validGln(place.gln)
  return gln ? writeDigitalLink([{ ai: "414", value: gln }]) : underBase(identity, kind, place.id)
}

/**
 * A party (an `owning_party` source or destination): `https://id.gs1.org/417/{GLN}` (a PGLN),
 * else `{base}/{kind}/{id}`.
 */
export function partyUri(party: EpcisPlace, kind: "party" | "supplier" | "customer", identity: EpcisIdentity): string {
  const gln = validGln(party.gln)
  return gln ? writeDigitalLink([{ ai: "417", value: gln }]) : underBase(identity, kind, party.id)
}

/** The merchant as the owner of its stock: its PGLN, else `{base}/party/merchant`. */
export function merchantPartyUri(identity: EpcisIdentity): string {
  return partyUri({ id: "merchant", gln: identity.party_gln ?? null }, "party", identity)
}
