import { z } from "@medusajs/framework/zod"
import { MAX_SCAN_LENGTH } from "../../../../modules/lot/domain/gs1"
import { oneOf } from "../../../utils/validators"

/** Longest FNC1 stand-in a scanner may be configured to send (e.g. "|" or "<GS>"). */
export const MAX_FNC1_LENGTH = 8

/**
 * One scan from a receiving or picking station: what the scanner sent (GS1 element string,
 * Digital Link or plain lot number) and, when the scanner replaces FNC1 by printable text, that text.
 * `associations: "strict"` refuses a code that lacks an AI GS1 requires with another (a lot
 * without its GTIN); "lenient", the default, reads it and names the gap in `scan.warnings`.
 */
export const AdminLotScan = z
  .object({
    code: z
      // No minimum here: the parser answers an empty or blank scan in a picker's words.
      .string({ error: "code must be text: what the scanner sent" })
      .max(MAX_SCAN_LENGTH, `code is too long (at most ${MAX_SCAN_LENGTH} characters)`),
    fnc1: z
      .string({ error: "fnc1 must be text" })
      .min(1, "fnc1 cannot be empty")
      .max(MAX_FNC1_LENGTH, `fnc1 is too long (at most ${MAX_FNC1_LENGTH} characters)`)
      .optional(),
    associations: oneOf("associations", ["strict", "lenient"] as const).optional(),
  })
  .strict()
export type AdminLotScanType = z.infer<typeof AdminLotScan>
