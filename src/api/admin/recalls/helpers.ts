import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type { MockRecall, Recall } from "../../../modules/lot/models"
import type LotModuleService from "../../../modules/lot/service"
import type { AdminMockRecall, AdminRecall, AdminRecallCustomer, AdminRecallDetail, AdminRecallLot } from "./types"

/** Most customers / lots a recall's detail answers inline; the export has them all. */
export const RECALL_DETAIL_LIMIT = 500

// The data-model DSL types every json() column as a plain record; the recall tables hold the shapes
// the response types name there (scope summary, id lists, addresses), so their rows are read as those.
export const asRecalls = (rows: InferTypeOf<typeof Recall>[]) => rows as unknown as AdminRecall[]
export const asMockRecalls = (rows: InferTypeOf<typeof MockRecall>[]) => rows as unknown as AdminMockRecall[]

/** A recall with its lots and customers, and where it stands now. */
export async function recallDetail(scope: MedusaContainer, recallId: string): Promise<AdminRecallDetail> {
  const lots = scope.resolve<LotModuleService>(LOT_MODULE)
  const [recall] = asRecalls(await lots.listRecalls({ id: recallId }))
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
    lots: recallLots as unknown as AdminRecallLot[],
    lot_count: lotCount,
    customers: customers as unknown as AdminRecallCustomer[],
    customer_count: customerCount,
    progress: await lots.getRecallProgress(recallId),
  }
}
