import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { receiveLotWorkflow, upsertLotPolicyWorkflow } from "../../../src/workflows"
import { createWarehouse } from "../../helpers/fixtures"

export function lotLinksSuite({ getContainer }: MedusaSuiteOptions) {
  it("query.graph walks inventory item -> lots -> stock -> location and back", async () => {
    const container = getContainer()
    const { main, cold, yogurt } = await createWarehouse(container)
    await upsertLotPolicyWorkflow(container).run({ input: { inventory_item_id: yogurt.id, tracked: true } })
    const receive = (lot_number: string, location_id: string, quantity: number) =>
      receiveLotWorkflow(container).run({ input: { inventory_item_id: yogurt.id, location_id, quantity, lot_number } })
    await receive("A-1", main.id, 5)
    await receive("B-2", cold.id, 7)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["id", "lots.lot_number", "lots.stock.quantity", "lots.stock.stock_location.name"],
      filters: { id: yogurt.id },
    })
    const lots = items[0]!.lots!.map((lot: any) => ({
      lot_number: lot.lot_number,
      stock: lot.stock.map((s: any) => [s.stock_location.name, s.quantity]),
    }))
    expect(lots.sort((a: any, b: any) => a.lot_number.localeCompare(b.lot_number))).toEqual([
      { lot_number: "A-1", stock: [["Main warehouse", 5]] },
      { lot_number: "B-2", stock: [["Cold store", 7]] },
    ])

    const { data: fromLot } = await query.graph({
      entity: "lot",
      fields: ["lot_number", "inventory_item.sku"],
      filters: { lot_number: "B-2" },
    })
    expect(fromLot[0]!.inventory_item!.sku).toBe("YOG-500")

    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["name", "lot_stocks.quantity", "lot_stocks.lot.lot_number"],
      filters: { id: cold.id },
    })
    expect(locations[0]!.lot_stocks!.map((s: any) => [s.lot.lot_number, s.quantity])).toEqual([["B-2", 7]])
  })
}
