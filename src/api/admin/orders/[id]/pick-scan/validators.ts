import { z } from "@medusajs/framework/zod"
import { AdminLotScan } from "../../../lots/scan/validators"

/**
 * One scan at an order's pick station: the scanner's code (and FNC1 stand-in) as for
 * `POST /admin/lots/scan`, plus the line and location being picked when the station knows them.
 */
export const AdminOrderPickScan = AdminLotScan.extend({
  line_item_id: z.string({ error: "line_item_id must be text" }).min(1, "line_item_id cannot be empty").max(100).optional(),
  location_id: z.string({ error: "location_id must be text" }).min(1, "location_id cannot be empty").max(100).optional(),
}).strict()
export type AdminOrderPickScanType = z.infer<typeof AdminOrderPickScan>
