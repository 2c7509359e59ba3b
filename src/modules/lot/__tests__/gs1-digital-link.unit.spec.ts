import { errorOf, fields, gs1 } from "./gs1-fixtures"

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
