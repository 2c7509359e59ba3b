import type { LotStatus } from "../types"
import { ineligibilityReason, type AllocationRules } from "./allocation"
import type { ScanResult } from "./gs1"

/** A product variant with the scanned GTIN, as the scan lookups read it. */
export type ScanVariant = {
  id: string
  title: string | null
  sku: string | null
  barcode: string | null
  ean: string | null
  upc: string | null
  product: { id: string; title: string | null } | null
  inventory_items: { inventory_item_id: string }[]
}

/** The lot with the scanned number, with its item's names and its stock per location. */
export type ScanLot = {
  id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  expires_at: Date | string | null
  received_at: Date | string
  inventory_item: {
    id: string
    title: string | null
    sku: string | null
    /** Titles of the products whose variants stock this item. */
    product_titles: string[]
  } | null
  stock: { location_id: string; quantity: number; allocated_quantity: number }[]
}

/**
 * What a scan turned out to be:
 * - lot: a lot we have (and, when the label names a product, that product's lot);
 * - new_lot: a product we sell and a lot number we have not received yet;
 * - mismatch: the lot exists but belongs to another item than the product on the label;
 * - unknown_item: the GTIN is not any variant's barcode / EAN / UPC (or the scan names neither a
 *   product nor a lot);
 * - lot_number_only_unknown: only a lot number, and no lot has it;
 * - item: a product we sell, but the label carries no lot number.
 */
export type ScanMatch = "lot" | "new_lot" | "mismatch" | "unknown_item" | "lot_number_only_unknown" | "item"

export type ScanReceivePrefill = {
  inventory_item_id: string
  lot_number: string
  /** "YYYY-MM-DD" from (17), (11) and (15), or null. */
  expires_at: string | null
  manufactured_at: string | null
  best_before_at: string | null
}

export type AdminLotScanResponse = {
  scan: ScanResult
  variant: ScanVariant | null
  inventory_item_id: string | null
  lot: {
    id: string
    lot_number: string
    inventory_item_id: string
    status: string
    expires_at: Date | string | null
    stock: { location_id: string; quantity: number; allocated_quantity: number }[]
  } | null
  can_ship: boolean
  /** Why the scanned goods may not be shipped; empty exactly when can_ship. */
  reasons: string[]
  receive: ScanReceivePrefill | null
  match: ScanMatch
  /** One sentence for the person at the scanner, or null when the lot is simply fine. */
  message: string | null
}

export type ScanFacts = {
  scan: ScanResult
  /** The normalised lot number the scan carries, if any. */
  lotNumber: string | null
  /** Variants with the scanned GTIN (empty when the scan has none or none matched). */
  variants: ScanVariant[]
  lot: ScanLot | null
  /** Rules of the lot's item for a shipment today (present when lot is). */
  lotRules: AllocationRules | null
  /** Whether the variant's item is lot-tracked (for the receive prefill). */
  itemTracked: boolean
}

/** Words for a variant: "Greek yogurt (SKU YOG-500)". */
export function describeVariant(variant: ScanVariant): string {
  const name = variant.product?.title ?? variant.title ?? variant.id
  return variant.sku ? `${name} (SKU ${variant.sku})` : name
}

/** Words for the inventory item a lot belongs to: its product's title where one stocks it. */
export function describeLotItem(lot: ScanLot): string {
  const item = lot.inventory_item
  const name = item?.product_titles.join(" / ") || item?.title || item?.sku || lot.inventory_item_id
  return item?.sku && name !== item.sku ? `${name} (SKU ${item.sku})` : name
}

const itemIds = (variant: ScanVariant) => variant.inventory_items.map((link) => link.inventory_item_id)

/** The variant the scan means: the one holding the lot's item when several share the GTIN. */
export function pickVariant(variants: ScanVariant[], lotItemId: string | null): ScanVariant | null {
  return (lotItemId ? variants.find((v) => itemIds(v).includes(lotItemId)) : undefined) ?? variants[0] ?? null
}

/** The inventory item a variant stands for: the lot's when it is one of them, else its only one. */
export function variantItemId(variant: ScanVariant, lotItemId: string | null): string | null {
  const ids = itemIds(variant)
  if (lotItemId && ids.includes(lotItemId)) {
    return lotItemId
  }
  return ids.length === 1 ? ids[0] : null
}

/** Decides what the scan is and whether its goods may ship. Pure: every lookup is done already. */
export function assessScan(facts: ScanFacts): Omit<AdminLotScanResponse, "scan"> {
  const { scan, lotNumber, lot } = facts
  const gtin = scan.kind === "gs1" ? scan.gtin : undefined
  const variant = pickVariant(facts.variants, lot?.inventory_item_id ?? null)
  const lotView = lot
    ? {
        id: lot.id,
        lot_number: lot.lot_number,
        inventory_item_id: lot.inventory_item_id,
        status: lot.status,
        expires_at: lot.expires_at,
        stock: (lot.stock ?? []).map((s) => ({
          location_id: s.location_id,
          quantity: Number(s.quantity),
          allocated_quantity: Number(s.allocated_quantity),
        })),
      }
    : null
  const refuse = (match: ScanMatch, message: string, extra: Partial<AdminLotScanResponse> = {}) => ({
    variant,
    inventory_item_id: variant ? variantItemId(variant, lot?.inventory_item_id ?? null) : null,
    lot: lotView,
    can_ship: false,
    reasons: [message],
    receive: null,
    match,
    message,
    ...extra,
  })

  if (gtin && !variant) {
    const unknown = `GTIN ${gtin} is unknown in this store: no product variant has it as barcode, EAN or UPC.`
    return refuse(
      "unknown_item",
      lot ? `${unknown} Lot ${lot.lot_number} here belongs to ${describeLotItem(lot)}: check the label.` : unknown
    )
  }

  if (lot) {
    if (variant && !itemIds(variant).includes(lot.inventory_item_id)) {
      return refuse("mismatch", `Lot ${lot.lot_number} belongs to ${describeLotItem(lot)}, not ${describeVariant(variant)}.`)
    }
    const reason = ineligibilityReason(
      {
        lot_id: lot.id,
        lot_number: lot.lot_number,
        status: lot.status,
        expires_at: lot.expires_at ? new Date(lot.expires_at) : null,
        received_at: new Date(lot.received_at),
        available: 0,
      },
      facts.lotRules!
    )
    return {
      variant,
      inventory_item_id: lot.inventory_item_id,
      lot: lotView,
      can_ship: reason === null,
      reasons: reason ? [reason] : [],
      receive: null,
      match: "lot",
      message: labelExpiryDiffers(scan, lot),
    }
  }

  if (!variant) {
    return lotNumber
      ? refuse("lot_number_only_unknown", `No lot ${lotNumber} in this store.`)
      : refuse("unknown_item", "The scan names neither a product (GTIN) nor a lot number.")
  }

  const product = describeVariant(variant)
  if (!lotNumber) {
    return refuse("item", `The label names ${product} but carries no lot number: scan the lot's barcode.`)
  }
  const itemId = variantItemId(variant, null)
  const notYet = `Lot ${lotNumber} of ${product} is not in stock yet: receive it first.`
  if (!itemId) {
    const why = variant.inventory_items.length
      ? `${product} is made of several inventory items: receive the lot on the item it belongs to.`
      : `${product} does not manage inventory, so its lots cannot be tracked.`
    return refuse("new_lot", `${notYet} ${why}`)
  }
  const gs1 = scan.kind === "gs1" ? scan : undefined
  return refuse("new_lot", facts.itemTracked ? notYet : `${notYet} Turn on lot tracking for ${product} first.`, {
    receive: {
      inventory_item_id: itemId,
      lot_number: lotNumber,
      expires_at: gs1?.expiry ?? null,
      manufactured_at: gs1?.production_date ?? null,
      best_before_at: gs1?.best_before ?? null,
    },
  })
}

/** A warning when the label's expiry date (17) is not the one recorded on the lot. */
function labelExpiryDiffers(scan: ScanResult, lot: ScanLot): string | null {
  if (scan.kind !== "gs1" || !scan.expiry) {
    return null
  }
  const recorded = lot.expires_at ? new Date(lot.expires_at).toISOString().slice(0, 10) : null
  if (recorded === scan.expiry) {
    return null
  }
  return recorded
    ? `The label's expiry date ${scan.expiry} differs from lot ${lot.lot_number}'s recorded expiry ${recorded}.`
    : `The label gives expiry date ${scan.expiry}, but lot ${lot.lot_number} has none recorded.`
}
