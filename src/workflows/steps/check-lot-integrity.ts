import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import {
  allocatedCounterFindings, allocationFindings, blockFindings, fulfillmentFindings, ledgerFindings, reservedFindings,
  stockFindings, type BlockReservation, type FulfillmentBooking, type IntegrityFinding, type LineHolding,
} from "../../modules/lot/domain/integrity"
import { overReservedFindings } from "../../modules/lot/domain/line-reservations"
import { findStockDrift, type StockDrift } from "../../modules/lot/domain/reconciliation"
import type LotModuleService from "../../modules/lot/service"
import { loadOrderLotDemand } from "./get-order-lot-demand"
import { loadReservedLines } from "./lookups/reserved-lines"

export type CheckLotIntegrityStepInput = {
  inventory_item_id?: string[]
  /**
   * Leave out orders changed within this many seconds: their allocation or fulfillment may still
   * be on its way (a subscriber, a hook), not drift. 0 checks everything as it stands.
   */
  settle_seconds?: number
}

export type LotIntegrityReport = {
  checked_items: number
  in_balance: boolean
  /** Σ lot stock against Medusa's stocked quantity per item and location (also among `findings`). */
  drift: StockDrift[]
  /** Every invariant that does not hold, the stock drift included. */
  findings: IntegrityFinding[]
}

export const checkLotIntegrityStepId = "check-lot-integrity"
/**
 * Checks every invariant between the lots and Medusa for the lot-tracked items (all, or the given
 * ones): stock, reserved quantities, blocks, allocated counters, order lines' reservations and allocations,
 * fulfillments booked in lots, and each lot's history. Read-only.
 * Used by `reconcileLotStockWorkflow` and the repair.
 *
 * @example
 * const report = checkLotIntegrityStep({ settle_seconds: 0 })
 */
export const checkLotIntegrityStep = createStep(checkLotIntegrityStepId, async (input: CheckLotIntegrityStepInput, { container }) => {
  return new StepResponse(await checkLotIntegrity(container, input))
})

/** The integrity report; also used outside workflows (the repair runner, the scheduled job). */
export async function checkLotIntegrity(container: MedusaContainer, input: CheckLotIntegrityStepInput): Promise<LotIntegrityReport> {
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const inventory = container.resolve(Modules.INVENTORY)
  const policies = await lots.listLotPolicies(
    { tracked: true, ...(input.inventory_item_id ? { inventory_item_id: input.inventory_item_id } : {}) },
    { select: ["inventory_item_id"] }
  )
  const itemIds = policies.map((p) => p.inventory_item_id)
  if (!itemIds.length) {
    return { checked_items: 0, in_balance: true, drift: [], findings: [] }
  }
  const [levels, reservations, totals, doubleRestocks, returnSurplus, state, pendingLevelChanges, orphanedFulfillments] = await Promise.all([
    inventory.listInventoryLevels(
      { inventory_item_id: itemIds },
      { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
    ),
    inventory.listReservationItems(
      { inventory_item_id: itemIds },
      { select: ["id", "inventory_item_id", "location_id", "quantity", "line_item_id", "metadata"] }
    ),
    lots.sumLotStock({ inventory_item_id: itemIds }),
    lots.listDoubleRestockedUnits(itemIds),
    lots.sumReturnSurplus(itemIds),
    lots.readLotIntegrityState(itemIds),
    lots.listPendingLevelChangesOfItems(itemIds),
    lots.listOrphanedFulfillments(itemIds),
  ])
  const drift = findStockDrift(
    itemIds,
    levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) })),
    totals,
    { doubleRestocks, returnSurplus, orphanedFulfillments }
  )
  const reservationSums = new Map<string, { inventory_item_id: string; location_id: string; quantity: number }>()
  for (const r of reservations) {
    const key = `${r.inventory_item_id}\u0000${r.location_id}`
    const sum = reservationSums.get(key) ?? { inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: 0 }
    sum.quantity += Number(r.quantity)
    reservationSums.set(key, sum)
  }
  const blocks: BlockReservation[] = reservations
    .filter((r) => !r.line_item_id && typeof r.metadata?.lot_stock_id === "string")
    .map((r) => ({
      id: r.id,
      inventory_item_id: r.inventory_item_id,
      location_id: r.location_id,
      quantity: Number(r.quantity),
      lot_stock_id: r.metadata!.lot_stock_id as string,
    }))
  // A block the stock row points at counts even if its metadata was lost.
  const pointed = new Set(state.stock.map((s) => s.blocked_reservation_id).filter(Boolean))
  const blockIds = new Set(blocks.map((b) => b.id))
  for (const r of reservations) {
    if (pointed.has(r.id) && !blockIds.has(r.id)) {
      blocks.push({ id: r.id, inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: Number(r.quantity), lot_stock_id: null })
    }
  }
  const orders = await ordersInScope(container, state.holdings, reservations, input.settle_seconds ?? 0)
  const checked = new Set(itemIds)
  const [lineFindings, fulfillmentChecks, reservedLines] = await Promise.all([
    lineHoldingFindings(container, orders, state.holdings, checked),
    fulfillmentBookingFindings(container, lots, orders, checked),
    loadReservedLines(container, { order_ids: orders, inventory_item_ids: itemIds }),
  ])
  const findings = [
    ...stockFindings(drift, pendingByLevel(pendingLevelChanges)),
    ...reservedFindings(
      levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: l.location_id, reserved_quantity: Number(l.reserved_quantity) })),
      [...reservationSums.values()]
    ),
    ...blockFindings(state.stock, blocks),
    ...allocatedCounterFindings(state.stock, new Map(Object.entries(state.open_by_stock))),
    ...overReservedFindings(reservedLines),
    ...lineFindings,
    ...fulfillmentChecks,
    ...ledgerFindings(state.ledgers),
  ]
  return { checked_items: itemIds.length, in_balance: findings.length === 0, drift, findings }
}

/**
 * Orders whose lines hold lots or shortfalls, or hold Medusa reservations of lot-tracked items —
 * the only ones an allocation or an unbooked fulfillment can be wrong for — less those changed
 * within the settle window.
 */
async function ordersInScope(
  container: MedusaContainer,
  holdings: Omit<LineHolding, "demand">[],
  reservations: { line_item_id?: string | null }[],
  settleSeconds: number
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const lineIds = [...new Set(reservations.map((r) => r.line_item_id).filter((id): id is string => Boolean(id)))]
  const orderItems = (
    lineIds.length ? (await query.graph({ entity: "order_item", fields: ["order_id"], filters: { item_id: lineIds } })).data : []
    // Medusa's generated query types leave out order_item's own columns.
  ) as unknown as { order_id: string }[]
  const orderIds = [...new Set([...holdings.map((h) => h.order_id), ...orderItems.map((i) => i.order_id)])]
  if (!orderIds.length || settleSeconds <= 0) {
    return orderIds
  }
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "updated_at"], filters: { id: orderIds } })
  const settledBefore = Date.now() - settleSeconds * 1000
  return orders.filter((o) => new Date(o.updated_at as string | Date).getTime() <= settledBefore).map((o) => o.id)
}

/**
 * Each line's open allocations and shortfalls per location against what Medusa still reserves for
 * it — for the checked items only: the holdings were read for those, and an order may hold others.
 */
async function lineHoldingFindings(
  container: MedusaContainer,
  orderIds: string[],
  holdings: Omit<LineHolding, "demand">[],
  checked: Set<string>
): Promise<IntegrityFinding[]> {
  if (!orderIds.length) {
    return []
  }
  const inScope = new Set(orderIds)
  const key = (l: { line_item_id: string; inventory_item_id: string; location_id: string }) =>
    `${l.line_item_id}|${l.inventory_item_id}|${l.location_id}`
  const lines = new Map<string, LineHolding>()
  for (const held of holdings.filter((h) => inScope.has(h.order_id))) {
    lines.set(key(held), { ...held, demand: 0 })
  }
  for (const need of await loadOrderLotDemand(container, { order_ids: orderIds })) {
    if (!checked.has(need.inventory_item_id)) continue
    const line = lines.get(key(need)) ?? { ...need, allocated: 0, short: 0, demand: 0 }
    line.demand = need.quantity
    lines.set(key(need), line)
  }
  return allocationFindings([...lines.values()])
}

/** Medusa's fulfillments of the orders' lot-tracked units against what the lots booked for them. */
async function fulfillmentBookingFindings(
  container: MedusaContainer,
  lots: LotModuleService,
  orderIds: string[],
  tracked: Set<string>
): Promise<IntegrityFinding[]> {
  if (!orderIds.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id", "fulfillments.id", "fulfillments.location_id", "fulfillments.canceled_at",
      "fulfillments.items.line_item_id", "fulfillments.items.inventory_item_id", "fulfillments.items.quantity",
    ],
    filters: { id: orderIds },
  })
  const bookings = new Map<string, FulfillmentBooking>()
  for (const order of orders) {
    for (const f of order.fulfillments ?? []) {
      for (const item of f?.items ?? []) {
        if (!f || !item?.inventory_item_id || !tracked.has(item.inventory_item_id)) continue
        const key = `${f.id}|${item.inventory_item_id}`
        const booking = bookings.get(key) ?? {
          fulfillment_id: f.id,
          order_id: order.id,
          location_id: f.location_id,
          inventory_item_id: item.inventory_item_id,
          units: 0,
          canceled: Boolean(f.canceled_at),
          booked_shipped: 0,
          booked: false,
        }
        booking.units += MathBN.convert(item.quantity).toNumber()
        bookings.set(key, booking)
      }
    }
  }
  const booked = await lots.sumFulfillmentBookings([...new Set([...bookings.values()].map((b) => b.fulfillment_id))])
  for (const row of booked) {
    const booking = bookings.get(`${row.fulfillment_id}|${row.inventory_item_id}`)
    if (booking) {
      booking.booked = row.rows > 0
      booking.booked_shipped = row.shipped
    }
  }
  return fulfillmentFindings([...bookings.values()])
}

function pendingByLevel(rows: { inventory_item_id: string; location_id: string; quantity: number }[]): Map<string, number[]> {
  const byLevel = new Map<string, number[]>()
  for (const r of rows) {
    const key = `${r.inventory_item_id}\u0000${r.location_id}`
    byLevel.set(key, [...(byLevel.get(key) ?? []), r.quantity])
  }
  return byLevel
}
