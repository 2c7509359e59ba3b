import fc from "fast-check"
import { Gs1ParseError, ScanResult, buildElementString, gtinCheckDigit, isValidGtin, parseGs1Scan } from "../domain/gs1"
import type { AiComponent } from "../domain/gs1-ai"
import { AI_ENTRIES } from "../domain/gs1-ai-table"
import { GS, NOW, errorOf, gs1 } from "./gs1-fixtures"

const RUNS = { random: 3000, structured: 5000, mutated: 3000, roundTrip: 1000, bracketed: 500, flip: 1000, flipOtherForms: 500, table: 3000 }
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
const CSET_CHARS = {
  N: "0123456789".split(""),
  X: CSET82_CHARS.filter((char) => char !== "("), // so no data reads as the next bracketed AI
  Y: "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".split(""),
  Z: "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".split(""),
}
/** Data of the right character sets and lengths for an AI's components; optional ones maybe left out. */
const componentsDataArb = (components: readonly AiComponent[]) =>
  fc.tuple(
    fc.nat(components.length),
    ...components.map(({ cset, min, max }) => fc.string({ unit: fc.constantFrom(...CSET_CHARS[cset]), minLength: min, maxLength: max }))
  ).map(([cut, ...parts]) => parts.slice(0, Math.max(cut, components.filter((component) => !component.optional).length)).join(""))
const tableDataArb = fc.constantFrom(...AI_ENTRIES).chain((entry) => componentsDataArb(entry.components).map((data) => ({ entry, data })))
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

  it(`takes any AI's data of the right characters and lengths, or refuses it only for GS1's content rules, alike in both forms (${RUNS.table} runs)`, () => {
    fc.assert(
      fc.property(tableDataArb, ({ entry, data }) => {
        const forms = [`(${entry.ai})${data}`, `]C1${entry.ai}${data}`]
        const outcomes = forms.map((scan) => {
          try {
            const [element] = gs1(scan).elements
            return { read: element }
          } catch (error) {
            expect(error).toBeInstanceOf(Gs1ParseError)
            return { refused: (error as Gs1ParseError).code }
          }
        })
        expect(outcomes[1]).toEqual(outcomes[0])
        if ("read" in outcomes[0]) {
          expect(outcomes[0].read).toMatchObject({ ai: entry.ai, raw: data })
        } else {
          expect(["check_digit", "invalid_date", "invalid_value", "not_numeric"]).toContain(outcomes[0].refused)
        }
      }),
      { numRuns: RUNS.table }
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
