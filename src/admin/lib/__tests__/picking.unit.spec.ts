import {
  addPick,
  fulfillmentBody,
  isGs1WithLot,
  lineOfProductCode,
  lineProgressText,
  nextLine,
  orderProgress,
  pickedMessage,
  restorePicks,
  setPickQuantity,
  type Pick,
  type PickLine,
  type PickSheet,
} from "../picking"

const line = (over: Partial<PickLine> = {}): PickLine => ({
  line_item_id: "line_y",
  title: "Greek yogurt",
  variant_title: "500 g",
  sku: "YOG-1",
  barcode: "8712345100018",
  thumbnail: null,
  bin: null,
  tracked: true,
  quantity: 3,
  lots: [{ lot_id: "lot_a", lot_number: "A", expires_at: "2027-01-01T00:00:00.000Z", quantity: 3 }],
  ...over,
})
const yogurt = line()
const tote = line({ line_item_id: "line_t", title: "Tote bag", sku: "BAG-1", barcode: "8712345900014", tracked: false, quantity: 1, lots: [] })

describe("picks", () => {
  it("adds units up to what the line needs, merging units of the same lot", () => {
    let picks: Pick[] = []
    ;({ picks } = addPick(picks, yogurt, { lot_id: "lot_a", lot_number: "A", quantity: 2 }))
    const more = addPick(picks, yogurt, { lot_id: "lot_a", lot_number: "A", quantity: 5 })
    expect(more.taken).toBe(1)
    expect(more.picks).toEqual([{ line_item_id: "line_y", lot_id: "lot_a", lot_number: "A", quantity: 3 }])
    expect(addPick(more.picks, yogurt, { lot_id: "lot_b", lot_number: "B", quantity: 1 })).toEqual({ picks: more.picks, taken: 0 })
    expect(lineProgressText(yogurt, more.picks)).toBe("3 of 3 picked")
  })

  it("splits a line across lots and edits a pick's units after the scan (0 removes it)", () => {
    let { picks } = addPick([], yogurt, { lot_id: "lot_a", lot_number: "A", quantity: 2 })
    ;({ picks } = addPick(picks, yogurt, { lot_id: "lot_b", lot_number: "B", quantity: 3 }))
    expect(picks.map((p) => [p.lot_number, p.quantity])).toEqual([["A", 2], ["B", 1]])
    const a = picks[0]
    expect(setPickQuantity(picks, yogurt, a, 5).map((p) => p.quantity)).toEqual([2, 1])
    expect(setPickQuantity(picks, yogurt, a, 1).map((p) => p.quantity)).toEqual([1, 1])
    expect(setPickQuantity(picks, yogurt, a, 0).map((p) => p.lot_number)).toEqual(["B"])
    expect(pickedMessage(yogurt, setPickQuantity(picks, yogurt, a, 1), 1, "B")).toBe("Picked 1 unit of Greek yogurt from lot B, 1 unit still to pick.")
  })

  it("counts the order's progress and finds the next unfinished line in walking order", () => {
    const { picks } = addPick([], tote, { lot_id: null, lot_number: null, quantity: 1 })
    expect(orderProgress([tote, yogurt], picks)).toEqual({ units: 4, picked: 1, lines: 2, lines_done: 1 })
    expect(nextLine([tote, yogurt], picks, "line_t")?.line_item_id).toBe("line_y")
    expect(nextLine([tote, yogurt], [], "line_y")?.line_item_id).toBe("line_t")
    expect(nextLine([tote], picks)).toBeNull()
  })
})

describe("lineOfProductCode", () => {
  it("finds a line by SKU or barcode, also inside a GS1 code; a lot number names no line", () => {
    expect(lineOfProductCode([yogurt, tote], "bag-1", [])?.line_item_id).toBe("line_t")
    expect(lineOfProductCode([yogurt, tote], "8712345900014", [])?.line_item_id).toBe("line_t")
    expect(lineOfProductCode([yogurt, tote], "(01)08712345900014", [])?.line_item_id).toBe("line_t")
    expect(lineOfProductCode([yogurt, tote], "]d20108712345100018" + "10A", [])?.line_item_id).toBe("line_y")
    expect(lineOfProductCode([yogurt, tote], "L2403-A", [])).toBeNull()
  })

  it("tells a GS1 code with a lot (for the server) from a product code alone", () => {
    expect(isGs1WithLot("]d20108712345100018" + "10A")).toBe(true)
    expect(isGs1WithLot("(01)08712345100018")).toBe(false)
    expect(isGs1WithLot("YOG-1")).toBe(false)
  })
})

describe("fulfillmentBody", () => {
  it("asks Medusa for the picked units at the location, with exactly the scanned lots of tracked lines", () => {
    const sheet = { location: { id: "sloc_1", name: "Main" }, lines: [tote, yogurt] } as PickSheet
    let { picks } = addPick([], yogurt, { lot_id: "lot_a", lot_number: "A", quantity: 2 })
    ;({ picks } = addPick(picks, yogurt, { lot_id: "lot_b", lot_number: "B", quantity: 1 }))
    ;({ picks } = addPick(picks, tote, { lot_id: null, lot_number: null, quantity: 1 }))
    expect(fulfillmentBody(sheet, picks)).toEqual({
      location_id: "sloc_1",
      items: [
        { id: "line_t", quantity: 1 },
        { id: "line_y", quantity: 3 },
      ],
      additional_data: {
        lots: [
          { line_item_id: "line_y", lot_id: "lot_a", quantity: 2 },
          { line_item_id: "line_y", lot_id: "lot_b", quantity: 1 },
        ],
      },
    })
  })
})

describe("restorePicks", () => {
  const a = { line_item_id: "line_y", lot_id: "lot_a", lot_number: "A", quantity: 2 }
  const bag = { line_item_id: "line_t", lot_id: null, lot_number: null, quantity: 1 }

  it("keeps the picks the order still needs, after a reload", () => {
    expect(restorePicks([a, bag], [yogurt, tote])).toEqual([a, bag])
  })

  it("drops picks of lines no longer picked here, malformed entries, and anything that is not a list", () => {
    expect(restorePicks([a, bag, { line_item_id: "gone", lot_id: null, lot_number: null, quantity: 1 }], [yogurt])).toEqual([a])
    expect(restorePicks([{ ...a, quantity: 0 }, { ...a, quantity: 1.5 }, { ...a, lot_id: null }, { ...bag, lot_id: "lot_x" }, null, "x"], [yogurt, tote])).toEqual([])
    expect(restorePicks({ picks: [a] }, [yogurt])).toEqual([])
    expect(restorePicks(undefined, [yogurt])).toEqual([])
  })

  it("never keeps more units than the line has to pick now (it was fulfilled in part meanwhile)", () => {
    expect(restorePicks([a, { ...a, lot_id: "lot_b", lot_number: "B" }], [line({ quantity: 3 })])).toEqual([a, { ...a, lot_id: "lot_b", lot_number: "B", quantity: 1 }])
  })
})
