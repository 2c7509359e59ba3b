import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { normalizeLotNumber } from "../domain/lot-number-template"
import { findLotIdByNumber, findLotRow, insertLotRow, lockLotRow, type LockedLot } from "../sql/lot-sql"
import { isUniqueViolation, type Sql } from "../sql/sql"
import type { LotModuleOptions, ReceiveLotInput } from "../types"

export type { LockedLot }

/** Creates a lot row from a receipt; DUPLICATE_ERROR when its lot number is taken. */
export async function insertLot(sql: Sql, input: ReceiveLotInput, options: Required<LotModuleOptions>): Promise<LockedLot> {
  const lotNumber = normalizeLotNumber(input.lot_number ?? "")
  if (!lotNumber) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A new lot needs a lot number.")
  }
  const existingId = await findLotIdByNumber(sql, lotNumber)
  if (existingId) {
    throw duplicateLotNumber(lotNumber, existingId)
  }
  const lot: LockedLot = {
    id: generateEntityId(undefined, "lot"),
    lot_number: lotNumber,
    inventory_item_id: input.inventory_item_id,
    status: input.status ?? options.receive_status,
  }
  try {
    await insertLotRow(sql, lot, input)
  } catch (error) {
    // Two receipts of the same new number raced: the index decided, report it like the check above.
    if (isUniqueViolation(error, "IDX_lot_lot_number_unique")) {
      throw duplicateLotNumber(lotNumber)
    }
    throw error
  }
  return lot
}

/** Locks a lot for a write (see lockLotRow); NOT_FOUND when it does not exist. */
export async function lockLot(sql: Sql, lotId: string): Promise<LockedLot> {
  return (await lockLotRow(sql, lotId)) ?? lotNotFound(lotId)
}

/** Reads a lot without locking it; NOT_FOUND when it does not exist. */
export async function findLot(sql: Sql, lotId: string): Promise<LockedLot> {
  return (await findLotRow(sql, lotId)) ?? lotNotFound(lotId)
}

function lotNotFound(lotId: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${lotId} was not found`)
}

function duplicateLotNumber(lotNumber: string, existingId?: string) {
  return new MedusaError(
    MedusaError.Types.DUPLICATE_ERROR,
    `Lot number ${lotNumber} already exists${existingId ? ` (lot ${existingId})` : ""}. ` +
      `Lot numbers must be unique; to receive more stock into that lot, send its lot_id.`
  )
}
