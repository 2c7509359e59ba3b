import { productionBody, type ProductionForm } from "../production"

const form = (over: Partial<ProductionForm> = {}): ProductionForm => ({
  location_id: "sloc_1",
  inputs: [{ lot_id: "lot_milk", lot_number: "MILK-1", quantity: "8" }],
  quantity: "6",
  lot_number: "",
  manufactured_at: "",
  expires_at: "",
  note: "",
  ...over,
})

describe("the production form", () => {
  it("sends the inputs and the lot made; an empty lot number and dates are left to the item's template and shelf life", () => {
    expect(productionBody(form(), "iitem_yog")).toEqual({
      errors: {},
      body: { location_id: "sloc_1", inputs: [{ lot_id: "lot_milk", quantity: 8 }], output: { inventory_item_id: "iitem_yog", quantity: 6 } },
    })
    expect(
      productionBody(form({ lot_number: " Y-7 ", manufactured_at: "2027-03-01", expires_at: "2027-04-01", note: " batch 7 " }), "iitem_yog").body
    ).toEqual({
      location_id: "sloc_1",
      inputs: [{ lot_id: "lot_milk", quantity: 8 }],
      output: { inventory_item_id: "iitem_yog", quantity: 6, lot_number: "Y-7", manufactured_at: "2027-03-01", expires_at: "2027-04-01" },
      note: "batch 7",
    })
  })

  it("names every missing or wrong field at once", () => {
    expect(productionBody(form({ location_id: "", inputs: [], quantity: "0" }), "iitem_yog").errors).toEqual({
      location_id: "Choose where the lot is made.",
      inputs: "Pick at least one lot that goes into it.",
      quantity: "Enter the whole number of units made.",
    })
  })

  it("names the input lot whose units are not a whole number", () => {
    expect(productionBody(form({ inputs: [{ lot_id: "l", lot_number: "MILK-1", quantity: "2.5" }] }), "i").errors).toEqual({
      inputs: "MILK-1: enter the whole number of units used.",
    })
  })

  it("refuses an expiry before the manufacture date", () => {
    expect(productionBody(form({ manufactured_at: "2027-03-02", expires_at: "2027-03-01" }), "i").errors).toEqual({
      expires_at: "The expiry cannot be before the manufacture date.",
    })
  })
})
