import { z } from "@medusajs/framework/zod"
import { RECALL_CLASSIFICATIONS, RECALL_NOTICE_METHODS, RECALL_STATUSES } from "../../../modules/lot/types"
import { boundedText, oneOf, queryPage, recordId, requiredText, trueOrFalse, wholeQuantity } from "../../utils/validators"

const lotIds = z
  .array(recordId("lot_id"), { error: "lot_ids must be a list of lot ids" })
  .min(1, "name at least one lot to recall")
  .max(100, "a recall may name at most 100 lots (everything made from them is included)")

export const AdminCreateRecall = z
  .object({
    lot_ids: lotIds,
    reason: requiredText("reason", 2000),
    classification: oneOf("classification", RECALL_CLASSIFICATIONS, "classification must be I, II or III"),
    public_notice: boundedText("public_notice", 4000).optional(),
  })
  .strict()
export type AdminCreateRecallType = z.infer<typeof AdminCreateRecall>

export const AdminRecallScope = z.object({ lot_ids: lotIds }).strict()
export type AdminRecallScopeType = z.infer<typeof AdminRecallScope>

export const AdminCloseRecall = z.object({ reason: requiredText("reason", 2000) }).strict()
export type AdminCloseRecallType = z.infer<typeof AdminCloseRecall>

const customerKeys = z
  .array(boundedText("customer_key", 320).min(1, "customer_key cannot be empty"), { error: "customer_keys must be a list" })
  .min(1, "name at least one customer")
  .max(1000, "at most 1000 customers at a time")

export const AdminMarkRecallCustomersNotified = z
  .object({
    customer_keys: customerKeys,
    method: oneOf("method", RECALL_NOTICE_METHODS, "say how they were told: email, phone or letter"),
    note: boundedText("note", 2000).optional(),
  })
  .strict()
export type AdminMarkRecallCustomersNotifiedType = z.infer<typeof AdminMarkRecallCustomersNotified>

export const AdminWithdrawRecallCustomersNotice = z
  .object({ customer_keys: customerKeys, reason: requiredText("reason", 2000, "say why the notice is withdrawn") })
  .strict()
export type AdminWithdrawRecallCustomersNoticeType = z.infer<typeof AdminWithdrawRecallCustomersNotice>

export const AdminRecordRecallRecovery = z
  .object({
    lot_id: recordId("lot_id"),
    quantity: wholeQuantity(),
    customer_key: boundedText("customer_key", 320).trim().optional(),
    note: boundedText("note", 2000).optional(),
  })
  .strict()
export type AdminRecordRecallRecoveryType = z.infer<typeof AdminRecordRecallRecovery>

export const AdminDisposeRecalledUnits = z
  .object({
    lot_id: recordId("lot_id"),
    location_id: recordId("location_id"),
    quantity: wholeQuantity(),
    from_returns: trueOrFalse("from_returns").optional(),
    note: boundedText("note", 2000).optional(),
  })
  .strict()
export type AdminDisposeRecalledUnitsType = z.infer<typeof AdminDisposeRecalledUnits>

const page = {
  offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset cannot be negative").default(0),
  limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1).max(200, "limit must be at most 200").default(50),
}

export const AdminListRecallsParams = z
  .object({ ...page, status: oneOf("status", RECALL_STATUSES, "status must be open or closed").optional() })
  .strict()
export type AdminListRecallsParamsType = z.infer<typeof AdminListRecallsParams>

export const AdminListMockRecallsParams = z.object(page).strict()
export type AdminListMockRecallsParamsType = z.infer<typeof AdminListMockRecallsParams>

/** The tables of a recall's scope, as the exports and the mock recall pages name them. */
export const SCOPE_TABLES = ["customers", "shipments", "lots"] as const
const scopeTable = oneOf("table", SCOPE_TABLES, "table must be customers, shipments or lots")

export const AdminExportRecallParams = z
  .object({
    format: oneOf("format", ["csv", "xlsx"], "format must be csv or xlsx").default("csv"),
    // CSV holds one table; XLSX holds all three, one sheet each.
    table: scopeTable.default("customers"),
  })
  .strict()
export type AdminExportRecallParamsType = z.infer<typeof AdminExportRecallParams>

/** Rows a mock recall's answer carries per table; the rest is paged (GET /admin/recalls/mock/:id/scope). */
export const SCOPE_PAGE_SIZE = 25

export const AdminMockRecallScopeParams = z.object({ table: scopeTable.default("customers"), ...queryPage(SCOPE_PAGE_SIZE, 200) }).strict()
export type AdminMockRecallScopeParamsType = z.infer<typeof AdminMockRecallScopeParams>
