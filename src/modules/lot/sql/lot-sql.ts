import type { Sql } from "./sql"
import type { LotStatus, ReceiveLotInput } from "../types"

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
