import { z } from "@medusajs/framework/zod"
import { describeReceiptLine, type ReceiptLine } from "../../../../modules/lot/domain/receipt-lines"
import { MAX_RECEIPTS_PER_BATCH } from "../../../../workflows/receive-lots"
import { metadataSchema } from "../../../utils/validators"
import { AdminReceiveLotWithCode, type AdminReceiveLotWithCodeType } from "../validators"

/** What names a line before it is known to be valid: its lot number, lot id or item, when they are text. */
function lineOf(value: unknown): ReceiptLine {
  const fields = value && typeof value === "object" ? (value as Record<string, unknown>) : {}
  const text = (field: string) => (typeof fields[field] === "string" ? (fields[field] as string) : null)
  return { lot_number: text("lot_number"), lot_id: text("lot_id"), inventory_item_id: text("inventory_item_id") ?? "not given" }
}

/** A refusal of one field of a line in the words of the single route's validator, the line named in front. */
function lineIssue(index: number, value: unknown, issue: z.core.$ZodIssue): string {
  const field = issue.path.join(".")
  const given = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], value)
  const missing = issue.code === "invalid_type" && given === undefined
  return `${describeReceiptLine(index, lineOf(value))}: ${missing ? `${field} is required` : issue.message}`
}

/**
 * POST /admin/lots/batch: up to MAX_RECEIPTS_PER_BATCH receipts, each exactly as POST /admin/lots
 * takes one. Each line is checked by that route's schema; its refusals name the line (counted
 * from 1) and its lot or item, since Medusa's error answer drops the path of our own messages.
 */
export const AdminReceiveLots = z
  .object({
    receipts: z.array(z.unknown(), { error: "receipts must be a list of receipts" }).transform((lines, ctx) => {
      if (!lines.length) {
        ctx.addIssue({ code: "custom", message: "receipts cannot be empty: send at least one receipt" })
        return z.NEVER
      }
      if (lines.length > MAX_RECEIPTS_PER_BATCH) {
        ctx.addIssue({
          code: "custom",
          message: `At most ${MAX_RECEIPTS_PER_BATCH} receipts per request, got ${lines.length}: send the delivery in several requests`,
        })
        return z.NEVER
      }
      const parsed: AdminReceiveLotWithCodeType[] = []
      lines.forEach((line, index) => {
        const result = AdminReceiveLotWithCode.safeParse(line)
        if (result.success && result.data.additional_data === undefined) {
          parsed.push(result.data)
          return
        }
        if (result.success) {
          const message = `${describeReceiptLine(index, lineOf(line))}: additional_data belongs to the whole batch, beside receipts, not to a line`
          ctx.addIssue({ code: "custom", path: [index, "additional_data"], message })
          return
        }
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: "custom", path: [index, ...issue.path], message: lineIssue(index, line, issue) })
        }
      })
      return parsed
    }),
    additional_data: metadataSchema("additional_data").optional(),
  })
  .strict()
export type AdminReceiveLotsType = z.infer<typeof AdminReceiveLots>
