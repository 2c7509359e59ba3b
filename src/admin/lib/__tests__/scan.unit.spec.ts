import { scanProblem } from "../scan"

describe("scanProblem", () => {
  it("is null for scans the parser reads: plain lot numbers, element strings, Digital Links", () => {
    expect(scanProblem("L2403-A")).toBeNull()
    expect(scanProblem("(01)09506000134352(17)261231(10)abc123")).toBeNull()
    expect(scanProblem("]d20109506000134352" + "10ABC123\u001d" + "21SN42")).toBeNull()
    expect(scanProblem("https://example.com/01/09506000134352/10/ABC123?17=261231")).toBeNull()
  })

  it("names the AI and the kind of problem of a GTIN with a wrong check digit or length", () => {
    expect(scanProblem("(01)09506000134353(10)ABC")).toMatchObject({ code: "check_digit", ai: "01" })
    expect(scanProblem("(01)0950600013435(10)ABC")).toMatchObject({ code: "wrong_length", ai: "01" })
    expect(scanProblem("https://id.gs1.org/01/09506000134354/10/ABC")).toMatchObject({ code: "check_digit", ai: "01" })
  })

  it("names other problems too", () => {
    expect(scanProblem("   ")).toMatchObject({ code: "empty" })
    expect(scanProblem("(01)09506000134352(17)261332")).toMatchObject({ code: "invalid_date", ai: "17" })
  })
})
