import { errorOf, gs1 } from "./gs1-fixtures"

const GTIN = "09506000134352"

describe("GS1 association rules: AIs that need others, and AIs that exclude each other", () => {
  it("reads an AI without its required partners by default, with a warning naming them", () => {
    const lotOnly = gs1("]C1" + "10500")
    expect(lotOnly.lot).toBe("500")
    expect(lotOnly.warnings).toEqual([
      {
        code: "missing_ai",
        ai: "10",
        position: 0,
        message: "AI (10) at position 0: GS1 requires (01), (02), (03), (8006) or (8026) with it",
      },
    ])
    expect(gs1(`(01)${GTIN}(10)500`).warnings).toBeUndefined()
  })

  it("refuses it with associations: \"strict\", in the same words", () => {
    expect(errorOf("]C1" + "10500", { associations: "strict" })).toMatchObject({
      code: "missing_ai",
      ai: "10",
      position: 0,
      message: "AI (10) at position 0: GS1 requires (01), (02), (03), (8006) or (8026) with it",
    })
  })

  it("reports each requirement that fails, groups of AIs included", () => {
    expect(gs1(`(01)${GTIN}(250)SEC-1`).warnings?.map(({ message }) => message)).toEqual([
      "AI (250) at position 18: GS1 requires (21) with it",
    ])
    expect(gs1(`(01)${GTIN}(8030)DIGSIG`).warnings?.[0].message).toBe(
      "AI (8030) at position 18: GS1 requires (00), (01) + (21), (253), (255), (8003), (8004), (8006) + (21), (8010) + (8011), (8017) or (8018) with it"
    )
    expect(gs1(`(01)${GTIN}(21)S1(8030)DIGSIG`).warnings).toBeUndefined()
  })

  it("refuses AIs that exclude each other whatever the policy, naming the later one", () => {
    for (const associations of ["lenient", "strict"] as const) {
      expect(errorOf(`(01)${GTIN}(37)12`, { associations })).toMatchObject({
        code: "conflicting_ai",
        ai: "37",
        message: "AI (37) at position 18: cannot be combined with (01) in one scan",
      })
    }
    expect(errorOf(`(37)12(01)${GTIN}`)).toMatchObject({ code: "conflicting_ai", ai: "01" })
    expect(errorOf(`https://example.com/01/${GTIN}?37=12`)).toMatchObject({ code: "conflicting_ai", ai: "37" })
  })

  it("does not let an AI exclude itself through its own pattern", () => {
    expect(gs1(`(01)${GTIN}(3103)001250(3103)001250`).net_weight_kg).toBe(1.25)
  })

  it("refuses an unknown policy", () => {
    expect(errorOf("L1", { associations: "loose" as "strict" })).toMatchObject({ code: "invalid_option" })
  })
})
