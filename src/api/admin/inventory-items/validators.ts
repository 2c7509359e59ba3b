import { z } from "@medusajs/framework/zod"
import { ALLOCATION_STRATEGIES } from "../../../modules/lot/types"
import { boundedText } from "../../utils/validators"

const days = (what: string) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0, `${what} cannot be negative`)
    .max(36500, `${what} must be at most 36500 days`)

export const AdminUpsertLotPolicy = z
  .object({
    tracked: z.boolean({ error: "tracked must be true or false" }).optional(),
    strategy: z.enum(ALLOCATION_STRATEGIES, { error: `strategy must be one of ${ALLOCATION_STRATEGIES.join(", ")}` }).optional(),
    shelf_life_days: days("shelf_life_days").min(1, "shelf_life_days must be at least 1").nullable().optional(),
    removal_lead_days: days("removal_lead_days").optional(),
    min_remaining_shelf_life_days: days("min_remaining_shelf_life_days").optional(),
    lot_number_template: boundedText("lot_number_template", 100).nullable().optional(),
    lot_number_pattern: boundedText("lot_number_pattern", 200).nullable().optional(),
  })
  .strict()
export type AdminUpsertLotPolicyType = z.infer<typeof AdminUpsertLotPolicy>
