import { Gs1BuildError, buildElementString, gtinCheckDigit, isValidGtin, parseGs1Scan } from "../domain/gs1"
import { DOMAIN_EXAMPLE, GS, NOW, at, errorOf, fields, gs1, parse } from "./gs1-fixtures"

describe("gtinCheckDigit and isValidGtin", () => {
  it("computes the mod-10 check digit of GS1's published keys", () => {
    expect(gtinCheckDigit("0950600013435")).toBe(2) // GTIN-14 09506000134352
    expect(gtinCheckDigit("950600013435")).toBe(2) // GTIN-13 9506000134352
    expect(gtinCheckDigit("0950110153000")).toBe(3) // GTIN-14 09501101530003
    expect(gtinCheckDigit("61414100003")).toBe(6) // GTIN-12 614141000036
    expect(gtinCheckDigit("9638507")).toBe(4) // GTIN-8 96385074
    expect(gtinCheckDigit("10614141234567890")).toBe(8) // SSCC 106141412345678908
  })

  it("refuses bodies that are not 7, 11, 12, 13 or 17 digits", () => {
    for (const bad of ["", "123", "095060001343A", "09506000134352", 1234567 as unknown as string]) {
      expect(() => gtinCheckDigit(bad)).toThrow(RangeError)
    }
  })

  it("accepts GTIN-8/12/13/14 with the right check digit and nothing else", () => {
    for (const good of ["09506000134352", "9506000134352", "614141000036", "96385074", "00000000000000"]) {
      expect(isValidGtin(good)).toBe(true)
    }
    for (const bad of ["09506000134353", "9506000134351", "0950600013435", "095060001343520", "0950600013435X", "", null as unknown as string]) {
      expect(isValidGtin(bad)).toBe(false)
    }
  })
})

describe("published examples", () => {
  it("reads the domain example 01 + 17 + 10", () => {
    expect(parse(DOMAIN_EXAMPLE)).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      expiry: "2026-12-31",
      lot: "ABC123",
      elements: [
        { ai: "01", value: "09506000134352", raw: "09506000134352" },
        { ai: "17", value: "2026-12-31", raw: "261231" },
        { ai: "10", value: "ABC123", raw: "ABC123" },
      ],
    })
  })

  it("reads the General Specifications example (01)09501101530003(17)140704(10)AB-123, bracketed and as scanned", () => {
    const expected = { kind: "gs1", gtin: "09501101530003", expiry: "2014-07-04", lot: "AB-123" }
    expect(fields(gs1("(01)09501101530003(17)140704(10)AB-123"))).toEqual(expected)
    expect(fields(gs1("]C1" + "0109501101530003" + "17140704" + "10AB-123"))).toEqual({ ...expected, symbology: "gs1-128" })
  })

  it("reads an SSCC (00) and a logistic label with (02) + (37)", () => {
    expect(gs1("(00)106141412345678908")).toMatchObject({ sscc: "106141412345678908" })
    const label = "]C1" + "00106141412345678908" + "0209506000134352" + "3724" + GS + "10ABC123" + GS + "17261231"
    expect(fields(gs1(label))).toEqual({
      kind: "gs1",
      sscc: "106141412345678908",
      gtin: "09506000134352",
      count: 24,
      lot: "ABC123",
      expiry: "2026-12-31",
      symbology: "gs1-128",
    })
  })

  it("reads the GS1 Digital Link standard's example", () => {
    expect(fields(gs1("https://id.gs1.org/01/09520123456788/10/ABC123/21/12345?17=180426"))).toEqual({
      kind: "gs1",
      gtin: "09520123456788",
      lot: "ABC123",
      serial: "12345",
      expiry: "2018-04-26",
    })
  })

  it("reads every required AI: dates (11) (13) (15), serial (21), counts (30) (37), net weight (310n)", () => {
    const scan = "0109506000134352" + "11250101" + "13250215" + "15270630" + "3103001250" + "30144" + GS + "21SN-0042"
    expect(fields(gs1(scan))).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      production_date: "2025-01-01",
      packaging_date: "2025-02-15",
      best_before: "2027-06-30",
      net_weight_kg: 1.25,
      count: 144,
      serial: "SN-0042",
    })
    expect(gs1("(01)09506000134352(3100)000042").net_weight_kg).toBe(42)
    expect(gs1("(01)09506000134352(3105)123456").net_weight_kg).toBe(1.23456)
    expect(gs1("(01)09506000134352(3103)001250").elements[1]).toEqual({ ai: "3103", value: "1.25", raw: "001250" })
  })

  it("keeps AIs it reads but has no field for in elements", () => {
    const result = gs1("(01)09506000134352(240)ABC-1(91)INTERNAL(16)261200(20)07")
    expect(result.elements.map((element) => element.ai)).toEqual(["01", "240", "91", "16", "20"])
    expect(result.elements[3]).toEqual({ ai: "16", value: "2026-12-31", raw: "261200" })
  })
})

describe("element strings: separators and shapes", () => {
  it("needs no separator after fixed-length fields and ends a variable one at GS", () => {
    const result = gs1("10ABC123" + GS + "0109506000134352" + "21SN1")
    expect(fields(result)).toEqual({ kind: "gs1", lot: "ABC123", gtin: "09506000134352", serial: "SN1" })
  })

  it("tolerates an FNC1 first, after a fixed-length field, doubled, and at the very end", () => {
    const expected = { kind: "gs1", gtin: "09506000134352", expiry: "2026-12-31", lot: "ABC123" }
    expect(fields(gs1(GS + "0109506000134352" + GS + "17261231" + "10ABC123"))).toEqual(expected)
    expect(fields(gs1("0109506000134352" + "17261231" + "10ABC123" + GS))).toEqual(expected)
    expect(gs1("0109506000134352" + "10ABC123" + GS).elements[1]).toEqual({ ai: "10", value: "ABC123", raw: "ABC123" })
    expect(fields(gs1("0109506000134352" + "10ABC123" + GS + GS + "17261231"))).toEqual(expected)
  })

  it("accepts a configured FNC1 stand-in, and GS as well", () => {
    expect(fields(gs1("0109506000134352" + "10ABC123|21SN1", { fnc1: "|" }))).toMatchObject({ lot: "ABC123", serial: "SN1" })
    expect(fields(gs1("10ABC123<GS>0109506000134352<GS>", { fnc1: "<GS>" }))).toMatchObject({ lot: "ABC123", gtin: "09506000134352" })
    expect(fields(gs1("10ABC123" + GS + "21SN1" + "|", { fnc1: "|" }))).toMatchObject({ lot: "ABC123", serial: "SN1" })
  })

  it("counts positions in the input as sent, stand-ins included", () => {
    const error = errorOf("0109506000134352" + "10ABC<GS>" + "1733", { fnc1: "<GS>" })
    expect(error).toMatchObject({ code: "truncated", ai: "17", position: 25 })
    expect(error.message).toBe("AI (17) at position 25: expected 6 digits for the expiry date, got 2 — is the scan cut short?")
  })

  it("ignores the scanner's surrounding whitespace (CR/LF suffix)", () => {
    expect(fields(gs1("  " + DOMAIN_EXAMPLE + "\r\n"))).toMatchObject({ lot: "ABC123" })
    expect(errorOf("\t0109506000134353").position).toBe(0)
  })

  it("reads the bracketed form with spaces between fields", () => {
    expect(fields(gs1("(01) 09506000134352 (17) 261231 (10) ABC123"))).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      expiry: "2026-12-31",
      lot: "ABC123",
    })
    expect(gs1("(10)A(B)C(01)09506000134352").lot).toBe("A(B)C")
  })
})

describe("symbology identifiers", () => {
  it.each([
    ["]C1", "gs1-128"],
    ["]d2", "datamatrix"],
    ["]Q3", "qr"],
    ["]e0", "databar"],
    ["]J1", "dotcode"],
  ])("%s is %s", (prefix, symbology) => {
    expect(gs1(prefix + DOMAIN_EXAMPLE)).toMatchObject({ symbology, lot: "ABC123", expiry: "2026-12-31" })
    expect(gs1(prefix + "(01)09506000134352").symbology).toBe(symbology)
  })

  it("measures positions after the prefix", () => {
    expect(errorOf("]d2" + "0109506000134353")).toMatchObject({ code: "check_digit", position: 0 })
    expect(errorOf("]d2" + "0109506000134352" + "17261332")).toMatchObject({ code: "invalid_date", position: 16 })
  })

  it("makes anything after a GS1 prefix an element string", () => {
    expect(errorOf("]d2ABC")).toMatchObject({ code: "expected_ai", position: 0 })
    expect(gs1("]C1" + "10500").lot).toBe("500") // without the prefix "10500" is a lot number
    expect(errorOf("]d2")).toMatchObject({ code: "empty", message: "Nothing follows the symbology identifier ]d2" })
  })

  it("reads a plain Code 128 as a lot number and a plain QR as a Digital Link", () => {
    expect(parse("]C0L2403-A")).toEqual({ kind: "lot_number", lot_number: "L2403-A", symbology: "code128" })
    expect(gs1("]Q1https://example.com/01/09506000134352/10/ABC123")).toMatchObject({ symbology: "qr", lot: "ABC123" })
  })

  it("reads EAN-13, UPC-A and EAN-8 as a GTIN-14, check digit checked", () => {
    expect(gs1("]E09506000134352")).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      symbology: "ean-upc",
      elements: [{ ai: "01", value: "09506000134352", raw: "9506000134352" }],
    })
    expect(gs1("]E0614141000036").gtin).toBe("00614141000036")
    expect(gs1("]E496385074").gtin).toBe("00000096385074")
    expect(errorOf("]E09506000134353")).toMatchObject({ code: "check_digit", ai: "01" })
    expect(errorOf("]E0ABC")).toMatchObject({ code: "wrong_length" })
  })
})

describe("plain lot numbers", () => {
  it("returns anything without GS1 structure as a lot number, as typed", () => {
    expect(parse("L2403-A")).toEqual({ kind: "lot_number", lot_number: "L2403-A" })
    expect(parse(" lot 7 ")).toEqual({ kind: "lot_number", lot_number: "lot 7" })
  })

  it("does not read AIs into a lot number that merely starts with digits (only 00/01/02 + a full key do)", () => {
    expect(parse("10500")).toEqual({ kind: "lot_number", lot_number: "10500" })
    expect(parse("17261231")).toEqual({ kind: "lot_number", lot_number: "17261231" })
    expect(parse("0109506000134")).toEqual({ kind: "lot_number", lot_number: "0109506000134" })
  })

  it("reads (00) + 18 digits and (02) + 14 digits as element strings without prefix or separator, like (01)", () => {
    expect(fields(gs1("00106141412345678908" + "0209506000134352" + "3724"))).toEqual({
      kind: "gs1",
      sscc: "106141412345678908",
      gtin: "09506000134352",
      count: 24,
    })
    // GS1 wants (02) + (37) on a logistic unit with its SSCC (00): read, with a warning.
    expect(fields(gs1("0209506000134352" + "3724"))).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      count: 24,
      warnings: [{ code: "missing_ai", ai: "37", position: 16, message: "AI (37) at position 16: GS1 requires (00) with it" }],
    })
    expect(errorOf("0209506000134353" + "3724")).toMatchObject({ code: "check_digit", ai: "02" })
    expect(errorOf("00106141412345678907")).toMatchObject({ code: "check_digit", ai: "00" })
  })

  it("refuses characters outside printable ASCII", () => {
    expect(errorOf("L24\u0007")).toMatchObject({ code: "invalid_character", position: 3 })
    expect(errorOf("LOT-é").message).toBe("Character U+00E9 at position 4 is not printable ASCII — this is not a lot number")
  })
})

describe("dates", () => {
  it("reads day 00 as the last day of the month, February of leap years included", () => {
    expect(gs1("(01)09506000134352(17)260200").expiry).toBe("2026-02-28")
    expect(gs1("(01)09506000134352(17)280200").expiry).toBe("2028-02-29")
    expect(gs1("(01)09506000134352(17)000200").expiry).toBe("2000-02-29") // divisible by 400: leap
    expect(gs1("(01)09506000134352(17)000200", { now: at(2080, 1, 1) }).expiry).toBe("2100-02-28") // by 100: not
    expect(gs1("(01)09506000134352(17)261100").expiry).toBe("2026-11-30")
    expect(gs1("(01)09506000134352(15)261200").best_before).toBe("2026-12-31")
  })

  it("accepts 29 February only in leap years", () => {
    expect(gs1("(01)09506000134352(17)280229").expiry).toBe("2028-02-29")
    expect(errorOf("0109506000134352" + "17260229").message).toBe(
      'AI (17) at position 16: "260229" is not a valid date (day 29 — February 2026 has 28 days)'
    )
  })

  it.each([
    // now, YY, year
    [at(2026, 6, 15), "25", 2025],
    [at(2026, 6, 15), "76", 2076], // +50: still ahead
    [at(2026, 6, 15), "77", 1977], // +51: last century (-49)
    [at(2026, 1, 1), "00", 2000],
    [at(2051, 1, 1), "01", 2101], // -50: next century
    [at(2051, 1, 1), "02", 2002], // -49: this century
    [at(2099, 12, 31), "49", 2149],
    [at(2099, 12, 31), "50", 2050],
    [at(1999, 12, 31), "49", 2049],
    [at(1999, 12, 31), "50", 1950],
  ])("century rule: in %s, YY %s is %i", (now, yy, year) => {
    expect(gs1(`(01)09506000134352(17)${yy}0615`, { now }).expiry).toBe(`${year}-06-15`)
  })

  it("uses the current date when no `now` is given", () => {
    const yy = String(new Date().getUTCFullYear() % 100).padStart(2, "0")
    expect(parseGs1Scan(`(01)09506000134352(17)${yy}0101`)).toMatchObject({ expiry: `${new Date().getUTCFullYear()}-01-01` })
  })
})

describe("buildElementString", () => {
  const label = { gtin: "09506000134352", expiry: "2026-12-31", lot: "ABC123" }

  it("writes the domain example: fixed-length fields first, no separator after them, none at the end", () => {
    expect(buildElementString(label, { now: NOW })).toBe(DOMAIN_EXAMPLE)
  })

  it("orders (01) (11) (15) (17), then (10) FNC1 (21)", () => {
    const all = { serial: "SN1", lot: "L1", expiry: "2027-01-31", best_before: "2026-12-01", production_date: "2026-01-02", gtin: "9506000134352" }
    expect(buildElementString(all, { now: NOW })).toBe("0109506000134352" + "11260102" + "15261201" + "17270131" + "10L1" + GS + "21SN1")
    expect(buildElementString(all, { now: NOW, fnc1: "<GS>" })).toBe("0109506000134352" + "11260102" + "15261201" + "17270131" + "10L1<GS>21SN1")
    expect(buildElementString(all, { now: NOW, parentheses: true })).toBe(
      "(01)09506000134352(11)260102(15)261201(17)270131(10)L1(21)SN1"
    )
  })

  it("takes a Date for a date (its UTC day)", () => {
    expect(buildElementString({ gtin: "09506000134352", expiry: at(2028, 2, 29) }, { now: NOW })).toBe("0109506000134352" + "17280229")
  })

  it("refuses what cannot go on a label", () => {
    const refuse = (fields: Parameters<typeof buildElementString>[0], options = {}) => {
      try {
        buildElementString(fields, { now: NOW, ...options })
      } catch (error) {
        expect(error).toBeInstanceOf(Gs1BuildError)
        return (error as Gs1BuildError).field
      }
      throw new Error("expected a Gs1BuildError")
    }
    expect(refuse({ gtin: "09506000134353" })).toBe("gtin")
    expect(refuse({ gtin: "" })).toBe("gtin")
    expect(refuse({ ...label, expiry: "2026-02-30" })).toBe("expiry")
    expect(refuse({ ...label, expiry: "31.12.2026" })).toBe("expiry")
    expect(refuse({ ...label, expiry: new Date(Number.NaN) })).toBe("expiry")
    expect(refuse({ ...label, best_before: "2077-01-01" })).toBe("best_before") // would read back as 1977
    expect(refuse({ ...label, lot: "A".repeat(21) })).toBe("lot")
    expect(refuse({ ...label, lot: "" })).toBe("lot")
    expect(refuse({ ...label, lot: "AB C" })).toBe("lot")
    expect(refuse({ ...label, serial: "S|1" }, { fnc1: "|" })).toBe("serial")
  })

  it("reads back what it writes, in every form", () => {
    const all = { gtin: "09506000134352", production_date: "2026-01-02", best_before: "2026-12-01", expiry: "2027-01-31", lot: "L(1)-/%", serial: "SN1" }
    for (const options of [{}, { fnc1: "|" }, { fnc1: "<GS>" }, { parentheses: true }]) {
      const { elements, ...read } = gs1(buildElementString(all, { now: NOW, ...options }), options)
      expect(read).toEqual({ kind: "gs1", ...all })
      expect(elements).toHaveLength(6)
    }
  })
})
