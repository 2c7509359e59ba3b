import { lotNumberFromScan } from "../scan"

describe("lotNumberFromScan", () => {
  it("takes a typed lot number as is, upper-cased and trimmed", () => {
    expect(lotNumberFromScan("  l2403-a ")).toBe("L2403-A")
    expect(lotNumberFromScan("   ")).toBeNull()
  })

  it("reads AI (10) from a bracketed GS1 element string", () => {
    expect(lotNumberFromScan("(01)09506000134352(17)261231(10)abc123")).toBe("ABC123")
    expect(lotNumberFromScan("(01)09506000134352(10)ABC123(21)SN9")).toBe("ABC123")
    expect(lotNumberFromScan("(01)09506000134352(17)261231")).toBeNull()
  })

  it("reads AI (10) from a raw scan with a symbology id and GS separators", () => {
    expect(lotNumberFromScan("]C1010950600013435217261231" + "10ABC123")).toBe("ABC123")
    expect(lotNumberFromScan("]d20109506000134352" + "10ABC123\u001d" + "21SN42")).toBe("ABC123")
    expect(lotNumberFromScan("0109506000134352" + "21SN42\u001d" + "10L2403-A")).toBe("L2403-A")
  })

  it("reads the lot from a GS1 Digital Link URL", () => {
    expect(lotNumberFromScan("https://example.com/01/09506000134352/10/ABC123?17=261231")).toBe("ABC123")
    expect(lotNumberFromScan("https://example.com/01/09506000134352")).toBeNull()
  })

  it("does not mistake a lot number that happens to be digits for a GS1 string", () => {
    expect(lotNumberFromScan("PA261105")).toBe("PA261105")
    expect(lotNumberFromScan("10500")).toBe("10500")
  })
})
