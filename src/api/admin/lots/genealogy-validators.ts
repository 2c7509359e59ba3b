import { z } from "@medusajs/framework/zod"
import { TRACE_TABLES } from "../../../modules/lot/domain/trace-view"
import { boundedText, metadataSchema, oneOf, queryPage, recordId, wholeQuantity } from "../../utils/validators"
import { AdminReceiveLot } from "./validators"

// Genealogy: lots made from others (production, split) and the trace that walks them.

/** Deepest genealogy a trace walks; deeper chains are reported as truncated. */
export const MAX_TRACE_DEPTH = 50
const MAX_LOTS_PER_REQUEST = 100

// A new lot is described as in a receipt: the same fields, the same messages.
const newLot = AdminReceiveLot.shape

export const AdminProduceLot = z
  .object({
    location_id: recordId("location_id"),
    inputs: z
      .array(z.object({ lot_id: recordId("lot_id"), quantity: wholeQuantity("each input's quantity") }).strict(), {
        error: "inputs must be a list of { lot_id, quantity }",
      })
      .min(1, "a production needs at least one input lot")
      .max(MAX_LOTS_PER_REQUEST, `at most ${MAX_LOTS_PER_REQUEST} input lots`),
    output: z
      .object({
        inventory_item_id: recordId("inventory_item_id"),
        quantity: wholeQuantity("the output's quantity"),
        lot_number: newLot.lot_number,
        status: newLot.status,
        manufactured_at: newLot.manufactured_at,
        expires_at: newLot.expires_at,
        best_before_at: newLot.best_before_at,
        notes: newLot.notes,
        metadata: newLot.metadata,
        plant_code: newLot.plant_code,
        line_code: newLot.line_code,
      })
      .strict(),
    note: boundedText("note", 500).optional(),
    additional_data: metadataSchema("additional_data").optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>()
    body.inputs.forEach((input, index) => {
      if (seen.has(input.lot_id)) {
        ctx.addIssue({ code: "custom", path: ["inputs", index, "lot_id"], message: `lot ${input.lot_id} is listed twice; add its quantities together` })
      }
      seen.add(input.lot_id)
    })
  })
export type AdminProduceLotType = z.infer<typeof AdminProduceLot>

export const AdminSplitLot = z
  .object({
    location_id: recordId("location_id"),
    children: z
      .array(
        z
          .object({
            quantity: wholeQuantity("each child's quantity"),
            lot_number: newLot.lot_number,
            inventory_item_id: recordId("inventory_item_id").optional(),
            manufactured_at: newLot.manufactured_at,
            expires_at: newLot.expires_at,
            best_before_at: newLot.best_before_at,
          })
          .strict(),
        { error: "children must be a list of { quantity, lot_number?, inventory_item_id? }" }
      )
      .min(1, "a split needs at least one child lot")
      .max(MAX_LOTS_PER_REQUEST, `at most ${MAX_LOTS_PER_REQUEST} child lots`),
    note: boundedText("note", 500).optional(),
    additional_data: metadataSchema("additional_data").optional(),
  })
  .strict()
export type AdminSplitLotType = z.infer<typeof AdminSplitLot>

const depth = z.coerce
  .number({ error: "depth must be a number" })
  .int("depth must be a whole number")
  .min(1, "depth must be at least 1")
  .max(MAX_TRACE_DEPTH, `depth must be at most ${MAX_TRACE_DEPTH}`)
  .default(10)

/** Rows per table page, and lots' children per opened level, unless the query asks for another size. */
export const TRACE_PAGE_SIZE = 20

export const AdminLotTraceParams = z
  .object({
    direction: z
      .enum(["forward", "backward", "both"], { error: "direction must be forward, backward or both" })
      .default("both"),
    depth,
    table: oneOf("table", TRACE_TABLES, `table must be one of ${TRACE_TABLES.join(", ")}`).optional(),
    node: recordId("node").optional(),
    ...queryPage(TRACE_PAGE_SIZE, 200),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.table && query.node) {
      ctx.addIssue({ code: "custom", path: ["node"], message: "ask for one table or one lot's children at a time, not both" })
    }
    if (query.offset > 0 && !query.table && !query.node) {
      ctx.addIssue({ code: "custom", path: ["offset"], message: "offset pages a table or a lot's children: name one with table= or node=" })
    }
  })
export type AdminLotTraceParamsType = z.infer<typeof AdminLotTraceParams>
