import fc from "fast-check"

import {
  DEFAULT_LOT_NUMBER_TEMPLATE,
  LotNumberContext,
  LotNumberTemplateError,
  MAX_LOT_NUMBER_LENGTH,
  checkLotNumberAgainstPattern,
  compileLotNumberPattern,
  lotNumberSequenceKey,
  normalizeLotNumber,
  renderLotNumber,
  validateLotNumberTemplate,
} from "../domain/lot-number-template"

const utc = (y: number, m: number, d: number, h = 12) => new Date(Date.UTC(y, m - 1, d, h))

const ctx = (overrides: Partial<LotNumberContext> = {}): LotNumberContext => ({
  sku: "yog-500",
  date: utc(2026, 11, 25),
  plant: "P1",
  line: "L2",
  ...overrides,
})

const render = (template: string, overrides: Partial<LotNumberContext> = {}, seq = 1) =>
  renderLotNumber(template, ctx(overrides), seq)

function expectTemplateError(fn: () => unknown, message: string | RegExp) {
  expect(fn).toThrow(LotNumberTemplateError)
  expect(fn).toThrow(message)
}

describe("renderLotNumber tokens", () => {
  it("uses the default template", () => {
    expect(DEFAULT_LOT_NUMBER_TEMPLATE).toBe("{SKU}-{YYMMDD}-{SEQ:3}")
    expect(render(DEFAULT_LOT_NUMBER_TEMPLATE, {}, 7)).toBe("YOG-500-261125-007")
  })

  it("{SKU} is uppercased and stripped of characters outside A-Z, 0-9 and -", () => {
    expect(render("{SKU}", { sku: "ab_c 12/x-y.z" })).toBe("ABC12X-YZ")
    expect(render("{SKU}", { sku: "Käse-1" })).toBe("KSE-1")
  })

  it("{SKU} falls back to ITEM when missing or empty after cleaning", () => {
    expect(render("{SKU}", { sku: undefined })).toBe("ITEM")
    expect(render("{SKU}", { sku: null })).toBe("ITEM")
    expect(render("{SKU}", { sku: "" })).toBe("ITEM")
    expect(render("{SKU}", { sku: "___" })).toBe("ITEM")
  })

  it("resolves every date token in UTC", () => {
    const date = utc(2026, 3, 7)
    expect(render("{YY}", { date })).toBe("26")
    expect(render("{YYYY}", { date })).toBe("2026")
    expect(render("{MM}", { date })).toBe("03")
    expect(render("{DD}", { date })).toBe("07")
    expect(render("{YYMMDD}", { date })).toBe("260307")
    expect(render("{YYYYMMDD}", { date })).toBe("20260307")
    expect(render("{JJJ}", { date })).toBe("066")
    expect(render("{YJJJ}", { date })).toBe("6066")
  })

  it("uses the UTC date, not the local one", () => {
    // 23:30 UTC on Dec 31 is already Jan 1 in UTC+1 zones; the result must not shift.
    const date = new Date(Date.UTC(2025, 11, 31, 23, 30))
    expect(render("{YYYYMMDD}", { date })).toBe("20251231")
    const early = new Date(Date.UTC(2026, 0, 1, 0, 15))
    expect(render("{YYYYMMDD}-{JJJ}", { date: early })).toBe("20260101-001")
  })

  it("pads years below 1000 and two-digit years below 10", () => {
    const date = new Date(Date.UTC(2005, 0, 2))
    expect(render("{YY}/{YYYY}", { date })).toBe("05/2005")
  })

  it("computes the Julian day for Jan 1 and Dec 31 of leap and common years", () => {
    expect(render("{JJJ}", { date: utc(2025, 1, 1) })).toBe("001")
    expect(render("{JJJ}", { date: utc(2024, 1, 1) })).toBe("001")
    expect(render("{JJJ}", { date: utc(2025, 12, 31) })).toBe("365")
    expect(render("{JJJ}", { date: utc(2024, 12, 31) })).toBe("366")
    expect(render("{JJJ}", { date: utc(2000, 12, 31) })).toBe("366")
    expect(render("{JJJ}", { date: utc(1900, 12, 31) })).toBe("365")
    expect(render("{JJJ}", { date: utc(2024, 3, 1) })).toBe("061")
    expect(render("{JJJ}", { date: utc(2025, 3, 1) })).toBe("060")
  })

  it("{YJJJ} is the last digit of the year plus the Julian day", () => {
    expect(render("{YJJJ}", { date: utc(2024, 12, 31) })).toBe("4366")
    expect(render("{YJJJ}", { date: utc(2030, 1, 1) })).toBe("0001")
  })

  it("{PLANT} and {LINE} insert the caller's codes", () => {
    expect(render("{PLANT}{LINE}-{YJJJ}-{SEQ:2}", { date: utc(2025, 2, 1) }, 3)).toBe("P1L2-5032-03")
    expect(render("{PLANT}", { plant: "  P9  " })).toBe("P9")
  })

  it("keeps literal text as-is", () => {
    expect(render("LOT {SKU}/{SEQ}", {}, 12)).toBe("LOT YOG-500/0012")
    expect(render("FIXED")).toBe("FIXED")
  })
})

describe("SEQ", () => {
  it("defaults to 4 digits", () => {
    expect(render("{SEQ}", {}, 5)).toBe("0005")
  })

  it("pads to the requested width", () => {
    expect(render("{SEQ:1}", {}, 5)).toBe("5")
    expect(render("{SEQ:3}", {}, 42)).toBe("042")
    expect(render("{SEQ:9}", {}, 42)).toBe("000000042")
  })

  it("prints all digits when the sequence overflows the width", () => {
    expect(render("{SEQ:3}", {}, 1000)).toBe("1000")
    expect(render("{SEQ:1}", {}, 123456)).toBe("123456")
  })

  it("is optional", () => {
    expect(render("{SKU}-{YYYYMMDD}", {}, 99)).toBe("YOG-500-20261125")
  })

  it.each([0, -1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])("rejects sequence %p", (seq) => {
    expect(() => render("{SEQ}", {}, seq)).toThrow(RangeError)
    expect(() => render("{SEQ}", {}, seq)).toThrow("positive integer")
  })
})

describe("lotNumberSequenceKey", () => {
  it("resolves everything except SEQ", () => {
    expect(lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx())).toBe("YOG-500-261125-{SEQ}")
    expect(lotNumberSequenceKey("{PLANT}-{SEQ:6}-{LINE}", ctx())).toBe("P1-{SEQ}-L2")
  })

  it("is the same for two times on the same UTC day", () => {
    const morning = lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx({ date: new Date(Date.UTC(2026, 10, 25, 0, 1)) }))
    const evening = lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx({ date: new Date(Date.UTC(2026, 10, 25, 23, 59)) }))
    expect(morning).toBe(evening)
  })

  it("differs between days, so the counter restarts daily", () => {
    const a = lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx({ date: utc(2026, 11, 25) }))
    const b = lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx({ date: utc(2026, 11, 26) }))
    expect(a).not.toBe(b)
  })

  it("does not depend on the day when the template has no date token", () => {
    const a = lotNumberSequenceKey("{SKU}-{SEQ}", ctx({ date: utc(2026, 1, 1) }))
    const b = lotNumberSequenceKey("{SKU}-{SEQ}", ctx({ date: utc(2027, 6, 1) }))
    expect(a).toBe("YOG-500-{SEQ}")
    expect(b).toBe(a)
  })

  it("differs between SKUs", () => {
    expect(lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx({ sku: "A" }))).not.toBe(
      lotNumberSequenceKey(DEFAULT_LOT_NUMBER_TEMPLATE, ctx({ sku: "B" }))
    )
  })

  it("returns the fully rendered string when there is no SEQ", () => {
    expect(lotNumberSequenceKey("{SKU}-{YYYYMMDD}", ctx())).toBe("YOG-500-20261125")
  })

  it("validates the template too", () => {
    expectTemplateError(() => lotNumberSequenceKey("{FOO}", ctx()), "Unknown token {FOO}")
  })
})

describe("template errors", () => {
  it("accepts valid templates", () => {
    expect(() => validateLotNumberTemplate(DEFAULT_LOT_NUMBER_TEMPLATE)).not.toThrow()
    expect(() =>
      validateLotNumberTemplate("{SKU}{YY}{YYYY}{MM}{DD}{YYMMDD}{YYYYMMDD}{JJJ}{YJJJ}{PLANT}{LINE}{SEQ:9}")
    ).not.toThrow()
    expect(() => validateLotNumberTemplate("NO-TOKENS")).not.toThrow()
  })

  it("rejects unknown tokens, naming the token and the allowed ones", () => {
    const fn = () => validateLotNumberTemplate("{SKU}-{FOO}")
    expectTemplateError(fn, 'Unknown token {FOO} in lot-number template "{SKU}-{FOO}"; allowed tokens: {SKU}, {YY}')
    expectTemplateError(fn, "{SEQ:n}")
    // Tokens are case-sensitive.
    expectTemplateError(() => validateLotNumberTemplate("{sku}"), "Unknown token {sku}")
    expectTemplateError(() => validateLotNumberTemplate("A{}B"), "Unknown token {}")
  })

  it("rejects unbalanced braces", () => {
    expectTemplateError(() => validateLotNumberTemplate("{SKU"), 'Unclosed "{" at position 1')
    expectTemplateError(() => validateLotNumberTemplate("SKU}"), 'Unmatched "}" at position 4')
    expectTemplateError(() => validateLotNumberTemplate("{SK{U}"), 'Unclosed "{" at position 1')
    expectTemplateError(() => validateLotNumberTemplate("{SKU}}"), 'Unmatched "}" at position 6')
    expectTemplateError(() => validateLotNumberTemplate("{{SKU}}"), 'Unclosed "{"')
  })

  it("rejects an empty template", () => {
    expectTemplateError(() => validateLotNumberTemplate(""), "empty")
    expectTemplateError(() => validateLotNumberTemplate("   "), "empty")
  })

  it("rejects more than one SEQ", () => {
    expectTemplateError(() => validateLotNumberTemplate("{SEQ}-{SEQ:2}"), "more than one {SEQ}")
  })

  it.each(["SEQ:0", "SEQ:10", "SEQ:", "SEQ:x", "SEQ:-1", "SEQ:1.5"])("rejects {%s}", (body) => {
    expectTemplateError(() => validateLotNumberTemplate(`{${body}}`), `Sequence width in {${body}} must be a whole number from 1 to 9`)
  })

  it("throws when PLANT or LINE is needed but missing", () => {
    expectTemplateError(() => render("{PLANT}", { plant: null }), 'uses {PLANT} but no plant code was provided')
    expectTemplateError(() => render("{PLANT}", { plant: undefined }), "no plant code")
    expectTemplateError(() => render("{PLANT}", { plant: "  " }), "no plant code")
    expectTemplateError(() => render("{LINE}", { line: null }), 'uses {LINE} but no line code was provided')
    expectTemplateError(() => lotNumberSequenceKey("{LINE}-{SEQ}", ctx({ line: "" })), "no line code")
  })

  it("does not require PLANT or LINE when the template does not use them", () => {
    expect(render("{SKU}", { plant: null, line: null })).toBe("YOG-500")
  })

  it("rejects plant/line codes containing braces", () => {
    expectTemplateError(() => render("{PLANT}", { plant: "{SEQ}" }), 'must not contain "{" or "}"')
  })

  it("rejects an invalid date only when a date token is used", () => {
    expect(() => render("{YYMMDD}", { date: new Date("nope") })).toThrow(RangeError)
    expect(render("{SKU}", { date: new Date("nope") })).toBe("YOG-500")
  })

  it(`rejects results longer than ${MAX_LOT_NUMBER_LENGTH} characters`, () => {
    const sku = "A".repeat(MAX_LOT_NUMBER_LENGTH)
    expect(render("{SKU}", { sku })).toHaveLength(MAX_LOT_NUMBER_LENGTH)
    expectTemplateError(() => render("{SKU}-{SEQ}", { sku }), `the maximum is ${MAX_LOT_NUMBER_LENGTH}`)
    expectTemplateError(() => render("X{SKU}", { sku }), "65 characters long")
  })
})

describe("compileLotNumberPattern / checkLotNumberAgainstPattern", () => {
  it("anchors the pattern so a partial match fails", () => {
    const re = compileLotNumberPattern("L\\d{4}")
    expect(re.test("L1234")).toBe(true)
    expect(re.test("XL1234")).toBe(false)
    expect(re.test("L12345")).toBe(false)
    expect(re.test("L1234 ")).toBe(false)
  })

  it("anchors alternations as a whole", () => {
    const re = compileLotNumberPattern("A|B")
    expect(re.test("A")).toBe(true)
    expect(re.test("B")).toBe(true)
    expect(re.test("AX")).toBe(false)
    expect(re.test("XB")).toBe(false)
  })

  it("accepts patterns that are already anchored", () => {
    const re = compileLotNumberPattern("^L\\d+$")
    expect(re.test("L1")).toBe(true)
    expect(re.test("xL1")).toBe(false)
  })

  it("is case-insensitive", () => {
    const re = compileLotNumberPattern("LOT-[A-Z]+")
    expect(re.test("lot-abc")).toBe(true)
    expect(re.test("LOT-ABC")).toBe(true)
  })

  it("rejects invalid regular expressions", () => {
    expectTemplateError(() => compileLotNumberPattern("L(\\d+"), 'Lot-number pattern "L(\\d+" is not a valid regular expression')
    expectTemplateError(() => compileLotNumberPattern("[A-"), "not a valid regular expression")
    expectTemplateError(() => compileLotNumberPattern("*A"), "not a valid regular expression")
  })

  it("rejects sources that would only be valid once wrapped (anchor escape)", () => {
    // "^(?:A)|(B)$" would compile and match anything starting with A.
    expectTemplateError(() => compileLotNumberPattern("A)|(B"), "not a valid regular expression")
    expectTemplateError(() => compileLotNumberPattern("A)|(?:"), "not a valid regular expression")
  })

  it("refuses look-around and back-references, which the linear-time engine does not run", () => {
    expectTemplateError(() => compileLotNumberPattern("(?=L)L\\d+"), "look-around and back-references are not supported")
    expectTemplateError(() => compileLotNumberPattern("(A)\\1"), "not a valid regular expression")
  })

  it("answers catastrophic patterns at the longest lot number in linear time", () => {
    // With a backtracking engine each of these takes seconds at 25-30 characters, doubling per character.
    const longest = "A".repeat(MAX_LOT_NUMBER_LENGTH - 1) + "!"
    for (const pattern of ["([A-Z0-9]+-?)+", "(A+)+B", "(A|AA)+", "(A*)*B", "((A+)+)+C"]) {
      const started = process.hrtime.bigint()
      expect(checkLotNumberAgainstPattern(longest, pattern)).toMatch(/does not match/)
      // Far below a second; a bound this loose only fails if matching turned exponential again.
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(250)
    }
  })

  it("rejects empty and over-long patterns", () => {
    expectTemplateError(() => compileLotNumberPattern(""), "empty")
    expect(() => compileLotNumberPattern("A".repeat(200))).not.toThrow()
    expectTemplateError(() => compileLotNumberPattern("A".repeat(201)), "201 characters long; the maximum is 200")
  })

  it("returns null when there is no pattern", () => {
    expect(checkLotNumberAgainstPattern("anything", null)).toBeNull()
    expect(checkLotNumberAgainstPattern("anything", undefined)).toBeNull()
    expect(checkLotNumberAgainstPattern("anything", "")).toBeNull()
  })

  it("returns null when the lot number matches, case-insensitively", () => {
    expect(checkLotNumberAgainstPattern("yog-500-261125-001", "[A-Z0-9-]+-\\d{6}-\\d{3}")).toBeNull()
  })

  it("returns a merchant-readable message on mismatch", () => {
    expect(checkLotNumberAgainstPattern("abc", "L\\d{4}")).toBe(
      'Lot number "abc" does not match this item\'s lot-number pattern ^L\\d{4}$'
    )
    expect(checkLotNumberAgainstPattern("xL1234", "^L\\d{4}$")).toBe(
      'Lot number "xL1234" does not match this item\'s lot-number pattern ^L\\d{4}$'
    )
  })

  it("throws for an invalid pattern rather than silently accepting", () => {
    expect(() => checkLotNumberAgainstPattern("A", "(")).toThrow(LotNumberTemplateError)
  })
})

describe("normalizeLotNumber", () => {
  it("trims, collapses whitespace and uppercases", () => {
    expect(normalizeLotNumber("  lot  a\t\n12 ")).toBe("LOT A 12")
    expect(normalizeLotNumber("yog-500-261125-001")).toBe("YOG-500-261125-001")
    expect(normalizeLotNumber("   ")).toBe("")
  })

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const once = normalizeLotNumber(raw)
        expect(normalizeLotNumber(once)).toBe(once)
      })
    )
  })
})

describe("property: default template", () => {
  it("renders numbers that start with the sequence-key prefix and are distinct per sequence", () => {
    const template = "{SKU}-{YYMMDD}-{SEQ:3}"
    const dateArb = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
    const skuArb = fc.option(fc.string({ maxLength: 40 }), { nil: undefined })
    const seqArb = fc.integer({ min: 1, max: 10_000_000 })

    fc.assert(
      fc.property(skuArb, dateArb, seqArb, seqArb, (sku, date, seqA, seqB) => {
        const context: LotNumberContext = { sku, date }
        const key = lotNumberSequenceKey(template, context)
        expect(key.endsWith("{SEQ}")).toBe(true)
        const prefix = key.replace("{SEQ}", "")

        const a = renderLotNumber(template, context, seqA)
        const b = renderLotNumber(template, context, seqB)
        expect(a.startsWith(prefix)).toBe(true)
        expect(b.startsWith(prefix)).toBe(true)
        expect(a === b).toBe(seqA === seqB)
      })
    )
  })
})
