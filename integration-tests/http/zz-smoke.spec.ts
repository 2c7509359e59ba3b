import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { receiveLotWorkflow } from "../../src/workflows"
import { loginAsAdmin } from "../helpers/admin"
import { createWarehouse, stockedQuantity } from "../helpers/fixtures"

jest.setTimeout(120_000)
let hookCalls = 0
receiveLotWorkflow.hooks.lotReceived(async ({ additional_data }: any) => {
  hookCalls++
  if (additional_data?.fail) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "injected failure")
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    it("smoke", async () => {
      const container = getContainer()
      const { headers } = await loginAsAdmin(api, container)
      const w = await createWarehouse(container)
      const pol = await api.post(`/admin/inventory-items/${w.yogurt.id}/lot-policy`, { tracked: true, shelf_life_days: 21 }, { headers })
      console.log(JSON.stringify(pol.data, null, 1))
      const r = await api.post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, manufactured_at: "2026-11-20" }, { headers })
      console.log(JSON.stringify(r.data, null, 1))
      const g = await api.get(`/admin/lots/${r.data.lot.id}`, { headers })
      console.log(JSON.stringify(g.data, null, 1))
      const l = await api.get(`/admin/lots`, { headers })
      console.log(JSON.stringify(l.data, null, 1))
      const f = await api.post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 5, additional_data: { fail: true } }, { headers }).catch((e: any) => e.response)
      console.log(f.status, JSON.stringify(f.data), "hookCalls", hookCalls)
      console.log(await stockedQuantity(container, w.yogurt.id, w.cold.id))
      const rec = await api.get(`/admin/lots/reconciliation`, { headers })
      console.log(JSON.stringify(rec.data))
      const e401 = await api.get(`/admin/lots`).catch((e: any) => e.response)
      console.log(e401.status, JSON.stringify(e401.data))
      const bad = await api.post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 5, foo: 1 }, { headers }).catch((e: any) => e.response)
      console.log(bad.status, JSON.stringify(bad.data))
    })
  },
})
