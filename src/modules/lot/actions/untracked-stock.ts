import { MedusaError } from "@medusajs/framework/utils"
import { UNTRACKED_ASSIGNMENT, untrackedAssignmentProblem, untrackedQuantity } from "../domain/untracked-stock"
import { lockItemLocation, sumItemLotStockAt } from "../sql/item-stock-sql"
import type { Sql } from "../sql/sql"
import type { AssignUntrackedStockInput, LotModuleOptions, UntrackedStockAssignment } from "../types"
import { receiveLot } from "./receive"

/**
 * Puts units Medusa already stocks, but no lot holds, into a new or existing lot without touching
 * Medusa's level, recorded as a `received` event with reference_type "untracked_assignment". The
 * lot stock is summed again under a transaction-scoped lock on the item and location, so two
 * assignments of the same last units never both succeed, in any number of server processes.
 */
export async function assignUntrackedStock(
  sql: Sql,
  input: AssignUntrackedStockInput,
  options: Required<LotModuleOptions>
): Promise<UntrackedStockAssignment> {
  const { stocked_quantity, inventory_level_id, ...receipt } = input
  await lockItemLocation(sql, input.inventory_item_id, input.location_id)
  const lotQuantity = await sumItemLotStockAt(sql, input.inventory_item_id, input.location_id)
  const problem = untrackedAssignmentProblem({ ...input, lot_quantity: lotQuantity })
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
  }
  const received = await receiveLot(
    sql,
    { ...receipt, reference_type: UNTRACKED_ASSIGNMENT, reference_id: inventory_level_id ?? null },
    options
  )
  return { ...received, untracked_quantity: untrackedQuantity(stocked_quantity, lotQuantity + input.quantity) }
}
