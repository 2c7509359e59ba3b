import { z } from "@medusajs/framework/zod"
import { recordId, wholeQuantity } from "../../utils/validators"

export const AdminDesignateReturnLots = z
  .object({
    items: z
      .array(
        z.object({ line_item_id: recordId("line_item_id"), lot_id: recordId("lot_id"), quantity: wholeQuantity() }).strict(),
        { error: "items must be a list of { line_item_id, lot_id, quantity }" }
      )
      .min(1, "items cannot be empty")
      .max(200, "items may name at most 200 lots"),
  })
  .strict()
export type AdminDesignateReturnLotsType = z.infer<typeof AdminDesignateReturnLots>
