import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { formatAddress } from "../../../modules/lot/domain/location-description"
import type { TraceTables } from "../../../modules/lot/domain/trace-report"
import { sendTables, type Column, type Table } from "../../utils/spreadsheet"
import { readableNames, type RecallReadableNames } from "./helpers"
import type { AdminExportRecallParamsType } from "./validators"

// Rows as the recall tables hold them (recall_customer, recall_shipment, recall_lot), or as a mock
// recall's trace is turned into them (scopeRows).
type Row = Record<string, any>
export type ScopeRows = { customers: Row[]; shipments: Row[]; lots: Row[] }
type ExportKind = "recall" | "mock"

const date = (value: unknown) => (value ? new Date(value as string).toISOString().slice(0, 10) : null)
const address = (shipTo: unknown) => formatAddress(shipTo as Parameters<typeof formatAddress>[0])

/** Shipped, returned and outstanding units, each in its own column, alike on every sheet. */
const unitColumns: Column<Row>[] = [
  { header: "Units shipped", width: 14, value: (r) => Number(r.shipped_quantity) },
  { header: "Units returned", width: 14, value: (r) => Number(r.returned_quantity) },
  { header: "Units outstanding", width: 16, value: (r) => Number(r.outstanding_quantity) },
]

/** How customers were told: only a recall has notices. */
const noticeColumns: Column<Row>[] = [
  { header: "Notified on", width: 14, value: (c) => date(c.notified_at) },
  { header: "Notified how", width: 12, value: (c) => c.notification_method ?? null },
  { header: "Notice note", width: 40, value: (c) => c.notification_note ?? null },
]

function exportTables(rows: ScopeRows, names: RecallReadableNames, kind: ExportKind) {
  const skuOfLot = new Map(rows.lots.map((l) => [l.lot_id as string, names.sku(l.inventory_item_id)]))
  const tables: Record<AdminExportRecallParamsType["table"], Table<Row>> = {
    customers: {
      name: "Customers",
      rows: rows.customers,
      columns: [
        { header: "Customer", width: 28, value: (c) => c.name },
        { header: "E-mail", width: 30, value: (c) => c.email },
        { header: "Customer ID", width: 30, value: (c) => c.customer_id },
        { header: "Ship-to address", width: 45, value: (c) => address(c.ship_to) },
        { header: "Phone", width: 18, value: (c) => (c.ship_to?.phone as string | null) ?? null },
        { header: "Order numbers", width: 20, value: (c) => (c.order_ids as string[]).map((id) => names.orderNumber(id) ?? id).join(" ") },
        { header: "Order IDs", width: 40, value: (c) => (c.order_ids as string[]).join(" ") },
        ...unitColumns,
        ...(kind === "recall" ? noticeColumns : []),
      ],
    },
    shipments: {
      name: "Shipments",
      rows: rows.shipments,
      columns: [
        { header: "Lot", width: 20, value: (s) => s.lot_number },
        { header: "SKU", width: 18, value: (s) => skuOfLot.get(s.lot_id) ?? null },
        { header: "Order number", width: 14, value: (s) => names.orderNumber(s.order_id) },
        { header: "Order ID", width: 30, value: (s) => s.order_id },
        { header: "Fulfillment ID", width: 30, value: (s) => s.fulfillment_id },
        { header: "Ship-from location", width: 24, value: (s) => names.locationName(s.location_id) },
        { header: "Ship-from location ID", width: 30, value: (s) => s.location_id },
        { header: "Customer", width: 28, value: (s) => s.customer_name },
        { header: "E-mail", width: 30, value: (s) => s.customer_email },
        { header: "Ship-to address", width: 45, value: (s) => address(s.ship_to) },
        ...unitColumns,
        { header: "Shipped on", width: 14, value: (s) => date(s.shipped_at) },
      ],
    },
    lots: {
      name: "Lots",
      rows: rows.lots,
      columns: [
        { header: "Lot", width: 20, value: (l) => l.lot_number },
        { header: "SKU", width: 18, value: (l) => names.sku(l.inventory_item_id) },
        { header: "Inventory item ID", width: 30, value: (l) => l.inventory_item_id },
        { header: `Generation (0 = named in the ${kind === "recall" ? "recall" : "mock recall"})`, width: 16, value: (l) => Number(l.depth) },
        { header: kind === "recall" ? "Status before the recall" : "Status", width: 16, value: (l) => l.status_before },
        { header: "Units received", width: 14, value: (l) => Number(l.received_quantity) },
        ...unitColumns,
        { header: "Units on hand", width: 14, value: (l) => Number(l.on_hand_quantity) },
        {
          header: "On hand by location",
          width: 40,
          value: (l) => ((l.on_hand_by_location ?? []) as { location_id: string; quantity: number }[])
            .map((s) => `${names.locationName(s.location_id) ?? s.location_id} (${s.location_id}): ${s.quantity}`)
            .join("; "),
        },
      ],
    },
  }
  return tables
}

/**
 * A mock recall's trace as the rows a recall keeps: each customer with the ship-to of their first
 * shipment, each shipment, each lot with its units shipped, returned and outstanding and its
 * stock per location now.
 */
export function scopeRows(report: TraceTables): ScopeRows {
  const shipments = report.shipments.map((s) => ({ ...s, shipped_quantity: s.quantity }))
  const shipTo = new Map<string, unknown>()
  for (const s of report.shipments) {
    const key = s.customer_id ?? s.customer_email ?? "guest"
    if (!shipTo.has(key)) shipTo.set(key, s.ship_to)
  }
  const customers = report.customers.map((c) => ({ ...c, shipped_quantity: c.quantity, ship_to: shipTo.get(c.key) ?? null }))
  const lots = [...report.lots]
    .sort((a, b) => a.depth - b.depth || a.lot_number.localeCompare(b.lot_number))
    .map((l) => {
      const own = report.shipments.filter((s) => s.lot_id === l.id)
      const sum = (pick: (s: (typeof own)[number]) => number) => own.reduce((total, s) => total + pick(s), 0)
      return {
        lot_id: l.id,
        lot_number: l.lot_number,
        inventory_item_id: l.inventory_item_id,
        depth: l.depth,
        status_before: l.status,
        received_quantity: l.mass_balance.received,
        shipped_quantity: sum((s) => s.quantity),
        returned_quantity: sum((s) => s.returned_quantity),
        outstanding_quantity: sum((s) => s.outstanding_quantity),
        on_hand_quantity: l.on_hand,
        on_hand_by_location: report.on_hand.filter((s) => s.lot_id === l.id).map((s) => ({ location_id: s.location_id, quantity: s.quantity })),
      }
    })
  return { customers, shipments, lots }
}

/**
 * Sends a recall's (or a mock recall's) scope for the phone calls and the regulator: customers,
 * shipments and lots with order numbers, location names and SKUs beside Medusa's ids — CSV (the
 * asked table) or XLSX (one sortable sheet per table, the asked one first).
 */
export async function sendScopeExport(
  scope: MedusaContainer,
  res: MedusaResponse,
  rows: ScopeRows,
  { kind, fileName, format, table }: { kind: ExportKind; fileName: string } & AdminExportRecallParamsType
) {
  const names = await readableNames(scope, {
    orderIds: rows.shipments.map((s) => s.order_id),
    locationIds: [...rows.shipments.map((s) => s.location_id), ...rows.lots.flatMap((l) => (l.on_hand_by_location ?? []).map((s: Row) => s.location_id))],
    inventoryItemIds: rows.lots.map((l) => l.inventory_item_id),
  })
  const tables = exportTables(rows, names, kind)
  const ordered = [tables[table], ...Object.values(tables).filter((t) => t !== tables[table])]
  await sendTables(res, `${fileName}-${format === "csv" ? table : "scope"}`, format, ordered)
}
