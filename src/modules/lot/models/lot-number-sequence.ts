import { model } from "@medusajs/framework/utils"

/** Last number handed out per resolved lot-number template (e.g. "YOG-261125-{SEQ}"). */
const LotNumberSequence = model
  .define("lot_number_sequence", {
    id: model.id({ prefix: "lotseq" }).primaryKey(),
    key: model.text(),
    last_value: model.number().default(0),
  })
  .indexes([{ name: "IDX_lot_number_sequence_key", on: ["key"], unique: true }])

export default LotNumberSequence
