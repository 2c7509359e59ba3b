import { z } from "@medusajs/framework/zod"
import { queryWholeNumber as wholeNumber, recordId } from "../../utils/validators"

/** GET /admin/picking/orders: the location being picked at, and the page. */
export const AdminGetPickQueueParams = z
  .object({
    location_id: recordId("location_id"),
    offset: wholeNumber("offset", 0, 1_000_000).default(0),
    limit: wholeNumber("limit", 1, 200).default(50),
  })
  .strict()
export type AdminGetPickQueueParamsType = z.infer<typeof AdminGetPickQueueParams>

/** GET /admin/picking/orders/:id: the location being picked at. */
export const AdminGetPickSheetParams = z.object({ location_id: recordId("location_id") }).strict()
export type AdminGetPickSheetParamsType = z.infer<typeof AdminGetPickSheetParams>
