import type { InferTypeOf } from "@medusajs/framework/types"
import type { LotReturn } from "../../../modules/lot/models"

// Responses of /admin/returns/:id/lots, as the handlers send them (the admin reads dates as ISO strings).

/** Units of a return's line tied to a lot: named by the merchant (designated) or booked on receipt. */
export type AdminReturnLot = InferTypeOf<typeof LotReturn>

export type AdminReturnLotsResponse = { return_lots: AdminReturnLot[] }
