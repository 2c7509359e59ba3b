import fc from "fast-check"
import { DEFAULT_LOT_NUMBER_TEMPLATE, renderLotNumber } from "../domain/lot-number-template"
import { errorOf, parse } from "./gs1-fixtures"

const lotNumber = (text: string) => ({ kind: "lot_number", lot_number: text })

describe("plain lot numbers and input that only looks like one", () => {
  it.each(["L-100", "YOG-500-261206-001", "L2403-A", "10500", "17261231", "2024-001", "123456", "20AB", "30X", "11-B", "240315", "2403151234", "0109506000134"])(
    "reads %j as a lot number: no GS1 structure, or an AI's data GS1 allows",
    (text) => {
      expect(parse(text)).toEqual(lotNumber(text))
    }
  )

  it("refuses digits in brackets that are no AI, instead of reading them as a lot number", () => {
    expect(errorOf("(1)15210526")).toMatchObject({
      code: "unknown_ai",
      ai: "1",
      position: 0,
      message: "AI (1) at position 0 is not a known application identifier (they have 2 to 4 digits)",
    })
    expect(errorOf("()12345")).toMatchObject({ code: "expected_ai" })
    expect(errorOf("(15")).toMatchObject({ code: "expected_ai" })
  })

  it("refuses a string that starts with an AI whose data breaks GS1's rules", () => {
    expect(errorOf("1022222222222222222222aaa")).toMatchObject({
      code: "too_long",
      ai: "10",
      position: 0,
      message:
        "This reads as a GS1 element string but breaks GS1's rules, so it is not taken as a lot number: " +
        "AI (10) at position 0: lot longer than 20 characters — is a separator (FNC1) missing?",
    })
    expect(errorOf("17261332")).toMatchObject({ code: "invalid_date", ai: "17" }) // 13th month
    expect(errorOf("4141234567890123")).toMatchObject({ code: "check_digit", ai: "414" })
    expect(errorOf("43212")).toMatchObject({ code: "invalid_value", ai: "4321" }) // a yes/no flag of 2
  })

  it("reads such digits as a lot number when the scanner says the barcode holds no GS1 data (]C0)", () => {
    expect(parse("]C017261332")).toEqual({ ...lotNumber("17261332"), symbology: "code128" })
    expect(parse("]C01022222222222222222222aaa")).toEqual({ ...lotNumber("1022222222222222222222aaa"), symbology: "code128" })
  })

  it("reads a GS1 Company Prefix that is not digits as no GS1 at all", () => {
    expect(parse("401206-001")).toEqual(lotNumber("401206-001")) // (401) GINC needs four digits first
  })

  it("reads every lot number the default template makes as a lot number (1000 runs)", () => {
    const sku = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789".split("")), minLength: 1, maxLength: 12 })
    const skuStartingWithLetter = fc.tuple(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")), sku).map(([first, rest]) => first + rest)
    const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    fc.assert(
      fc.property(skuStartingWithLetter, day, fc.integer({ min: 1, max: 999 }), (skuText, date, sequence) => {
        const text = renderLotNumber(DEFAULT_LOT_NUMBER_TEMPLATE, { sku: skuText, date }, sequence)
        expect(parse(text)).toEqual(lotNumber(text))
      }),
      { numRuns: 1000 }
    )
  })

  it("reads any printable text that starts with neither a digit, a bracket nor a scheme as a lot number (2000 runs)", () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 60 })
    fc.assert(
      fc.property(printable, (text) => {
        const trimmed = text.trim()
        fc.pre(trimmed !== "" && !/^[\d(\]]/.test(trimmed) && !/^https?:\/\//i.test(trimmed))
        expect(parse(text)).toEqual(lotNumber(trimmed))
      }),
      { numRuns: 2000 }
    )
  })
})
