import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { PDFDocument } from "pdf-lib"
import { PNG } from "pngjs"
import { inflateSync } from "zlib"
import { gtinCheckDigit } from "../../../src/modules/lot/domain/gs1"
import { loginAsAdmin } from "../../helpers/admin"
import { daysFromNow } from "../../helpers/allocation"
import { expectRefused, getLot, receive, send, setPolicy, snapshot, type Headers } from "../../helpers/lots"

const GS = "\u001d"
const withCheck = (digits13: string) => `${digits13}${gtinCheckDigit(digits13)}`
/** The yogurt is stored by its EAN-13, the cola by its UPC-A; the soap has no GTIN at all. */
const YOGURT = withCheck("0950600013435")
const COLA = withCheck("0003600029145")
const UNKNOWN = withCheck("0400638133393")
const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, "")
type FileResponse = { status: number; data: Buffer; headers: Record<string, string | undefined> }
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The text drawn on PDF pages: pdf-lib writes it hex-encoded into Flate-compressed content streams. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1")
  const texts: string[] = []
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length
    const end = source.indexOf("endstream", start)
    try {
      const content = inflateSync(pdf.subarray(start, end)).toString("latin1")
      for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
        // WinAnsi is Latin-1 but for 0x80-0x9F; the em dash (0x97) is the one a label here uses.
        texts.push(Buffer.from(hex[1], "hex").toString("latin1").replace(/\x97/g, "—"))
      }
    } catch {
      // not a compressed content stream (an image, fonts): no text in it
    }
  }
  // Lines joined by spaces: a long name wraps onto two lines.
  return texts.join(" ").replace(/\s+/g, " ")
}

export function lotLabelsAndReceiveScanSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let locationId: string
  let item: { yogurt: string; cola: string; soap: string }

  const createProduct = async (title: string, sku: string, codes: Record<string, string>) => {
    const { data } = await api.post(
      "/admin/products?fields=id,*variants,*variants.inventory_items",
      {
        title,
        options: [{ title: "Size", values: ["One"] }],
        variants: [
          { title: "500 g", sku, manage_inventory: true, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 3 }], ...codes },
        ],
      },
      { headers }
    )
    return data.product.variants[0].inventory_items[0].inventory_item_id as string
  }
  /** A label file (or an error body) as bytes, with the response headers. */
  const getFile = async (url: string) =>
    (await send(api.get(url, { headers, responseType: "arraybuffer" }))) as FileResponse
  const label = (lotId: string, query = "") => getFile(`/admin/lots/${lotId}/label${query}`)
  const sheet = (query: string) => getFile(`/admin/lots/labels${query}`)
  /** Error bodies arrive as bytes too (responseType arraybuffer). */
  const json = (data: Buffer) => JSON.parse(Buffer.from(data).toString("utf8"))

  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    ;[{ id: locationId }] = await container.resolve(Modules.STOCK_LOCATION).createStockLocations([{ name: "Main warehouse" }])
    item = {
      yogurt: await createProduct("Greek yogurt", "YOG-500", { ean: YOGURT.slice(1) }),
      cola: await createProduct("Cola", "COLA-330", { upc: COLA.slice(2) }),
      soap: await createProduct("Olive soap", "SOAP-1", {}),
    }
    for (const id of Object.values(item)) {
      await setPolicy(api, headers, id)
    }
  })

  describe("labels", () => {
    it("renders a one-label PDF with product, lot number, expiry and a GS1 DataMatrix of (01)(17)(10)", async () => {
      const expiry = daysFromNow(300)
      const { lot } = await receive(api, headers, { inventory_item_id: item.yogurt, location_id: locationId, quantity: 5, lot_number: "a-1", expires_at: expiry })

      const res = await label(lot.id)
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toBe("application/pdf")
      expect(res.headers["content-disposition"]).toBe('inline; filename="lot-A-1-label.pdf"')
      expect(res.headers["x-label-gtin"]).toBe(YOGURT)
      expect(res.headers["x-label-note"]).toBeUndefined()
      const pdf = Buffer.from(res.data)
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      const text = pdfText(pdf)
      expect(text).toContain("Greek yogurt — 500 g")
      expect(text).toContain("LOT A-1")
      expect(text).toContain(`EXP ${expiry}`)
      expect(text.replace(/ /g, "")).toContain(`(01)${YOGURT}(17)${yymmdd(expiry)}(10)A-1`)
      const doc = await PDFDocument.load(pdf)
      expect(doc.getPageCount()).toBe(1)
      expect(doc.getTitle()).toBe("Lot A-1")

      // On the smallest label the human-readable line wraps between GS1 elements, never inside one,
      // and the product name between words; copies are pages of the label's size.
      const small = await label(lot.id, "?size=small&copies=3")
      const words = pdfText(Buffer.from(small.data)).split(" ")
      for (const whole of [`(01)${YOGURT}`, "Greek", "yogurt"]) expect(words.some((w) => w.startsWith(whole))).toBe(true)
      expect(words.some((w) => w.endsWith(`(17)${yymmdd(expiry)}(10)A-1`) || w === "(10)A-1")).toBe(true)
      expect((await PDFDocument.load(Buffer.from(small.data))).getPageCount()).toBe(3)
    })

    it("renders the barcode alone as a PNG: GS1-128 wide, DataMatrix square, larger at a larger size", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: item.cola, location_id: locationId, quantity: 5, lot_number: "C-1", expires_at: daysFromNow(90) })

      const linear = await label(lot.id, "?format=png&symbology=gs1-128&size=small")
      expect(linear.status).toBe(200)
      expect(linear.headers["content-type"]).toBe("image/png")
      expect(linear.headers["x-label-gtin"]).toBe(COLA)
      const linearPng = Buffer.from(linear.data)
      expect(linearPng.subarray(0, 8)).toEqual(PNG_SIGNATURE)
      const bars = PNG.sync.read(linearPng)
      expect(bars.width).toBeGreaterThan(bars.height)

      const small = PNG.sync.read(Buffer.from((await label(lot.id, "?format=png&size=small")).data))
      const large = PNG.sync.read(Buffer.from((await label(lot.id, "?format=png&size=large")).data))
      expect(small.width).toBe(small.height)
      expect(large.width).toBeGreaterThan(small.width)
    })

    it("prints the plain lot number in the barcode of an item without GTIN, and says so", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: item.soap, location_id: locationId, quantity: 5, lot_number: "S 1" })

      const res = await label(lot.id, "?symbology=gs1-128")
      expect(res.status).toBe(200)
      expect(res.headers["x-label-gtin"]).toBeUndefined()
      expect(res.headers["x-label-note"]).toMatch(/^No GTIN for lot S 1: .*plain lot number/)
      const text = pdfText(Buffer.from(res.data))
      expect(text).toContain("Olive soap — 500 g")
      expect(text).toContain("EXP -")
    })

    it("refuses unknown lots, bad options and lot numbers a GS1 barcode cannot carry, changing nothing", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: item.yogurt, location_id: locationId, quantity: 5, lot_number: "A-1" })
      const spaced = (await receive(api, headers, { inventory_item_id: item.yogurt, location_id: locationId, quantity: 5, lot_number: "LOT 2" })).lot
      const long = (await receive(api, headers, { inventory_item_id: item.yogurt, location_id: locationId, quantity: 5, lot_number: "L".repeat(21) })).lot
      const before = await snapshot(getContainer())

      const missing = await label("lot_missing")
      expect([missing.status, json(missing.data).message]).toEqual([404, "Lot with id: lot_missing was not found"])
      for (const [query, message] of [
        ["?format=svg", /format must be pdf or png/],
        ["?symbology=qr", /'datamatrix, gs1-128' for field 'symbology', but got: 'qr'/],
        ["?size=huge", /size must be one of small, medium, large/],
        ["?copies=2&format=png", /copies is for PDF labels: a PNG is one barcode image/],
        ["?copies=0", /copies must be a whole number from 1 to 100/],
        ["?copies=1.5", /copies must be a whole number from 1 to 100/],
      ] as const) {
        const res = await label(lot.id, query)
        expect([query, res.status]).toEqual([query, 400])
        expect(json(res.data).message).toMatch(message)
      }
      const badLot = await label(spaced.id)
      expect(badLot.status).toBe(400)
      expect(json(badLot.data).message).toMatch(/^The label of lot LOT 2 cannot be encoded as a GS1 barcode: .*character set 82/)
      expect((await label(long.id, "?format=png")).status).toBe(400)
      expect(await snapshot(getContainer())).toEqual(before)
    })

    it("prints a sheet of several lots' labels on A4 pages, with copies", async () => {
      const a = (await receive(api, headers, { inventory_item_id: item.yogurt, location_id: locationId, quantity: 5, lot_number: "A-1", expires_at: daysFromNow(30) })).lot
      const b = (await receive(api, headers, { inventory_item_id: item.soap, location_id: locationId, quantity: 5, lot_number: "B-1" })).lot

      const res = await sheet(`?lot_ids=${a.id},${b.id}&copies=7&size=medium`)
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toBe("application/pdf")
      expect(res.headers["x-label-note"]).toMatch(/^No GTIN for lot B-1:/)
      const pdf = Buffer.from(res.data)
      const doc = await PDFDocument.load(pdf)
      expect(doc.getPageCount()).toBe(2) // 14 medium labels, 12 to an A4 page
      const text = pdfText(pdf)
      expect(text.match(/LOT A-1/g)).toHaveLength(7)
      expect(text.match(/LOT B-1/g)).toHaveLength(7)

      const unknown = await sheet(`?lot_ids=${a.id},lot_nope`)
      expect([unknown.status, json(unknown.data).message]).toEqual([404, "Lot with id: lot_nope was not found"])
      for (const query of ["", "?lot_ids=", `?lot_ids=${a.id}&format=png`, `?lot_ids=${a.id}&copies=0`, `?lot_ids=${a.id}&copies=101`]) {
        expect([query, (await sheet(query)).status]).toEqual([query, 400])
      }
    })
  })

  describe("receiving by scan", () => {
    const receiveScan = (body: Record<string, unknown>) =>
      send(api.post("/admin/lots", { location_id: locationId, quantity: 12, ...body }, { headers }))

    it("creates the lot from a GS1 element string: GTIN -> item, (10) lot, (17) expiry, (11) production, (15) best before", async () => {
      const [made, bestBefore, expiry] = [daysFromNow(-10), daysFromNow(200), daysFromNow(240)]
      const code = `]d2${GS}01${YOGURT}11${yymmdd(made)}15${yymmdd(bestBefore)}17${yymmdd(expiry)}10scan-1${GS}21SER9`
      const res = await receiveScan({ code })
      expect([res.status, res.data.message]).toEqual([200, undefined])
      expect(res.data.receipt).toMatchObject({ created: true, lot_number: "SCAN-1", inventory_item_id: item.yogurt, quantity: 12 })
      const lot = await getLot(api, headers, res.data.lot.id)
      expect(lot).toMatchObject({ lot_number: "SCAN-1", inventory_item_id: item.yogurt })
      expect([lot.manufactured_at, lot.best_before_at, lot.expires_at].map((d: string) => d.slice(0, 10))).toEqual([made, bestBefore, expiry])
      expect(lot.stock).toEqual([expect.objectContaining({ location_id: locationId, quantity: 12 })])
      expect(lot.events.map((e: any) => e.type)).toEqual(["received"])
    })

    it("reads a GS1 Digital Link, an element string with an FNC1 stand-in, and a plain lot number beside the item", async () => {
      const expiry = daysFromNow(100)
      const link = await receiveScan({ code: `https://id.example.com/01/${COLA}/10/dl-7?17=${yymmdd(expiry)}` })
      expect(link.status).toBe(200)
      expect(link.data.lot).toMatchObject({ lot_number: "DL-7", inventory_item_id: item.cola })
      expect(link.data.lot.expires_at.slice(0, 10)).toBe(expiry)

      const plain = await receiveScan({ code: "soap-lot-9", inventory_item_id: item.soap })
      expect(plain.status).toBe(200)
      expect(plain.data.lot).toMatchObject({ lot_number: "SOAP-LOT-9", inventory_item_id: item.soap })

      const standIn = await receiveScan({ code: `01${YOGURT}10F-1|21X`, fnc1: "|" })
      expect(standIn.status).toBe(200)
      expect(standIn.data.lot).toMatchObject({ lot_number: "F-1", inventory_item_id: item.yogurt })
    })

    it("accepts explicit fields that agree with the scan", async () => {
      const expiry = daysFromNow(60)
      const res = await receiveScan({
        code: `01${YOGURT}17${yymmdd(expiry)}10AGREE-1`,
        inventory_item_id: item.yogurt,
        lot_number: "agree-1",
        expires_at: expiry,
        supplier: "Dairy Co",
      })
      expect(res.status).toBe(200)
      expect(res.data.lot).toMatchObject({ lot_number: "AGREE-1", supplier: "Dairy Co" })
    })

    it("refuses contradictions, unreadable codes and unknown GTINs with a 400 naming the problem, writing nothing", async () => {
      const container = getContainer()
      const expiry = daysFromNow(60)
      const code = `01${YOGURT}17${yymmdd(expiry)}10R-1`
      const refused = (body: Record<string, unknown>, message: RegExp) => expectRefused(container, () => receiveScan(body), 400, message)

      await refused({ code, inventory_item_id: item.cola }, new RegExp(`^The scanned code is for Greek yogurt \\(SKU YOG-500\\), not inventory item ${item.cola}\\.$`))
      await refused({ code, lot_number: "OTHER-1" }, /^The scanned code is for lot R-1, but lot_number is OTHER-1\.$/)
      await refused({ code, expires_at: daysFromNow(61) }, new RegExp(`^The scanned code gives expiry date ${expiry}, but expires_at is ${daysFromNow(61)}\\.$`))
      await refused(
        { code, inventory_item_id: item.soap, lot_number: "X" },
        /^The scanned code is for Greek yogurt .*, not inventory item .*\. The scanned code is for lot R-1, but lot_number is X\.$/
      )
      const badCheck = `01${YOGURT.slice(0, 13)}${(Number(YOGURT[13]) + 1) % 10}10R-1`
      await refused({ code: badCheck }, /^The scanned code cannot be read: AI \(01\) at position 0: check digit should be \d, got \d$/)
      await refused({ code: `01${YOGURT}17261332` }, /^The scanned code cannot be read: AI \(17\) at position 16: "261332" is not a valid date/)
      await refused({ code: "" }, /^The scanned code cannot be read: The scan is empty$/)
      await refused({ code: `01${UNKNOWN}10R-1` }, new RegExp(`^GTIN ${UNKNOWN} is unknown in this store`))
      await refused({ code: "PLAIN-1" }, /^The scanned code names no product \(no GTIN\): send inventory_item_id with it\.$/)
      await refused({}, /inventory_item_id is required \(or a scanned code\)/)
      await refused({ inventory_item_id: item.yogurt, fnc1: "|" }, /fnc1 only applies to a scanned code/)

      const { lot } = await receive(api, headers, { inventory_item_id: item.yogurt, location_id: locationId, quantity: 1, lot_number: "R-1" })
      await refused({ code, lot_id: lot.id, inventory_item_id: item.yogurt }, /code cannot be set when receiving into an existing lot/)
      // A scanned lot that exists already is the usual duplicate, with the hint to send its lot_id.
      await expectRefused(container, () => receiveScan({ code }), 422, /Lot number R-1 already exists/)
    })
  })
}
