import { isAllocatableStatus } from "../../../../modules/lot/domain/lot-status"
import type { LotStatus } from "../../../../modules/lot/types"

type Cell = string | number | null

/** A lot as the export reads it: its dates, supplier, item names and stock per location. */
export type ExportLot = {
  lot_number: string
  status: LotStatus
  expires_at: Date | string | null
  manufactured_at: Date | string | null
  received_at: Date | string
  supplier: string | null
  supplier_lot_number: string | null
  inventory_item: { title: string | null; sku: string | null; product_titles: string[] } | null
  stock: { location_id: string; quantity: number; allocated_quantity: number; quarantined_quantity: number }[]
}

/** The export's columns, in order: the lot, then one location's stock. */
export const LOT_EXPORT_COLUMNS = [
  { header: "Lot number", width: 22 },
  { header: "Product", width: 30 },
  { header: "Item", width: 30 },
  { header: "SKU", width: 18 },
  { header: "Status", width: 12 },
  { header: "Expiry", width: 12 },
  { header: "Manufactured", width: 14 },
  { header: "Received", width: 12 },
  { header: "Supplier", width: 28 },
  { header: "Supplier lot", width: 18 },
  { header: "Location", width: 28 },
  { header: "On hand", width: 10 },
  { header: "Allocated", width: 10 },
  { header: "Available", width: 10 },
] as const

const day = (value: Date | string | null) => (value ? new Date(value).toISOString().slice(0, 10) : null)

/**
 * Units of a lot at a location that orders can still take: on hand, less what open orders hold
 * and returned units awaiting inspection — none while the lot may not be sold (held, quarantined,
 * expired, recalled, rejected).
 */
export function availableQuantity(status: LotStatus, stock: ExportLot["stock"][number]): number {
  return isAllocatableStatus(status) ? Math.max(0, stock.quantity - stock.allocated_quantity - stock.quarantined_quantity) : 0
}

/**
 * A lot's lines in the export: one per location it has stock at (by location name), or a single
 * line with the location empty when it has none. With `locationIds` (the list was filtered by
 * location), only those locations' lines.
 */
export function lotExportRows(lot: ExportLot, locationName: (id: string) => string, locationIds?: string[]): Cell[][] {
  const lotCells: Cell[] = [
    lot.lot_number,
    lot.inventory_item?.product_titles.join(" / ") || null,
    lot.inventory_item?.title ?? null,
    lot.inventory_item?.sku ?? null,
    lot.status,
    day(lot.expires_at),
    day(lot.manufactured_at),
    day(lot.received_at),
    lot.supplier,
    lot.supplier_lot_number,
  ]
  const stock = lot.stock
    .filter((s) => s.quantity > 0 && (!locationIds?.length || locationIds.includes(s.location_id)))
    .map((s) => ({ ...s, name: locationName(s.location_id) }))
    .sort((a, b) => a.name.localeCompare(b.name))
  if (!stock.length) {
    return [[...lotCells, null, 0, 0, 0]]
  }
  return stock.map((s) => [...lotCells, s.name, s.quantity, s.allocated_quantity, availableQuantity(lot.status, s)])
}
