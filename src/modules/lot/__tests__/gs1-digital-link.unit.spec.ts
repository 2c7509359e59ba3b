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
    expect(gs1("https://h.io/01/09506000134352/10/A+B").lot).toBe("A+B") // in the path "+" is data
    expect(errorOf("https://h.io/01/09506000134352?99=A+B")).toMatchObject({ code: "invalid_character", ai: "99" }) // in the query a space
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
    expect(errorOf("https://example.com/01/09506000134352?89=ABC123")).toMatchObject({ code: "unknown_ai", ai: "89" })
    expect(errorOf("https://example.com/01/09506000134352/10/A?10=B")).toMatchObject({ code: "duplicate_ai", ai: "10" })
  })
})

describe("GS1 Digital Link URI rules", () => {
  const GTIN = "09506000134352"

  it("takes the scheme in lower case, or all in capitals as QR Codes write it, and nothing in between", () => {
    expect(gs1(`HTTPS://example.com/01/${GTIN}`).gtin).toBe(GTIN)
    expect(gs1(`http://example.com/01/${GTIN}`).gtin).toBe(GTIN)
    for (const scheme of ["HtTp", "hTTPS", "Https"]) {
      expect(errorOf(`${scheme}://example.com/01/${GTIN}`)).toMatchObject({ code: "invalid_link", position: 0 })
    }
  })

  it("refuses a key qualifier in the query: it belongs in the path", () => {
    expect(errorOf(`https://example.com/01/${GTIN}?10=ABC`)).toMatchObject({
      code: "invalid_qualifier",
      ai: "10",
      position: 2,
      message: "AI (10) in query parameter 10: a key qualifier of (01) belongs in the path (…/10/…), not in the query",
    })
    expect(errorOf(`https://example.com/01/${GTIN}/10/ABC?21=S1`)).toMatchObject({ code: "invalid_qualifier", ai: "21" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/ABC?22=V1`)).toMatchObject({ code: "invalid_qualifier", ai: "22" })
    // (10) is no qualifier of an SSCC, so there it is a data attribute
    expect(gs1("https://example.com/00/106141412345678908?02=09506000134352&37=12&10=ABC").lot).toBe("ABC")
  })

  it("refuses qualifiers out of the key's order, mixed from two of its lists, or not its own", () => {
    expect(errorOf(`https://example.com/01/${GTIN}/21/S1/10/ABC`)).toMatchObject({
      code: "invalid_qualifier",
      ai: "10",
      position: 4,
      message: "AI (10) in path segment 4: out of order; after (01) the path may hold (22) (10) (21), or (235) — in that order, left out as needed",
    })
    expect(errorOf(`https://example.com/01/${GTIN}/10/ABC/22/V1`)).toMatchObject({ code: "invalid_qualifier", ai: "22" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/ABC/235/X1`)).toMatchObject({ code: "invalid_qualifier", ai: "235" })
    expect(errorOf("https://example.com/414/9506000134352/10/ABC")).toMatchObject({
      code: "invalid_qualifier",
      message: "AI (10) in path segment 2: not a key qualifier of (414); after (414) the path may hold (254), or (7040) — in that order, left out as needed",
    })
    expect(errorOf("https://example.com/00/106141412345678908/10/ABC").message).toMatch(/\(00\) takes no key qualifiers$/)
  })

  it("refuses the same AI twice, even with the same value", () => {
    expect(errorOf(`https://example.com/01/${GTIN}/10/ABC?10=ABC`)).toMatchObject({ code: "duplicate_ai", ai: "10", position: 4 })
    expect(errorOf(`https://example.com/01/${GTIN}?17=261231&17=261231`)).toMatchObject({ code: "duplicate_ai", ai: "17" })
  })

  it("refuses in the query an AI GS1 does not allow as a data attribute", () => {
    expect(errorOf("https://example.com/00/106141412345678908?235=X1")).toMatchObject({ code: "not_data_attribute", ai: "235" })
  })

  it("decodes percent-encoding by RFC 3986, and '+' as a space only in the query", () => {
    expect(gs1(`https://example.com/01/${GTIN}/10/A%2bB%2Fc`).lot).toBe("A+B/c")
    expect(gs1(`https://example.com/01/${GTIN}?99=A%2BB`).elements[1]).toEqual({ ai: "99", value: "A+B", raw: "A%2BB" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/A%2`)).toMatchObject({ code: "invalid_link", ai: "10" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/A%G1`)).toMatchObject({ code: "invalid_link", ai: "10" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/A%E9`)).toMatchObject({ code: "invalid_link", ai: "10" }) // not UTF-8
    expect(errorOf(`https://example.com/01/${GTIN}/10/%C3%A9`)).toMatchObject({ code: "invalid_character", ai: "10" }) // é
  })

  it("refuses characters a URI cannot hold unencoded, and empty path segments", () => {
    expect(errorOf(`https://example.com/01/${GTIN}/10/A B`)).toMatchObject({ code: "invalid_link" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/Lé`)).toMatchObject({ code: "invalid_link" })
    expect(errorOf(`https://example.com/01/${GTIN}/10/ABC/`)).toMatchObject({ code: "invalid_link", position: 4 })
  })
})
