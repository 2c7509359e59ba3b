import fc from "fast-check"
import {
  Gs1BuildError,
  Gs1ParseError,
  Gs1ScanResult,
  MAX_SCAN_LENGTH,
  ScanResult,
  buildElementString,
  gtinCheckDigit,
  isValidGtin,
  parseGs1Scan,
} from "../domain/gs1"

const GS = "\u001d"
const NOW = new Date(Date.UTC(2026, 5, 15)) // 2026-06-15: two-digit years read as 1977..2076
const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const parse = (input: string, options: { fnc1?: string; now?: Date } = {}) => parseGs1Scan(input, { now: NOW, ...options })
const gs1 = (input: string, options: { fnc1?: string; now?: Date } = {}): Gs1ScanResult => {
  const result = parse(input, options)
  if (result.kind !== "gs1") {
    throw new Error(`expected a GS1 result for ${JSON.stringify(input)}, got ${JSON.stringify(result)}`)
  }
  return result
}
/** The Gs1ParseError a scan throws (fails the test if it throws anything else or nothing). */
function errorOf(input: unknown, options: { fnc1?: string; now?: Date } = {}): Gs1ParseError {
  try {
    parseGs1Scan(input as string, { now: NOW, ...options })
  } catch (error) {
    expect(error).toBeInstanceOf(Gs1ParseError)
    return error as Gs1ParseError
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`)
}
const fields = ({ elements, ...rest }: Gs1ScanResult) => rest

const DOMAIN_EXAMPLE = "0109506000134352" + "17261231" + "10ABC123"

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
    expect(fields(gs1("0209506000134352" + "3724"))).toEqual({ kind: "gs1", gtin: "09506000134352", count: 24 })
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

describe("errors a picker can act on", () => {
  it("is a Gs1ParseError with code, position and AI", () => {
    const error = errorOf("0109506000134353" + "17261231")
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe("Gs1ParseError")
    expect(error).toMatchObject({ code: "check_digit", position: 0, ai: "01" })
    expect(error.message).toBe("AI (01) at position 0: check digit should be 2, got 3")
  })

  it("never returns a corrupted check digit, in any shape", () => {
    expect(errorOf("(01)09506000134353").code).toBe("check_digit")
    expect(errorOf("(00)106141412345678909").message).toBe("AI (00) at position 0: check digit should be 8, got 9")
    expect(errorOf("]C1" + "00106141412345678908" + "0209506000134350" + "3724")).toMatchObject({ ai: "02", position: 20 })
    expect(errorOf("https://example.com/01/09506000134353")).toMatchObject({ code: "check_digit", position: 0 })
  })

  it("reports an impossible date with the AI, position and what is wrong", () => {
    expect(errorOf(DOMAIN_EXAMPLE.replace("261231", "261332")).message).toBe(
      'AI (17) at position 16: "261332" is not a valid date (month 13)'
    )
    expect(errorOf("(01)09506000134352(11)260015")).toMatchObject({ code: "invalid_date", ai: "11", position: 18 })
    expect(errorOf("(01)09506000134352(15)26A231").message).toBe('AI (15) at position 18: best-before date must be digits, got "26A231"')
  })

  it("spots a missing separator after a variable-length field", () => {
    const longLot = "0109506000134352" + "17261231" + "10" + "ABCDEFGHIJKLMNOPQRSTU" + "21X"
    expect(errorOf(longLot).message).toBe("AI (10) at position 24: lot longer than 20 characters — is a separator (FNC1) missing?")
    expect(errorOf(longLot)).toMatchObject({ code: "too_long", ai: "10", position: 24 })
    expect(errorOf("0109506000134352" + "30" + "12" + "10ABC").message).toBe(
      'AI (30) at position 16: count must be digits, got "1210ABC" — is a separator (FNC1) missing?'
    )
    expect(errorOf("0109506000134352" + "37" + "24" + "17261231").code).toBe("too_long")
  })

  it("says a field is too long without the separator hint when a separator did end it", () => {
    expect(errorOf("0109506000134352" + "10" + "A".repeat(21) + GS + "21X").message).toBe(
      "AI (10) at position 16: lot is 21 characters long, at most 20 allowed"
    )
    expect(errorOf("(01)09506000134352(21)" + "S".repeat(21))).toMatchObject({ code: "too_long", ai: "21" })
  })

  it("reports fixed-length fields cut short or too long", () => {
    expect(errorOf("]d2" + "01095060001343" + GS + "10A").message).toBe(
      "AI (01) at position 0: expected 14 digits for the GTIN, got 12 before a separator (FNC1)"
    )
    expect(errorOf("(01)0950600013435(17)261231")).toMatchObject({ code: "wrong_length", ai: "01", position: 0 })
    expect(errorOf("(01)09506000134352(17)2612311")).toMatchObject({ code: "wrong_length", ai: "17", position: 18 })
    expect(errorOf("]d2" + "0109506000134352" + "17")).toMatchObject({ code: "truncated", position: 16 })
  })

  it("refuses unknown AIs and text where an AI should be", () => {
    expect(errorOf("0109506000134352" + "04ABC").message).toBe("AI (04) at position 16 is not a known application identifier")
    expect(errorOf("0109506000134352" + "3106123456")).toMatchObject({ code: "unknown_ai", ai: "3106" })
    expect(errorOf("0109506000134352" + "249X")).toMatchObject({ code: "unknown_ai", ai: "249" })
    expect(errorOf("(04)ABC")).toMatchObject({ code: "unknown_ai", ai: "04", position: 0 })
    expect(errorOf("0109506000134352" + GS + "ABC").message).toBe('At position 17: expected a GS1 application identifier, got "ABC"')
    expect(errorOf("(01)09506000134352 junk (10)A")).toMatchObject({ code: "wrong_length", ai: "01" })
  })

  it("refuses empty fields", () => {
    expect(errorOf("0109506000134352" + "10" + GS + "21X").message).toBe("AI (10) at position 16: lot is empty")
    expect(errorOf("0109506000134352" + "21")).toMatchObject({ code: "empty_value", ai: "21" })
  })

  it("refuses characters outside GS1 character set 82", () => {
    expect(errorOf("0109506000134352" + "10AB#1").message).toBe(
      'AI (10) at position 16: character "#" (character 3 of the lot) is not allowed (GS1 character set 82)'
    )
    expect(errorOf("(01)09506000134352(10)AB C")).toMatchObject({ code: "invalid_character", ai: "10" })
    expect(errorOf("0109506000134352" + "21SÉR")).toMatchObject({ code: "invalid_character", ai: "21" })
    expect(errorOf("]d2" + "0109506000134352" + "10A|B")).toMatchObject({ code: "invalid_character" }) // "|" not configured
  })

  it("refuses the same AI twice with different values, keeps one of two equal ones", () => {
    const error = errorOf("0109506000134352" + "0109501101530003")
    expect(error).toMatchObject({ code: "duplicate_ai", ai: "01", position: 16 })
    expect(error.message).toBe('AI (01) at position 16: appears twice with different values ("09506000134352" then "09501101530003")')
    expect(gs1("0109506000134352" + "10A" + GS + "0109506000134352").elements).toHaveLength(2)
    expect(gs1("(01)09506000134352(3102)000125(3103)001250").elements).toHaveLength(2) // 1.25 kg twice
    expect(errorOf("(01)09506000134352(3102)000125(3103)001251")).toMatchObject({ code: "duplicate_ai", ai: "3103" })
  })

  it("refuses (01) together with (02)", () => {
    expect(errorOf("0109506000134352" + "0209506000134352")).toMatchObject({ code: "conflicting_ai", ai: "02", position: 16 })
  })

  it("guards against empty, blank, overlong, non-text input and bad options", () => {
    expect(errorOf("")).toMatchObject({ code: "empty", message: "The scan is empty" })
    expect(errorOf(" \r\n ").code).toBe("empty")
    expect(errorOf(GS + GS).code).toBe("empty")
    expect(errorOf("||", { fnc1: "|" }).code).toBe("empty")
    expect(errorOf("x".repeat(MAX_SCAN_LENGTH + 1)).message).toBe("The scan is 513 characters long; at most 512 are accepted")
    expect(parse("x".repeat(MAX_SCAN_LENGTH))).toMatchObject({ kind: "lot_number" })
    expect(errorOf(null).code).toBe("not_text")
    expect(errorOf(42).code).toBe("not_text")
    expect(errorOf("L1", { fnc1: "" }).code).toBe("invalid_option")
    expect(errorOf("L1", { fnc1: "1" }).code).toBe("invalid_option")
    expect(errorOf("L1", { now: new Date(Number.NaN) }).code).toBe("invalid_option")
  })
})

describe("GS1 Digital Link", () => {
  it("reads the domain example: key and qualifiers in the path, attributes in the query", () => {
    expect(gs1("https://example.com/01/09506000134352/10/ABC123?17=261231")).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      lot: "ABC123",
      expiry: "2026-12-31",
      elements: [
        { ai: "01", value: "09506000134352", raw: "09506000134352" },
        { ai: "10", value: "ABC123", raw: "ABC123" },
        { ai: "17", value: "2026-12-31", raw: "261231" },
      ],
    })
  })

  it("percent-decodes values and keeps the encoded text as raw", () => {
    const result = gs1("https://any.host/01/09506000134352/10/AB%2F12%25/21/S%3D1?15=270101&3103=001250")
    expect(fields(result)).toEqual({
      kind: "gs1",
      gtin: "09506000134352",
      lot: "AB/12%",
      serial: "S=1",
      best_before: "2027-01-01",
      net_weight_kg: 1.25,
    })
    expect(result.elements[1]).toEqual({ ai: "10", value: "AB/12%", raw: "AB%2F12%25" })
    expect(gs1("https://h.io/01/09506000134352?10=A+B").lot).toBe("A+B") // "+" is data, not a space
  })

  it("accepts a path prefix, any host, http, a GTIN-13 in the path, aliases, and ignores other parameters", () => {
    expect(gs1("HTTP://shop.example.co.uk:8080/p/x/01/9506000134352/10/L1?linkType=gs1:pip&utm=x#top")).toMatchObject({
      gtin: "09506000134352",
      lot: "L1",
    })
    expect(gs1("https://example.com/gtin/09506000134352/lot/L1/ser/S1")).toMatchObject({ lot: "L1", serial: "S1" })
    expect(gs1("https://example.com/00/106141412345678908").sscc).toBe("106141412345678908")
  })

  it("numbers path segments (after the host) for errors, then query parameters", () => {
    expect(errorOf("https://example.com/shop/01/09506000134353").message).toBe(
      "AI (01) in path segment 1: check digit should be 2, got 3"
    )
    expect(errorOf("https://example.com/01/09506000134352/10/ABC?17=261332")).toMatchObject({
      code: "invalid_date",
      position: 4,
      message: 'AI (17) in query parameter 17: "261332" is not a valid date (month 13)',
    })
    expect(errorOf("https://example.com/01/09506000134352/10/A%20B")).toMatchObject({ code: "invalid_character", position: 2 })
    expect(errorOf("https://example.com/01/09506000134352/10/" + "L".repeat(21)).code).toBe("too_long")
  })

  it("refuses links that are not GS1 Digital Links or cannot be decoded", () => {
    expect(errorOf("https://example.com/products/123").code).toBe("invalid_link")
    expect(errorOf("https:///01/09506000134352").code).toBe("invalid_link")
    expect(errorOf("https://example.com/01/09506000134352/10/%E0%A4%A")).toMatchObject({ code: "invalid_link", ai: "10" })
    expect(errorOf("https://example.com/01/09506000134352/10")).toMatchObject({ code: "empty_value", ai: "10" })
    expect(errorOf("https://example.com/01/09506000134352/99x/1")).toMatchObject({ code: "expected_ai", position: 2 })
    expect(errorOf("https://example.com/01/09506000134352?7003=2612310830")).toMatchObject({ code: "unknown_ai", ai: "7003" })
    expect(errorOf("https://example.com/01/09506000134352/10/A?10=B")).toMatchObject({ code: "duplicate_ai", ai: "10" })
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

// ---------------------------------------------------------------------------------------------
// Properties

const RUNS = { random: 3000, structured: 5000, mutated: 3000, roundTrip: 1000, bracketed: 500, flip: 1000, flipOtherForms: 500 }
const CSET82_CHARS = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".split("")
const digits = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: length, maxLength: length })
const gtinArb = digits(13).map((body) => body + gtinCheckDigit(body))
const DAY_MS = 86_400_000
const windowStart = Date.UTC(1977, 0, 1)
const windowEnd = Date.UTC(2076, 11, 31)
const dateArb = fc.integer({ min: 0, max: (windowEnd - windowStart) / DAY_MS }).map((days) => new Date(windowStart + days * DAY_MS).toISOString().slice(0, 10))
const textArb = fc.string({ unit: fc.constantFrom(...CSET82_CHARS), minLength: 1, maxLength: 20 })
const labelArb = fc.record(
  { gtin: gtinArb, expiry: dateArb, best_before: dateArb, production_date: dateArb, lot: textArb, serial: textArb },
  { requiredKeys: ["gtin"] }
)
const fnc1Arb = fc.constantFrom(GS, "|", "<GS>")
const prefixArb = fc.constantFrom("", "]C1", "]d2", "]Q3", "]e0", "]J1")
const noStandIn = (label: { lot?: string; serial?: string }, fnc1: string) => !`${label.lot ?? ""}\n${label.serial ?? ""}`.includes(fnc1)

/** Whatever is returned must be sound: keys with valid check digits, real dates. */
function expectSound(result: ScanResult): void {
  if (result.kind === "lot_number") {
    expect(result.lot_number).toMatch(/^[\x20-\x7e]+$/)
    return
  }
  expect(result.elements.length).toBeGreaterThan(0)
  if (result.gtin !== undefined) {
    expect(isValidGtin(result.gtin) && result.gtin.length === 14).toBe(true)
  }
  if (result.sscc !== undefined) {
    expect(gtinCheckDigit(result.sscc.slice(0, 17))).toBe(Number(result.sscc[17]))
  }
  for (const text of [result.lot, result.serial]) {
    if (text !== undefined) {
      expect(text).toMatch(/^[!"%-?A-Z_a-z]{1,20}$/)
    }
  }
  for (const date of [result.expiry, result.best_before, result.production_date, result.packaging_date]) {
    if (date !== undefined) {
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date)
    }
  }
}

function returnsSoundlyOrRefuses(input: string, options: { fnc1?: string }): void {
  let result: ScanResult
  try {
    result = parseGs1Scan(input, { now: NOW, ...options })
  } catch (error) {
    expect(error).toBeInstanceOf(Gs1ParseError)
    expect((error as Gs1ParseError).code).not.toBe("internal")
    expect(typeof (error as Gs1ParseError).position).toBe("number")
    return
  }
  expectSound(result)
}

describe("properties (fast-check)", () => {
  it(`returns a sound result or throws a Gs1ParseError for random strings (${RUNS.random} runs each)`, () => {
    const options = fc.constantFrom({}, { fnc1: "|" }, { fnc1: "<GS>" })
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 600 }), options, returnsSoundlyOrRefuses), { numRuns: RUNS.random })
    fc.assert(fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 80 }), options, returnsSoundlyOrRefuses), { numRuns: RUNS.random })
  })

  it(`does the same for strings made of GS1-looking pieces (${RUNS.structured} runs)`, () => {
    const piece = fc.oneof(
      fc.constantFrom("00", "01", "02", "10", "11", "13", "15", "17", "21", "30", "37", "3103", "3106", "04", "99", "240", "20"),
      fc.constantFrom("(", ")", "(01)", "(10)", "(17)", GS, "|", "<GS>", "]d2", "]C1", "]E0", "]Q1", " ", "\r\n"),
      fc.constantFrom("https://x.io/", "/", "?", "=", "&", "#", "%", "%2", "%41", "%E0%A4%A", "/01/", "/10/", "gtin"),
      fc.constantFrom("09506000134352", "09506000134353", "106141412345678908", "261231", "261332", "260200", "ABC", "é", "\u0000"),
      digits(1),
      fc.string({ maxLength: 3 })
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join("")), fc.constantFrom({}, { fnc1: "|" }, { fnc1: "<GS>" }), returnsSoundlyOrRefuses),
      { numRuns: RUNS.structured }
    )
  })

  it(`does the same for valid scans in every form with up to 3 characters changed (${RUNS.mutated} runs)`, () => {
    const form = fc.constantFrom("GS", "|", "<GS>", "bracketed", "link")
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom("replace", "insert", "delete"),
      char: fc.constantFrom(..."0123456789()/?=&%|<>AZ_é ".split(""), GS),
    })
    fc.assert(
      fc.property(labelArb, form, prefixArb, fc.array(edit, { maxLength: 3 }), (label, shape, prefix, edits) => {
        const yymmdd = (iso?: string) => iso && iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
        let scan =
          shape === "link"
            ? `https://example.com/01/${label.gtin}` +
              (label.lot ? `/10/${encodeURIComponent(label.lot)}` : "") +
              (label.expiry ? `?17=${yymmdd(label.expiry)}` : "")
            : prefix +
              buildElementString(label, {
                now: NOW,
                parentheses: shape === "bracketed",
                fnc1: shape === "|" || shape === "<GS>" ? shape : GS,
              })
        for (const { at, kind, char } of edits) {
          const i = at % (scan.length + 1)
          scan = scan.slice(0, i) + (kind === "delete" ? "" : char) + scan.slice(kind === "insert" ? i : i + 1)
        }
        returnsSoundlyOrRefuses(scan, shape === "|" || shape === "<GS>" ? { fnc1: shape } : {})
      }),
      { numRuns: RUNS.mutated }
    )
  })

  it(`reads back any valid label: parse(build(x)) = x via GS and stand-ins, with or without a prefix (${RUNS.roundTrip} runs)`, () => {
    fc.assert(
      fc.property(labelArb, fnc1Arb, prefixArb, (label, fnc1, prefix) => {
        fc.pre(noStandIn(label, fnc1))
        const scan = prefix + buildElementString(label, { fnc1, now: NOW })
        const { elements, symbology, ...read } = gs1(scan, { fnc1: fnc1 === GS ? undefined : fnc1 })
        expect(read).toEqual({ kind: "gs1", ...label })
        expect(elements).toHaveLength(Object.keys(label).length)
      }),
      { numRuns: RUNS.roundTrip }
    )
  })

  it(`reads back the bracketed form when no data looks like "(NN)" (${RUNS.bracketed} runs)`, () => {
    fc.assert(
      fc.property(labelArb, (label) => {
        fc.pre(!/\(\d{2,4}\)/.test(`${label.lot ?? ""} ${label.serial ?? ""}`))
        const { elements, ...read } = gs1(buildElementString(label, { now: NOW, parentheses: true }))
        expect(read).toEqual({ kind: "gs1", ...label })
      }),
      { numRuns: RUNS.bracketed }
    )
  })

  it(`never returns a GTIN with one digit changed: it throws a check-digit error (${RUNS.flip} runs)`, () => {
    fc.assert(
      fc.property(labelArb, fnc1Arb, prefixArb, fc.nat(13), fc.integer({ min: 1, max: 9 }), (label, fnc1, prefix, index, delta) => {
        fc.pre(noStandIn(label, fnc1))
        const scan = buildElementString(label, { fnc1, now: NOW })
        const offset = 2 + index // after "01"
        const corrupted = scan.slice(0, offset) + ((Number(scan[offset]) + delta) % 10) + scan.slice(offset + 1)
        const error = errorOf(prefix + corrupted, { fnc1: fnc1 === GS ? undefined : fnc1 })
        expect(error).toMatchObject({ code: "check_digit", ai: "01", position: 0 })
      }),
      { numRuns: RUNS.flip }
    )
  })

  it(`... nor in the bracketed form or a Digital Link (${RUNS.flipOtherForms} runs)`, () => {
    fc.assert(
      fc.property(gtinArb, fc.nat(13), fc.integer({ min: 1, max: 9 }), (gtin, index, delta) => {
        const bad = gtin.slice(0, index) + ((Number(gtin[index]) + delta) % 10) + gtin.slice(index + 1)
        expect(errorOf(`(01)${bad}(17)261231(10)ABC`).code).toBe("check_digit")
        expect(errorOf(`https://example.com/01/${bad}/10/ABC?17=261231`).code).toBe("check_digit")
      }),
      { numRuns: RUNS.flipOtherForms }
    )
  })
})
