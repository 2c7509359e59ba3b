import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { LotEventInput } from "../types"

/**
 * Every statement here takes its values through `?` placeholders, which knex binds with escaping;
 * no SQL text is ever built from input.
 */
export type Sql = Pick<SqlEntityManager, "execute">

export type LotStockRow = {
  id: string
  lot_id: string
  location_id: string
  quantity: number
  allocated_quantity: number
  // Returned units awaiting inspection: on hand, not free.
  quarantined_quantity: number
}

/**
 * Locks the stock row of a lot at a location (creating an empty one first when `create` is set),
 * so that concurrent writers of the same lot and location queue behind each other, whichever
 * server process they run in.
 */
export async function lockLotStock(
  sql: Sql,
  lotId: string,
  locationId: string,
  create: boolean
): Promise<LotStockRow | null> {
  if (create) {
    await sql.execute(
      `INSERT INTO lot_stock (id, lot_id, location_id, quantity, allocated_quantity)
       VALUES (?, ?, ?, 0, 0)
       ON CONFLICT (lot_id, location_id) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "lotstk"), lotId, locationId]
    )
  }
  const rows = await sql.execute<LotStockRow[]>(
    `SELECT id, lot_id, location_id, quantity, allocated_quantity, quarantined_quantity
       FROM lot_stock
      WHERE lot_id = ? AND location_id = ? AND deleted_at IS NULL
      FOR UPDATE`,
    [lotId, locationId]
  )
  return rows[0] ?? null
}

export async function setLotStockQuantity(
  sql: Sql,
  stockId: string,
  quantity: number,
  quarantinedQuantity?: number
): Promise<void> {
  await sql.execute(
    `UPDATE lot_stock SET quantity = ?, quarantined_quantity = COALESCE(?, quarantined_quantity), updated_at = now()
      WHERE id = ?`,
    [quantity, quarantinedQuantity ?? null, stockId]
  )
}

/** Moves a stock row's on-hand and allocated units by signed amounts (shipped, or put back). */
export async function shiftLotStock(sql: Sql, stockId: string, quantity: number, allocatedQuantity: number): Promise<void> {
  await sql.execute(
    `UPDATE lot_stock SET quantity = quantity + ?, allocated_quantity = allocated_quantity + ?, updated_at = now() WHERE id = ?`,
    [quantity, allocatedQuantity, stockId]
  )
}

/** Writes history entries in one multi-row INSERT; returns their ids in input order. */
export async function insertLotEvents(sql: Sql, events: LotEventInput[]): Promise<string[]> {
  if (!events.length) {
    return []
  }
  const ids = events.map(() => generateEntityId(undefined, "lotevt"))
  await sql.execute(
    `INSERT INTO lot_event (id, lot_id, type, quantity, location_id, to_location_id, from_status,
                            to_status, actor_id, reason, note, reference_type, reference_id, data)
     VALUES ${events.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
    events.flatMap((event, index) => [
      ids[index],
      event.lot_id,
      event.type,
      event.quantity ?? 0,
      event.location_id ?? null,
      event.to_location_id ?? null,
      event.from_status ?? null,
      event.to_status ?? null,
      event.actor_id ?? null,
      event.reason ?? null,
      event.note ?? null,
      event.reference_type ?? null,
      event.reference_id ?? null,
      event.data ? JSON.stringify(event.data) : null,
    ])
  )
  return ids
}

/**
 * Draws `count` consecutive numbers from each of several lot-number sequences in one statement;
 * returns each key's last value (its numbers are last - count + 1 .. last). Keys are taken in
 * sorted order, so two batches drawing from the same sequences never deadlock.
 */
export async function drawSequenceValues(sql: Sql, draws: { key: string; count: number }[]): Promise<{ key: string; last_value: number }[]> {
  const sorted = [...draws].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  if (!sorted.length) {
    return []
  }
  const rows = await sql.execute<{ key: string; last_value: number }[]>(
    `INSERT INTO lot_number_sequence (id, key, last_value)
     SELECT id, key, count FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::int[]) WITH ORDINALITY AS d(id, key, count, n)
      ORDER BY n
     ON CONFLICT (key) WHERE deleted_at IS NULL
     DO UPDATE SET last_value = lot_number_sequence.last_value + excluded.last_value, updated_at = now()
     RETURNING key, last_value`,
    [sorted.map(() => generateEntityId(undefined, "lotseq")), sorted.map((d) => d.key), sorted.map((d) => d.count)]
  )
  return rows.map((r) => ({ key: r.key, last_value: Number(r.last_value) }))
}

/** Atomically hands out the next number of a sequence (one counter per key). */
export async function nextSequenceValue(sql: Sql, key: string): Promise<number> {
  const [row] = await drawSequenceValues(sql, [{ key, count: 1 }])
  return row.last_value
}

/**
 * Gives a sequence value back when it is still the last one drawn (a refused receipt, production
 * or split took it), so refusals leave no gap in the lot numbers; one drawn by someone else since
 * stays taken.
 */
export async function releaseSequenceValue(sql: Sql, key: string, value: number): Promise<void> {
  await sql.execute(
    `UPDATE lot_number_sequence SET last_value = last_value - 1, updated_at = now()
      WHERE key = ? AND last_value = ? AND deleted_at IS NULL`,
    [key, value]
  )
}

/** Turns a unique-index violation on the lot number into the error a merchant should read. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string }
  return e?.code === "23505" && (e.constraint === constraint || Boolean(e.message?.includes(constraint)))
}

export function notEnoughStock(lotNumber: string, locationId: string, available: number, wanted: number) {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Lot ${lotNumber} has only ${available} unit(s) free at location ${locationId}; ${wanted} requested.`
  )
}
