import type { HttpTypes } from "@medusajs/framework/types"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useMemo } from "react"
import type { AdminLotIntegrityRepairResponse, AdminLotReconciliationResponse } from "../../api/admin/lots/types"
import { describeRepair, errorMessage } from "../lib/format"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"
import { useStockLocations } from "./stock-locations"

// GET /admin/lots/reconciliation and POST /admin/lots/reconciliation/repair as the integrity page reads them.
export type IntegrityReport = Serialized<AdminLotReconciliationResponse>
export type IntegrityFinding = IntegrityReport["findings"][number]
export type IntegrityRepair = Serialized<AdminLotIntegrityRepairResponse>

type ItemList = Serialized<HttpTypes.AdminInventoryItemListResponse>
type OrderList = Serialized<HttpTypes.AdminOrderListResponse>

/** The report lives under the lot-tracking root: every lot change in the admin refreshes it. */
export const integrityQueryKeys = {
  report: () => [...lotQueryKeys.integrity(), "report"] as const,
  items: (ids: string[]) => [...lotQueryKeys.integrity(), "items", ids] as const,
  orders: (ids: string[]) => [...lotQueryKeys.integrity(), "orders", ids] as const,
}

/** GET /admin/lots/reconciliation — every invariant between the lots and Medusa that does not hold. */
export const useLotIntegrity = () =>
  useQuery({
    queryKey: integrityQueryKeys.report(),
    queryFn: () => sdk.client.fetch<IntegrityReport>("/admin/lots/reconciliation"),
  })

/** POST /admin/lots/reconciliation/repair — repairs what the records say the truth is; the rest is left for a person. */
export const useRepairLotIntegrity = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<IntegrityRepair>("/admin/lots/reconciliation/repair", { method: "POST", body: {} }),
    onSuccess: (repair) => {
      // A repair can touch lots, allocations and blocks anywhere, so every lot screen refreshes.
      queryClient.invalidateQueries({ queryKey: lotQueryKeys.all })
      toast.success("Repair finished", { description: describeRepair(repair) })
    },
    onError: (error) => toast.error("The repair did not run", { description: errorMessage(error) }),
  })
}

/** Display names for the ids a finding carries (see `useFindingNames`). */
export type FindingNames = {
  itemName: (id: string) => string
  orderName: (id: string) => string
  locationName: (id: string) => string
}

const distinct = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))].sort()

/**
 * Names of what findings are about — item titles, order numbers, location names — since a finding
 * carries only ids. Until the names arrive (or when one cannot be found) the id stands in.
 */
export const useFindingNames = (findings: IntegrityFinding[]): FindingNames => {
  const itemIds = useMemo(() => distinct(findings.map((f) => f.inventory_item_id)), [findings])
  const orderIds = useMemo(() => distinct(findings.map((f) => f.order_id)), [findings])
  const items = useQuery({
    queryKey: integrityQueryKeys.items(itemIds),
    queryFn: () =>
      sdk.client.fetch<ItemList>("/admin/inventory-items", { query: { id: itemIds, fields: "id,title,sku", limit: itemIds.length } }),
    enabled: itemIds.length > 0,
  })
  const orders = useQuery({
    queryKey: integrityQueryKeys.orders(orderIds),
    queryFn: () => sdk.client.fetch<OrderList>("/admin/orders", { query: { id: orderIds, fields: "id,display_id", limit: orderIds.length } }),
    enabled: orderIds.length > 0,
  })
  const { nameOf: locationName } = useStockLocations()

  return useMemo(() => {
    const itemTitles = new Map(items.data?.inventory_items.map((i) => [i.id, i.title || i.sku || i.id]))
    const orderNumbers = new Map(orders.data?.orders.map((o) => [o.id, `Order #${o.display_id}`]))
    return {
      itemName: (id: string) => itemTitles.get(id) ?? id,
      orderName: (id: string) => orderNumbers.get(id) ?? `Order ${id}`,
      locationName,
    }
  }, [items.data, orders.data, locationName])
}
