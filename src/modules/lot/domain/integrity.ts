import { blockedQuantity, type LotStockBlockRow } from "./blocked-stock"
import { massBalance, type LotEventTotals } from "./mass-balance"
import { PendingLevelChangeAction, pendingLevelChangeAction } from "./level-changes"
import type { StockDrift } from "./reconciliation"
import { counted } from "./words"

/**
 * The invariants that tie the lots to Medusa's inventory and orders. Each check compares two
 * numbers that must be equal and names what is wrong in a merchant's words; the repair (see
 * `repairLotIntegrity`) fixes the automatic ones, a person the manual ones.
 */
export const IntegrityCheck = {
  /** Σ lot stock = Medusa's stocked quantity, per item and location. */
  STOCK: "stock",
  /** Medusa's reserved quantity = Σ its reservations, per item and location. */
  RESERVED: "reserved",
  /** The reservation holding a lot's unsellable units back = those units. */
  BLOCKED: "blocked",
  /** A lot stock row's allocated counter = Σ its open allocations. */
  ALLOCATED: "allocated",
  /** An order line's open allocations and shortfalls = what Medusa still reserves for it, unfulfilled. */
  ALLOCATION: "allocation",
  /** Medusa's reservations of an order line ≤ the units it has left to fulfill. */
  OVER_RESERVED: "over_reserved",
  /** Every fulfillment Medusa holds is booked in the lots, and only those. */
  FULFILLMENT: "fulfillment",
  /** A lot's on hand = what its history sums to, and never more than it received plus what came back. */
  LEDGER: "ledger",
} as const
export type IntegrityCheck = (typeof IntegrityCheck)[keyof typeof IntegrityCheck]

export type IntegrityFinding = {
  check: IntegrityCheck
  inventory_item_id: string
  location_id: string | null
  lot_id?: string
  lot_number?: string
  stock_id?: string
  order_id?: string
  line_item_id?: string
  fulfillment_id?: string
  reservation_id?: string
  /** What the number should be, and what it is. */
  expected: number
  actual: number
  /** "medusa" where Medusa's own number is wrong (not ours to have caused). */
  source: "lots" | "medusa"
  /** "automatic": the repair knows the truth and fixes it; "manual": a person has to look. */
  repair: "automatic" | "manual"
  message: string
}

const units = (n: number) => counted(n, "unit")

/** The record of one correction made for `finding`: what it was (`actual`), what it is now, why. */
export function correctionOf(finding: IntegrityFinding, after: number, message: string, actorId?: string | null) {
  return {
    check: finding.check as string,
    inventory_item_id: finding.inventory_item_id,
    location_id: finding.location_id,
    lot_id: finding.lot_id ?? null,
    order_id: finding.order_id ?? null,
    line_item_id: finding.line_item_id ?? null,
    fulfillment_id: finding.fulfillment_id ?? null,
    reservation_id: finding.reservation_id ?? null,
    before: finding.actual,
    after,
    source: finding.source,
    message,
    actor_id: actorId ?? null,
  }
}

/**
 * Σ lot stock ≠ Medusa stocked. Where a lot write's recorded level change is still pending and
 * accounts for the whole difference, Medusa never got it (the server stopped between the two
 * writes) and the repair applies it; otherwise which side is right is not known, so a person decides.
 * `pendingLevelChanges`: the pending quantities per `inventory_item_id + "\u0000" + location_id`.
 */
export function stockFindings(drift: StockDrift[], pendingLevelChanges: Map<string, number[]> = new Map()): IntegrityFinding[] {
  return drift.map((d) => {
    const pending = pendingLevelChanges.get(`${d.inventory_item_id}\u0000${d.location_id}`) ?? []
    const unapplied = !d.cause && pendingLevelChangeAction(-d.untracked_quantity, pending) === PendingLevelChangeAction.APPLY
    return {
      check: IntegrityCheck.STOCK,
      inventory_item_id: d.inventory_item_id,
      location_id: d.location_id,
      expected: d.stocked_quantity,
      actual: d.lot_quantity,
      source: d.cause ? "medusa" : "lots",
      repair: unapplied ? "automatic" : "manual",
      message: unapplied
        ? `Lot changes of ${units(-d.untracked_quantity)} never reached Medusa's stock (the server stopped in between): the repair applies them.`
        : d.cause ??
          (d.untracked_quantity > 0
            ? `Medusa holds ${units(d.untracked_quantity)} more than the lots: count the shelf, then receive them into a lot or correct Medusa's stock.`
            : `The lots hold ${units(-d.untracked_quantity)} more than Medusa: count the shelf, then adjust the lots or Medusa's stock.`),
    }
  })
}

export type ReservedLevel = { inventory_item_id: string; location_id: string; reserved_quantity: number }
export type ReservationSum = { inventory_item_id: string; location_id: string; quantity: number }

/** Medusa's reserved quantity against what its reservations add up to; the reservations are the truth. */
export function reservedFindings(levels: ReservedLevel[], sums: ReservationSum[]): IntegrityFinding[] {
  const key = (r: { inventory_item_id: string; location_id: string }) => `${r.inventory_item_id}\u0000${r.location_id}`
  const summed = new Map(sums.map((s) => [key(s), Number(s.quantity)]))
  return levels.flatMap((level) => {
    const expected = summed.get(key(level)) ?? 0
    const actual = Number(level.reserved_quantity)
    if (actual === expected) return []
    return [
      {
        check: IntegrityCheck.RESERVED,
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
        expected,
        actual,
        source: "medusa" as const,
        repair: "automatic" as const,
        message:
          `Medusa counts ${units(actual)} reserved here but its reservations add up to ${expected}, so it shows ` +
          `${units(Math.abs(actual - expected))} ${actual > expected ? "fewer" : "more"} available than there are. ` +
          `The repair sets the reserved quantity to what the reservations hold.`,
      },
    ]
  })
}

/** A reservation that holds a lot's units back, by the stock row its metadata names. */
export type BlockReservation = { id: string; inventory_item_id: string; location_id: string; quantity: number; lot_stock_id: string | null }

/**
 * Each stock row's block against the units it must hold back, and blocks no stock row points at
 * (a process stopped between creating one and recording it): those hold units back for nothing.
 */
export function blockFindings(rows: LotStockBlockRow[], blocks: BlockReservation[]): IntegrityFinding[] {
  const byId = new Map(blocks.map((b) => [b.id, b]))
  const pointedAt = new Set(rows.map((r) => r.blocked_reservation_id).filter(Boolean))
  const findings: IntegrityFinding[] = []
  for (const row of rows) {
    const expected = blockedQuantity(row)
    const actual = row.blocked_reservation_id ? Number(byId.get(row.blocked_reservation_id)?.quantity ?? 0) : 0
    if (actual === expected) continue
    findings.push({
      check: IntegrityCheck.BLOCKED,
      ...stockRowRef(row),
      expected,
      actual,
      source: "lots",
      repair: "automatic",
      message:
        actual < expected
          ? `Lot ${row.lot_number} (${row.status.replace("_", " ")}) has ${units(expected)} that may not be sold, but only ${actual} are held back from sale.`
          : `Lot ${row.lot_number} holds ${units(actual)} back from sale where ${expected} should be.`,
    })
  }
  for (const block of blocks) {
    if (pointedAt.has(block.id)) continue
    findings.push({
      check: IntegrityCheck.BLOCKED,
      inventory_item_id: block.inventory_item_id,
      location_id: block.location_id,
      stock_id: block.lot_stock_id ?? undefined,
      reservation_id: block.id,
      expected: 0,
      actual: Number(block.quantity),
      source: "lots",
      repair: "automatic",
      message: `Reservation ${block.id} holds ${units(Number(block.quantity))} back from sale for a lot that no longer uses it.`,
    })
  }
  return findings
}

/** What a finding about one lot stock row names. */
function stockRowRef(row: AllocatedCounter) {
  const { inventory_item_id, location_id, lot_id, lot_number, stock_id } = row
  return { inventory_item_id, location_id, lot_id, lot_number, stock_id }
}

export type AllocatedCounter = Pick<LotStockBlockRow, "stock_id" | "lot_id" | "lot_number" | "inventory_item_id" | "location_id" | "allocated_quantity">

/** The stock rows' allocated counters against their open allocation rows (the rows are the truth). */
export function allocatedCounterFindings(rows: AllocatedCounter[], openByStock: Map<string, number>): IntegrityFinding[] {
  return rows.flatMap((row) => {
    const expected = openByStock.get(row.stock_id) ?? 0
    if (row.allocated_quantity === expected) return []
    return [
      {
        check: IntegrityCheck.ALLOCATED,
        ...stockRowRef(row),
        expected,
        actual: row.allocated_quantity,
        source: "lots" as const,
        repair: "automatic" as const,
        message: `Lot ${row.lot_number} counts ${units(row.allocated_quantity)} promised to orders, but its open allocations add up to ${expected}.`,
      },
    ]
  })
}

/** What a line should hold at a location (from Medusa's reservations) and what it holds. */
export type LineHolding = {
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  demand: number
  allocated: number
  short: number
}

/** Lines whose open allocations and shortfalls differ from the unfulfilled units Medusa reserves for them. */
export function allocationFindings(lines: LineHolding[]): IntegrityFinding[] {
  return lines.flatMap((line) => {
    const actual = line.allocated + line.short
    if (actual === line.demand && line.allocated <= line.demand) return []
    return [
      {
        check: IntegrityCheck.ALLOCATION,
        inventory_item_id: line.inventory_item_id,
        location_id: line.location_id,
        order_id: line.order_id,
        line_item_id: line.line_item_id,
        expected: line.demand,
        actual,
        source: "lots" as const,
        repair: "automatic" as const,
        message:
          actual > line.demand
            ? `Order line ${line.line_item_id} holds ${units(line.allocated)} of lots${line.short ? ` and ${line.short} short` : ""} here but has only ${line.demand} left to fulfill.`
            : `Order line ${line.line_item_id} has ${units(line.demand)} left to fulfill here but only ${actual} are allocated to lots or recorded short.`,
      },
    ]
  })
}

/** One of Medusa's fulfillments of lot-tracked units, and whether the lots booked it. */
export type FulfillmentBooking = {
  fulfillment_id: string
  order_id: string
  location_id: string
  inventory_item_id: string
  /** Lot-tracked units in Medusa's fulfillment. */
  units: number
  canceled: boolean
  /** Units the lots count as shipped in it (allocation rows still `fulfilled`). */
  booked_shipped: number
  /** Whether the lots booked it at all (shipped, or shipped and then canceled). */
  booked: boolean
}

/** Fulfillments Medusa holds that no lot gave units to, and canceled ones the lots still count as shipped. */
export function fulfillmentFindings(bookings: FulfillmentBooking[]): IntegrityFinding[] {
  return bookings.flatMap((b) => {
    const base = {
      check: IntegrityCheck.FULFILLMENT,
      inventory_item_id: b.inventory_item_id,
      location_id: b.location_id,
      order_id: b.order_id,
      fulfillment_id: b.fulfillment_id,
      source: "lots" as const,
      repair: "automatic" as const,
    }
    if (!b.canceled && !b.booked) {
      return [{ ...base, expected: b.units, actual: 0, message: `Fulfillment ${b.fulfillment_id} took ${units(b.units)} out of Medusa's stock, but out of no lot.` }]
    }
    if (b.canceled && b.booked_shipped > 0) {
      return [
        {
          ...base,
          expected: 0,
          actual: b.booked_shipped,
          message: `Fulfillment ${b.fulfillment_id} was canceled in Medusa, but its lots still count ${units(b.booked_shipped)} as shipped.`,
        },
      ]
    }
    return []
  })
}

export type LotLedger = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  on_hand: number
  totals: LotEventTotals
}

/** Lots whose stock is not what their history sums to, or above what they ever received, got back or were counted with. */
export function ledgerFindings(lots: LotLedger[]): IntegrityFinding[] {
  return lots.flatMap((lot) => {
    const balance = massBalance(lot.totals, lot.on_hand)
    const base = {
      check: IntegrityCheck.LEDGER,
      inventory_item_id: lot.inventory_item_id,
      location_id: null,
      lot_id: lot.lot_id,
      lot_number: lot.lot_number,
      source: "lots" as const,
      repair: "manual" as const,
    }
    const findings: IntegrityFinding[] = []
    if (!balance.balanced) {
      findings.push({
        ...base,
        expected: balance.expected_on_hand,
        actual: lot.on_hand,
        message: `Lot ${lot.lot_number} holds ${units(lot.on_hand)} but its history accounts for ${balance.expected_on_hand}: count the lot and record an adjustment.`,
      })
    }
    // Units a count found are recorded by a person: they count as coming in, like a receipt.
    const ceiling = balance.received + balance.returned + Math.max(0, -balance.adjusted)
    if (lot.on_hand > ceiling) {
      findings.push({
        ...base,
        expected: ceiling,
        actual: lot.on_hand,
        message: `Lot ${lot.lot_number} holds ${units(lot.on_hand)}, more than the ${ceiling} it received, got back and was counted with: count the lot and record an adjustment.`,
      })
    }
    return findings
  })
}

/** Where the admin's integrity page lives, for the feed notification. */
export const INTEGRITY_PAGE_PATH = "/app/lots/integrity"

/**
 * The admin feed notification of a repair run that found drift: how much was found, how much the
 * repair corrected, and what is left for a person. Null when nothing was found.
 */
export function driftNotification(found: IntegrityFinding[], corrected: number, left: IntegrityFinding[]): { title: string; description: string } | null {
  if (!found.length) {
    return null
  }
  const checks = [...new Set(found.map((f) => f.check))].join(", ")
  const title = left.length
    ? `Lot tracking: ${left.length} problem${left.length === 1 ? "" : "s"} need${left.length === 1 ? "s" : ""} a person`
    : `Lot tracking: ${found.length} problem${found.length === 1 ? "" : "s"} found and repaired`
  const description =
    `Checks that did not hold: ${checks}. The repair made ${corrected} correction${corrected === 1 ? "" : "s"}` +
    (left.length ? `; ${left.length} remain${left.length === 1 ? "s" : ""}, first: ${left[0].message}` : ".")
  return { title, description }
}
