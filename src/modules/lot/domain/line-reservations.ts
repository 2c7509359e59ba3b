import { IntegrityCheck, type IntegrityFinding } from "./integrity"
import { counted } from "./words"

/** One of Medusa's reservations for an order line. */
export type LineReservation = { id: string; inventory_item_id: string; location_id: string; quantity: number }

/**
 * The units of each of a line's reservations that stand for units still to fulfill: newest first
 * (their ids sort by time), never more than the line has left. Newest, because a reservation
 * Medusa's rollback brought back (see below) is older than the one that replaced it, where the
 * line's lots are allocated now.
 * Medusa can reserve more than that — it re-reserves a whole line after an edit without taking
 * off what was fulfilled, and a server stopped inside its fulfillment workflow leaves the
 * reservation of units already shipped — and the surplus holds units back from sale for nobody.
 */
export function reservedForOpenUnits<R extends { id: string; quantity: number }>(
  unfulfilled: number,
  reservations: R[]
): { reservation: R; units: number }[] {
  let left = Math.max(0, unfulfilled)
  return [...reservations]
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((reservation) => {
      const units = Math.min(Math.max(0, reservation.quantity), left)
      left -= units
      return { reservation, units }
    })
}

/** An order line's reservations of lot-tracked items and its units not yet fulfilled. */
export type ReservedLine = {
  order_id: string
  line_item_id: string
  unfulfilled: number
  reservations: LineReservation[]
}

const units = (n: number) => counted(n, "unit")

/**
 * Reservations that hold more for their line than it has left to fulfill, one finding per
 * reservation to shrink (or delete, to 0). Medusa's own numbers, so `source: "medusa"`; the
 * repair trims them under Medusa's locking, which also lowers its reserved quantity.
 */
export function overReservedFindings(lines: ReservedLine[]): IntegrityFinding[] {
  return lines.flatMap((line) =>
    reservedForOpenUnits(line.unfulfilled, line.reservations)
      .filter(({ reservation, units: open }) => reservation.quantity > open)
      .map(({ reservation, units: open }) => ({
        check: IntegrityCheck.OVER_RESERVED,
        inventory_item_id: reservation.inventory_item_id,
        location_id: reservation.location_id,
        order_id: line.order_id,
        line_item_id: line.line_item_id,
        reservation_id: reservation.id,
        expected: open,
        actual: reservation.quantity,
        source: "medusa" as const,
        repair: "automatic" as const,
        message:
          `Medusa reserves ${units(reservation.quantity)} here for order line ${line.line_item_id}, which has ` +
          `${line.unfulfilled ? `only ${units(line.unfulfilled)}` : "nothing"} left to fulfill` +
          `${open && open < line.unfulfilled ? ` (${open} of them reserved here)` : ""}: ` +
          `${units(reservation.quantity - open)} ${reservation.quantity - open === 1 ? "is" : "are"} held back from sale ` +
          `for no one. The repair ${open ? `lowers the reservation to ${open}` : "deletes the reservation"}.`,
      }))
  )
}
