import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { aiEntry } from "../domain/gs1-ai"
import { AI_ENTRIES, GS1_SYNTAX_DICTIONARY } from "../domain/gs1-ai-table"
import { lint } from "../domain/gs1-linters"
import { NOW, errorOf, gs1 } from "./gs1-fixtures"

const ROOT = join(__dirname, "..", "..", "..", "..")
const DICTIONARY = join(ROOT, "scripts/gs1/gs1-syntax-dictionary.txt")
const GTIN = "09506000134352"

/** The AIs of the dictionary file, read here independently of the generator: first column, ranges expanded. */
function dictionaryAis(): string[] {
  return readFileSync(DICTIONARY, "utf8")
    .split("\n")
    .filter((line) => /^\d/.test(line))
    .flatMap((line) => {
      const [first, last = first] = line.split(/\s/)[0].split("-")
      return Array.from({ length: Number(last) - Number(first) + 1 }, (_, k) => String(Number(first) + k).padStart(first.length, "0"))
    })
}

describe("the AI table generated from GS1's Barcode Syntax Dictionary", () => {
  it("is what scripts/gs1/generate-ai-table.mjs makes of the dictionary file, release 2026-01-27", () => {
    const check = spawnSync(process.execPath, [join(ROOT, "scripts/gs1/generate-ai-table.mjs"), "--check"], { encoding: "utf8" })
    expect(check.stderr).toBe("")
    expect(check.status).toBe(0)
    expect(GS1_SYNTAX_DICTIONARY).toEqual({
      release: "2026-01-27",
      source: "https://github.com/gs1/gs1-syntax-dictionary/blob/2026-01-27/gs1-syntax-dictionary.txt",
    })
    expect(readFileSync(DICTIONARY, "utf8")).toContain("# Release: 2026-01-27")
  })

  it("holds every AI of the dictionary, once", () => {
    const ais = AI_ENTRIES.map((entry) => entry.ai)
    expect(new Set(ais).size).toBe(ais.length)
    expect(ais).toEqual(dictionaryAis())
    expect(ais.length).toBe(541)
  })

  it("names only content checks gs1-linters.ts knows", () => {
    const names = new Set(AI_ENTRIES.flatMap((entry) => entry.components.flatMap((component) => component.linters ?? [])))
    for (const name of names) {
      expect(() => lint(name, "0", NOW)).not.toThrow()
    }
    expect(() => lint("no-such-linter", "0", NOW)).toThrow(/not known/)
  })

  it("keeps the dictionary's formats, key qualifiers and association rules", () => {
    expect(aiEntry("8006")).toMatchObject({
      components: [
        { cset: "N", min: 14, max: 14, linters: ["csum", "gcppos2"] },
        { cset: "N", min: 4, max: 4, linters: ["pieceoftotal"] },
      ],
      dlQualifiers: [["22", "10", "21"]],
    })
    expect(aiEntry("253")?.components[1]).toEqual({ cset: "X", min: 1, max: 17, optional: true })
    expect(aiEntry("01")).toMatchObject({ predefined: true, dlAttribute: true, ex: ["255", "37"], dlQualifiers: [["22", "10", "21"], ["235"]] })
    expect(aiEntry("414")?.dlQualifiers).toEqual([["254"], ["7040"]])
    expect(aiEntry("00")?.dlQualifiers).toEqual([])
    expect(aiEntry("3922")?.req).toEqual([[["01"]], [["30"], ["31nn"], ["32nn"], ["35nn"], ["36nn"]]])
    expect(aiEntry("8030")?.req?.[0]).toContainEqual(["01", "21"])
    expect(aiEntry("21")?.dlAttribute).toBeUndefined()
  })
})

describe("AIs a scan of today's labels may carry", () => {
  it("reads (235), (3922) and (3923), refused before", () => {
    expect(gs1(`(01)${GTIN}(235)TPX-1`).elements[1]).toEqual({ ai: "235", value: "TPX-1", raw: "TPX-1" })
    const priced = gs1(`(01)${GTIN}(3103)001250(3922)0299`)
    expect(priced.elements.map(({ ai, value }) => [ai, value])).toEqual([
      ["01", GTIN],
      ["3103", "1.25"],
      ["3922", "2.99"],
    ])
    expect(gs1(`(01)${GTIN}(3103)001250(3923)2990`).elements[2]).toEqual({ ai: "3923", value: "2.99", raw: "2990" })
    // (393n) adds an ISO 4217 currency before the price: two parts, kept as scanned
    expect(gs1(`(01)${GTIN}(3103)001250(3932)978299`).elements[2]).toEqual({ ai: "3932", value: "978299", raw: "978299" })
  })

  it("reads the newest AIs of the release: (717), (7041), (8040)-(8043)", () => {
    expect(gs1(`(01)${GTIN}(717)SRN-1`).elements).toHaveLength(2)
    expect(gs1("(00)106141412345678908(7041)BX").elements).toHaveLength(2)
    expect(gs1(`(01)${GTIN}(21)S1(8040)490154203237518`).elements).toHaveLength(3)
  })

  it("places the decimal point of measures, amounts and prices exactly, however many digits", () => {
    const value = (scan: string) => gs1(scan).elements[1].value
    expect(value(`(01)${GTIN}(3100)000042`)).toBe("42")
    expect(value(`(01)${GTIN}(3205)123456`)).toBe("1.23456")
    expect(value(`(01)${GTIN}(3925)12599`)).toBe("0.12599")
    expect(value(`(01)${GTIN}(3902)123456789012345`)).toBe("1234567890123.45")
    expect(value(`(01)${GTIN}(3940)0150`)).toBe("150")
  })

  it("applies each date AI's own rule: day 00 only where GS1 allows it, hours and minutes that exist", () => {
    expect(gs1(`(01)${GTIN}(11)261200`).production_date).toBe("2026-12-31")
    expect(errorOf(`(01)${GTIN}(7006)261200`)).toMatchObject({ code: "invalid_date", ai: "7006" })
    expect(gs1(`(01)${GTIN}(7006)261201`).elements[1].value).toBe("2026-12-01")
    expect(gs1(`(01)${GTIN}(7003)2612310830`).elements[1].value).toBe("2612310830")
    expect(errorOf(`(01)${GTIN}(7003)2612312400`)).toMatchObject({ code: "invalid_date", ai: "7003" })
    expect(errorOf(`(01)${GTIN}(8008)26123108` + "60")).toMatchObject({ code: "invalid_date", ai: "8008" })
    expect(gs1("(8018)123456789012345675(7250)19991231").elements[1].value).toBe("1999-12-31")
  })

  it("checks every component of a multi-part AI and names the failing part", () => {
    expect(errorOf("(8006)0950600013435x0102")).toMatchObject({
      code: "not_numeric",
      message: 'AI (8006) at position 0: ITIP must be digits (characters 1–14), got "0950600013435x"',
    })
    expect(errorOf("(7007)261201261")).toMatchObject({ code: "wrong_length", message: 'AI (7007) at position 0: expected 6 or 12 digits for the HARVEST DATE, got 9 ("261201261")' })
    expect(errorOf("(8026)095060001343520302")).toMatchObject({ code: "invalid_value", ai: "8026" })
    expect(errorOf("(8010)12345ab")).toMatchObject({ code: "invalid_character", message: expect.stringContaining("GS1 character set 39") })
  })
})
