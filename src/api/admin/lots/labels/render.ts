import { MedusaError } from "@medusajs/framework/utils"
import { toBuffer } from "bwip-js"
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib"
import type { LotLabelBarcode } from "../../../../modules/lot/domain/gs1-encode"
import { fitTokens } from "./wrap"

export const LABEL_SYMBOLOGIES = ["datamatrix", "gs1-128"] as const
export type LabelSymbology = (typeof LABEL_SYMBOLOGIES)[number]

/**
 * Label sizes in millimetres (width × height), common thermal-printer stock. `scale` is bwip-js
 * pixels per module for the PNG; `barHeight` the GS1-128 bar height in mm.
 */
export const LABEL_SIZES = {
  small: { width: 50, height: 25, scale: 3, barHeight: 8 },
  medium: { width: 70, height: 40, scale: 4, barHeight: 12 },
  large: { width: 100, height: 60, scale: 6, barHeight: 18 },
} as const
export type LabelSize = keyof typeof LABEL_SIZES

/** What one label shows. */
export type LabelContent = {
  product_name: string
  lot_number: string
  /** "YYYY-MM-DD" or null. */
  expiry: string | null
  barcode: LotLabelBarcode
}

const MM = 72 / 25.4
const A4 = { width: 210 * MM, height: 297 * MM }
const SHEET_MARGIN = 10 * MM
const SHEET_GAP = 3 * MM

/**
 * The barcode as a PNG. GS1 content goes into a GS1 symbol (bwip-js checks it once more against
 * the GS1 rules); a plain lot number into a plain DataMatrix or Code 128.
 */
export async function renderBarcodePng(
  barcode: LotLabelBarcode,
  symbology: LabelSymbology,
  size: LabelSize,
  { withText }: { withText: boolean }
): Promise<Buffer> {
  const linear = symbology === "gs1-128"
  const bcid = barcode.gs1 ? (linear ? "gs1-128" : "gs1datamatrix") : linear ? "code128" : "datamatrix"
  try {
    return await toBuffer({
      bcid,
      text: barcode.symbol_text,
      // `parse` turns the ^040 / ^041 escapes back into brackets; a plain lot number is taken as it is.
      parse: barcode.gs1,
      scale: LABEL_SIZES[size].scale,
      ...(linear ? { height: LABEL_SIZES[size].barHeight } : {}),
      ...(linear && withText ? { includetext: true, alttext: barcode.human_readable, textxalign: "center" as const } : {}),
      paddingwidth: 10,
      paddingheight: 10,
      backgroundcolor: "FFFFFF",
    })
  } catch (error) {
    // Our encoder has checked the content already; this is only reached by a rule it does not know.
    const reason = error instanceof Error ? error.message : String(error)
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The barcode for lot ${barcode.human_readable} cannot be drawn: ${reason}`)
  }
}

/** One label per page, the page the size of the label (a label printer's roll), `copies` pages. */
export async function renderLabelPdf(label: LabelContent, symbology: LabelSymbology, size: LabelSize, copies = 1): Promise<Uint8Array> {
  const { width, height } = LABEL_SIZES[size]
  const pdf = await PDFDocument.create()
  pdf.setTitle(`Lot ${label.lot_number}`)
  const fonts = await embedFonts(pdf)
  const image = await pdf.embedPng(await renderBarcodePng(label.barcode, symbology, size, { withText: false }))
  for (let copy = 0; copy < copies; copy++) {
    drawLabel(pdf.addPage([width * MM, height * MM]), fonts, image, label, symbology, { x: 0, y: 0, width: width * MM, height: height * MM })
  }
  return await pdf.save()
}

/**
 * A sheet of labels on A4 pages: as many columns and rows of the size as fit within the margins,
 * each lot `copies` times in a row, pages added as needed.
 */
export async function renderLabelSheetPdf(
  labels: LabelContent[],
  symbology: LabelSymbology,
  size: LabelSize,
  copies: number
): Promise<Uint8Array> {
  const width = LABEL_SIZES[size].width * MM
  const height = LABEL_SIZES[size].height * MM
  const columns = Math.floor((A4.width - 2 * SHEET_MARGIN + SHEET_GAP) / (width + SHEET_GAP))
  const rows = Math.floor((A4.height - 2 * SHEET_MARGIN + SHEET_GAP) / (height + SHEET_GAP))
  const pdf = await PDFDocument.create()
  pdf.setTitle(`Lot labels: ${labels.map((label) => label.lot_number).join(", ")}`)
  const fonts = await embedFonts(pdf)
  let page: PDFPage | undefined
  let slot = 0
  for (const label of labels) {
    // One image per lot, however many copies print.
    const image = await pdf.embedPng(await renderBarcodePng(label.barcode, symbology, size, { withText: false }))
    for (let copy = 0; copy < copies; copy++, slot++) {
      const onPage = slot % (columns * rows)
      if (onPage === 0) {
        page = pdf.addPage([A4.width, A4.height])
      }
      const x = SHEET_MARGIN + (onPage % columns) * (width + SHEET_GAP)
      const y = A4.height - SHEET_MARGIN - (Math.floor(onPage / columns) + 1) * height - Math.floor(onPage / columns) * SHEET_GAP
      page!.drawRectangle({ x, y, width, height, borderColor: rgb(0.8, 0.8, 0.8), borderWidth: 0.3 })
      drawLabel(page!, fonts, image, label, symbology, { x, y, width, height })
    }
  }
  return await pdf.save()
}

type Fonts = { regular: PDFFont; bold: PDFFont }
type Box = { x: number; y: number; width: number; height: number }

async function embedFonts(pdf: PDFDocument): Promise<Fonts> {
  return { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) }
}

/**
 * DataMatrix: the square symbol on the left, the text beside it. GS1-128: the text on top, the
 * bars across the bottom with the human-readable line under them.
 */
function drawLabel(page: PDFPage, fonts: Fonts, image: PDFImage, label: LabelContent, symbology: LabelSymbology, box: Box) {
  const margin = Math.min(box.height * 0.08, 3 * MM)
  const inner = { x: box.x + margin, y: box.y + margin, width: box.width - 2 * margin, height: box.height - 2 * margin }
  const size = Math.max(5, inner.height / 9)
  const small = Math.max(4, size * 0.7)
  // Lot number and expiry are what the label is for: shrink them to fit rather than cut them.
  const textLines = (width: number, readable: TextLine[]): TextLine[] => {
    const lot = `LOT ${label.lot_number}`
    const expiry = `EXP ${label.expiry ?? "-"}`
    const keySize = Math.min(fitSize(fonts.bold, lot, size, width), fitSize(fonts.regular, expiry, size, width))
    // The product name wraps between words only, set smaller rather than broken inside a word.
    const name = fitTokens(printableIn(fonts.bold, label.product_name).split(" "), " ", measureWith(fonts.bold), {
      max: size,
      min: Math.max(3, size * 0.6),
      width,
      maxLines: 2,
    })
    return [
      ...name.lines.map((text) => ({ text, font: fonts.bold, size: name.size })),
      { text: lot, font: fonts.bold, size: keySize },
      { text: expiry, font: fonts.regular, size: keySize },
      ...readable,
    ]
  }
  if (symbology === "datamatrix") {
    const side = Math.min(inner.height, inner.width * 0.42)
    drawImageIn(page, image, { x: inner.x, y: inner.y + (inner.height - side) / 2, width: side, height: side })
    const text = { x: inner.x + side + margin, y: inner.y, width: inner.width - side - margin, height: inner.height }
    // The human-readable line wraps between GS1 elements only: "(10)LOT" stays whole.
    const parts = label.barcode.human_readable_parts.map((part) => printableIn(fonts.regular, part))
    const readable = fitTokens(parts, "", measureWith(fonts.regular), { max: small, min: 3, width: text.width, maxLines: 3 })
    drawLines(page, textLines(text.width, readable.lines.map((line) => ({ text: line, font: fonts.regular, size: readable.size }))), text)
    return
  }
  const readable = label.barcode.human_readable
  const readableSize = fitSize(fonts.regular, readable, small, inner.width)
  const readableHeight = readableSize * 1.3
  const barsHeight = inner.height * 0.45
  drawImageIn(page, image, { x: inner.x, y: inner.y + readableHeight, width: inner.width, height: barsHeight })
  drawLines(page, [{ text: readable, font: fonts.regular, size: readableSize }], { ...inner, height: readableHeight }, true)
  const top = inner.y + readableHeight + barsHeight
  drawLines(page, textLines(inner.width, []), { ...inner, y: top, height: inner.y + inner.height - top })
}

/** The font size at which `text` fits `width` (at most `max`, at least 3 pt: below that it is cut). */
function fitSize(font: PDFFont, text: string, max: number, width: number): number {
  const atOne = font.widthOfTextAtSize(text, 1)
  return atOne > 0 ? Math.max(3, Math.min(max, width / atOne)) : max
}

type TextLine = { text: string; font: PDFFont; size: number }

function drawImageIn(page: PDFPage, image: PDFImage, box: Box) {
  const fitted = image.scaleToFit(box.width, box.height)
  page.drawImage(image, { x: box.x + (box.width - fitted.width) / 2, y: box.y + (box.height - fitted.height) / 2, ...fitted })
}

/** Lines from the top of the box down (centred when asked), each cut to the box's width. */
function drawLines(page: PDFPage, lines: TextLine[], box: Box, centred = false) {
  let top = box.y + box.height
  for (const line of lines) {
    top -= line.size * 1.2
    if (top < box.y - line.size * 0.3) {
      return // no room left on the label for more lines
    }
    const text = fitWidth(line.font, printableIn(line.font, line.text), line.size, box.width)
    const x = centred ? box.x + (box.width - line.font.widthOfTextAtSize(text, line.size)) / 2 : box.x
    page.drawText(text, { x, y: top + line.size * 0.2, size: line.size, font: line.font, color: rgb(0, 0, 0) })
  }
}

const measureWith = (font: PDFFont) => (text: string, size: number) => font.widthOfTextAtSize(text, size)

function fitWidth(font: PDFFont, text: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) {
    return text
  }
  let cut = text.length
  while (cut > 0 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) {
    cut--
  }
  return `${text.slice(0, cut)}…`
}

const characterSets = new WeakMap<PDFFont, Set<number>>()

/** The standard PDF fonts cover WinAnsi only: other characters (and control characters) become "?". */
function printableIn(font: PDFFont, text: string): string {
  let set = characterSets.get(font)
  if (!set) {
    set = new Set(font.getCharacterSet())
    characterSets.set(font, set)
  }
  const known = set
  return Array.from(text.replace(/\s+/g, " "), (char) => (known.has(char.codePointAt(0)!) && char >= " " ? char : "?")).join("")
}
