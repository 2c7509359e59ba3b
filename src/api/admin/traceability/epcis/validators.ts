import { z } from "@medusajs/framework/zod"
import { recordId } from "../../../utils/validators"
import { exportPeriodFields, withExportPeriod } from "../period"

/** Events read from the database, looked up and written per round, at most: what the export holds in memory. */
export const EPCIS_MAX_PAGE_SIZE = 1_000

const FILTERS = ["lot_id", "lot_number", "inventory_item_id"] as const

/**
 * GET /admin/traceability/epcis: the period (YYYY-MM-DD, both ends inclusive, UTC; the last 30
 * days by default, two years at most), at most one filter (a lot by id or number, or an item), and
 * how many events to read per round. The resolved period is handed to the route as `period`.
 */
export const AdminGetEpcisParams = z
  .object({
    ...exportPeriodFields,
    lot_id: recordId("lot_id").optional(),
    lot_number: recordId("lot_number").optional(),
    inventory_item_id: recordId("inventory_item_id").optional(),
    // A refinement rather than .int()/.min(): Medusa rewrites those messages into bare bounds.
    page_size: z.coerce
      .number({ error: "page_size must be a number" })
      .refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= EPCIS_MAX_PAGE_SIZE, {
        message: `page_size must be a whole number of events from 1 to ${EPCIS_MAX_PAGE_SIZE}`,
      })
      .default(EPCIS_MAX_PAGE_SIZE),
  })
  .strict()
  .transform((query, ctx) => {
    const given = FILTERS.filter((name) => query[name] !== undefined)
    if (given.length > 1) {
      ctx.addIssue({
        code: "custom",
        path: [given[1]],
        message: `filter by one of lot_id, lot_number or inventory_item_id, not ${given.join(" and ")} together`,
      })
      return z.NEVER
    }
    return withExportPeriod(query, ctx)
  })
export type AdminGetEpcisParamsType = z.infer<typeof AdminGetEpcisParams>
