import { z } from "@medusajs/framework/zod"
import { oneOrMany, queryWholeNumber as wholeNumber, recordId } from "../../../utils/validators"

/** Lots past expiry: left out ("false"), listed first before the window ("true"), or listed alone ("only"). */
const EXPIRED_MODES = { false: "exclude", true: "include", only: "only" } as const
export type ExpiredMode = (typeof EXPIRED_MODES)[keyof typeof EXPIRED_MODES]

export const AdminGetExpiringLotsParams = z
  .object({
    within_days: wholeNumber("within_days", 1, 3650).default(30),
    include_expired: z
      .enum(["true", "false", "only"], { error: "include_expired must be true, false or only" })
      .default("false")
      .transform((value): ExpiredMode => EXPIRED_MODES[value]),
    location_id: oneOrMany(recordId("location_id")).optional(),
    inventory_item_id: oneOrMany(recordId("inventory_item_id")).optional(),
    offset: wholeNumber("offset", 0, 1_000_000).default(0),
    limit: wholeNumber("limit", 1, 500).default(50),
  })
  .strict()
export type AdminGetExpiringLotsParamsType = z.infer<typeof AdminGetExpiringLotsParams>

export const AdminGetExpirySummaryParams = z
  .object({
    weeks: wholeNumber("weeks", 1, 104).default(26),
    products_limit: wholeNumber("products_limit", 1, 500).default(50),
  })
  .strict()
export type AdminGetExpirySummaryParamsType = z.infer<typeof AdminGetExpirySummaryParams>

export const AdminRunExpiryWarnings = z.object({}).strict()
