import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library"
import { PDFDocument } from "pdf-lib"
import { PNG } from "pngjs"
import { parseGs1Scan } from "../../../../../modules/lot/domain/gs1"
import { lotLabelBarcode } from "../../../../../modules/lot/domain/gs1-encode"
import { LABEL_SIZES, renderBarcodePng, renderLabelPdf, renderLabelSheetPdf, type LabelContent, type LabelSymbology } from "../render"

jest.setTimeout(60_000)

const GTIN = "09506000134352"

/** Reads the one barcode in a PNG back, as a scanner would send it (GS1-128 as "]C1…", FNC1 as GS). */
function decodePng(png: Buffer, symbology: LabelSymbology): string {
  const { width, height, data } = PNG.sync.read(png)
  const luminance = new Uint8ClampedArray(width * height)
  for (let i = 0; i < luminance.length; i++) {
    luminance[i] = data[i * 4] // black on white: the red channel is enough
  }
  const format = symbology === "datamatrix" ? BarcodeFormat.DATA_MATRIX : BarcodeFormat.CODE_128
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.ASSUME_GS1, true],
  ])
  const reader = new MultiFormatReader()
  reader.setHints(hints)
  return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))), hints).getText()
}

const label = (lot_number: string, gtin: string | null = GTIN, expiry: string | null = "2027-03-31"): LabelContent => ({
  product_name: "Greek yogurt — 500 g",
  lot_number,
  expiry,
  barcode: lotLabelBarcode({ gtin, lot_number, expires_at: expiry }),
})

describe("barcode PNGs decode back to the same lot", () => {
  const lots = ["YOG-500-261125-001", "A(1)B", "%\"&'*+,-./:;<=>?_", "L".repeat(20)]
  for (const symbology of ["datamatrix", "gs1-128"] as const) {
    it(`${symbology}: GTIN, expiry and lot read back through our scan parser`, async () => {
      for (const lot of lots) {
        const png = await renderBarcodePng(label(lot).barcode, symbology, "medium", { withText: false })
        const scan = parseGs1Scan(decodePng(png, symbology))
        expect(scan).toMatchObject({ kind: "gs1", gtin: GTIN, lot, expiry: "2027-03-31" })
      }
    })

    it(`${symbology}: without a GTIN the symbol carries the plain lot number`, async () => {
      const png = await renderBarcodePng(label("LOT 7/A", null).barcode, symbology, "small", { withText: false })
      expect(parseGs1Scan(decodePng(png, symbology))).toEqual({ kind: "lot_number", lot_number: "LOT 7/A" })
    })
  }

  it("draws the human-readable line under GS1-128 when asked, and still decodes", async () => {
    const bare = PNG.sync.read(await renderBarcodePng(label("L1").barcode, "gs1-128", "medium", { withText: false }))
    const withText = await renderBarcodePng(label("L1").barcode, "gs1-128", "medium", { withText: true })
    expect(PNG.sync.read(withText).height).toBeGreaterThan(bare.height)
    expect(parseGs1Scan(decodePng(withText, "gs1-128"))).toMatchObject({ lot: "L1", gtin: GTIN })
  })
})

describe("PDF labels", () => {
  const points = (mm: number) => (mm * 72) / 25.4

  it("makes one page of the label's size", async () => {
    for (const size of ["small", "medium", "large"] as const) {
      const bytes = await renderLabelPdf(label("L1"), "datamatrix", size)
      expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-")
      const pdf = await PDFDocument.load(bytes)
      expect(pdf.getPageCount()).toBe(1)
      const { width, height } = pdf.getPage(0).getSize()
      expect(width).toBeCloseTo(points(LABEL_SIZES[size].width), 3)
      expect(height).toBeCloseTo(points(LABEL_SIZES[size].height), 3)
      expect(pdf.getTitle()).toBe("Lot L1")
    }
  })

  it("fills A4 pages with copies and adds pages as needed", async () => {
    // Medium labels (70 × 40 mm) fit 2 columns × 6 rows on A4 within 10 mm margins.
    const bytes = await renderLabelSheetPdf([label("L1"), label("L2", null)], "gs1-128", "medium", 7)
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPageCount()).toBe(2) // 14 labels, 12 a page
    expect(pdf.getPage(0).getSize().width).toBeCloseTo(points(210), 3)
  })

  it("prints names outside the standard fonts' characters as '?' instead of failing", async () => {
    const bytes = await renderLabelPdf({ ...label("L1"), product_name: "酸奶 Jogurt łagodny\n500 g" }, "datamatrix", "small")
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1)
  })
})
