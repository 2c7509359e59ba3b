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

/** The id of the live lot with this (normalised) lot number, if any. */
export async function findLotIdByNumber(sql: Sql, lotNumber: string): Promise<string | null> {
  const rows = await sql.execute<{ id: string }[]>(`SELECT id FROM lot WHERE lot_number = ? AND deleted_at IS NULL`, [lotNumber])
  return rows[0]?.id ?? null
}

export async function insertLotRow(sql: Sql, lot: LockedLot, input: ReceiveLotInput): Promise<void> {
  await sql.execute(
    `INSERT INTO lot (id, lot_number, inventory_item_id, status, manufactured_at, expires_at, best_before_at,
                      received_at, supplier, supplier_lot_number, notes, metadata, supplier_id, supplier_details,
                      exempt_source, tlc_assigned_by, receipt_document_type, receipt_document_number)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      lot.id,
      lot.lot_number,
      lot.inventory_item_id,
      lot.status,
      input.manufactured_at ?? null,
      input.expires_at ?? null,
      input.best_before_at ?? null,
      input.received_at ?? new Date(),
      input.supplier ?? null,
      input.supplier_lot_number ?? null,
      input.notes ?? null,
      input.metadata ? JSON.stringify(input.metadata) : null,
      input.supplier_id ?? null,
      input.supplier_details ? JSON.stringify(input.supplier_details) : null,
      input.exempt_source ?? false,
      input.tlc_assigned_by ?? null,
      input.receipt_document_type ?? null,
      input.receipt_document_number ?? null,
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

/** Soft-deletes a lot, which frees its lot number again while its history stays on record. */
export async function retireLot(sql: Sql, lotId: string): Promise<void> {
  await sql.execute(`UPDATE lot SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL`, [lotId])
}

/** Soft-deletes every stock row of a lot (before the lot itself is retired). */
export async function retireLotStock(sql: Sql, lotId: string): Promise<void> {
  await sql.execute(`UPDATE lot_stock SET deleted_at = now() WHERE lot_id = ? AND deleted_at IS NULL`, [lotId])
}
