import { model } from "@medusajs/framework/utils"
import { LOT_LINEAGE_KINDS } from "../types"

/**
 * "This many units of the parent lot went into the child lot": one edge of the genealogy that
 * production (inputs consumed into an output lot) and splits (repack, relabel) write. Edges of one
 * production share its `transformation_id`.
 */
const LotLineage = model
  .define("lot_lineage", {
    id: model.id({ prefix: "lotlin" }).primaryKey(),
    parent_lot_id: model.text(),
    child_lot_id: model.text(),
    kind: model.enum(LOT_LINEAGE_KINDS),
    transformation_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_lot_lineage_parent_lot_id", on: ["parent_lot_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_lineage_child_lot_id", on: ["child_lot_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_lineage_transformation_id", on: ["transformation_id"], where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "CHK_lot_lineage_quantity_positive", expression: (c) => `${c.quantity} > 0` },
    { name: "CHK_lot_lineage_not_self", expression: (c) => `${c.parent_lot_id} <> ${c.child_lot_id}` },
  ])

export default LotLineage
