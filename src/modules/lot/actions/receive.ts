import { MedusaError } from "@medusajs/framework/utils"
import { requireWholeUnits, withinStorableRange } from "../domain/lot-quantity"
import { onReceiptLine, UNNAMED_LINES, type ReceiptLines } from "../domain/receipt-lines"
import { lockLotRows, retireLots, retireLotStock } from "../sql/lot-sql"
import { insertMissingLotStock, lockLotStockRows, setLotStockQuantities } from "../sql/lot-stock-batch-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, LotStatus, type LotModuleOptions, type LotReceipt, type ReceiveLotInput } from "../types"
import { insertLots, lotNotFound, type LockedLot } from "./lots"
import { changeLotStock } from "./stock"

// Stock may not be received into a lot that can never be sold again.
const CLOSED_STATUSES: LotStatus[] = [LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.EXPIRED]

/** Creates a lot (or adds to an existing one) with stock at a location, and records the receipt. */
export async function receiveLot(sql: Sql, input: ReceiveLotInput, options: Required<LotModuleOptions>): Promise<LotReceipt> {
  const [receipt] = await receiveLots(sql, [input], options)
  return receipt
}

/**
 * Books several receipts in one transaction with a statement per table, not per receipt: the
 * existing lots are locked (in id order), the new ones inserted, their stock rows created where
 * missing and locked (in lot and location order, the lock receiveLot took for one), raised, and
 * one `received` event written per receipt. Receipts come back in input order; a refusal names
 * its line when `lines` says how, and writes nothing (the transaction rolls back).
 */
export async function receiveLots(
  sql: Sql,
  inputs: ReceiveLotInput[],
  options: Required<LotModuleOptions>,
  lines: ReceiptLines = UNNAMED_LINES
): Promise<LotReceipt[]> {
  inputs.forEach((input, index) => onReceiptLine(lines, index, () => requireWholeUnits(input.quantity, "quantity", { positive: true })))
  const locked = new Map((await lockLotRows(sql, inputs.flatMap((input) => input.lot_id ?? []))).map((lot) => [lot.id, lot]))
  const newLines = inputs.flatMap((input, index) => (input.lot_id ? [] : [index]))
  const created = await insertLots(sql, newLines.map((index) => inputs[index]), options, {
    error: (k, error) => lines.error(newLines[k], error),
  })
  const createdAt = new Map(newLines.map((index, k) => [index, created[k]]))
  const lots = inputs.map((input, index) => {
    const lot = input.lot_id ? locked.get(input.lot_id) : createdAt.get(index)
    onReceiptLine(lines, index, () => checkReceivingLot(input, lot, createdAt.has(index)))
    return lot!
  })

  const pairs = inputs.map((input, index) => ({ lot_id: lots[index].id, location_id: input.location_id }))
  await insertMissingLotStock(sql, pairs)
  const stock = new Map((await lockLotStockRows(sql, pairs)).map((row) => [`${row.lot_id}|${row.location_id}`, { ...row }]))
  inputs.forEach((input, index) => {
    const row = stock.get(`${lots[index].id}|${input.location_id}`)!
    row.quantity = onReceiptLine(lines, index, () => withinStorableRange(lots[index].lot_number, row.quantity + input.quantity))
  })
  await setLotStockQuantities(sql, [...stock.values()])

  const eventIds = await insertLotEvents(
    sql,
    inputs.map((input, index) => ({
      lot_id: lots[index].id,
      type: LotEventType.RECEIVED,
      quantity: input.quantity,
      location_id: input.location_id,
      to_status: createdAt.has(index) ? lots[index].status : null,
      actor_id: input.actor_id,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      data: receiptEventData(input, createdAt.has(index)),
    }))
  )
  return inputs.map((input, index) => ({
    lot_id: lots[index].id,
    lot_number: lots[index].lot_number,
    inventory_item_id: lots[index].inventory_item_id,
    location_id: input.location_id,
    quantity: input.quantity,
    created: createdAt.has(index),
    event_id: eventIds[index],
  }))
}

/** The lot a receipt goes into must exist, be the receipt's item and, when it is not new, still take stock. */
function checkReceivingLot(input: ReceiveLotInput, lot: LockedLot | undefined, created: boolean): void {
  if (!lot) {
    throw lotNotFound(input.lot_id!)
  }
  if (lot.inventory_item_id !== input.inventory_item_id) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Lot ${lot.lot_number} belongs to inventory item ${lot.inventory_item_id}, not ${input.inventory_item_id}.`
    )
  }
  if (!created && CLOSED_STATUSES.includes(lot.status)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Lot ${lot.lot_number} is ${lot.status}; stock cannot be received into it. Receive a new lot instead.`
    )
  }
}

/**
 * What the history keeps of a receipt beside its quantity: the supplier and FSMA facts of a new
 * lot, and the reference document of every receipt (a later delivery into the lot has its own).
 */
function receiptEventData(input: ReceiveLotInput, created: boolean): Record<string, unknown> | null {
  const facts = {
    ...(created && {
      supplier: input.supplier ?? undefined,
      supplier_id: input.supplier_id ?? undefined,
      exempt_source: input.exempt_source || undefined,
      tlc_assigned_by: input.tlc_assigned_by ?? undefined,
    }),
    reference_document_type: input.receipt_document_type ?? undefined,
    reference_document_number: input.receipt_document_number ?? undefined,
  }
  const kept = Object.entries(facts).filter(([, value]) => value !== undefined)
  return kept.length ? Object.fromEntries(kept) : null
}

/** Undoes a receipt (workflow compensation): a created lot is retired, added stock taken back. */
export async function revertLotReceipt(sql: Sql, receipt: LotReceipt): Promise<void> {
  await revertLotReceipts(sql, [receipt])
}

/** Undoes receipts: the stock each added is taken back (a `reverted` event each), the lots they created retired. */
export async function revertLotReceipts(sql: Sql, receipts: LotReceipt[]): Promise<void> {
  await changeLotStock(
    sql,
    receipts.map((receipt) => ({
      lot_id: receipt.lot_id,
      location_id: receipt.location_id,
      delta: -receipt.quantity,
      event: { type: LotEventType.REVERTED, reason: "receipt reverted", reference_type: "lot_event", reference_id: receipt.event_id },
    }))
  )
  const created = receipts.filter((receipt) => receipt.created).map((receipt) => receipt.lot_id)
  await retireLotStock(sql, created)
  await retireLots(sql, created)
}
