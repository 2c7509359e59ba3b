import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type { MockRecall, Recall } from "../../../modules/lot/models"
import type { TraceTableRow } from "../../../modules/lot/domain/trace-view"
import type LotModuleService from "../../../modules/lot/service"
import { withActors } from "../../utils/actors"
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
    { order: { outstanding_quantity: "DESC", customer_key: "ASC" }, take: RECALL_DETAIL_LIMIT }
  )
  const actions = await lots.listRecallActions({ recall_id: recallId }, { order: { created_at: "DESC", id: "DESC" }, take: RECALL_DETAIL_LIMIT })
  const rows = customers as unknown as Omit<AdminRecallCustomer, "order_numbers">[]
  const names = await readableNames(scope, {
    orderIds: rows.flatMap((c) => c.order_ids),
    locationIds: actions.flatMap((a) => (a.location_id ? [a.location_id] : [])),
  })
  const lotNumbers = new Map(recallLots.map((l) => [l.lot_id, l.lot_number]))
  return {
    ...recall,
    lots: recallLots as unknown as AdminRecallLot[],
    lot_count: lotCount,
    customers: rows.map((c) => ({ ...c, order_numbers: c.order_ids.map(names.orderNumber) })),
    customer_count: customerCount,
    progress: await lots.getRecallProgress(recallId),
    activity: (await withActors(scope, actions)).map((a) => ({
      ...a,
      lot_number: a.lot_id ? (lotNumbers.get(a.lot_id) ?? null) : null,
      location_name: a.location_id ? names.locationName(a.location_id) : null,
    })),
  }
}

/** The display number ("#1042") of each order, keyed by order id. */
export async function orderNumbers(scope: MedusaContainer, ids: string[]): Promise<Record<string, string | null>> {
  const orderIds = [...new Set(ids)]
  const names = await readableNames(scope, { orderIds })
  return Object.fromEntries(orderIds.map((id) => [id, names.orderNumber(id)]))
}

/** The orders a page of a traced scope names: its customers' orders, or its shipments' orders. */
export const pageOrderIds = (rows: TraceTableRow<"customers" | "shipments" | "lots">[]) =>
  rows.flatMap((row) => ("order_ids" in row ? row.order_ids : "order_id" in row ? [row.order_id] : []))

/** What a person reads in place of Medusa's ids: order numbers, location names and SKUs, by id. */
export type RecallReadableNames = {
  orderNumber: (orderId: string) => string | null
  locationName: (locationId: string) => string | null
  sku: (inventoryItemId: string) => string | null
}

/** Looks up the order display numbers ("#1042"), stock location names and SKUs of a recall's ids; a kind with no ids is not queried. */
export async function readableNames(
  scope: MedusaContainer,
  ids: { orderIds?: string[]; locationIds?: string[]; inventoryItemIds?: string[] }
): Promise<RecallReadableNames> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const lookUp = async <T>(entity: string, fields: string[], values: string[] = []): Promise<T[]> =>
    values.length ? ((await query.graph({ entity, fields, filters: { id: [...new Set(values)] } })).data as T[]) : []
  const [orders, locations, items] = await Promise.all([
    lookUp<{ id: string; display_id?: number | null }>("order", ["id", "display_id"], ids.orderIds),
    lookUp<{ id: string; name?: string | null }>("stock_location", ["id", "name"], ids.locationIds),
    lookUp<{ id: string; sku?: string | null }>("inventory_item", ["id", "sku"], ids.inventoryItemIds),
  ])
  const byId = <T extends { id: string }>(rows: T[], value: (row: T) => string | null | undefined) => {
    const names = new Map(rows.map((row) => [row.id, value(row) ?? null]))
    return (id: string) => names.get(id) ?? null
  }
  return {
    orderNumber: byId(orders, (o) => (o.display_id == null ? null : `#${o.display_id}`)),
    locationName: byId(locations, (l) => l.name),
    sku: byId(items, (i) => i.sku),
  }
}
