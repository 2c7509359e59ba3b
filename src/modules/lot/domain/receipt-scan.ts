/**
 * Receiving by scan: what a scanned code says about a new lot, and where the fields typed beside
 * it say something else. Pure functions, no I/O.
 */
import type { ScanResult } from "./gs1"
import type { DateLike } from "./lot-dates"
import { normalizeLotNumber } from "./lot-number-template"

/** A scan's receipt fields; dates as "YYYY-MM-DD". */
export type ScannedReceipt = {
  gtin: string | null
  lot_number: string | null
  expires_at: string | null
  manufactured_at: string | null
  best_before_at: string | null
  /** From (21), as scanned: serials keep their case (see normalizeSerialNumber). */
  serial_number: string | null
}

export type ExplicitReceiptFields = {
  lot_number?: string
  expires_at?: DateLike
  manufactured_at?: DateLike
  best_before_at?: DateLike
}

/** (01) GTIN, (10) lot, (21) serial, (17) expiry, (11) production date and (15) best before — or a plain lot number. */
export function scannedReceipt(scan: ScanResult): ScannedReceipt {
  if (scan.kind === "lot_number") {
    return { gtin: null, lot_number: scan.lot_number, expires_at: null, manufactured_at: null, best_before_at: null, serial_number: null }
  }
  return {
    gtin: scan.gtin ?? null,
    lot_number: scan.lot ?? null,
    expires_at: scan.expiry ?? null,
    manufactured_at: scan.production_date ?? null,
    best_before_at: scan.best_before ?? null,
    serial_number: scan.serial ?? null,
  }
}

const DATE_FIELDS: Array<[keyof ExplicitReceiptFields & keyof ScannedReceipt, string]> = [
  ["expires_at", "expiry date"],
  ["manufactured_at", "production date"],
  ["best_before_at", "best-before date"],
]

/**
 * One sentence per explicit field that contradicts the scan: another lot number (compared as
 * stored, upper-case) or another day for a date (compared by UTC day). Empty when they agree.
 */
export function receiptScanConflicts(scanned: ScannedReceipt, explicit: ExplicitReceiptFields): string[] {
  const conflicts: string[] = []
  if (scanned.lot_number && explicit.lot_number && normalizeLotNumber(scanned.lot_number) !== normalizeLotNumber(explicit.lot_number)) {
    conflicts.push(`The scanned code is for lot ${normalizeLotNumber(scanned.lot_number)}, but lot_number is ${normalizeLotNumber(explicit.lot_number)}.`)
  }
  for (const [field, words] of DATE_FIELDS) {
    const scannedDay = scanned[field]
    const explicitDay = utcDay(explicit[field])
    if (scannedDay && explicitDay && scannedDay !== explicitDay) {
      conflicts.push(`The scanned code gives ${words} ${scannedDay}, but ${field} is ${explicitDay}.`)
    }
  }
  return conflicts
}

/** The receipt's fields: the explicit ones where given (they agree with the scan), else the scan's. */
export function mergeScannedReceipt<T extends ExplicitReceiptFields>(scanned: ScannedReceipt, explicit: T): T {
  return {
    ...explicit,
    lot_number: explicit.lot_number ?? scanned.lot_number ?? undefined,
    expires_at: explicit.expires_at ?? scanned.expires_at ?? undefined,
    manufactured_at: explicit.manufactured_at ?? scanned.manufactured_at ?? undefined,
    best_before_at: explicit.best_before_at ?? scanned.best_before_at ?? undefined,
  }
}

function utcDay(value: DateLike): string | null {
  if (value === null || value === undefined) {
    return null
  }
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}
