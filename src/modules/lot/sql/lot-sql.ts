import type { Sql } from "./sql"
import type { EditableLotFields, LotEditSubject, LotStatus, ReceiveLotInput } from "../types"

/** A lot as the writes that lock or check it read it. */
export type LockedLot = { id: string; lot_number: string; inventory_item_id: string; status: LotStatus }

/**
 * Locks a lot row for a write. NO KEY UPDATE: queues writers of the same lot without blocking the
 * foreign-key check of a concurrent lot_stock insert (FOR UPDATE there deadlocks a receipt against
 * a transfer).
 */
export async function lockLotRow(sql: Sql, lotId: string): Promise<LockedLot | null> {
  const rows = await sql.execute<LockedLot[]>(
    `SELECT id, lot_number, inventory_item_id, status FROM lot WHERE id = ? AND deleted_at IS NULL FOR NO KEY UPDATE`,
    [lotId]
  )
  return rows[0] ?? null
}

export async function findLotRow(sql: Sql, lotId: string): Promise<LockedLot | null> {
  const rows = await sql.execute<LockedLot[]>(
    `SELECT id, lot_number, inventory_item_id, status FROM lot WHERE id = ? AND deleted_at IS NULL`,
    [lotId]
  )
  return rows[0] ?? null
}

/**
 * Locks several lots for a write, in id order (PostgreSQL locks the rows as the sort hands them
 * over), so two batches that share lots meet them in the same order and cannot deadlock. Same lock
 * mode as lockLotRow.
 */
export async function lockLotRows(sql: Sql, lotIds: string[]): Promise<LockedLot[]> {
  if (!lotIds.length) {
    return []
  }
  return await sql.execute<LockedLot[]>(
    `SELECT id, lot_number, inventory_item_id, status FROM lot
      WHERE id IN (?) AND deleted_at IS NULL ORDER BY id FOR NO KEY UPDATE`,
    [[...new Set(lotIds)].sort()]
  )
}

/** The live lots holding any of these (normalised) lot numbers. */
export async function findLotIdsByNumbers(sql: Sql, lotNumbers: string[]): Promise<{ id: string; lot_number: string }[]> {
  if (!lotNumbers.length) {
    return []
  }
  return await sql.execute(`SELECT id, lot_number FROM lot WHERE lot_number IN (?) AND deleted_at IS NULL`, [lotNumbers])
}

/** A new lot row: its identity and the receipt that creates it. */
export type NewLotRow = { lot: LockedLot; input: ReceiveLotInput }

/** Inserts new lots in one statement, one array per column unnested side by side. */
export async function insertLotRows(sql: Sql, rows: NewLotRow[]): Promise<void> {
  if (!rows.length) {
    return
  }
  const json = (value: Record<string, unknown> | null | undefined) => (value ? JSON.stringify(value) : null)
  const now = new Date()
  await sql.execute(
    `INSERT INTO lot (id, lot_number, inventory_item_id, status, manufactured_at, expires_at, best_before_at,
                      received_at, supplier, supplier_lot_number, notes, metadata, supplier_id, supplier_details,
                      exempt_source, tlc_assigned_by, receipt_document_type, receipt_document_number)
     SELECT * FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::timestamptz[],
                          ARRAY[?]::timestamptz[], ARRAY[?]::timestamptz[], ARRAY[?]::timestamptz[], ARRAY[?]::text[],
                          ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::jsonb[], ARRAY[?]::text[], ARRAY[?]::jsonb[],
                          ARRAY[?]::boolean[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[])`,
    [
      rows.map(({ lot }) => lot.id),
      rows.map(({ lot }) => lot.lot_number),
      rows.map(({ lot }) => lot.inventory_item_id),
      rows.map(({ lot }) => lot.status),
      rows.map(({ input }) => input.manufactured_at ?? null),
      rows.map(({ input }) => input.expires_at ?? null),
      rows.map(({ input }) => input.best_before_at ?? null),
      rows.map(({ input }) => input.received_at ?? now),
      rows.map(({ input }) => input.supplier ?? null),
      rows.map(({ input }) => input.supplier_lot_number ?? null),
      rows.map(({ input }) => input.notes ?? null),
      rows.map(({ input }) => json(input.metadata)),
      rows.map(({ input }) => input.supplier_id ?? null),
      rows.map(({ input }) => json(input.supplier_details)),
      rows.map(({ input }) => input.exempt_source ?? false),
      rows.map(({ input }) => input.tlc_assigned_by ?? null),
      rows.map(({ input }) => input.receipt_document_type ?? null),
      rows.map(({ input }) => input.receipt_document_number ?? null),
    ]
  )
}

/** What an edit reads of a lot (after locking it): the fields it may change and what its rules look at. */
export async function findLotEditSubject(sql: Sql, lotId: string): Promise<LotEditSubject | null> {
  const rows = await sql.execute<LotEditSubject[]>(
    `SELECT lot_number, status, received_at, exempt_source, tlc_assigned_by, expiry_warning_days, manufactured_at,
            expires_at, best_before_at, supplier_id, supplier, supplier_details, supplier_lot_number, notes
       FROM lot WHERE id = ? AND deleted_at IS NULL`,
    [lotId]
  )
  return rows[0] ?? null
}

/** Writes a lot's editable fields and its announced expiry warning window (an edit and its undo). */
export async function writeLotEditableFields(
  sql: Sql,
  lotId: string,
  fields: EditableLotFields & { expiry_warning_days: number | null }
): Promise<void> {
  await sql.execute(
    `UPDATE lot SET manufactured_at = ?, expires_at = ?, best_before_at = ?, supplier_id = ?, supplier = ?,
                    supplier_details = ?, supplier_lot_number = ?, notes = ?, expiry_warning_days = ?, updated_at = now()
      WHERE id = ?`,
    [
      fields.manufactured_at,
      fields.expires_at,
      fields.best_before_at,
      fields.supplier_id,
      fields.supplier,
      fields.supplier_details ? JSON.stringify(fields.supplier_details) : null,
      fields.supplier_lot_number,
      fields.notes,
      fields.expiry_warning_days,
      lotId,
    ]
  )
}

export async function setLotStatus(sql: Sql, lotId: string, status: LotStatus): Promise<void> {
  await sql.execute(`UPDATE lot SET status = ?, updated_at = now() WHERE id = ?`, [status, lotId])
}

/** Soft-deletes lots, which frees their lot numbers again while their history stays on record. */
export async function retireLots(sql: Sql, lotIds: string[]): Promise<void> {
  if (lotIds.length) {
    await sql.execute(`UPDATE lot SET deleted_at = now() WHERE id IN (?) AND deleted_at IS NULL`, [lotIds])
  }
}

/** Soft-deletes every stock row of the lots (before the lots themselves are retired). */
export async function retireLotStock(sql: Sql, lotIds: string[]): Promise<void> {
  if (lotIds.length) {
    await sql.execute(`UPDATE lot_stock SET deleted_at = now() WHERE lot_id IN (?) AND deleted_at IS NULL`, [lotIds])
  }
}
