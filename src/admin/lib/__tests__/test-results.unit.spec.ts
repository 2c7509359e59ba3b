import { emptyTestResultRow, testResultsOf } from "../test-results"

describe("test results typed in a release or rejection", () => {
  it("sends the filled rows trimmed, with a verdict only where one was chosen", () => {
    expect(
      testResultsOf([
        { name: " Listeria ", result: "Not detected ", outcome: "passed" },
        { name: "pH", result: "4.2", outcome: "" },
        { name: "Yeasts", result: "> 10⁴ cfu/g", outcome: "failed" },
      ])
    ).toEqual({
      results: [
        { name: "Listeria", result: "Not detected", passed: true },
        { name: "pH", result: "4.2" },
        { name: "Yeasts", result: "> 10⁴ cfu/g", passed: false },
      ],
    })
  })

  it("leaves blank rows out", () => {
    expect(testResultsOf([emptyTestResultRow(), { name: "  ", result: "", outcome: "" }])).toEqual({ results: [] })
  })

  it("names the first row that has a test without a result, or a verdict without a test", () => {
    expect(testResultsOf([{ name: "pH", result: "4.2", outcome: "" }, { name: "Listeria", result: " ", outcome: "" }]).problem).toBe(
      "Test 2: give both the test and its result, or clear the row."
    )
    expect(testResultsOf([emptyTestResultRow(), { name: "", result: "", outcome: "passed" }]).problem).toMatch(/^Test 2:/)
  })
})
