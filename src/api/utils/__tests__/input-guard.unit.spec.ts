import { findInputProblem, MAX_INPUT_DEPTH } from "../input-guard"

describe("findInputProblem", () => {
  it("names the field, query parameter or address holding a control character", () => {
    expect(findInputProblem({ body: { lot: { notes: "a\u0000b" } } })).toEqual({
      part: "body", field: "lot.notes", problem: "contains a control character (U+0000), which is not allowed",
    })
    expect(findInputProblem({ query: { q: ["ok", "x\u001b"] } })).toMatchObject({ part: "query", field: "q[1]", problem: expect.stringContaining("U+001B") })
    expect(findInputProblem({ params: { id: "lot_\u0000" } })).toMatchObject({ part: "address", field: "id" })
    expect(findInputProblem({ body: { metadata: { "k\u0000": 1 } } })).toMatchObject({ part: "body", field: "metadata", problem: expect.stringContaining("key") })
  })

  it("lets tab, line feed, carriage return and a scanner's group separator through in a body, not in a query", () => {
    expect(findInputProblem({ body: { notes: "line 1\r\nline 2\tend", code: "0109506000134352\u001d10LOT" }, query: { q: "YOG" }, params: { id: "lot_1" } })).toBeNull()
    expect(findInputProblem({ query: { q: "YOG\n" } })).toMatchObject({ part: "query", field: "q" })
  })

  it("answers nesting far past the limit without overflowing the stack", () => {
    let deep: unknown = "leaf"
    for (let i = 0; i < 100_000; i++) deep = { d: deep }
    expect(findInputProblem({ body: { metadata: deep } })).toMatchObject({ part: "body", problem: `is nested more than ${MAX_INPUT_DEPTH} levels deep` })
    let fine: unknown = "leaf"
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) fine = { d: fine }
    expect(findInputProblem({ body: fine })).toBeNull()
  })
})
