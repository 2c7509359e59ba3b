import { fitTokens, wrapTokens } from "../wrap"

// Every character one unit wide per point of size: "abc" at size 2 is 6 wide.
const measure = (text: string, size: number) => text.length * size

describe("laying label text out without breaking a token", () => {
  it("fills lines greedily with whole tokens", () => {
    expect(wrapTokens(["Greek", "yogurt", "500", "g"], " ", measure, 1, 12, 2)).toEqual(["Greek yogurt", "500 g"])
  })

  it("does not fit a token wider than a line, nor more lines than allowed", () => {
    expect(wrapTokens(["(01)09506000134352", "(10)L1"], "", measure, 1, 10, 3)).toBeNull()
    expect(wrapTokens(["aa", "bb", "cc"], " ", measure, 1, 2, 2)).toBeNull()
  })

  it("joins elements of the human-readable line without a space, and breaks only between them", () => {
    expect(wrapTokens(["(01)09506000134352", "(17)270331", "(10)A(1)B"], "", measure, 1, 20, 3)).toEqual([
      "(01)09506000134352",
      "(17)270331(10)A(1)B",
    ])
  })

  it("sets the text smaller until every token fits whole", () => {
    expect(fitTokens(["(01)09506000134352", "(10)LOT-7"], "", measure, { max: 2, min: 0.5, width: 20, maxLines: 2 })).toEqual({
      lines: ["(01)09506000134352", "(10)LOT-7"],
      size: 1,
    })
  })

  it("below the smallest size gives each token its own line, as many as there are lines", () => {
    expect(fitTokens(["Supercalifragilistic", "yogurt", "deluxe"], " ", measure, { max: 2, min: 1, width: 10, maxLines: 2 })).toEqual({
      lines: ["Supercalifragilistic", "yogurt"],
      size: 1,
    })
  })
})
