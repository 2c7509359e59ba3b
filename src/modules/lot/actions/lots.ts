import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { normalizeLotNumber } from "../domain/lot-number-template"
import { type ReceiptLines, UNNAMED_LINES } from "../domain/receipt-lines"
import { findLotIdsByNumbers, findLotRow, insertLotRows, lockLotRow, type LockedLot } from "../sql/lot-sql"
import { isUniqueViolation, type Sql } from "../sql/sql"
import type { LotModuleOptions, ReceiveLotInput } from "../types"

export type { LockedLot }

/** Creates a lot row from a receipt; DUPLICATE_ERROR when its lot number is taken. */
export async function insertLot(sql: Sql, input: ReceiveLotInput, options: Required<LotModuleOptions>): Promise<LockedLot> {
  const [lot] = await insertLots(sql, [input], options)
  return lot
}

/**
 * Creates the lot rows of several receipts in one statement, in input order. A receipt without a
 * number is INVALID_DATA; a number already taken, or given twice in the batch, DUPLICATE_ERROR,
 * each naming its receipt's line when `lines` says how.
 */
export async function insertLots(
  sql: Sql,
  inputs: ReceiveLotInput[],
  options: Required<LotModuleOptions>,
  lines: ReceiptLines = UNNAMED_LINES
): Promise<LockedLot[]> {
  const lots = inputs.map((input, index): LockedLot => {
    const lotNumber = normalizeLotNumber(input.lot_number ?? "")
    if (!lotNumber) {
      throw lines.error(index, new MedusaError(MedusaError.Types.INVALID_DATA, "A new lot needs a lot number."))
    }
    const status = input.status ?? options.receive_status
    return { id: generateEntityId(undefined, "lot"), lot_number: lotNumber, inventory_item_id: input.inventory_item_id, status }
  })
  const firstLine = new Map<string, number>()
  lots.forEach((lot, index) => {
    const earlier = firstLine.get(lot.lot_number)
    if (earlier !== undefined) {
      throw lines.error(
        index,
        new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Lot number ${lot.lot_number} is also on line ${earlier + 1} of this batch. Each new lot needs its own number; ` +
            `to receive one lot at two locations, receive it once and add to it by its lot_id.`
        )
      )
    }
    firstLine.set(lot.lot_number, index)
  })
  const [taken] = await findLotIdsByNumbers(sql, [...firstLine.keys()])
  if (taken) {
    throw lines.error(firstLine.get(taken.lot_number)!, duplicateLotNumber(taken.lot_number, taken.id))
  }
  try {
    await insertLotRows(sql, lots.map((lot, index) => ({ lot, input: inputs[index] })))
  } catch (error) {
    // Two receipts of the same new number raced: the index decided, report it like the check above.
    if (isUniqueViolation(error, "IDX_lot_lot_number_unique")) {
      const lotNumber = lots.find((lot) => String((error as { detail?: string }).detail ?? "").includes(`=(${lot.lot_number})`))?.lot_number
      throw duplicateLotNumber(lotNumber ?? lots.map((lot) => lot.lot_number).join(", "))
    }
    throw error
  }
  return lots
}

/** Locks a lot for a write (see lockLotRow); NOT_FOUND when it does not exist. */
export async function lockLot(sql: Sql, lotId: string): Promise<LockedLot> {
  return (await lockLotRow(sql, lotId)) ?? lotNotFound(lotId)
}

/** Reads a lot without locking it; NOT_FOUND when it does not exist. */
export async function findLot(sql: Sql, lotId: string): Promise<LockedLot> {
  return (await findLotRow(sql, lotId)) ?? lotNotFound(lotId)
}

export function lotNotFound(lotId: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${lotId} was not found`)
}

function duplicateLotNumber(lotNumber: string, existingId?: string) {
  return new MedusaError(
    MedusaError.Types.DUPLICATE_ERROR,
    `Lot number ${lotNumber} already exists${existingId ? ` (lot ${existingId})` : ""}. ` +
      `Lot numbers must be unique; to receive more stock into that lot, send its lot_id.`
  )
}
