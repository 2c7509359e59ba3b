import { shipmentStatusOf } from "../domain/shipment-status"
import {
  deleteShipmentLinks,
  fillShipmentDates,
  insertShipmentLinks,
  lockShipmentLinks,
  restoreShipmentLink,
} from "../sql/shipment-sql"
import type { Sql } from "../sql/sql"
import type { LotShipmentRecord, LotShipmentSnapshot } from "../types"

/** What a sync changed: the links it added and the links as they were before it. */
export type LotShipmentSync = { inserted_ids: string[]; before: LotShipmentRecord[] }

/**
 * Brings a fulfillment's shipment links in line with Medusa's fulfillment: one link per order line
 * and lot taken from its allocations, and dates that are only ever filled in, never moved, so
 * events arriving twice or out of order end in the same rows.
 */
export async function syncLotShipments(sql: Sql, snapshot: LotShipmentSnapshot): Promise<LotShipmentSync> {
  const before = await lockShipmentLinks(sql, snapshot.fulfillment_id)
  const status = shipmentStatusOf(snapshot)
  const insertedIds = await insertShipmentLinks(sql, snapshot, status)
  await fillShipmentDates(sql, before.map((r) => r.id), snapshot, status)
  return { inserted_ids: insertedIds, before }
}

/** Undoes syncLotShipments: removes the links it added and puts back the dates it filled in. */
export async function undoLotShipmentSync(sql: Sql, sync: LotShipmentSync): Promise<void> {
  await deleteShipmentLinks(sql, sync.inserted_ids)
  for (const row of sync.before) {
    await restoreShipmentLink(sql, row)
  }
}
