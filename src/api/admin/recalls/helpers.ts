import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"

/** Most customers / lots a recall's detail answers inline; the export has them all. */
export const RECALL_DETAIL_LIMIT = 500

/** A recall with its lots and customers, and where it stands now. */
export async function recallDetail(scope: MedusaContainer, recallId: string) {
  const lots = scope.resolve<LotModuleService>(LOT_MODULE)
  const [recall] = await lots.listRecalls({ id: recallId })
  if (!recall) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recall with id: ${recallId} was not found`)
  }
  const [recallLots, lotCount] = await lots.listAndCountRecallLots(
    { recall_id: recallId },
    { order: { depth: "ASC", lot_number: "ASC" }, take: RECALL_DETAIL_LIMIT }
  )
  const [customers, customerCount] = await lots.listAndCountRecallCustomers(
    { recall_id: recallId },
    { order: { quantity: "DESC", customer_key: "ASC" }, take: RECALL_DETAIL_LIMIT }
  )
  return {
    ...recall,
    lots: recallLots,
    lot_count: lotCount,
    customers,
    customer_count: customerCount,
    progress: await lots.getRecallProgress(recallId),
  }
}
