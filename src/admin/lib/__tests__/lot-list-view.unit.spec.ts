import {
  dayStart,
  DEFAULT_LOT_ORDER,
  expiryPresets,
  isUnsetFilter,
  lotListFiltering,
  lotListFilters,
  lotListFiltersFromTable,
  readLotListView,
  writeLotListView,
  type LotListView,
} from "../lot-list-view"

const PLAIN: LotListView = { q: "", status: [], location_id: [], expires_from: null, expires_to: null, order: DEFAULT_LOT_ORDER, page: 0 }
const FULL: LotListView = {
  q: "yog 500",
  status: ["released", "on_hold"],
  location_id: ["sloc_1", "sloc_2"],
  expires_from: "2027-03-01",
  expires_to: "2027-03-31",
  order: "-received_at",
  page: 2,
}

describe("the Lots page's address", () => {
  it("keeps search, filters, sort and page, and reads them back", () => {
    const params = writeLotListView(FULL)
    expect(params.toString()).toBe(
      "q=yog+500&status=released&status=on_hold&location_id=sloc_1&location_id=sloc_2&expires_from=2027-03-01&expires_to=2027-03-31&order=-received_at&page=3"
    )
    expect(readLotListView(new URLSearchParams(params.toString()))).toEqual(FULL)
  })

  it("leaves defaults out: the plain list has a plain address", () => {
    expect(writeLotListView(PLAIN).toString()).toBe("")
    expect(writeLotListView({ ...PLAIN, q: "   " }).toString()).toBe("")
    expect(readLotListView(new URLSearchParams(""))).toEqual(PLAIN)
  })

  it("drops what a hand-edited or old link gets wrong", () => {
    const view = readLotListView(
      new URLSearchParams("status=sold&status=expired&expires_from=2027-13-45&expires_to=soon&order=colour&page=-2&location_id=")
    )
    expect(view).toEqual({ ...PLAIN, status: ["expired"] })
    expect(readLotListView(new URLSearchParams("page=1.5")).page).toBe(0)
    expect(readLotListView(new URLSearchParams("order=-lot_number")).order).toBe("-lot_number")
  })
})

describe("lotListFilters", () => {
  it("turns the inclusive expiry days into the route's from-day and exclusive before-day", () => {
    expect(lotListFilters(FULL)).toEqual({
      q: "yog 500",
      status: ["released", "on_hold"],
      location_id: ["sloc_1", "sloc_2"],
      expires_after: "2027-03-01",
      expires_before: "2027-04-01",
    })
    expect(lotListFilters({ ...PLAIN, expires_to: "2028-12-31" })).toEqual({ expires_before: "2029-01-01" })
    expect(lotListFilters({ ...PLAIN, expires_to: "2028-02-28" })).toEqual({ expires_before: "2028-02-29" })
  })

  it("sends nothing for the plain list, and the search trimmed", () => {
    expect(lotListFilters(PLAIN)).toEqual({})
    expect(lotListFilters({ ...PLAIN, q: "  L-1 " })).toEqual({ q: "L-1" })
  })
})

describe("the table's filter values", () => {
  it("round-trip: the date picker holds local midnights, the address calendar days", () => {
    const filtering = lotListFiltering(FULL)
    expect(filtering).toEqual({
      status: ["released", "on_hold"],
      location_id: ["sloc_1", "sloc_2"],
      expires_at: { $gte: dayStart("2027-03-01"), $lte: dayStart("2027-03-31") },
    })
    expect(new Date(dayStart("2027-03-31")).getDate()).toBe(31)
    expect(lotListFiltersFromTable(filtering)).toEqual({
      status: FULL.status,
      location_id: FULL.location_id,
      expires_from: FULL.expires_from,
      expires_to: FULL.expires_to,
    })
  })

  it("takes an open-ended range and ignores values that are not the filter's", () => {
    expect(lotListFiltersFromTable({ expires_at: { $gte: dayStart("2027-05-01") } })).toMatchObject({ expires_from: "2027-05-01", expires_to: null })
    expect(lotListFiltersFromTable({ status: ["sold", 3, "recalled"], expires_at: { $lte: "not a date" } })).toEqual({
      status: ["recalled"],
      location_id: [],
      expires_from: null,
      expires_to: null,
    })
    expect(lotListFiltering(PLAIN)).toEqual({})
  })

  it("tells a filter just added, with no value yet, from one in use", () => {
    for (const unset of [null, undefined, "", [], {}, { $gte: undefined }]) expect(isUnsetFilter(unset)).toBe(true)
    for (const set of [["released"], { $gte: dayStart("2027-05-01") }]) expect(isUnsetFilter(set)).toBe(false)
  })
})

describe("expiryPresets", () => {
  it("are day ranges from today the address keeps as calendar days, across a month's end", () => {
    const today = new Date(2027, 0, 28, 15, 30)
    const days = expiryPresets(today).map((preset) => [preset.label, lotListFiltersFromTable({ expires_at: preset.value })])
    expect(days).toEqual([
      ["Past expiry", { status: [], location_id: [], expires_from: null, expires_to: "2027-01-27" }],
      ["Within 7 days", { status: [], location_id: [], expires_from: "2027-01-28", expires_to: "2027-02-04" }],
      ["Within 30 days", { status: [], location_id: [], expires_from: "2027-01-28", expires_to: "2027-02-27" }],
      ["Within 90 days", { status: [], location_id: [], expires_from: "2027-01-28", expires_to: "2027-04-28" }],
    ])
  })

  it("match the table's value for the same days, so the filter shows the preset's name", () => {
    const [, week] = expiryPresets(new Date(2027, 0, 28))
    expect(lotListFiltering({ ...PLAIN, expires_from: "2027-01-28", expires_to: "2027-02-04" }).expires_at).toEqual(week.value)
  })
})
