import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The slice of the test runner's axios client the specs use. */
export type Api = {
  get: (url: string, config?: unknown) => Promise<{ status: number; data: any }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ status: number; data: any }>
}
export type Headers = Record<string, string>

/** Response of a request that may fail: axios rejects on 4xx/5xx, this hands back the response either way. */
export async function send<T extends { status: number; data: any }>(request: Promise<T>): Promise<{ status: number; data: any }> {
  return await request.catch((e: any) => {
    if (!e?.response) throw e
    return e.response
  })
}

/** Today's date as rendered by the {YYMMDD} token (UTC). */
export function yymmdd(date = new Date()): string {
  return date.toISOString().slice(2, 10).replace(/-/g, "")
}

export async function setPolicy(api: Api, headers: Headers, inventoryItemId: string, policy: Record<string, unknown> = {}) {
  const { data } = await api.post(
    `/admin/inventory-items/${inventoryItemId}/lot-policy`,
    { tracked: true, ...policy },
    { headers }
  )
  return data.lot_policy
}

export async function receive(api: Api, headers: Headers, body: Record<string, unknown>) {
  const { data } = await api.post(`/admin/lots`, body, { headers })
  return data as { lot: any; receipt: any }
}

export async function getLot(api: Api, headers: Headers, lotId: string) {
  const { data } = await api.get(`/admin/lots/${lotId}`, { headers })
  return data.lot
}

/**
 * The stock side of GET /admin/lots/reconciliation: items checked, in balance, stock drift. Every
 * drift must also be among the report's findings (check "stock"); the other checks' findings count
 * in `in_balance` only.
 */
export async function reconcile(api: Api, headers: Headers, query = "") {
  const { data } = await api.get(`/admin/lots/reconciliation${query}`, { headers })
  const { findings, ...report } = data as { checked_items: number; in_balance: boolean; drift: any[]; findings: any[] }
  expect(findings.filter((f) => f.check === "stock")).toHaveLength(report.drift.length)
  return report
}

export async function expectInBalance(api: Api, headers: Headers) {
  const result = await reconcile(api, headers)
  expect(result.drift).toEqual([])
  expect(result.in_balance).toBe(true)
  return result
}

/** Quantity per location of a lot, from the API's stock[] (locations with 0 included). */
export function stockByLocation(lot: { stock: { location_id: string; quantity: number }[] }): Record<string, number> {
  return Object.fromEntries(lot.stock.map((s) => [s.location_id, s.quantity]))
}

function sql(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
}

async function rows(container: MedusaContainer, query: string, params: unknown[] = []): Promise<any[]> {
  const result = await sql(container).raw(query, params)
  return result.rows
}

/** Every event of a lot (also of a lot retired by a rollback), oldest first, read straight from the table. */
export async function lotEventsInDb(container: MedusaContainer, lotId: string) {
  return await rows(
    container,
    `SELECT id, type, quantity, location_id, to_location_id, reason, note, reference_type, reference_id
       FROM lot_event WHERE lot_id = ? ORDER BY created_at, id`,
    [lotId]
  )
}

/** Lots of an item as stored, including soft-deleted ones. */
export async function lotsInDb(container: MedusaContainer, inventoryItemId?: string) {
  return await rows(
    container,
    `SELECT id, lot_number, status, deleted_at FROM lot ${inventoryItemId ? "WHERE inventory_item_id = ?" : ""} ORDER BY id`,
    inventoryItemId ? [inventoryItemId] : []
  )
}

/** Stock rows of a lot as stored, including soft-deleted ones. */
export async function lotStockInDb(container: MedusaContainer, lotId: string) {
  return await rows(
    container,
    `SELECT location_id, quantity, allocated_quantity, deleted_at FROM lot_stock WHERE lot_id = ? ORDER BY location_id`,
    [lotId]
  )
}

/**
 * Everything a lot request may write: lots, lot stock, lot events, lot policies and Medusa's
 * inventory levels, read straight from the database (soft-deleted rows included, timestamps left
 * out). Two equal snapshots mean the request changed nothing.
 */
export async function snapshot(container: MedusaContainer) {
  const [lots, stock, events, policies, levels, suppliers] = await Promise.all([
    rows(
      container,
      `SELECT id, lot_number, inventory_item_id, status, manufactured_at, expires_at, best_before_at, supplier,
              supplier_lot_number, supplier_id, supplier_details, exempt_source, tlc_assigned_by, receipt_document_type,
              receipt_document_number, notes, metadata, deleted_at FROM lot ORDER BY id`
    ),
    rows(container, `SELECT id, lot_id, location_id, quantity, allocated_quantity, deleted_at FROM lot_stock ORDER BY id`),
    rows(container, `SELECT id, lot_id, type, quantity FROM lot_event ORDER BY id`),
    rows(
      container,
      `SELECT id, inventory_item_id, tracked, strategy, shelf_life_days, removal_lead_days, min_remaining_shelf_life_days,
              lot_number_template, lot_number_pattern, unit_of_measure, deleted_at FROM lot_policy ORDER BY id`
    ),
    rows(
      container,
      `SELECT id, inventory_item_id, location_id, stocked_quantity::text AS stocked_quantity, deleted_at
         FROM inventory_level ORDER BY id`
    ),
    rows(container, `SELECT * FROM lot_supplier ORDER BY id`),
  ])
  return { lots, stock, events, policies, levels, suppliers }
}

/** Sends a request that must be refused and checks that nothing was written. */
export async function expectRefused(
  container: MedusaContainer,
  request: () => Promise<{ status: number; data: any }>,
  status: number,
  message?: string | RegExp
) {
  const before = await snapshot(container)
  const res = await send(request())
  const context = `${res.status} ${JSON.stringify(res.data)}`
  expect({ status: res.status, context }).toEqual({ status, context })
  if (message !== undefined) {
    expect(res.data.message).toMatch(message)
  }
  expect(await snapshot(container)).toEqual(before)
  return res
}
