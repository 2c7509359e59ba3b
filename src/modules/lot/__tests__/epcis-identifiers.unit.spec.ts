import {
  epcisBase,
  epcisOptions,
  lotClassUri,
  locationUri,
  merchantPartyUri,
  partyUri,
  serialInstanceUri,
} from "../domain/epcis-identifiers"
import { epcisUom, quantityElement } from "../domain/epcis-quantity"
import { parseGs1Scan } from "../domain/gs1"
import { Gs1BuildError } from "../domain/gs1-core"
import { writeDigitalLink } from "../domain/gs1-digital-link"
import { GTIN, identity } from "./epcis-fixtures"

const lot = (lot_number: string, gtin: string | null = GTIN) => ({ gtin, inventory_item_id: "iitem_yog", lot_number })

describe("GS1 Digital Link writer", () => {
  it("writes a key and qualifiers that our own reader reads back", () => {
    const uri = writeDigitalLink([
      { ai: "01", value: GTIN },
      { ai: "10", value: "AB/12%" },
      { ai: "21", value: "S=1(2)" },
    ])
    expect(uri).toBe("https://id.gs1.org/01/09506000134352/10/AB%2F12%25/21/S%3D1%282%29")
    expect(parseGs1Scan(uri)).toMatchObject({ gtin: GTIN, lot: "AB/12%", serial: "S=1(2)" })
    expect(writeDigitalLink([{ ai: "414", value: "0614141000005" }], "https://example.com/")).toBe("https://example.com/414/0614141000005")
  })

  it("refuses what GS1 refuses, naming the AI", () => {
    const refusal = (elements: Array<{ ai: string; value: string }>) => {
      try {
        writeDigitalLink(elements)
      } catch (error) {
        return error instanceof Gs1BuildError ? { field: error.field, message: error.message } : error
      }
      return null
    }
    expect(refusal([{ ai: "01", value: "09506000134353" }])).toMatchObject({ field: "01", message: expect.stringMatching(/check digit/i) })
    expect(refusal([{ ai: "01", value: GTIN }, { ai: "10", value: "X".repeat(21) }])).toMatchObject({ field: "10" })
    expect(refusal([{ ai: "01", value: GTIN }, { ai: "21", value: "S" }, { ai: "10", value: "L" }])).toMatchObject({ field: "10" })
    expect(refusal([])).toMatchObject({ message: expect.stringMatching(/no GS1 key/) })
  })
})

describe("EPCIS identifiers", () => {
  it("names a lot by its LGTIN as a canonical Digital Link, a GTIN-13 padded to 14 digits", () => {
    expect(lotClassUri(lot("YOG-0305"), identity)).toBe("https://id.gs1.org/01/09506000134352/10/YOG-0305")
    expect(lotClassUri(lot("L-1/2", "4006381333931"), identity)).toBe("https://id.gs1.org/01/04006381333931/10/L-1%2F2")
  })

  it("falls back to the merchant's base for an item without a valid GTIN or a lot number GS1 cannot carry", () => {
    expect(lotClassUri(lot("YOG-0305", null), identity)).toBe("https://shop.example.com/epcis/item/iitem_yog/lot/YOG-0305")
    expect(lotClassUri(lot("YOG-0305", "09506000134353"), identity)).toBe("https://shop.example.com/epcis/item/iitem_yog/lot/YOG-0305")
    const long = "L".repeat(21)
    expect(lotClassUri(lot(long), identity)).toBe(`https://shop.example.com/epcis/item/iitem_yog/lot/${long}`)
    expect(lotClassUri(lot("L 1"), identity)).toBe("https://shop.example.com/epcis/item/iitem_yog/lot/L%201") // a space is outside set 82
    expect(lotClassUri(lot("Ü/1"), identity)).toBe("https://shop.example.com/epcis/item/iitem_yog/lot/%C3%9C%2F1")
  })

  it("names a serialised unit by its SGTIN, without the lot", () => {
    expect(serialInstanceUri({ gtin: GTIN, inventory_item_id: "iitem_yog", serial: "S1" }, identity)).toBe("https://id.gs1.org/01/09506000134352/21/S1")
    expect(serialInstanceUri({ gtin: null, inventory_item_id: "iitem_yog", serial: "S1" }, identity)).toBe(
      "https://shop.example.com/epcis/item/iitem_yog/serial/S1"
    )
  })

  it("names places by GLN (414) and parties by PGLN (417), else under the base; a wrong GLN is not used", () => {
    expect(locationUri({ id: "sloc_main", gln: "0614141000005" }, "location", identity)).toBe("https://id.gs1.org/414/0614141000005")
    expect(locationUri({ id: "sloc_main", gln: null }, "location", identity)).toBe("https://shop.example.com/epcis/location/sloc_main")
    expect(locationUri({ id: "lotsup_1", gln: "0614141000006" }, "supplier", identity)).toBe("https://shop.example.com/epcis/supplier/lotsup_1")
    expect(partyUri({ id: "lotsup_1", gln: "0614141000005" }, "supplier", identity)).toBe("https://id.gs1.org/417/0614141000005")
    expect(partyUri({ id: "cus/1", gln: null }, "customer", identity)).toBe("https://shop.example.com/epcis/customer/cus%2F1")
    expect(merchantPartyUri(identity)).toBe("https://id.gs1.org/417/4012345000009")
    expect(merchantPartyUri({ base_uri: "https://shop.example.com" })).toBe("https://shop.example.com/party/merchant")
  })

  it("accepts only an http(s) base without query or fragment", () => {
    expect(epcisBase({ base_uri: "https://shop.example.com/epcis//" })).toBe("https://shop.example.com/epcis")
    expect(() => epcisBase({ base_uri: "shop.example.com" })).toThrow(/not an absolute URI/)
    expect(() => epcisBase({ base_uri: "urn:example:shop" })).toThrow(/http\(s\) address/)
    expect(() => epcisBase({ base_uri: "https://shop.example.com/?a=1" })).toThrow(/without user, query or fragment/)
  })

  it("checks the module options at start: the base without its trailing slash, the GLN without spaces, mistakes refused", () => {
    expect(epcisOptions({})).toEqual({ epcis_base_uri: null, epcis_party_gln: null })
    expect(epcisOptions({ epcis_base_uri: " https://shop.example.com/epcis/ ", epcis_party_gln: "40123 45000009" })).toEqual({
      epcis_base_uri: "https://shop.example.com/epcis",
      epcis_party_gln: "4012345000009",
    })
    expect(() => epcisOptions({ epcis_base_uri: "shop.example.com" })).toThrow(/not an absolute URI/)
    expect(() => epcisOptions({ epcis_party_gln: "4012345000008" })).toThrow(/^epcis_party_gln: gln 4012345000008 has a wrong check digit/)
  })
})

describe("EPCIS quantities", () => {
  it("writes measures as UN/CEFACT Rec 20 codes and leaves counts of items without a unit", () => {
    expect(epcisUom("kg")).toBe("KGM")
    expect(epcisUom(" Litres ")).toBe("LTR")
    expect(epcisUom("lbs.")).toBe("LBR")
    expect(epcisUom("KGM")).toBe("KGM")
    expect(epcisUom("each")).toBeUndefined()
    expect(epcisUom("case of 12")).toBeUndefined()
    expect(epcisUom("XYZ")).toBeUndefined()
    expect(quantityElement("https://id.gs1.org/01/09506000134352/10/A", -3, "g")).toEqual({
      epcClass: "https://id.gs1.org/01/09506000134352/10/A",
      quantity: 3,
      uom: "GRM",
    })
    expect(quantityElement("https://id.gs1.org/01/09506000134352/10/A", 3, "each")).toEqual({ epcClass: "https://id.gs1.org/01/09506000134352/10/A", quantity: 3 })
  })
})
