import type { WalkingOrder } from "../../../modules/lot/domain/walking-order"

// Responses of /admin/picking/*, as the handlers send them (the admin reads them with dates as ISO strings).

/** An order waiting to be picked at a location. */
export type AdminPickQueueOrder = {
  order_id: string
  display_id: number | string | null
  created_at: Date
  /** The ship-to name, else the e-mail. */
  customer: string | null
  /** Lines with units to pick at the location, and those units. */
  lines: number
  units: number
}

export type AdminPickQueueResponse = {
  location_id: string
  orders: AdminPickQueueOrder[]
  count: number
  offset: number
  limit: number
}

/** A lot the line is allocated to at the location: where its units are to be taken from. */
export type AdminPickSheetLot = { lot_id: string; lot_number: string; expires_at: Date | null; quantity: number }

export type AdminPickSheetLine = {
  line_item_id: string
  title: string
  variant_title: string | null
  sku: string | null
  barcode: string | null
  thumbnail: string | null
  /** Bin at the location (inventory level `metadata.bin`), when the merchant keeps one. */
  bin: string | null
  /** Lot-tracked: picked by scanning lots; otherwise by a confirm or a scan of the SKU or barcode. */
  tracked: boolean
  /** Units of the line to pick at this location. */
  quantity: number
  /** The line's allocated lots here in the item's strategy order (FEFO: earliest expiry first). */
  lots: AdminPickSheetLot[]
}

export type AdminPickSheetResponse = {
  order_id: string
  display_id: number | string | null
  created_at: Date
  customer: string | null
  location: { id: string; name: string | null }
  /** What the lines' order goes by. */
  walking_order: WalkingOrder
  lines: AdminPickSheetLine[]
}
