import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../modules/lot"
import { formatAddress } from "../../../../../modules/lot/domain/location-description"
import type LotModuleService from "../../../../../modules/lot/service"
import { sendTables, type Column, type Table } from "../../../../utils/spreadsheet"
import { readableNames, type RecallReadableNames } from "../../helpers"
import type { AdminExportRecallParamsType } from "../../validators"

type Row = Record<string, any>
const date = (value: unknown) => (value ? new Date(value as string).toISOString().slice(0, 10) : null)
const address = (shipTo: unknown) => formatAddress(shipTo as Parameters<typeof formatAddress>[0])

/** Shipped, returned and outstanding units, each in its own column, alike on every sheet. */
const unitColumns: Column<Row>[] = [
  { header: "Units shipped", width: 14, value: (r) => Number(r.shipped_quantity) },
  { header: "Units returned", width: 14, value: (r) => Number(r.returned_quantity) },
  { header: "Units outstanding", width: 16, value: (r) => Number(r.outstanding_quantity) },
]

function exportTables(rows: { customers: Row[]; shipments: Row[]; lots: Row[] }, names: RecallReadableNames) {
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
        { header: "Notified on", width: 14, value: (c) => date(c.notified_at) },
        { header: "Notified how", width: 12, value: (c) => c.notification_method ?? null },
        { header: "Notice note", width: 40, value: (c) => c.notification_note ?? null },
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
        { header: "Generation (0 = named in the recall)", width: 16, value: (l) => Number(l.depth) },
        { header: "Status before the recall", width: 16, value: (l) => l.status_before },
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
 * A recall's scope for the phone calls and the regulator: customers, shipments and lots with units
 * shipped, returned and outstanding, and on-hand stock; order numbers, location names and SKUs
 * beside Medusa's ids — CSV (one table, `table=`) or XLSX (one sortable sheet per table).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportRecallParamsType>, res: MedusaResponse) => {
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const [recall] = await lots.listRecalls({ id: req.params.id })
  if (!recall) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recall with id: ${req.params.id} was not found`)
  }
  const filter = { recall_id: recall.id }
  const [customers, shipments, recallLots] = await Promise.all([
    lots.listRecallCustomers(filter, { order: { outstanding_quantity: "DESC", customer_key: "ASC" } }),
    lots.listRecallShipments(filter, { order: { shipped_at: "ASC", id: "ASC" } }),
    lots.listRecallLots(filter, { order: { depth: "ASC", lot_number: "ASC" } }),
  ])
  const names = await readableNames(req.scope, {
    orderIds: shipments.map((s) => s.order_id),
    locationIds: [
      ...shipments.map((s) => s.location_id),
      ...recallLots.flatMap((l) => ((l.on_hand_by_location ?? []) as { location_id: string }[]).map((s) => s.location_id)),
    ],
    inventoryItemIds: recallLots.map((l) => l.inventory_item_id),
  })
  const tables = exportTables({ customers, shipments, lots: recallLots }, names)
  const { format, table } = req.validatedQuery
  const ordered = [tables[table], ...Object.values(tables).filter((t) => t !== tables[table])]
  await sendTables(res, `${recall.recall_number}-${format === "csv" ? table : "scope"}`, format, ordered)
}
