import { z } from "@medusajs/framework/zod"
import { FEFO_SKIP } from "../../../../../modules/lot/domain/pick-scan"
import { oneOf, wholeQuantity } from "../../../../utils/validators"
import { AdminLotScan } from "../../../lots/scan/validators"

/**
 * One scan at an order's pick station: the scanner's code (and FNC1 stand-in) as for
 * `POST /admin/lots/scan`, plus the line and location being picked when the station knows them,
 * the units taken from the scanned lot (a swap moves at most that many onto it) and whether a swap
 * that skips an earlier-expiring lot is made ("allow", the default) or answered with a warning ("warn").
 */
export const AdminOrderPickScan = AdminLotScan.extend({
  line_item_id: z.string({ error: "line_item_id must be text" }).min(1, "line_item_id cannot be empty").max(100).optional(),
  location_id: z.string({ error: "location_id must be text" }).min(1, "location_id cannot be empty").max(100).optional(),
  quantity: wholeQuantity().optional(),
  fefo_skip: oneOf("fefo_skip", FEFO_SKIP).optional(),
}).strict()
export type AdminOrderPickScanType = z.infer<typeof AdminOrderPickScan>
