import { binOf, inWalkingOrder } from "../domain/walking-order"

const stop = (title: string, sku: string | null, bin: string | null = null) => ({ title, sku, bin })

describe("inWalkingOrder", () => {
  it("goes by SKU with numbers as numbers, lines without SKU last by title", () => {
    const { stops, order } = inWalkingOrder([stop("Tote", null), stop("Milk", "DAI-10"), stop("Yogurt", "dai-2"), stop("Bag", null)])
    expect(stops.map((s) => s.title)).toEqual(["Yogurt", "Milk", "Bag", "Tote"])
    expect(order).toBe("sku")
  })

  it("puts lines with a bin first, in bin order, then the rest by SKU", () => {
    const { stops, order } = inWalkingOrder([stop("A", "SKU-1"), stop("B", "SKU-9", "B-01"), stop("C", "SKU-5", "A-10"), stop("D", "SKU-3", "A-2")])
    expect(stops.map((s) => s.title)).toEqual(["D", "C", "B", "A"])
    expect(order).toBe("bin_then_sku")
  })
})

describe("binOf", () => {
  it("reads a non-empty text bin from the level's metadata", () => {
    expect(binOf({ bin: " A-03-2 " })).toBe("A-03-2")
    expect(binOf({ bin: "" })).toBeNull()
    expect(binOf({ bin: 12 })).toBeNull()
    expect(binOf(null)).toBeNull()
  })
})
