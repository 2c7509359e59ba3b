import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { ADJUSTMENT_REASONS, AdjustmentReason, LOT_STATUSES, LotStatus, TLC_ASSIGNERS } from "../../../modules/lot/types"
import { MAX_LOT_NUMBER_LENGTH } from "../../../modules/lot/domain/lot-number-template"
import {
  boundedText, clearableText, isoDate, MAX_QUANTITY, metadataSchema, oneOf, oneOrMany, pastDate, recordId, requiredText, trueOrFalse,
  wholeQuantity,
} from "../../utils/validators"
import { AdminLotScan } from "./scan/validators"

const lotNumber = z
  .string({ error: "lot_number must be text" })
  .trim()
  .min(1, "lot_number cannot be empty")
  .max(MAX_LOT_NUMBER_LENGTH, `lot_number is too long (at most ${MAX_LOT_NUMBER_LENGTH} characters)`)
  .regex(/^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/, "lot_number may contain only printable characters")

// Fields that describe a new lot; when receiving into an existing lot (lot_id) they are refused.
const NEW_LOT_FIELDS = [
  "lot_number",
  "status",
  "manufactured_at",
  "expires_at",
  "best_before_at",
  "supplier",
  "supplier_lot_number",
  "supplier_id",
  "exempt_source",
  "tlc_assigned_by",
  "notes",
  "metadata",
  "plant_code",
  "line_code",
] as const

export const AdminReceiveLot = z
  .object({
    inventory_item_id: recordId("inventory_item_id"),
    location_id: recordId("location_id"),
    quantity: wholeQuantity(),
    lot_id: recordId("lot_id").optional(),
    lot_number: lotNumber.optional(),
    status: z
      .enum([LotStatus.RELEASED, LotStatus.QUARANTINE], {
        error: "status must be released or quarantine for a new lot",
      })
      .optional(),
    manufactured_at: pastDate("manufactured_at").optional(),
    expires_at: isoDate("expires_at").optional(),
    best_before_at: isoDate("best_before_at").optional(),
    received_at: pastDate("received_at").optional(),
    supplier: boundedText("supplier", 200).optional(),
    supplier_lot_number: boundedText("supplier_lot_number", 64).optional(),
    supplier_id: recordId("supplier_id").optional(),
    exempt_source: trueOrFalse("exempt_source").optional(),
    tlc_assigned_by: oneOf(
      "tlc_assigned_by",
      TLC_ASSIGNERS,
      "tlc_assigned_by must be supplier (the lot code came with the food) or receiver (assigned here)"
    ).optional(),
    receipt_document_type: requiredText("receipt_document_type", 100).optional(),
    receipt_document_number: requiredText("receipt_document_number", 100).optional(),
    notes: boundedText("notes", 2000).optional(),
    metadata: metadataSchema("metadata").optional(),
    plant_code: boundedText("plant_code", 10).trim().min(1, "plant_code cannot be empty").optional(),
    line_code: boundedText("line_code", 10).trim().min(1, "line_code cannot be empty").optional(),
    additional_data: metadataSchema("additional_data").optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    refuseNewLotFieldsForExistingLot(body, ctx)
    requireBothDocumentFields(body, ctx)
  })
export type AdminReceiveLotType = z.infer<typeof AdminReceiveLot>

function refuseNewLotFieldsForExistingLot(
  body: { lot_id?: string } & Partial<Record<(typeof NEW_LOT_FIELDS)[number] | "code", unknown>>,
  ctx: z.RefinementCtx
) {
  if (!body.lot_id) {
    return
  }
  for (const field of [...NEW_LOT_FIELDS, "code" as const]) {
    if (body[field] !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `${field} cannot be set when receiving into an existing lot (lot_id); it keeps its own`,
      })
    }
  }
}

/** A reference document is looked up by its type and number: one without the other finds nothing. */
function requireBothDocumentFields(body: { receipt_document_type?: string; receipt_document_number?: string }, ctx: z.RefinementCtx) {
  if (Boolean(body.receipt_document_type) !== Boolean(body.receipt_document_number)) {
    const missing = body.receipt_document_type ? "receipt_document_number" : "receipt_document_type"
    ctx.addIssue({
      code: "custom",
      path: [missing],
      message: `${missing} is required with the other: name the document's type and its number (e.g. Bill of lading, BOL-4471)`,
    })
  }
}

/**
 * POST /admin/lots: a receipt as above, or with a scanned `code` (GS1 element string, Digital
 * Link or plain lot number) standing for the item (by GTIN), lot number and dates. Kept apart from
 * AdminReceiveLot, which other requests reuse to describe a new lot with its item required.
 */
export const AdminReceiveLotWithCode = AdminReceiveLot.omit({ inventory_item_id: true })
  .extend({
    inventory_item_id: recordId("inventory_item_id").optional(),
    code: AdminLotScan.shape.code.optional(),
    fnc1: AdminLotScan.shape.fnc1,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.inventory_item_id && body.code === undefined) {
      ctx.addIssue({ code: "custom", path: ["inventory_item_id"], message: "inventory_item_id is required (or a scanned code)" })
    }
    if (body.fnc1 !== undefined && body.code === undefined) {
      ctx.addIssue({ code: "custom", path: ["fnc1"], message: "fnc1 only applies to a scanned code" })
    }
    refuseNewLotFieldsForExistingLot(body, ctx)
    requireBothDocumentFields(body, ctx)
  })
export type AdminReceiveLotWithCodeType = z.infer<typeof AdminReceiveLotWithCode>

const EditableLotFields = z.object({
  expires_at: isoDate("expires_at").nullable().optional(),
  manufactured_at: pastDate("manufactured_at").nullable().optional(),
  best_before_at: isoDate("best_before_at").nullable().optional(),
  supplier_id: recordId("supplier_id").nullable().optional(),
  supplier_lot_number: clearableText("supplier_lot_number", 64),
  notes: clearableText("notes", 2000),
})

const EDITABLE_FIELD_NAMES = Object.keys(EditableLotFields.shape) as (keyof typeof EditableLotFields.shape)[]

/** POST /admin/lots/:id: the facts to correct; null clears one (a cleared expiry is derived again from the shelf life). */
export const AdminEditLot = EditableLotFields.extend({ additional_data: metadataSchema("additional_data").optional() })
  .strict()
  .refine((body) => EDITABLE_FIELD_NAMES.some((field) => body[field] !== undefined), {
    message: `Send at least one field to change: ${EDITABLE_FIELD_NAMES.join(", ")}`,
  })
export type AdminEditLotType = z.infer<typeof AdminEditLot>

export const AdminAdjustLot = z
  .object({
    location_id: recordId("location_id"),
    quantity_change: z
      .number({ error: "quantity_change must be a number" })
      .int("quantity_change must be a whole number of units")
      .refine((n) => n !== 0, "quantity_change cannot be zero")
      .refine((n) => Math.abs(n) <= MAX_QUANTITY, `quantity_change must be within ±${MAX_QUANTITY}`)
      .optional(),
    counted_quantity: z
      .number({ error: "counted_quantity must be a number" })
      .int("counted_quantity must be a whole number of units")
      .min(0, "counted_quantity cannot be negative")
      .max(MAX_QUANTITY, `counted_quantity must be at most ${MAX_QUANTITY}`)
      .optional(),
    reason: oneOf("reason", ADJUSTMENT_REASONS),
    note: boundedText("note", 500).optional(),
    additional_data: metadataSchema("additional_data").optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const given = [body.quantity_change, body.counted_quantity].filter((v) => v !== undefined).length
    if (given !== 1) {
      ctx.addIssue({ code: "custom", path: ["quantity_change"], message: "Send exactly one of quantity_change or counted_quantity" })
    }
    const writeOff = body.reason !== AdjustmentReason.COUNT && body.reason !== AdjustmentReason.OTHER
    if (writeOff && (body.quantity_change === undefined || body.quantity_change > 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["quantity_change"],
        message: `A ${body.reason} write-off takes stock away: send a negative quantity_change`,
      })
    }
  })
export type AdminAdjustLotType = z.infer<typeof AdminAdjustLot>

export const AdminTransferLot = z
  .object({
    from_location_id: recordId("from_location_id"),
    to_location_id: recordId("to_location_id"),
    quantity: wholeQuantity(),
    note: boundedText("note", 500).optional(),
    additional_data: metadataSchema("additional_data").optional(),
  })
  .strict()
  .refine((body) => body.from_location_id !== body.to_location_id, {
    path: ["to_location_id"],
    message: "to_location_id must differ from from_location_id",
  })
export type AdminTransferLotType = z.infer<typeof AdminTransferLot>

export const AdminInspectReturnedStock = z
  .object({
    location_id: recordId("location_id"),
    quantity: wholeQuantity(),
    outcome: oneOf("outcome", ["restock", "scrap"], "outcome must be restock (back to sellable stock) or scrap"),
    note: boundedText("note", 500).optional(),
  })
  .strict()
export type AdminInspectReturnedStockType = z.infer<typeof AdminInspectReturnedStock>

export const AdminGetLotParams = createSelectParams()
const SORTABLE_LOT_FIELDS = ["lot_number", "status", "expires_at", "manufactured_at", "received_at", "created_at", "updated_at"]

const LotFilters = z.object({
  q: boundedText("q", MAX_LOT_NUMBER_LENGTH).optional(),
  inventory_item_id: oneOrMany(recordId("inventory_item_id")).optional(),
  location_id: oneOrMany(recordId("location_id")).optional(),
  status: oneOrMany(oneOf("status", LOT_STATUSES)).optional(),
  expires_before: isoDate("expires_before").optional(),
  expires_after: isoDate("expires_after").optional(),
  in_stock: oneOf("in_stock", ["true", "false"], "in_stock must be true or false").optional(),
})
export const AdminGetLotsParams = createFindParams({ limit: 50, offset: 0 })
  .extend(LotFilters.shape)
  .extend({
    offset: z.coerce.number({ error: "offset must be a number" }).int().min(0, "offset cannot be negative").default(0),
    limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(500, "limit must be at most 500").default(50),
    order: z
      .string()
      .refine((value) => SORTABLE_LOT_FIELDS.includes(value.replace(/^-/, "")), {
        message: `order must be one of ${SORTABLE_LOT_FIELDS.join(", ")} (prefix - for descending)`,
      })
      .optional(),
  })
  .strict()
export type AdminGetLotsParamsType = z.infer<typeof LotFilters>

/** GET /admin/lots/export: the list's filters and the file format; every matching lot, so no paging. */
export const AdminExportLotsParams = LotFilters.extend({
  format: oneOf("format", ["csv", "xlsx"], "format must be csv or xlsx").default("csv"),
}).strict()
export type AdminExportLotsParamsType = z.infer<typeof AdminExportLotsParams>

const ReconcileFilters = z.object({ inventory_item_id: oneOrMany(recordId("inventory_item_id")).optional() })
export const AdminReconcileParams = ReconcileFilters.strict()
export type AdminReconcileParamsType = z.infer<typeof ReconcileFilters>
export const AdminRepairLotIntegrity = ReconcileFilters.strict()
export type AdminRepairLotIntegrityType = z.infer<typeof AdminRepairLotIntegrity>

const statusReason = boundedText("reason", 500).trim().min(1, "reason is required: say why")

/** Laboratory or inspection results a release or rejection rests on, kept in the lot's history. */
const testResults = z
  .array(
    z
      .object({
        name: boundedText("test name", 100).trim().min(1, "each test result needs a name"),
        result: boundedText("test result", 200).trim().min(1, "each test result needs a result"),
        passed: z.boolean().optional(),
      })
      .strict(),
    { error: "test_results must be a list of { name, result, passed? }" }
  )
  .max(50, "at most 50 test results")

export const AdminHoldLot = z.object({ reason: statusReason, note: boundedText("note", 500).optional() }).strict()
export const AdminRejectLot = AdminHoldLot.extend({ test_results: testResults.optional() }).strict()
export const AdminReleaseLot = z
  .object({ note: boundedText("note", 500).optional(), test_results: testResults.optional() })
  .strict()
  .refine((body) => !body.test_results?.some((t) => t.passed === false), {
    path: ["test_results"],
    message: "A lot with a failed test result cannot be released; reject it or keep it in quarantine",
  })
export type AdminLotTestResult = z.infer<typeof testResults>[number]
export type AdminLotStatusChangeType = { reason?: string; note?: string; test_results?: AdminLotTestResult[] }

export const AdminExpireLots = z.object({}).strict()
