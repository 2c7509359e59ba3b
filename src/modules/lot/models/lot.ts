import { model } from "@medusajs/framework/utils"
import { LOT_STATUSES, LotStatus, TLC_ASSIGNERS } from "../types"
import LotAllocation from "./lot-allocation"
import LotStock from "./lot-stock"

/** A quantity of one inventory item made or received together, named by a unique lot number. */
const Lot = model
  .define("lot", {
    id: model.id({ prefix: "lot" }).primaryKey(),
    lot_number: model.text().searchable(),
    inventory_item_id: model.text(),
    status: model.enum(LOT_STATUSES).default(LotStatus.RELEASED),
    manufactured_at: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
    best_before_at: model.dateTime().nullable(),
    received_at: model.dateTime(),
    supplier: model.text().nullable(),
    supplier_lot_number: model.text().nullable(),
    // FSMA 204 facts of the receipt that created the lot: the supplier record and a copy of its
    // location and references as they were then, whether the source is exempt (21 CFR 1.1345(b)),
    // who assigned the lot code, and the receipt's reference document (e.g. a bill of lading).
    supplier_id: model.text().nullable(),
    supplier_details: model.json().nullable(),
    exempt_source: model.boolean().default(false),
    tlc_assigned_by: model.enum(TLC_ASSIGNERS).nullable(),
    receipt_document_type: model.text().nullable(),
    receipt_document_number: model.text().nullable(),
    notes: model.text().nullable(),
    metadata: model.json().nullable(),
    // Smallest expiry warning window (days) already announced for this lot; each window warns once.
    expiry_warning_days: model.number().nullable(),
    stock: model.hasMany(() => LotStock, { mappedBy: "lot" }),
    allocations: model.hasMany(() => LotAllocation, { mappedBy: "lot" }),
  })
  .cascades({ delete: ["stock"] })
  .indexes([
    // Lot numbers are stored normalised (trimmed, upper case), so this also refuses "l-1" next to "L-1".
    { name: "IDX_lot_lot_number_unique", on: ["lot_number"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_lot_inventory_item_id", on: ["inventory_item_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_status_expires_at", on: ["status", "expires_at"], where: "deleted_at IS NULL" },
    // Serves the FEFO / FIFO pick of an item's sellable lots without sorting all of them.
    {
      name: "IDX_lot_released_item_expiry",
      on: ["inventory_item_id", "expires_at", "received_at"],
      where: "deleted_at IS NULL AND status = 'released'",
    },
    { name: "IDX_lot_expires_at", on: ["expires_at"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_supplier_id", on: ["supplier_id"], where: "deleted_at IS NULL AND supplier_id IS NOT NULL" },
  ])

export default Lot
