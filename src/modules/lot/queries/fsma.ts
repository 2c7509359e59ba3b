import { MedusaError } from "@medusajs/framework/utils"
import { normalizeLotNumber } from "../domain/lot-number-template"
import { findLotsByIdOrNumber } from "../sql/allocation-sql"
import type { Sql } from "../sql/sql"

/**
 * The lots an FSMA 204 export is filtered by, named by id or lot number; NOT_FOUND names the first
 * that does not exist, so a mistyped lot code is refused instead of exporting nothing.
 */
export async function resolveFsmaLots(sql: Sql, filter: { lot_ids: string[]; lot_numbers: string[] }): Promise<string[]> {
  const numbers = filter.lot_numbers.map(normalizeLotNumber)
  const found = await findLotsByIdOrNumber(sql, filter.lot_ids, numbers)
  const missingId = filter.lot_ids.find((id) => !found.some((lot) => lot.id === id))
  if (missingId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missingId} was not found`)
  }
  const missingNumber = numbers.find((number) => !found.some((lot) => lot.lot_number === number))
  if (missingNumber) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with lot number: ${missingNumber} was not found`)
  }
  return [...new Set(found.map((lot) => lot.id))]
}
