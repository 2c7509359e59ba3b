import type { LotStatus } from "../types"
import type { Sql } from "./sql"

export type LotSearchFilters = {
  /** Text a lot number contains — or, with `q_inventory_item_ids`, that names the lot's item. */
  q?: string
  /** The items the search text matched by name or SKU (looked up in Medusa's modules): their lots match too. */
  q_inventory_item_ids?: string[]
  inventory_item_id?: string[]
  location_id?: string[]
  status?: LotStatus[]
  expires_before?: Date
  expires_after?: Date
  /** Only lots with units on hand (at the filtered locations, when there are). */
  in_stock?: boolean
}

export type LotSearchPage = { skip: number; take: number; order?: string }

// Column names can't be bound as parameters: only these, checked here, reach the SQL text.
const SORTABLE = new Set(["lot_number", "status", "expires_at", "manufactured_at", "received_at", "created_at", "updated_at"])

/** Escapes LIKE wildcards so a search for "L_1%" matches those characters literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`
}

/**
 * The WHERE clause of a lot search. Lot numbers are stored upper-case, so the text search is a
 * plain LIKE on the upper-cased text (served by the trigram index); the items it matched by name
 * arrive as one JSON array parameter, however many there are (a list of placeholders would hit
 * PostgreSQL's limit of 65,535 bound values). The location filter is an EXISTS on lot_stock
 * rather than a join that would group every lot.
 */
function lotSearchWhere(filters: LotSearchFilters): { whereSql: string; params: unknown[] } {
  const where = ["l.deleted_at IS NULL"]
  const params: unknown[] = []
  if (filters.q) {
    const byNumber = "l.lot_number LIKE ?"
    params.push(likePattern(filters.q.trim().toUpperCase()))
    if (filters.q_inventory_item_ids?.length) {
      where.push(`(${byNumber} OR l.inventory_item_id IN (SELECT jsonb_array_elements_text(?::jsonb)))`)
      params.push(JSON.stringify(filters.q_inventory_item_ids))
    } else {
      where.push(byNumber)
    }
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
  const onHand = filters.in_stock ? " AND s.quantity > 0" : ""
  if (filters.location_id?.length) {
    where.push(`EXISTS (SELECT 1 FROM lot_stock s WHERE s.lot_id = l.id AND s.location_id IN (?) AND s.deleted_at IS NULL${onHand})`)
    params.push(filters.location_id)
  } else if (filters.in_stock) {
    where.push(`EXISTS (SELECT 1 FROM lot_stock s WHERE s.lot_id = l.id AND s.deleted_at IS NULL${onHand})`)
  }
  return { whereSql: where.join(" AND "), params }
}

/** One page of lot ids and the total count for the admin list. */
export async function searchLotIds(sql: Sql, filters: LotSearchFilters, page: LotSearchPage) {
  const { whereSql, params } = lotSearchWhere(filters)
  const field = page.order?.replace(/^-/, "")
  if (field && !SORTABLE.has(field)) {
    throw new Error(`Cannot order lots by "${field}"`)
  }
  const direction = page.order?.startsWith("-") ? "DESC" : "ASC"
  const nulls = direction === "ASC" ? "NULLS LAST" : "NULLS FIRST"
  // Without an order, ids (time-ordered) keep the newest-last order the primary key index serves.
  const orderSql = field ? `l.${field} ${direction} ${nulls}, l.id ${direction}` : "l.id ASC"
  const [rows, [{ count }]] = await Promise.all([
    sql.execute<{ id: string }[]>(
      `SELECT l.id FROM lot l WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
      [...params, page.take, page.skip]
    ),
    sql.execute<{ count: number }[]>(`SELECT count(*)::int AS count FROM lot l WHERE ${whereSql}`, params),
  ])
  return { ids: rows.map((r) => r.id), count: Number(count) }
}

/**
 * The next lots of a search in lot-number order, after the lot number `after` (from the start
 * without it). Lot numbers are unique, so an export that reads page after page this way sees every
 * lot once, even while lots are received in between — which an offset would not promise.
 */
export async function searchLotIdsAfterNumber(sql: Sql, filters: LotSearchFilters, page: { after?: string; take: number }) {
  const { whereSql, params } = lotSearchWhere(filters)
  const after = page.after === undefined ? "" : " AND l.lot_number > ?"
  return await sql.execute<{ id: string; lot_number: string }[]>(
    `SELECT l.id, l.lot_number FROM lot l WHERE ${whereSql}${after} ORDER BY l.lot_number LIMIT ?`,
    [...params, ...(page.after === undefined ? [] : [page.after]), page.take]
  )
}
