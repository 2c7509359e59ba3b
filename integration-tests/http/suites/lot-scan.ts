import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { gtinCheckDigit } from "../../../src/modules/lot/domain/gs1"
import { loginAsAdmin } from "../../helpers/admin"
import {
  changeLotStatus,
  dayInWordsFromNow,
  daysFromNow,
  receiveLot,
  setLotPolicy,
} from "../../helpers/allocation"
import { attempt, type Headers } from "../../helpers/store"

const GS = "\u001d"
const withCheck = (digits13: string) => `${digits13}${gtinCheckDigit(digits13)}`
/** GTIN-14s: the yogurt is stored by its EAN-13, the cola by its UPC-A, the oat milk by all 14 digits. */
const YOGURT = withCheck("0950600013435")
const COLA = withCheck("0003600029145")
const OAT = withCheck("0401234500000")
const UNKNOWN = withCheck("0400638133393")
/** "2027-03-31" -> "270331" (GS1 YYMMDD). */
const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, "")

export function lotScanSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let locationId: string
  let item: { yogurt: string; cola: string; oat: string }
  let variant: { yogurt: string; cola: string; oat: string }

  const scan = (body: Record<string, unknown>) => attempt(api.post("/admin/lots/scan", body, { headers }))
  const scanOk = async (code: string, fnc1?: string) => {
    const res = await scan(fnc1 ? { code, fnc1 } : { code })
    expect([code, res.status]).toEqual([code, 200])
    return res.data as any
  }
  const createProduct = async (title: string, sku: string, codes: Record<string, string>) => {
    const { data } = await api.post(
      "/admin/products?fields=id,*variants,*variants.inventory_items",
      {
        title,
        options: [{ title: "Size", values: ["One"] }],
        variants: [
          { title: "One", sku, manage_inventory: true, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 3 }], ...codes },
        ],
      },
      { headers }
    )
    const [v] = data.product.variants
    return { variantId: v.id as string, itemId: v.inventory_items[0].inventory_item_id as string }
  }
  const receive = (inventoryItemId: string, lot_number: string, extra: Record<string, unknown> = {}) =>
    receiveLot(api, headers, { inventory_item_id: inventoryItemId, location_id: locationId, quantity: 10, lot_number, ...extra })

  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    ;[{ id: locationId }] = await container.resolve(Modules.STOCK_LOCATION).createStockLocations([{ name: "Main warehouse" }])
    const yogurt = await createProduct("Greek yogurt", "YOG-500", { ean: YOGURT.slice(1) })
    const cola = await createProduct("Cola", "COLA-330", { upc: COLA.slice(2) })
    const oat = await createProduct("Oat milk", "OAT-1L", { barcode: OAT })
    item = { yogurt: yogurt.itemId, cola: cola.itemId, oat: oat.itemId }
    variant = { yogurt: yogurt.variantId, cola: cola.variantId, oat: oat.variantId }
    for (const id of Object.values(item)) {
      await setLotPolicy(api, headers, id)
    }
  })

  it("finds a released lot from a GS1-128 scan, a Digital Link, an FNC1 stand-in and a plain lot number", async () => {
    const expiry = daysFromNow(200)
    const lot = await receive(item.yogurt, "A-1", { expires_at: expiry })

    // ]C1 + (01) GTIN + (17) expiry + (10) lot, FNC1 (GS) before (21) serial; the label prints the lot in lower case.
    const gs1 = await scanOk(`]C101${YOGURT}17${yymmdd(expiry)}10a-1${GS}21SER9`)
    expect(gs1).toMatchObject({
      match: "lot",
      can_ship: true,
      reasons: [],
      receive: null,
      message: null,
      inventory_item_id: item.yogurt,
      variant: { id: variant.yogurt, sku: "YOG-500", ean: YOGURT.slice(1), product: { title: "Greek yogurt" } },
      lot: { id: lot.id, lot_number: "A-1", status: "released", stock: [{ location_id: locationId, quantity: 10, allocated_quantity: 0 }] },
      scan: { kind: "gs1", gtin: YOGURT, lot: "a-1", expiry, serial: "SER9", symbology: "gs1-128" },
    })
    expect(gs1.variant.inventory_items).toEqual([expect.objectContaining({ inventory_item_id: item.yogurt })])

    const link = await scanOk(`https://id.example.com/01/${YOGURT}/10/A-1?17=${yymmdd(expiry)}`)
    expect(link).toMatchObject({ match: "lot", can_ship: true, lot: { id: lot.id }, variant: { id: variant.yogurt } })

    const pipe = await scanOk(`01${YOGURT}10A-1|21SER9`, "|")
    expect(pipe).toMatchObject({ match: "lot", lot: { id: lot.id }, scan: { lot: "A-1", serial: "SER9" } })

    const plain = await scanOk("  a-1 ")
    expect(plain).toMatchObject({ match: "lot", can_ship: true, variant: null, inventory_item_id: item.yogurt, lot: { id: lot.id } })
    expect(plain.scan).toEqual({ kind: "lot_number", lot_number: "a-1" })

    // A label whose expiry differs from the recorded one still finds the lot, with a warning.
    const otherDate = await scanOk(`]C101${YOGURT}17${yymmdd(daysFromNow(100))}10A-1`)
    expect(otherDate.match).toBe("lot")
    expect(otherDate.message).toContain(`recorded expiry ${expiry}`)

    // The 14-digit barcode of the oat milk, without a lot: the product, and a request for the lot.
    const gtinOnly = await scanOk(`]C101${OAT}`)
    expect(gtinOnly).toMatchObject({ match: "item", can_ship: false, lot: null, inventory_item_id: item.oat, variant: { id: variant.oat } })
    expect(gtinOnly.message).toMatch(/Oat milk.*no lot number/)
  })

  it("says why a held, an expired or a short-dated lot may not ship", async () => {
    await setLotPolicy(api, headers, item.yogurt, { min_remaining_shelf_life_days: 30 })
    const held = await receive(item.yogurt, "H-1", { expires_at: daysFromNow(200) })
    await changeLotStatus(api, headers, held.id, "hold", { reason: "customer complaint" })
    await receive(item.yogurt, "E-1", { expires_at: daysFromNow(-2) })
    await receive(item.yogurt, "S-1", { expires_at: daysFromNow(10) })

    const onHold = await scanOk(`]C101${YOGURT}10H-1`)
    expect(onHold).toMatchObject({ match: "lot", can_ship: false, reasons: ["lot H-1 is on hold"], lot: { status: "on_hold" } })

    const expired = await scanOk(`]d201${YOGURT}10E-1`)
    expect(expired).toMatchObject({ match: "lot", can_ship: false })
    // The minute-by-minute expiry job may already have marked it expired; either way it says so.
    expect(expired.reasons).toEqual([expect.stringMatching(/^lot E-1 (is expired|expires \d{1,2} [A-Z][a-z]{2} \d{4}, on or before the ship date)/)])

    const short = await scanOk("S-1")
    expect(short).toMatchObject({ match: "lot", can_ship: false })
    expect(short.reasons).toEqual([`lot S-1 expires ${dayInWordsFromNow(10)}: less than the required 30 days of shelf life left at shipment`])
  })

  it("prefills the receive form for a lot not received yet, and finds it once received", async () => {
    // (11) made 2025-01-15, (17) day 00 = the last day of December 2028, (10) lot in lower case.
    const code = `]C101${YOGURT}112501151728120010new-7`
    const fresh = await scanOk(code)
    expect(fresh).toMatchObject({
      match: "new_lot",
      lot: null,
      can_ship: false,
      inventory_item_id: item.yogurt,
      variant: { id: variant.yogurt },
      receive: {
        inventory_item_id: item.yogurt,
        lot_number: "NEW-7",
        expires_at: "2028-12-31",
        manufactured_at: "2025-01-15",
        best_before_at: null,
      },
    })
    expect(fresh.reasons).toEqual([fresh.message])
    expect(fresh.message).toContain("Lot NEW-7 of Greek yogurt (SKU YOG-500) is not in stock yet")

    // The prefill is a valid receipt as it stands.
    const prefill = Object.fromEntries(Object.entries(fresh.receive).filter(([, value]) => value !== null))
    const lot = await receiveLot(api, headers, { ...prefill, inventory_item_id: item.yogurt, location_id: locationId, quantity: 5 })
    expect(lot).toMatchObject({ lot_number: "NEW-7", expires_at: "2028-12-31T00:00:00.000Z" })
    expect(await scanOk(code)).toMatchObject({ match: "lot", can_ship: true, lot: { id: lot.id }, message: null })

    const unknown = await scanOk("ZZ-404")
    expect(unknown).toMatchObject({ match: "lot_number_only_unknown", can_ship: false, lot: null, variant: null, receive: null })
    expect(unknown.message).toBe("No lot ZZ-404 in this store.")
  })

  it("flags a lot that belongs to another product, and a GTIN this store does not know", async () => {
    await receive(item.cola, "C-1", { expires_at: daysFromNow(300) })

    const mismatch = await scanOk(`]C101${YOGURT}10C-1`)
    expect(mismatch).toMatchObject({
      match: "mismatch",
      can_ship: false,
      variant: { id: variant.yogurt },
      inventory_item_id: item.yogurt,
      lot: { lot_number: "C-1", inventory_item_id: item.cola },
      receive: null,
    })
    expect(mismatch.message).toBe("Lot C-1 belongs to Cola (SKU COLA-330), not Greek yogurt (SKU YOG-500).")
    expect(mismatch.reasons).toEqual([mismatch.message])

    // The cola's UPC-A, read from its 14-digit form, matches its own lot.
    expect(await scanOk(`]C101${COLA}10C-1`)).toMatchObject({ match: "lot", can_ship: true, variant: { id: variant.cola } })

    const unknownItem = await scanOk(`]C101${UNKNOWN}10C-1`)
    expect(unknownItem).toMatchObject({ match: "unknown_item", can_ship: false, variant: null, inventory_item_id: null })
    expect(unknownItem.message).toBe(
      `GTIN ${UNKNOWN} is unknown in this store: no product variant has it as barcode, EAN or UPC. ` +
        "Lot C-1 here belongs to Cola (SKU COLA-330): check the label."
    )
    const unknownAlone = await scanOk(`]C101${UNKNOWN}10X-9`)
    expect(unknownAlone).toMatchObject({ match: "unknown_item", variant: null, lot: null, receive: null })
    expect(unknownAlone.message).toContain(`GTIN ${UNKNOWN} is unknown in this store`)
  })

  it("reads a lot without its GTIN with a warning by default, and refuses it when associations are strict", async () => {
    await receive(item.yogurt, "LONE-1")
    const lenient = await scanOk("]C110LONE-1")
    expect(lenient.scan.warnings).toEqual([expect.objectContaining({ code: "missing_ai", ai: "10" })])
    expect(lenient.lot).toMatchObject({ lot_number: "LONE-1" })
    expect((await scan({ code: "]C110LONE-1", associations: "lenient" })).status).toBe(200)

    const strict = await scan({ code: "]C110LONE-1", associations: "strict" })
    expect(strict.status).toBe(400)
    expect(strict.data).toMatchObject({ type: "invalid_data", scan_error: { code: "missing_ai", ai: "10" } })
    expect((strict.data as { message: string }).message).toMatch(/^AI \(10\).*GS1 requires .*01/)
    expect((await scan({ code: `]C101${YOGURT}10LONE-1`, associations: "strict" })).status).toBe(200)

    const unknownMode = await scan({ code: "]C110LONE-1", associations: "sometimes" })
    expect(unknownMode.status).toBe(400)
    expect((unknownMode.data as { message: string }).message).toMatch(/associations must be one of strict, lenient/)
  })

  it("refuses unreadable scans and bad bodies with a 400 that says what is wrong, and strangers with a 401", async () => {
    const wrongCheck = `${YOGURT.slice(0, 13)}${(Number(YOGURT[13]) + 1) % 10}`
    const corrupted = await scan({ code: `]C101${wrongCheck}10A-1` })
    expect(corrupted.status).toBe(400)
    expect(corrupted.data).toMatchObject({
      type: "invalid_data",
      message: `AI (01) at position 0: check digit should be ${YOGURT[13]}, got ${wrongCheck[13]}`,
      scan_error: { code: "check_digit", ai: "01", position: 0 },
    })

    const cases: [Record<string, unknown>, RegExp][] = [
      [{ code: `(01)${YOGURT.slice(1)}(10)A-1` }, /^AI \(01\) at position 0: expected 14 digits for the GTIN, got 13/],
      [{ code: "1".repeat(513) }, /^Invalid request: Value for field 'code' too big, expected at most: '512'$/],
      [{ code: "A-1", colour: "red" }, /Unrecognized fields: 'colour'/],
      [{}, /Field 'code' is required/],
      [{ code: 42 }, /Expected type: 'string' for field 'code'/],
      [{ code: "A-1", fnc1: "|||||||||" }, /Value for field 'fnc1' too big, expected at most: '8'/],
      [{ code: " \t " }, /^The scan is empty$/],
      [{ code: "01|", fnc1: "1" }, /FNC1 stand-in/],
      [{ code: `]C101${YOGURT}17261332` }, /AI \(17\).*not a valid date/],
    ]
    for (const [body, message] of cases) {
      const res = await scan(body)
      expect([body, res.status]).toEqual([body, 400])
      expect((res.data as { message: string }).message).toMatch(message)
    }

    const stranger = await attempt(api.post("/admin/lots/scan", { code: "A-1" }))
    expect(stranger.status).toBe(401)
  })
}
