import { model } from "@medusajs/framework/utils"

/**
 * A rehearsal of a recall: the scope computed for some lots without changing anything, kept so a
 * merchant can show an auditor how fast and how completely a recall would be answered.
 */
const MockRecall = model.define("mock_recall", {
  id: model.id({ prefix: "mockrcl" }).primaryKey(),
  lot_ids: model.json(),
  lot_numbers: model.json(),
  ran_by: model.text().nullable(),
  duration_ms: model.number(),
  lot_count: model.number(),
  shipment_count: model.number(),
  customer_count: model.number(),
  received_quantity: model.number(),
  accounted_quantity: model.number(),
  // Share of the received quantity the trace accounts for (on hand + shipped + consumed + ...), in %.
  mass_balance_percent: model.float(),
  summary: model.json().nullable(),
})

export default MockRecall
