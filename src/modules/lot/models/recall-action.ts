import { model } from "@medusajs/framework/utils"
import { RECALL_ACTION_TYPES, RECALL_NOTICE_METHODS } from "../types/statuses"

/**
 * One thing done on a recall, by whom and when: a customer marked as told (how, with a note) or
 * that mark withdrawn (why). Append-only, like the lot history: withdrawing a notice adds an entry.
 */
const RecallAction = model
  .define("recall_action", {
    id: model.id({ prefix: "rclact" }).primaryKey(),
    recall_id: model.text(),
    type: model.enum(RECALL_ACTION_TYPES),
    customer_key: model.text().nullable(),
    method: model.enum(RECALL_NOTICE_METHODS).nullable(),
    note: model.text().nullable(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ name: "IDX_recall_action_recall_id", on: ["recall_id", "created_at"], where: "deleted_at IS NULL" }])

export default RecallAction
