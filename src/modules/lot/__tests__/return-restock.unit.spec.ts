import { restockedReturnUnits, type ReturnedLineItem } from "../domain/return-restock"

const line = (line_item_id: string, variant_id: string, items: [string, number][], location_ids = ["loc_main"]): ReturnedLineItem => ({
  line_item_id,
  variant_id,
  manage_inventory: true,
  inventory_items: items.map(([inventory_item_id, required_quantity]) => ({ inventory_item_id, required_quantity, location_ids })),
})

describe("restockedReturnUnits", () => {
  it("sums the units received in each confirmed session (Medusa keeps only the last on the item)", () => {
    const items = [line("li_1", "var_1", [["iitem_1", 1]])]
    const sessions = [{ received: [{ line_item_id: "li_1", quantity: 2 }] }, { received: [{ line_item_id: "li_1", quantity: 2 }] }]
    expect(restockedReturnUnits("loc_main", items, sessions)).toEqual([{ line_item_id: "li_1", inventory_item_id: "iitem_1", units: 4 }])
  })

  it("restocks an item shared by two variants only for the first variant that holds it, as Medusa does", () => {
    const items = [line("li_red", "var_red", [["iitem_tea", 1]]), line("li_blue", "var_blue", [["iitem_tea", 1]])]
    const sessions = [{ received: [{ line_item_id: "li_red", quantity: 1 }, { line_item_id: "li_blue", quantity: 1 }] }]
    expect(restockedReturnUnits("loc_main", items, sessions)).toEqual([{ line_item_id: "li_red", inventory_item_id: "iitem_tea", units: 1 }])
  })

  it("multiplies by the units of each item in a kit, and skips items without a level at the return's location", () => {
    const items = [
      { ...line("li_kit", "var_kit", [["iitem_cup", 2], ["iitem_lid", 1]]) },
      line("li_far", "var_far", [["iitem_far", 1]], ["loc_other"]),
    ]
    const sessions = [{ received: [{ line_item_id: "li_kit", quantity: 3 }, { line_item_id: "li_far", quantity: 1 }] }]
    expect(restockedReturnUnits("loc_main", items, sessions)).toEqual([
      { line_item_id: "li_kit", inventory_item_id: "iitem_cup", units: 6 },
      { line_item_id: "li_kit", inventory_item_id: "iitem_lid", units: 3 },
    ])
  })

  it("restocks nothing for variants that do not manage inventory or lines not in the return", () => {
    const items = [{ ...line("li_1", "var_1", [["iitem_1", 1]]), manage_inventory: false }]
    const sessions = [{ received: [{ line_item_id: "li_1", quantity: 1 }, { line_item_id: "li_gone", quantity: 1 }] }]
    expect(restockedReturnUnits("loc_main", items, sessions)).toEqual([])
  })
})
