import { z } from "@medusajs/framework/zod"
import { ALLOCATION_STRATEGIES } from "../../../modules/lot/types"
import { boundedText, oneOf, requiredText } from "../../utils/validators"
import { AdminReceiveLot } from "../lots/validators"

const days = (what: string) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0, `${what} cannot be negative`)
    .max(36500, `${what} must be at most 36500 days`)

export const AdminUpsertLotPolicy = z
  .object({
    tracked: z.boolean({ error: "tracked must be true or false" }).optional(),
    strategy: oneOf("strategy", ALLOCATION_STRATEGIES).optional(),
    shelf_life_days: days("shelf_life_days").min(1, "shelf_life_days must be at least 1").nullable().optional(),
    removal_lead_days: days("removal_lead_days").optional(),
    min_remaining_shelf_life_days: days("min_remaining_shelf_life_days").optional(),
    lot_number_template: boundedText("lot_number_template", 100).nullable().optional(),
    lot_number_pattern: boundedText("lot_number_pattern", 200).nullable().optional(),
    unit_of_measure: requiredText("unit_of_measure", 40, "unit_of_measure cannot be empty (each, case of 12, kg, ...)")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} .,/()-]*$/u, "unit_of_measure may contain letters, digits, spaces and . , / ( ) -")
      .optional(),
  })
  .strict()
export type AdminUpsertLotPolicyType = z.infer<typeof AdminUpsertLotPolicy>

// The units go into an existing lot (lot_id) or a new one described like a receipt; the item comes
// from the URL. Omitting fields drops AdminReceiveLot's refinement, so the lot_id rule is set again.
// FSMA receipt facts (supplier record, exempt source, reference document) belong to deliveries, not to units already here.
const AssignUntrackedStockShape = AdminReceiveLot.omit({
  inventory_item_id: true,
  additional_data: true,
  supplier_id: true,
  exempt_source: true,
  tlc_assigned_by: true,
  receipt_document_type: true,
  receipt_document_number: true,
})
const ASSIGN_TARGET_FIELDS = new Set(["location_id", "quantity", "lot_id"])

export const AdminAssignUntrackedStock = AssignUntrackedStockShape.superRefine((body, ctx) => {
  if (!body.lot_id) {
    return
  }
  for (const [field, value] of Object.entries(body)) {
    if (!ASSIGN_TARGET_FIELDS.has(field) && value !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} cannot be set when assigning to an existing lot (lot_id); it keeps its own`,
      })
    }
  }
})
export type AdminAssignUntrackedStockType = z.infer<typeof AdminAssignUntrackedStock>

export const AdminGetLotSummaryParams = z
  .object({
    lot_limit: z.coerce
      .number({ error: "lot_limit must be a number" })
      .int("lot_limit must be a whole number")
      .min(1, "lot_limit must be at least 1")
      .max(50, "lot_limit must be at most 50")
      .default(5),
  })
  .strict()
export type AdminGetLotSummaryParamsType = z.infer<typeof AdminGetLotSummaryParams>
