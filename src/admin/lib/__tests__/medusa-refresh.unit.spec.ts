import { lotQueryKeys } from "../../hooks/query-keys"
import { pluginKeysAfterMedusaChange } from "../medusa-refresh"

const refreshed = (medusaKey: unknown[]) => pluginKeysAfterMedusaChange(medusaKey).map((key) => JSON.stringify(key))
/** As invalidateQueries matches: the key starts with the invalidated one. */
const covers = (prefixes: readonly (readonly unknown[])[], key: readonly unknown[]) =>
  prefixes.some((prefix) => prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i])))

describe("plugin queries refreshed after Medusa's own invalidations", () => {
  it("refreshes order lots, pick lists, picking, lots and traces when an order changes", () => {
    const keys = pluginKeysAfterMedusaChange(["orders", "detail", "order_1", { query: { fields: "*items" } }])
    for (const key of [
      lotQueryKeys.orderLots("order_1"),
      lotQueryKeys.pickList("order_1"),
      lotQueryKeys.pickSheet("order_1", "sloc_1"),
      lotQueryKeys.list({ limit: 20, offset: 0 }),
      lotQueryKeys.detail("lot_1"),
      [...lotQueryKeys.traces(), "lot_1", "forward"],
    ]) {
      expect(covers(keys, key)).toBe(true)
    }
  })

  it.each([["orders"], ["fulfillments"], ["returns"], ["claims"], ["exchanges"], ["reservation_items"], ["inventory_items"]])(
    "follows %s (fulfillment, shipment, cancel, return, stock changes)",
    (root) => {
      expect(refreshed([root, "list", { query: {} }])).toContain(JSON.stringify(lotQueryKeys.orders()))
    }
  )

  it("leaves settings alone: suppliers and lot policies do not change with stock", () => {
    const keys = refreshed(["orders"])
    expect(keys).not.toContain(JSON.stringify(lotQueryKeys.suppliers()))
    expect(keys).not.toContain(JSON.stringify(lotQueryKeys.policies()))
    expect(keys).not.toContain(JSON.stringify(lotQueryKeys.all))
  })

  it("ignores order previews and drafts, unrelated Medusa data and the plugin's own keys", () => {
    expect(refreshed([["orders", "detail", "order_1"], "preview"])).toEqual([])
    expect(refreshed(["products", "detail", "prod_1"])).toEqual([])
    expect(refreshed(["customers", "list"])).toEqual([])
    expect(refreshed(lotQueryKeys.orderLots("order_1") as unknown as unknown[])).toEqual([])
  })
})
