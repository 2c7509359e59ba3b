import {
  countryCodeProblem,
  describeSupplier,
  ffrnProblem,
  glnProblem,
  phoneProblem,
  supplierDetails,
  supplierSourceReference,
  supplierUrlProblem,
} from "../domain/lot-supplier"
import { defaultTlcAssignedBy, receiptTlc, receiptTlcProblems } from "../domain/receipt-tlc"

describe("supplier identifiers", () => {
  it("accepts a GLN with a right GS1 check digit and names the right digit when it is wrong", () => {
    expect(glnProblem("0614141000005")).toBeNull()
    expect(glnProblem("4012345000009")).toBeNull()
    expect(glnProblem("0614141000006")).toBe(
      "gln 0614141000006 has a wrong check digit: a GLN starting 061414100000 ends in 5; check the number on the supplier's documents"
    )
    for (const bad of ["061414100000", "06141410000051", "061414100000A", ""]) {
      expect(glnProblem(bad)).toMatch(/exactly 13 digits/)
    }
  })

  it("accepts an FDA Food Facility Registration Number of 11 digits only", () => {
    expect(ffrnProblem("12345678901")).toBeNull()
    for (const bad of ["1234567890", "123456789012", "1234567890a"]) {
      expect(ffrnProblem(bad)).toMatch(/exactly 11 digits/)
    }
  })

  it("accepts web addresses an auditor can open, phone numbers and two-letter countries", () => {
    expect(supplierUrlProblem("https://alpine-dairy.example/tlc")).toBeNull()
    expect(supplierUrlProblem("http://farm.example")).toBeNull()
    for (const bad of ["javascript:alert(1)", "ftp://farm.example", "farm.example", "https://localhost"]) {
      expect(supplierUrlProblem(bad)).toMatch(/web address/)
    }
    expect(phoneProblem("+1 (555) 010-2030")).toBeNull()
    expect(phoneProblem("12")).toMatch(/phone number/)
    expect(phoneProblem("call Anna")).toMatch(/phone number/)
    expect(countryCodeProblem("us")).toBeNull()
    expect(countryCodeProblem("USA")).toMatch(/two-letter/)
  })
})

describe("supplier as a location description", () => {
  const supplier = {
    name: " Alpine Dairy ",
    address_1: "Bergweg 2",
    address_2: "",
    postal_code: "6020",
    city: "Innsbruck",
    province: "Tirol",
    country_code: "at",
    phone: "+43 512 1",
    gln: "0614141000005",
    ffrn: null,
    url: "https://alpine-dairy.example",
  }

  it("keeps only the fields with a value", () => {
    expect(supplierDetails(supplier)).toEqual({
      name: "Alpine Dairy",
      address_1: "Bergweg 2",
      postal_code: "6020",
      city: "Innsbruck",
      province: "Tirol",
      country_code: "at",
      phone: "+43 512 1",
      gln: "0614141000005",
      url: "https://alpine-dairy.example",
    })
  })

  it("writes name, address and phone, and the labelled references", () => {
    expect(describeSupplier(supplier)).toBe("Alpine Dairy, Bergweg 2, 6020 Innsbruck, Tirol, AT, phone +43 512 1")
    expect(supplierSourceReference(supplier)).toBe("GLN 0614141000005; URL https://alpine-dairy.example")
    expect(supplierSourceReference({ name: "X", ffrn: "12345678901" })).toBe("FDA FFRN 12345678901")
    expect(supplierSourceReference({ name: "X" })).toBe("")
  })
})

describe("receipt traceability lot code facts", () => {
  it("defaults the assigner: the supplier when it is named and its code typed, else the receiver", () => {
    expect(defaultTlcAssignedBy({ supplier_id: "lotsup_1", lot_number: "AD-77" })).toBe("supplier")
    expect(defaultTlcAssignedBy({ supplier: "Alpine Dairy", lot_number: "AD-77" })).toBe("supplier")
    expect(defaultTlcAssignedBy({ supplier_id: "lotsup_1" })).toBe("receiver")
    expect(defaultTlcAssignedBy({ lot_number: "OWN-1" })).toBe("receiver")
    expect(defaultTlcAssignedBy({ lot_id: "lot_1", supplier_id: "lotsup_1", lot_number: "AD-77" })).toBeNull()
    expect(receiptTlc({ supplier_id: "lotsup_1", exempt_source: true })).toEqual({ exempt_source: true, tlc_assigned_by: "receiver" })
    expect(receiptTlc({ supplier: "Farm", lot_number: "F-1", tlc_assigned_by: "receiver" })).toEqual({ exempt_source: false, tlc_assigned_by: "receiver" })
  })

  it("refuses a supplier-assigned code without a supplier or with a generated number, an unnamed exempt source and two supplier fields", () => {
    expect(receiptTlcProblems({ supplier_id: "lotsup_1", lot_number: "AD-77", tlc_assigned_by: "supplier" })).toEqual([])
    expect(receiptTlcProblems({ lot_number: "AD-77", tlc_assigned_by: "supplier" })).toEqual([
      expect.stringContaining("no supplier is named"),
    ])
    expect(receiptTlcProblems({ supplier_id: "lotsup_1", tlc_assigned_by: "supplier" })).toEqual([
      expect.stringContaining("one would be generated here"),
    ])
    expect(receiptTlcProblems({ exempt_source: true, lot_number: "X" })).toEqual([expect.stringContaining("exempt source must name")])
    expect(receiptTlcProblems({ supplier_id: "lotsup_1", supplier: "Typed" })).toEqual([expect.stringContaining("not both")])
  })
})
