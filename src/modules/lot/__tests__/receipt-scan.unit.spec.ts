import { parseGs1Scan } from "../domain/gs1"
import { mergeScannedReceipt, receiptScanConflicts, scannedReceipt } from "../domain/receipt-scan"

const NOW = new Date(Date.UTC(2026, 5, 15))
const scanned = (code: string) => scannedReceipt(parseGs1Scan(code, { now: NOW }))
const FULL = "0109506000134352" + "11260101" + "15261130" + "17261231" + "10abc-1"

describe("scannedReceipt", () => {
  it("takes GTIN, lot, expiry, production and best-before dates from a GS1 scan", () => {
    expect(scanned(FULL)).toEqual({
      gtin: "09506000134352",
      lot_number: "abc-1",
      expires_at: "2026-12-31",
      manufactured_at: "2026-01-01",
      best_before_at: "2026-11-30",
      serial_number: null,
    })
  })

  it("takes the serial from (21) of an element string or a Digital Link, case kept", () => {
    expect(scanned("]d2" + "0109506000134352" + "17261231" + "10abc-1\u001d" + "21Sn-0042").serial_number).toBe("Sn-0042")
    expect(scanned("https://id.example.com/01/09506000134352/10/abc-1/21/Sn%2F42?17=261231")).toMatchObject({
      lot_number: "abc-1",
      serial_number: "Sn/42",
      expires_at: "2026-12-31",
    })
  })

  it("takes a plain lot number as the lot number alone", () => {
    expect(scanned("L-7")).toEqual({ gtin: null, lot_number: "L-7", expires_at: null, manufactured_at: null, best_before_at: null, serial_number: null })
  })
})

describe("receiptScanConflicts", () => {
  it("accepts fields that agree: lot numbers as stored (upper-case), dates by UTC day", () => {
    expect(
      receiptScanConflicts(scanned(FULL), {
        lot_number: " ABC-1 ",
        expires_at: new Date("2026-12-31T00:00:00Z"),
        manufactured_at: "2026-01-01",
        best_before_at: "2026-11-30T12:00:00Z",
      })
    ).toEqual([])
    expect(receiptScanConflicts(scanned("L-7"), { expires_at: "2030-01-01" })).toEqual([])
  })

  it("names every field that says something else", () => {
    expect(
      receiptScanConflicts(scanned(FULL), { lot_number: "abc-2", expires_at: "2027-01-01", manufactured_at: "2026-01-02", best_before_at: "2026-11-29" })
    ).toEqual([
      "The scanned code is for lot ABC-1, but lot_number is ABC-2.",
      "The scanned code gives expiry date 2026-12-31, but expires_at is 2027-01-01.",
      "The scanned code gives production date 2026-01-01, but manufactured_at is 2026-01-02.",
      "The scanned code gives best-before date 2026-11-30, but best_before_at is 2026-11-29.",
    ])
  })
})

describe("mergeScannedReceipt", () => {
  it("keeps explicit fields and fills the rest from the scan", () => {
    const explicit = { lot_number: "ABC-1", supplier: "Dairy Co", location_id: "sloc_1" }
    expect(mergeScannedReceipt(scanned(FULL), explicit)).toEqual({
      lot_number: "ABC-1",
      supplier: "Dairy Co",
      location_id: "sloc_1",
      expires_at: "2026-12-31",
      manufactured_at: "2026-01-01",
      best_before_at: "2026-11-30",
    })
    expect(mergeScannedReceipt(scanned("0109506000134352"), {})).toEqual({
      lot_number: undefined,
      expires_at: undefined,
      manufactured_at: undefined,
      best_before_at: undefined,
    })
  })
})
