import { LotStatus } from "../../../../../modules/lot/types"
import { availableQuantity, LOT_EXPORT_COLUMNS, lotExportRows, type ExportLot } from "../rows"

const NAMES: Record<string, string> = { sloc_main: "Main warehouse", sloc_cold: "Cold store" }
const nameOf = (id: string) => NAMES[id] ?? id

const lot = (overrides: Partial<ExportLot> = {}): ExportLot => ({
  lot_number: "YOG-A",
  status: LotStatus.RELEASED,
  expires_at: "2027-03-31T00:00:00.000Z",
  manufactured_at: new Date("2027-03-01T00:00:00.000Z"),
  received_at: "2027-03-02T09:15:00.000Z",
  supplier: "Zuivel Noord",
  supplier_lot_number: "ZN-1",
  inventory_item: { title: "500 g", sku: "YOG-500", product_titles: ["Greek yogurt"] },
  stock: [
    { location_id: "sloc_main", quantity: 10, allocated_quantity: 3, quarantined_quantity: 1 },
    { location_id: "sloc_cold", quantity: 4, allocated_quantity: 0, quarantined_quantity: 0 },
  ],
  ...overrides,
})

describe("lotExportRows", () => {
  it("writes one line per location with stock, by location name, with on hand, allocated and available", () => {
    expect(lotExportRows(lot(), nameOf)).toEqual([
      ["YOG-A", "Greek yogurt", "500 g", "YOG-500", "released", "2027-03-31", "2027-03-01", "2027-03-02", "Zuivel Noord", "ZN-1", "Cold store", 4, 0, 4],
      ["YOG-A", "Greek yogurt", "500 g", "YOG-500", "released", "2027-03-31", "2027-03-01", "2027-03-02", "Zuivel Noord", "ZN-1", "Main warehouse", 10, 3, 6],
    ])
  })

  it("fills every column", () => {
    for (const row of lotExportRows(lot(), nameOf)) expect(row).toHaveLength(LOT_EXPORT_COLUMNS.length)
  })

  it("keeps a lot without stock (or with empty stock rows) as one line with the location empty", () => {
    const empty = lot({ stock: [{ location_id: "sloc_main", quantity: 0, allocated_quantity: 0, quarantined_quantity: 0 }] })
    expect(lotExportRows(empty, nameOf)).toEqual([
      ["YOG-A", "Greek yogurt", "500 g", "YOG-500", "released", "2027-03-31", "2027-03-01", "2027-03-02", "Zuivel Noord", "ZN-1", null, 0, 0, 0],
    ])
  })

  it("with a location filter, writes only those locations' lines", () => {
    expect(lotExportRows(lot(), nameOf, ["sloc_main"]).map((row) => row[10])).toEqual(["Main warehouse"])
  })

  it("leaves unknown dates, supplier and item names empty, and joins several products", () => {
    const bare = lot({
      expires_at: null,
      manufactured_at: null,
      supplier: null,
      supplier_lot_number: null,
      inventory_item: { title: null, sku: null, product_titles: ["Yogurt", "Yogurt 6-pack"] },
    })
    expect(lotExportRows(bare, nameOf)[0].slice(0, 10)).toEqual(["YOG-A", "Yogurt / Yogurt 6-pack", null, null, "released", null, null, "2027-03-02", null, null])
    expect(lotExportRows(lot({ inventory_item: null }), nameOf)[0].slice(1, 4)).toEqual([null, null, null])
  })
})

describe("availableQuantity", () => {
  const row = { location_id: "sloc_main", quantity: 10, allocated_quantity: 3, quarantined_quantity: 2 }

  it("is on hand less allocated and returned units awaiting inspection for a released lot", () => {
    expect(availableQuantity(LotStatus.RELEASED, row)).toBe(5)
  })

  it("is nothing for a lot that may not be sold", () => {
    for (const status of [LotStatus.ON_HOLD, LotStatus.QUARANTINE, LotStatus.EXPIRED, LotStatus.RECALLED, LotStatus.REJECTED]) {
      expect(availableQuantity(status, row)).toBe(0)
    }
  })

  it("never goes below zero", () => {
    expect(availableQuantity(LotStatus.RELEASED, { ...row, allocated_quantity: 9 })).toBe(0)
  })
})
