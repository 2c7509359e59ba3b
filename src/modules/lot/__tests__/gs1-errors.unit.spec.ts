import { MAX_SCAN_LENGTH } from "../domain/gs1"
import { DOMAIN_EXAMPLE, GS, errorOf, gs1, parse } from "./gs1-fixtures"

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
    expect(gs1("(01)09506000134352(3103)001250(3103)001250").elements).toHaveLength(2)
    expect(errorOf("(01)09506000134352(3103)001250(3103)001251")).toMatchObject({ code: "duplicate_ai", ai: "3103" })
  })

  it("refuses one net weight written with two decimal positions: GS1 excludes 310n with another 310n", () => {
    expect(errorOf("(01)09506000134352(3102)000125(3103)001250")).toMatchObject({
      code: "conflicting_ai",
      ai: "3103",
      message: "AI (3103) at position 30: cannot be combined with (3102) in one scan",
    })
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
