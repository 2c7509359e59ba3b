import fc from "fast-check"

import { aiEntry } from "../domain/gs1-ai"
import { normalizeLotNumber } from "../domain/lot-number-template"
import {
  MAX_SERIAL_NUMBER_LENGTH,
  MAX_SERIALS_PER_RECEIPT,
  SerialNumberError,
  expandSerialRange,
  looksLikeSerialRange,
  normalizeSerialNumber,
  readSerialRange,
  serialNumberProblem,
} from "../domain/serial-numbers"

const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
const serialArb = fc.string({ unit: fc.constantFrom(...CSET82.split("")), minLength: 1, maxLength: MAX_SERIAL_NUMBER_LENGTH })

describe("normalizeSerialNumber", () => {
  it("trims and collapses whitespace like lot numbers, but keeps the case", () => {
    expect(normalizeSerialNumber("  Sn\t 0042 \n")).toBe("Sn 0042")
    expect(normalizeSerialNumber("ab12")).not.toBe(normalizeSerialNumber("AB12"))
    expect(normalizeLotNumber("  Sn\t 0042 \n")).toBe("SN 0042")
  })

  it("is idempotent and differs from the lot-number rule only by case", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const once = normalizeSerialNumber(raw)
        expect(normalizeSerialNumber(once)).toBe(once)
        expect(once.toUpperCase()).toBe(normalizeLotNumber(raw))
      })
    )
  })
})

describe("serialNumberProblem", () => {
  it("follows GS1 AI (21) as the AI table defines it", () => {
    expect(aiEntry("21")?.components).toEqual([{ cset: "X", min: 1, max: 20 }])
    expect(MAX_SERIAL_NUMBER_LENGTH).toBe(20)
  })

  it("accepts 1 to 20 characters of GS1 character set 82, every one of them", () => {
    expect(serialNumberProblem("A")).toBeNull()
    expect(serialNumberProblem("S".repeat(20))).toBeNull()
    for (let start = 0; start < CSET82.length; start += 20) {
      expect(serialNumberProblem(CSET82.slice(start, start + 20))).toBeNull()
    }
  })

  it("refuses an empty serial and one of 21 characters", () => {
    expect(serialNumberProblem("")).toBe("The serial number is empty.")
    expect(serialNumberProblem("S".repeat(21))).toBe(`Serial number "${"S".repeat(21)}" is 21 characters long; GS1 allows at most 20.`)
  })

  it.each([
    ["SN 42", "a space at position 3"],
    ["SN#42", '"#" at position 3'],
    ["SN42$", '"$" at position 5'],
    ["@SN", '"@" at position 1'],
    ["SN[1]", '"[" at position 3'],
    ["SN\\1", '"\\" at position 3'],
    ["SN^1", '"^" at position 3'],
    ["SN`1", '"`" at position 3'],
    ["SN{1}", '"{" at position 3'],
    ["SN|1", '"|" at position 3'],
    ["SN~1", '"~" at position 3'],
    ["SNé1", '"é" (U+00E9) at position 3'],
    ["SN\u001d1", "GS (FNC1) at position 3"],
    ["SN\t1", "U+0009 at position 3"],
    ["SN\u007f1", "U+007F at position 3"],
  ])("refuses %j, naming %s", (serial, named) => {
    expect(serialNumberProblem(serial)).toContain(`has ${named}; serial numbers may hold only letters A-Z and a-z, digits and`)
  })

  it("accepts exactly GS1 character set 82 among printable ASCII", () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const char = String.fromCharCode(code)
      expect(serialNumberProblem(`A${char}`) === null).toBe(CSET82.includes(char))
    }
  })
})

describe("expandSerialRange", () => {
  it("keeps the prefix and the zero padding", () => {
    const serials = expandSerialRange("SN0001-SN0500")
    expect(serials).toHaveLength(500)
    expect(serials.slice(0, 2)).toEqual(["SN0001", "SN0002"])
    expect(serials.slice(-2)).toEqual(["SN0499", "SN0500"])
    expect(expandSerialRange("SN0098-SN0101")).toEqual(["SN0098", "SN0099", "SN0100", "SN0101"])
    expect(expandSerialRange("007-009")).toEqual(["007", "008", "009"])
  })

  it("reads numbers of width 1 and ranges of a single serial", () => {
    expect(expandSerialRange("A1-A9")).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"])
    expect(expandSerialRange("SN0042-SN0042")).toEqual(["SN0042"])
  })

  it("splits at the hyphen where both sides share their text, so serials may hold hyphens", () => {
    expect(expandSerialRange("LOT-A-01-LOT-A-03")).toEqual(["LOT-A-01", "LOT-A-02", "LOT-A-03"])
    expect(expandSerialRange(" sn-8-sn-9 ")).toEqual(["sn-8", "sn-9"])
  })

  it("counts past JavaScript's safe integers for 20-character serials", () => {
    expect(expandSerialRange("99999999999999999998-99999999999999999999")).toEqual(["99999999999999999998", "99999999999999999999"])
  })

  it.each([
    ["SN0500-SN0001", "The range SN0500-SN0001 runs backwards: SN0001 comes before SN0500. Write the lower serial number first."],
    ["A1-B5", 'The range A1-B5 changes the text before the number ("A" then "B"); only the number may change.'],
    ["1-B5", 'The range 1-B5 changes the text before the number (no text then "B"); only the number may change.'],
    ["SN9-SN10", "The numbers in the range SN9-SN10 have different widths (1 and 2 digits); write both with the same zero padding, e.g. SN09-SN10."],
    ["SN001-SN10", "The numbers in the range SN001-SN10 have different widths (3 and 2 digits); write both with the same zero padding, e.g. SN001-SN010."],
    ["SNA-SNB", "The range SNA-SNB must end in a number on both sides, e.g. SN0001-SN0500."],
    ["SN0001", '"SN0001" is not a range: write the first and last serial numbers joined by "-", e.g. SN0001-SN0500.'],
    ["SN0001-", '"SN0001-" is not a range: write the first and last serial numbers joined by "-", e.g. SN0001-SN0500.'],
    ["SN 1-SN 2", 'In the range SN 1-SN 2: Serial number "SN 1" has a space at position 3;'],
    [`${"S".repeat(17)}0001-${"S".repeat(17)}0002`, "is 21 characters long; GS1 allows at most 20."],
  ])("refuses %s", (range, message) => {
    expect(() => expandSerialRange(range)).toThrow(SerialNumberError)
    expect(() => expandSerialRange(range)).toThrow(message)
  })

  it("refuses a range over the maximum count before making any serial", () => {
    expect(expandSerialRange("SN1-SN5", 5)).toHaveLength(5)
    expect(() => expandSerialRange("SN1-SN6", 5)).toThrow("The range SN1-SN6 holds 6 serial numbers; at most 5 can be received at once.")
    expect(expandSerialRange("SN000001-SN100000")).toHaveLength(MAX_SERIALS_PER_RECEIPT)
    expect(() => expandSerialRange("SN00000001-SN99999999")).toThrow("holds 99,999,999 serial numbers; at most 100,000 can be received at once.")
    expect(() => expandSerialRange("00000000000000000000-99999999999999999999")).toThrow(
      "holds 100,000,000,000,000,000,000 serial numbers"
    )
    expect(() => expandSerialRange("SN1-SN2", 0)).toThrow(RangeError)
  })

  it("reads the range's ends without expanding it", () => {
    expect(readSerialRange("SN0098-SN0101")).toEqual({ prefix: "SN", first: 98n, last: 101n, width: 4, count: 4 })
  })

  it("tells a range from a serial that holds a hyphen", () => {
    expect(looksLikeSerialRange("SN0001-SN0500")).toBe(true)
    expect(looksLikeSerialRange("SN9-SN10")).toBe(true)
    expect(looksLikeSerialRange("A1-B5")).toBe(false)
    expect(looksLikeSerialRange("AB-12")).toBe(false)
    expect(looksLikeSerialRange("SN0001")).toBe(false)
    expect(looksLikeSerialRange(`${"1".repeat(20)}-${"1".repeat(21)}`)).toBe(false)
  })

  it("makes consecutive serials of the same prefix and width, as many as the ends say", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z-]{0,6}$/),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(10_000),
        fc.nat(300),
        (prefix, width, start, length) => {
          const first = start % 10 ** width
          const last = Math.min(first + length, 10 ** width - 1)
          const serial = (n: number) => prefix + String(n).padStart(width, "0")
          const serials = expandSerialRange(`${serial(first)}-${serial(last)}`)
          expect(serials).toHaveLength(last - first + 1)
          expect(serials[0]).toBe(serial(first))
          expect(serials[serials.length - 1]).toBe(serial(last))
          expect(new Set(serials).size).toBe(serials.length)
        }
      )
    )
  })

  it("keeps every serial it makes within GS1's rules when the ends are", () => {
    fc.assert(
      fc.property(serialArb, fc.nat(50), (end, length) => {
        const range = readSerialRange(`${end}-${end}`)
        if ("problem" in range) {
          return
        }
        const last = range.prefix + (range.first + BigInt(length)).toString().padStart(range.width, "0")
        if (last.length !== end.length) {
          return
        }
        for (const serial of expandSerialRange(`${end}-${last}`)) {
          expect(serialNumberProblem(serial)).toBeNull()
        }
      })
    )
  })
})
