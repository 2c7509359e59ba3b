import fc from "fast-check"
import { Gs1BuildError, gtinCheckDigit, parseGs1Scan, type Gs1ScanResult } from "../domain/gs1"
import { gtin14, lotLabelBarcode } from "../domain/gs1-encode"

const GS = "\u001d"
const NOW = new Date(Date.UTC(2026, 5, 15)) // two-digit years read as 1977..2076
const read = (text: string): Gs1ScanResult => {
  const result = parseGs1Scan(text, { now: NOW })
  if (result.kind !== "gs1") {
    throw new Error(`expected GS1, got ${JSON.stringify(result)}`)
  }
  return result
}
/** bwip-js's text with the ^040 / ^041 escapes undone: the bracketed form again. */
const unescape = (text: string) => text.replace(/\^040/g, "(").replace(/\^041/g, ")")

describe("gtin14", () => {
  it("pads a valid GTIN-8, -12 (UPC-A), -13 (EAN) or -14 to 14 digits", () => {
    expect(gtin14(["96385074"])).toBe("00000096385074")
    expect(gtin14(["614141000036"])).toBe("00614141000036")
    expect(gtin14(["9506000134352"])).toBe("09506000134352")
    expect(gtin14(["09506000134352"])).toBe("09506000134352")
  })

  it("ignores spaces and hyphens as typed into a barcode field", () => {
    expect(gtin14(["9 506000 134352"])).toBe("09506000134352")
    expect(gtin14(["0-95060-00134-35-2"])).toBe("09506000134352")
  })

  it("takes the first code that is a GTIN: a wrong check digit, letters or other lengths are skipped", () => {
    expect(gtin14(["9506000134353", "SKU-1", "12345", null, undefined, "614141000036"])).toBe("00614141000036")
    expect(gtin14(["9506000134353", "ABC", "", null])).toBeNull()
    expect(gtin14([])).toBeNull()
  })
})

describe("lotLabelBarcode", () => {
  it("carries (01) + (17) + (10): the domain example", () => {
    const barcode = lotLabelBarcode({ gtin: "09506000134352", lot_number: "ABC123", expires_at: "2026-12-31" }, NOW)
    expect(barcode).toEqual({
      gs1: true,
      gtin: "09506000134352",
      element_string: "0109506000134352" + "17261231" + "10ABC123",
      human_readable: "(01)09506000134352(17)261231(10)ABC123",
      human_readable_parts: ["(01)09506000134352", "(17)261231", "(10)ABC123"],
      symbol_text: "(01)09506000134352(17)261231(10)ABC123",
    })
  })

  it("takes the expiry's UTC day from a Date and leaves (17) out for a lot without expiry", () => {
    expect(lotLabelBarcode({ gtin: "09506000134352", lot_number: "L1", expires_at: new Date("2027-03-31T00:00:00Z") }, NOW).element_string).toBe(
      "0109506000134352" + "17270331" + "10L1"
    )
    expect(lotLabelBarcode({ gtin: "09506000134352", lot_number: "L1", expires_at: null }, NOW).human_readable).toBe("(01)09506000134352(10)L1")
  })

  it("escapes brackets inside the lot for bwip-js, so they are not taken for AIs", () => {
    const barcode = lotLabelBarcode({ gtin: "09506000134352", lot_number: "A(1)B", expires_at: "2026-12-31" }, NOW)
    expect(barcode.symbol_text).toBe("(01)09506000134352(17)261231(10)A^0401^041B")
    expect(barcode.human_readable).toBe("(01)09506000134352(17)261231(10)A(1)B")
    // Wrapped between elements only: the brackets inside the lot are not a place to break.
    expect(barcode.human_readable_parts).toEqual(["(01)09506000134352", "(17)261231", "(10)A(1)B"])
  })

  it("without a GTIN carries the plain lot number, which a scan reads as a lot number", () => {
    const barcode = lotLabelBarcode({ gtin: null, lot_number: "LOT 7/A", expires_at: "2026-12-31" }, NOW)
    expect(barcode).toEqual({
      gs1: false, gtin: null, element_string: "LOT 7/A", human_readable: "LOT 7/A", human_readable_parts: ["LOT 7/A"], symbol_text: "LOT 7/A",
    })
    expect(parseGs1Scan(barcode.element_string, { now: NOW })).toEqual({ kind: "lot_number", lot_number: "LOT 7/A" })
  })

  it("refuses a lot number a GS1 barcode cannot carry, naming the field", () => {
    const refused = (lot_number: string, expires_at: string | null = null) => {
      try {
        lotLabelBarcode({ gtin: "09506000134352", lot_number, expires_at }, NOW)
      } catch (error) {
        expect(error).toBeInstanceOf(Gs1BuildError)
        return (error as Gs1BuildError).field
      }
      throw new Error(`expected ${lot_number} to be refused`)
    }
    expect(refused("LOT 1")).toBe("lot") // space: not in character set 82
    expect(refused("LOT#1")).toBe("lot")
    expect(refused("LÖT1")).toBe("lot")
    expect(refused("A".repeat(21))).toBe("lot")
    expect(refused("L1", "2090-01-01")).toBe("expiry") // would read back as 1990
  })
})

// Round trip: whatever we encode, our own scan parser reads back to the same GTIN, lot and expiry.
const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".split("")
const digits = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: length, maxLength: length })
/** A GTIN as a store might type it: 8, 12, 13 or 14 digits with the right check digit. */
const storedGtinArb = fc.constantFrom(7, 11, 12, 13).chain((length) => digits(length).map((body) => body + gtinCheckDigit(body)))
const DAY_MS = 86_400_000
const dayArb = fc
  .integer({ min: 0, max: (Date.UTC(2076, 11, 31) - Date.UTC(1977, 0, 1)) / DAY_MS })
  .map((days) => new Date(Date.UTC(1977, 0, 1) + days * DAY_MS).toISOString().slice(0, 10))
const lotArb = fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 })

describe("round trip (fast-check)", () => {
  it("encode -> parse gives the same GTIN, lot and expiry, in every form the label prints (2000 runs)", () => {
    fc.assert(
      fc.property(storedGtinArb, lotArb, fc.option(dayArb, { nil: null }), (stored, lot, expiry) => {
        const gtin = gtin14([stored])!
        expect(gtin).toBe(stored.padStart(14, "0"))
        const barcode = lotLabelBarcode({ gtin, lot_number: lot, expires_at: expiry }, NOW)
        const expected = { gtin, lot, ...(expiry ? { expiry } : {}) }
        // The bracketed form cannot hold a lot that itself contains "(NN)" (see readBracketed).
        const bracketedReadable = !/\(\d{2,4}\)/.test(lot)
        const scans = [barcode.element_string, `]d2${GS}${barcode.element_string}`, `]C1${barcode.element_string}`]
        for (const scanned of bracketedReadable ? [...scans, barcode.human_readable] : scans) {
          const { elements, kind, symbology, ...fields } = read(scanned)
          expect(fields).toEqual(expected)
        }
        expect(unescape(barcode.symbol_text)).toBe(barcode.human_readable)
        expect(barcode.symbol_text).not.toMatch(/\(\d*[^\d)]/) // every "(" left opens an AI
      }),
      { numRuns: 2000 }
    )
  })
})
