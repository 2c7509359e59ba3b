import { MedusaError } from "@medusajs/framework/utils"
import { requireWholeUnits, withinStorableRange } from "../domain/lot-quantity"
import { retireLot, retireLotStock } from "../sql/lot-sql"
import { insertLotEvents, lockLotStock, setLotStockQuantity, type Sql } from "../sql/sql"
import { LotEventType, LotStatus, type LotModuleOptions, type LotReceipt, type ReceiveLotInput } from "../types"
import { insertLot, lockLot } from "./lots"
import { changeLotStock } from "./stock"

// Stock may not be received into a lot that can never be sold again.
const CLOSED_STATUSES: LotStatus[] = [LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.EXPIRED]

/** Creates a lot (or adds to an existing one) with stock at a location, and records the receipt. */
export async function receiveLot(sql: Sql, input: ReceiveLotInput, options: Required<LotModuleOptions>): Promise<LotReceipt> {
  requireWholeUnits(input.quantity, "quantity", { positive: true })
  const lot = input.lot_id ? await lockLot(sql, input.lot_id) : await insertLot(sql, input, options)
  const created = !input.lot_id
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
  const stock = (await lockLotStock(sql, lot.id, input.location_id, true))!
  await setLotStockQuantity(sql, stock.id, withinStorableRange(lot.lot_number, stock.quantity + input.quantity))
  const [eventId] = await insertLotEvents(sql, [
    {
      lot_id: lot.id,
      type: LotEventType.RECEIVED,
      quantity: input.quantity,
      location_id: input.location_id,
      to_status: created ? lot.status : null,
      actor_id: input.actor_id,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      data: receiptEventData(input, created),
    },
  ])
  return {
    lot_id: lot.id,
    lot_number: lot.lot_number,
    inventory_item_id: lot.inventory_item_id,
    location_id: input.location_id,
    quantity: input.quantity,
    created,
    event_id: eventId,
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
  await changeLotStock(sql, [
    {
      lot_id: receipt.lot_id,
      location_id: receipt.location_id,
      delta: -receipt.quantity,
      event: { type: LotEventType.REVERTED, reason: "receipt reverted", reference_type: "lot_event", reference_id: receipt.event_id },
    },
  ])
  if (receipt.created) {
    await retireLotStock(sql, receipt.lot_id)
    await retireLot(sql, receipt.lot_id)
  }
}
