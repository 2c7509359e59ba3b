import type { LotStatus } from "../types"
import type { Sql } from "./sql"

export type LotSearchFilters = {
  q?: string
  inventory_item_id?: string[]
  location_id?: string[]
  status?: LotStatus[]
  expires_before?: Date
  expires_after?: Date
}

export type LotSearchPage = { skip: number; take: number; order?: string }

// Column names can't be bound as parameters: only these, checked here, reach the SQL text.
const SORTABLE = new Set(["lot_number", "status", "expires_at", "manufactured_at", "received_at", "created_at", "updated_at"])

/** Escapes LIKE wildcards so a search for "L_1%" matches those characters literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`
}

/**
 * One page of lot ids and the total count for the admin list. Lot numbers are stored upper-case,
 * so the search is a plain LIKE on the upper-cased text (served by the trigram index); the
 * location filter is an EXISTS on lot_stock rather than a join that would group every lot.
 */
export async function searchLotIds(sql: Sql, filters: LotSearchFilters, page: LotSearchPage) {
  const where = ["l.deleted_at IS NULL"]
  const params: unknown[] = []
  if (filters.q) {
    where.push("l.lot_number LIKE ?")
    params.push(likePattern(filters.q.trim().toUpperCase()))
  }
  if (filters.inventory_item_id?.length) {
    where.push("l.inventory_item_id IN (?)")
    params.push(filters.inventory_item_id)
  }
  if (filters.status?.length) {
    where.push("l.status IN (?)")
    params.push(filters.status)
  }
  if (filters.expires_before) {
    where.push("l.expires_at < ?")
    params.push(filters.expires_before)
  }
  if (filters.expires_after) {
    where.push("l.expires_at >= ?")
    params.push(filters.expires_after)
  }
  if (filters.location_id?.length) {
    where.push("EXISTS (SELECT 1 FROM lot_stock s WHERE s.lot_id = l.id AND s.location_id IN (?) AND s.deleted_at IS NULL)")
    params.push(filters.location_id)
  }
  const field = page.order?.replace(/^-/, "")
  if (field && !SORTABLE.has(field)) {
    throw new Error(`Cannot order lots by "${field}"`)
  }
  const direction = page.order?.startsWith("-") ? "DESC" : "ASC"
  const nulls = direction === "ASC" ? "NULLS LAST" : "NULLS FIRST"
  // Without an order, ids (time-ordered) keep the newest-last order the primary key index serves.
  const orderSql = field ? `l.${field} ${direction} ${nulls}, l.id ${direction}` : "l.id ASC"
  const whereSql = where.join(" AND ")
  const [rows, [{ count }]] = await Promise.all([
    sql.execute<{ id: string }[]>(
      `SELECT l.id FROM lot l WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
      [...params, page.take, page.skip]
    ),
    sql.execute<{ count: number }[]>(`SELECT count(*)::int AS count FROM lot l WHERE ${whereSql}`, params),
  ])
  return { ids: rows.map((r) => r.id), count: Number(count) }
}
