import { z } from "@medusajs/framework/zod"
import { oneOf, recordId } from "../../../utils/validators"
import { exportPeriodFields, withExportPeriod } from "../period"

const MAX_FILTER_VALUES = 100
const oneOrMany = <T extends z.ZodType>(schema: T, what: string) =>
  z
    .union([schema, z.array(schema).max(MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values of ${what}`)])
    .transform((value) => [value].flat() as z.output<T>[])

/**
 * GET /admin/traceability/fsma-204: the period (YYYY-MM-DD, both ends inclusive, UTC; the last 30
 * days by default, two years at most), the file format, the part (the events, or the key that
 * defines each column), and optional lot / item filters. The
 * resolved period is handed to the route as `period`.
 */
export const AdminGetFsma204Params = z
  .object({
    ...exportPeriodFields,
    format: oneOf("format", ["csv", "xlsx"], "format must be csv or xlsx").default("csv"),
    part: oneOf("part", ["events", "key"], "part must be events (the spreadsheet) or key (what each column holds)").default("events"),
    lot_id: oneOrMany(recordId("lot_id"), "lot_id").optional(),
    lot_number: oneOrMany(recordId("lot_number"), "lot_number").optional(),
    inventory_item_id: oneOrMany(recordId("inventory_item_id"), "inventory_item_id").optional(),
  })
  .strict()
  .transform(withExportPeriod)
export type AdminGetFsma204ParamsType = z.infer<typeof AdminGetFsma204Params>
