import type { AdminPickSheetLine, AdminPickSheetResponse } from "../../api/admin/picking/types"
import { Gs1ParseError, parseGs1Scan } from "../../modules/lot/domain/gs1"
import type { Serialized } from "../types"
import { counted } from "../../modules/lot/domain/words"

/**
 * The picker's work on one order at one location, kept in the browser until "Finish": which
 * units of which line were taken, from which lot. Pure functions, so the rules are tested alone.
 */
export type PickLine = Serialized<AdminPickSheetLine>
export type PickSheet = Serialized<AdminPickSheetResponse>

/** Units taken for a line: from a lot (tracked lines) or plain (untracked lines: lot_id null). */
export type Pick = { line_item_id: string; lot_id: string | null; lot_number: string | null; quantity: number }

/** The Picking screen's page for one order at one location. */
export const pickPagePath = (orderId: string, locationId: string) => `/picking/${orderId}?location_id=${encodeURIComponent(locationId)}`

export const pickedOf = (picks: Pick[], lineId: string) =>
  picks.filter((p) => p.line_item_id === lineId).reduce((sum, p) => sum + p.quantity, 0)

export const restOf = (line: PickLine, picks: Pick[]) => Math.max(0, line.quantity - pickedOf(picks, line.line_item_id))

const samePick = (a: Pick, b: Pick) => a.line_item_id === b.line_item_id && a.lot_id === b.lot_id

/** Adds units to a line (merged with earlier units of the same lot), never beyond what the line needs. */
export function addPick(picks: Pick[], line: PickLine, pick: Omit<Pick, "line_item_id">): { picks: Pick[]; taken: number } {
  const taken = Math.min(Math.max(0, Math.floor(pick.quantity)), restOf(line, picks))
  if (!taken) {
    return { picks, taken: 0 }
  }
  const added: Pick = { ...pick, line_item_id: line.line_item_id, quantity: taken }
  const existing = picks.find((p) => samePick(p, added))
  return {
    picks: existing ? picks.map((p) => (p === existing ? { ...p, quantity: p.quantity + taken } : p)) : [...picks, added],
    taken,
  }
}

/** Changes the units of one pick (after the scan); 0 removes it. Never beyond what the line needs. */
export function setPickQuantity(picks: Pick[], line: PickLine, target: Pick, quantity: number): Pick[] {
  const others = picks.filter((p) => !samePick(p, target))
  const most = Math.max(0, line.quantity - pickedOf(others, line.line_item_id))
  const next = Math.min(Math.max(0, Math.floor(quantity)), most)
  return next ? picks.map((p) => (samePick(p, target) ? { ...p, quantity: next } : p)) : others
}

export type PickProgress = { units: number; picked: number; lines: number; lines_done: number }

export function orderProgress(lines: PickLine[], picks: Pick[]): PickProgress {
  return {
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    picked: lines.reduce((sum, l) => sum + Math.min(l.quantity, pickedOf(picks, l.line_item_id)), 0),
    lines: lines.length,
    lines_done: lines.filter((l) => restOf(l, picks) === 0).length,
  }
}

/** The line to work on next: the first unfinished one after `after` in walking order, else the first unfinished. */
export function nextLine(lines: PickLine[], picks: Pick[], after?: string | null): PickLine | null {
  const unfinished = (l: PickLine) => restOf(l, picks) > 0
  const from = after ? lines.findIndex((l) => l.line_item_id === after) : -1
  return lines.slice(from + 1).find(unfinished) ?? lines.find(unfinished) ?? null
}

/** A barcode as digits without leading zeros, so an EAN-13 and its GTIN-14 compare equal. */
const barcodeKey = (code: string) => (/^\d{8,14}$/.test(code) ? code.replace(/^0+/, "") : code.toUpperCase())

/** The product's codes a scan may carry: its GTIN (from a GS1 code) or the plain text scanned. */
function scannedProductCode(code: string): string {
  try {
    const scan = parseGs1Scan(code)
    if (scan.kind === "gs1" && scan.gtin) return scan.gtin
  } catch (error) {
    if (!(error instanceof Gs1ParseError)) throw error
  }
  return code.trim()
}

/**
 * The line whose SKU or barcode the scan names (a lot number names none): the first with units
 * left, else the first such line. The server reads lots; the product codes are matched here.
 */
export function lineOfProductCode(lines: PickLine[], code: string, picks: Pick[]): PickLine | null {
  const key = barcodeKey(scannedProductCode(code))
  if (!key) return null
  const matches = lines.filter(
    (l) => (l.sku && l.sku.toUpperCase() === key) || (l.barcode && barcodeKey(l.barcode) === key)
  )
  return matches.find((l) => restOf(l, picks) > 0) ?? matches[0] ?? null
}

/**
 * Medusa's `POST /admin/orders/:id/fulfillments` body for what was picked: the picked units of
 * each line at the location, and for lot-tracked lines exactly the scanned lots in
 * `additional_data.lots` (the plugin's fulfillment hook ships those and nothing else).
 */
export function fulfillmentBody(sheet: PickSheet, picks: Pick[]) {
  const items = sheet.lines
    .map((line) => ({ id: line.line_item_id, quantity: Math.min(line.quantity, pickedOf(picks, line.line_item_id)) }))
    .filter((item) => item.quantity > 0)
  const tracked = new Set(sheet.lines.filter((l) => l.tracked).map((l) => l.line_item_id))
  const lots = picks
    .filter((p) => tracked.has(p.line_item_id) && p.lot_id && p.quantity > 0)
    .map((p) => ({ line_item_id: p.line_item_id, lot_id: p.lot_id!, quantity: p.quantity }))
  return { location_id: sheet.location.id, items, additional_data: { lots } }
}

/**
 * Picks kept from before a reload, as far as the order still needs them: well-formed, for a line
 * still picked here (a tracked line's from a lot, an untracked line's plain), and never more units
 * per line than it has to pick now. Anything else is dropped: the scan is simply made again.
 */
export function restorePicks(saved: unknown, lines: PickLine[]): Pick[] {
  if (!Array.isArray(saved)) return []
  const byId = new Map(lines.map((l) => [l.line_item_id, l]))
  const kept: Pick[] = []
  for (const entry of saved as Partial<Pick>[]) {
    const line = typeof entry?.line_item_id === "string" ? byId.get(entry.line_item_id) : undefined
    const lotOk = line?.tracked ? typeof entry.lot_id === "string" && typeof entry.lot_number === "string" : entry?.lot_id === null
    if (!line || !lotOk || !Number.isSafeInteger(entry.quantity) || entry.quantity! <= 0) continue
    const quantity = Math.min(entry.quantity!, restOf(line, kept))
    if (quantity > 0) {
      kept.push({ line_item_id: line.line_item_id, lot_id: entry.lot_id ?? null, lot_number: entry.lot_number ?? null, quantity })
    }
  }
  return kept
}

/** The question before taking a lot that skips an earlier-expiring one (a pick-scan `fefo_warning`). */
export const fefoSkipQuestion = (warning: { message: string; lot: { lot_number: string }; skipped: { lot_number: string } }) => ({
  title: `Take lot ${warning.lot.lot_number}?`,
  description: warning.message,
  confirmText: `Take lot ${warning.lot.lot_number}`,
  cancelText: `Pick lot ${warning.skipped.lot_number}`,
  variant: "confirmation" as const,
})

/** What the picker reads when they chose not to take it. */
export const fefoSkipDeclined = (warning: { skipped: { lot_number: string } }) => `Not taken: pick lot ${warning.skipped.lot_number} first.`

const units = (n: number) => counted(n, "unit")

/** "2 of 3 picked" */
export const lineProgressText = (line: PickLine, picks: Pick[]) => `${Math.min(line.quantity, pickedOf(picks, line.line_item_id))} of ${line.quantity} picked`

/** What the picker reads after a pick was recorded. */
export function pickedMessage(line: PickLine, picks: Pick[], taken: number, lotNumber: string | null): string {
  const from = lotNumber ? ` from lot ${lotNumber}` : ""
  const rest = restOf(line, picks)
  const left = rest ? `, ${units(rest)} still to pick` : ", line done"
  return `Picked ${units(taken)} of ${line.title}${from}${left}.`
}

/** A GS1 code that names a lot (01 + 10, or a Digital Link with /10/): for the server to read. */
export function isGs1WithLot(code: string): boolean {
  try {
    const scan = parseGs1Scan(code)
    return scan.kind === "gs1" && Boolean(scan.lot)
  } catch (error) {
    if (error instanceof Gs1ParseError) return false
    throw error
  }
}
