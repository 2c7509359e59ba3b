import { z } from "@medusajs/framework/zod"
import { recordId } from "../../utils/validators"

/** A whole number from the query string, with the field named in every refusal. */
const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`)

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
