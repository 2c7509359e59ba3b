import { expiryExportFilters } from "../expiry-export"

const now = new Date("2027-03-05T15:30:00Z")

describe("the Expiry page's export filters", () => {
  it("lists expired lots on hand: dated today or before", () => {
    expect(expiryExportFilters({ kind: "expired" }, {}, now)).toEqual({ expires_before: "2027-03-06", in_stock: "true" })
  })

  it("lists lots expiring after today and within the window's days, at the chosen location and product", () => {
    expect(expiryExportFilters({ kind: "within", days: 30 }, { location_id: "sloc_1", inventory_item_id: "iitem_1" }, now)).toEqual({
      expires_after: "2027-03-06",
      expires_before: "2027-04-05",
      in_stock: "true",
      location_id: ["sloc_1"],
      inventory_item_id: "iitem_1",
    })
  })

  it("counts the window's days across a month end and a year end", () => {
    expect(expiryExportFilters({ kind: "within", days: 7 }, {}, new Date("2027-12-28T00:00:01Z"))).toMatchObject({
      expires_after: "2027-12-29",
      expires_before: "2028-01-05",
    })
  })
})
