import { model } from "@medusajs/framework/utils"
import { LOT_EVENT_TYPES } from "../types"

/**
 * One entry of a lot's history. Append-only: a database trigger refuses UPDATE and DELETE, and
 * the service exposes no method that edits one (CGMP batch records must be kept as written).
 */
const LotEvent = model
  .define("lot_event", {
    id: model.id({ prefix: "lotevt" }).primaryKey(),
    lot_id: model.text(),
    type: model.enum(LOT_EVENT_TYPES),
    // Signed change of on-hand (or allocated) quantity this event caused; 0 for status changes.
    quantity: model.number().default(0),
    location_id: model.text().nullable(),
    to_location_id: model.text().nullable(),
    from_status: model.text().nullable(),
    to_status: model.text().nullable(),
    actor_id: model.text().nullable(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_lot_event_lot_id_created_at", on: ["lot_id", "created_at"] },
    { name: "IDX_lot_event_reference", on: ["reference_type", "reference_id"] },
  ])

export default LotEvent
