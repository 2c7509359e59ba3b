import { generateEntityId } from "@medusajs/framework/utils"
import type { LotLineageKind } from "../types"
import type { Sql } from "./sql"

export type LineageRowInput = {
  parent_lot_id: string
  child_lot_id: string
  quantity: number
}

/** Writes the genealogy edges of one transformation in one multi-row INSERT; returns their ids. */
export async function insertLineage(
  sql: Sql,
  t: { transformation_id: string; kind: LotLineageKind; location_id: string; actor_id?: string | null; note?: string | null },
  edges: LineageRowInput[]
): Promise<string[]> {
  if (!edges.length) {
    return []
  }
  const ids = edges.map(() => generateEntityId(undefined, "lotlin"))
  await sql.execute(
    `INSERT INTO lot_lineage (id, parent_lot_id, child_lot_id, kind, transformation_id, location_id, quantity, actor_id, note)
     VALUES ${edges.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
    edges.flatMap((e, index) => [
      ids[index],
      e.parent_lot_id,
      e.child_lot_id,
      t.kind,
      t.transformation_id,
      t.location_id,
      e.quantity,
      t.actor_id ?? null,
      t.note ?? null,
    ])
  )
  return ids
}

/** Retires the edges of a transformation that was rolled back (soft delete: the rows stay on record). */
export async function retireLineage(sql: Sql, transformationId: string): Promise<void> {
  await sql.execute(
    `UPDATE lot_lineage SET deleted_at = now(), updated_at = now() WHERE transformation_id = ? AND deleted_at IS NULL`,
    [transformationId]
  )
}
