import { splitLotBody, type SplitForm } from "../split-lot"

const form = (over: Partial<SplitForm> = {}): SplitForm => ({
  location_id: "sloc_1",
  children: [
    { quantity: "3", lot_number: " b-1 " },
    { quantity: "2", lot_number: "" },
  ],
  note: "",
  ...over,
})
const movable = () => 5

describe("the split form", () => {
  it("sends each new lot's units, its lot number when given, and the note", () => {
    expect(splitLotBody(form({ note: " relabel " }), movable)).toEqual({
      errors: {},
      body: { location_id: "sloc_1", children: [{ quantity: 3, lot_number: "b-1" }, { quantity: 2 }], note: "relabel" },
    })
  })

  it("asks for the location and at least one new lot", () => {
    expect(splitLotBody(form({ location_id: "" }), movable).errors).toEqual({ location_id: "Choose where the units are." })
    expect(splitLotBody(form({ children: [] }), movable).errors).toEqual({ children: "Add at least one new lot." })
  })

  it("refuses units that are not a whole number above zero, naming the row", () => {
    expect(splitLotBody(form({ children: [{ quantity: "1", lot_number: "" }, { quantity: "1.5", lot_number: "" }] }), movable).errors).toEqual({
      children: "New lot 2: enter a whole number of units greater than zero.",
    })
    expect(splitLotBody(form({ children: [{ quantity: "0", lot_number: "" }] }), movable).body).toBeUndefined()
  })

  it("refuses a lot number given twice, whatever its case", () => {
    expect(splitLotBody(form({ children: [{ quantity: "1", lot_number: "x-1" }, { quantity: "1", lot_number: "X-1" }] }), movable).errors).toEqual({
      children: "Lot number X-1 is given twice.",
    })
  })

  it("refuses more units than may move at the location", () => {
    expect(splitLotBody(form({ children: [{ quantity: "6", lot_number: "" }] }), movable).errors).toEqual({
      children: "6 units are more than the 5 that can move here (the rest is allocated or awaiting inspection).",
    })
  })
})
