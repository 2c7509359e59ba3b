import fc from "fast-check"

import { MAX_LISTED_PROBLEMS, MAX_SERIALS_PER_RECEIPT, SerialListResult, expandSerialRange, parseSerialList } from "../domain/serial-numbers"

const serialsOf = (result: SerialListResult): string[] => {
  if ("problems" in result) {
    throw new Error(`expected serials, got problems: ${result.problems.join(" | ")}`)
  }
  return result.serials
}
const problemsOf = (result: SerialListResult): string[] => {
  if ("serials" in result) {
    throw new Error(`expected problems, got ${result.serials.length} serials`)
  }
  return result.problems
}

describe("parseSerialList", () => {
  it("reads entries separated by line breaks, commas, semicolons and tabs, in order", () => {
    expect(serialsOf(parseSerialList("SN1\nSN2\r\nSN3\rSN4,SN5;SN6\tSN7"))).toEqual(["SN1", "SN2", "SN3", "SN4", "SN5", "SN6", "SN7"])
  })

  it("skips blank lines and entries and trims each entry, keeping its case", () => {
    expect(serialsOf(parseSerialList("\n  sn-a  \n\n ,; SN-A ,\n\t\n"))).toEqual(["sn-a", "SN-A"])
  })

  it("expands ranges among single serials", () => {
    expect(serialsOf(parseSerialList("X-1\nSN0008-SN0011, SN0100"))).toEqual(["X-1", "SN0008", "SN0009", "SN0010", "SN0011", "SN0100"])
  })

  it("reads entries that only look like ranges as serials when ranges are off", () => {
    expect(problemsOf(parseSerialList("2024-0001"))).toEqual([
      "Line 1: The range 2024-0001 runs backwards: 0001 comes before 2024. Write the lower serial number first.",
    ])
    expect(serialsOf(parseSerialList("2024-0001\n2024-0002", { ranges: false }))).toEqual(["2024-0001", "2024-0002"])
  })

  it("reads a hyphenated serial that is no range as one serial", () => {
    expect(serialsOf(parseSerialList("A1-B5"))).toEqual(["A1-B5"])
  })

  it("names the line, and the entry when a line has several, of each problem", () => {
    expect(problemsOf(parseSerialList(`SN1\nSN 2\nSN3, SN#4\n${"S".repeat(21)}\nSN9-SN10`))).toEqual([
      `Line 2: Serial number "SN 2" has a space at position 3; serial numbers may hold only letters A-Z and a-z, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _`,
      `Line 3, entry 2: Serial number "SN#4" has "#" at position 3; serial numbers may hold only letters A-Z and a-z, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _`,
      `Line 4: Serial number "${"S".repeat(21)}" is 21 characters long; GS1 allows at most 20.`,
      "Line 5: The numbers in the range SN9-SN10 have different widths (1 and 2 digits); write both with the same zero padding, e.g. SN09-SN10.",
    ])
  })

  it("reports every serial given twice with where it was first given, ranges included", () => {
    expect(problemsOf(parseSerialList("SN01\nSN02, SN01\nSN00-SN02"))).toEqual([
      "Line 2, entry 2: serial number SN01 is given twice, first on line 1.",
      "Line 3 (range SN00-SN02): serial number SN01 is given twice, first on line 1.",
      "Line 3 (range SN00-SN02): serial number SN02 is given twice, first on line 2, entry 1.",
    ])
    expect(problemsOf(parseSerialList("SN1-SN3\nSN3"))).toEqual(["Line 2: serial number SN3 is given twice, first on line 1 (range SN1-SN3)."])
  })

  it("tells apart serials that differ only in case", () => {
    expect(serialsOf(parseSerialList("ab12\nAB12"))).toEqual(["ab12", "AB12"])
  })

  it("refuses an empty list", () => {
    expect(problemsOf(parseSerialList(" \n,\n"))).toEqual(["The list holds no serial numbers."])
  })

  it("stops at the maximum count, counting ranges before expanding them", () => {
    expect(serialsOf(parseSerialList("SN1, SN2, SN3", { maxCount: 3 }))).toHaveLength(3)
    expect(problemsOf(parseSerialList("SN1, SN2, SN3, SN4, SN5", { maxCount: 3 }))).toEqual([
      "Line 1, entry 4: the list goes past 3 serial numbers, the most one receipt takes; receive the rest in another receipt.",
    ])
    expect(problemsOf(parseSerialList("SN1\nSN2-SN3", { maxCount: 2 }))).toEqual([
      "Line 2: the list goes past 2 serial numbers, the most one receipt takes; receive the rest in another receipt.",
    ])
    expect(problemsOf(parseSerialList("SN00000001-SN99999999"))).toEqual([
      "Line 1: The range SN00000001-SN99999999 holds 99,999,999 serial numbers; at most 100,000 can be received at once.",
    ])
    expect(() => parseSerialList("SN1", { maxCount: 1.5 })).toThrow(RangeError)
  })

  it("lists the first problems and counts the rest", () => {
    const problems = problemsOf(parseSerialList(Array.from({ length: MAX_LISTED_PROBLEMS + 25 }, (_, n) => `BAD ${n}`).join("\n")))
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems[0]).toMatch(/^Line 1: Serial number "BAD 0" has a space/)
    expect(problems[MAX_LISTED_PROBLEMS]).toBe("…and 25 more problems.")
  })

  it("reads 100,000 serials from one pasted file", () => {
    const text = Array.from({ length: MAX_SERIALS_PER_RECEIPT }, (_, n) => `DEV-${String(n).padStart(7, "0")}`).join("\r\n")
    const serials = serialsOf(parseSerialList(text))
    expect(serials).toHaveLength(MAX_SERIALS_PER_RECEIPT)
    expect(serials[MAX_SERIALS_PER_RECEIPT - 1]).toBe("DEV-0099999")
  })

  it("reads back the serials of a range written out one per line", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,4}$/), fc.integer({ min: 1, max: 6 }), fc.nat(200), (prefix, width, length) => {
        const last = Math.min(length, 10 ** width - 1)
        const range = `${prefix}${"0".repeat(width)}-${prefix}${String(last).padStart(width, "0")}`
        const serials = expandSerialRange(range)
        expect(serialsOf(parseSerialList(serials.join("\n")))).toEqual(serials)
        expect(serialsOf(parseSerialList(range))).toEqual(serials)
      })
    )
  })
})
