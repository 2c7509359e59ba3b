import { model } from "@medusajs/framework/utils"
import { RECALL_ACTION_TYPES, RECALL_NOTICE_METHODS } from "../types/statuses"

/**
 * One thing done on a recall, by whom and when: a customer marked as told (how, with a note), that
 * mark withdrawn (why), units recovered (from which customer) or disposed of (at which location).
 * Append-only, like the lot history: withdrawing a notice adds an entry.
 */
const RecallAction = model
  .define("recall_action", {
    id: model.id({ prefix: "rclact" }).primaryKey(),
    recall_id: model.text(),
    type: model.enum(RECALL_ACTION_TYPES),
    customer_key: model.text().nullable(),
    method: model.enum(RECALL_NOTICE_METHODS).nullable(),
    note: model.text().nullable(),
    // Units recovered or disposed of: which lot, how many, and where they were written off.
    lot_id: model.text().nullable(),
    location_id: model.text().nullable(),
    quantity: model.number().nullable(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ name: "IDX_recall_action_recall_id", on: ["recall_id", "created_at"], where: "deleted_at IS NULL" }])

export default RecallAction
