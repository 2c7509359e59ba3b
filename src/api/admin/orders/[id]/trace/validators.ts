import { z } from "@medusajs/framework/zod"
import { AdminLotTraceParams } from "../../../lots/genealogy-validators"

/** GET /admin/orders/:id/trace walks backward only: how deep, as for a lot's trace. */
export const AdminOrderTraceParams = z.object({ depth: AdminLotTraceParams.shape.depth }).strict()
export type AdminOrderTraceParamsType = z.infer<typeof AdminOrderTraceParams>
