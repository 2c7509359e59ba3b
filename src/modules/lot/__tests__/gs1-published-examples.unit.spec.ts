// GS1's own test vectors (sources named in gs1-published-examples.ts), read by our parser.
import { lint } from "../domain/gs1-linters"
import { AI_CONTENT, ASSOCIATIONS, BRACKETED, DIGITAL_LINKS, ELEMENT_STRINGS, LINTERS } from "./gs1-published-examples"
import { GS, NOW, errorOf, gs1 } from "./gs1-fixtures"

/** GS1's "^" notation as a scanner sends it: FNC1 first is the GS1-128 symbology id, later GS. */
const scanned = (caret: string) => `]C1${caret.slice(1).replace(/\^/g, GS)}`
const aisAndValues = (input: string) => gs1(input).elements.map(({ ai, value }) => [ai, value])

describe("GS1 linter vectors (gs1-syntax-dictionary src/lint_*.c)", () => {
  describe.each(Object.entries(LINTERS))("%s", (name, { pass, fail }) => {
    it.each(pass)("passes %j", (data) => {
      expect(lint(name, data, NOW)).toBeNull()
    })
    it.each(fail)("fails %j", (data) => {
      expect(lint(name, data, NOW)).toMatchObject({ code: expect.stringMatching(/^(check_digit|invalid_date|invalid_value)$/) })
    })
  })
})

describe("GS1 element strings (gs1-syntax-engine ai.c)", () => {
  it.each(ELEMENT_STRINGS.valid)("reads %j", (caret) => {
    expect(gs1(scanned(caret)).elements.length).toBeGreaterThan(0)
  })
  it.each(ELEMENT_STRINGS.invalid)("refuses %j", (caret) => {
    expect(errorOf(scanned(caret)).code).not.toBe("internal")
  })
})

describe("GS1 bracketed form (gs1-syntax-engine ai.c)", () => {
  it.each(BRACKETED.valid)("reads %j", (text) => {
    expect(gs1(text).elements.length).toBeGreaterThan(0)
  })
  it.each(BRACKETED.invalid)("refuses %j", (text) => {
    expect(errorOf(text).code).not.toBe("internal")
  })
})

describe("GS1 content checks on real AIs (gs1-syntax-engine ai.c test_ai_linters)", () => {
  it.each(AI_CONTENT.valid)("reads %j", (text) => {
    expect(gs1(text).elements.length).toBeGreaterThan(0)
  })
  // "(10) " is an empty lot to us: the bracketed form ignores spaces around data.
  it.each(AI_CONTENT.invalid)("refuses %j", (text) => {
    expect(errorOf(text).code).toMatch(/^(not_numeric|invalid_character|check_digit|invalid_date|invalid_value|wrong_length|empty_value)$/)
  })
})

describe("GS1 association rules (gs1-syntax-engine ai.c test_ai_validateAIs)", () => {
  it.each(ASSOCIATIONS.excluded)("refuses the pair in %j, whatever the policy", (text) => {
    expect(errorOf(text).code).toBe("conflicting_ai")
    expect(errorOf(text, { associations: "strict" }).code).toBe("conflicting_ai")
  })
  it.each(ASSOCIATIONS.unmet)("refuses %j when strict, reads it with a warning when lenient", (text) => {
    expect(errorOf(text, { associations: "strict" }).code).toBe("missing_ai")
    expect(gs1(text).warnings?.[0]).toMatchObject({ code: "missing_ai" })
  })
  it.each(ASSOCIATIONS.met)("reads %j without a warning, even when strict", (text) => {
    expect(gs1(text, { associations: "strict" }).warnings).toBeUndefined()
  })
})

describe("GS1 Digital Link (gs1-syntax-engine dl.c, with the GS1 Digital Link standard's examples)", () => {
  it.each(DIGITAL_LINKS.valid)("reads %s as %s", (uri, bracketed) => {
    expect(aisAndValues(uri)).toEqual(aisAndValues(bracketed))
  })
  it.each(DIGITAL_LINKS.invalid)("refuses %j", (uri) => {
    expect(errorOf(uri).code).not.toBe("internal")
  })
})
