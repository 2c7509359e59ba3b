/** Stocks the demo store (lots through the plugin, untracked items the plain Medusa way) and places its orders. */
import { Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createCartWorkflow,
  createInventoryLevelsWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { LOT_MODULE, LotStatus } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import { allocateOrderLotsWorkflow, receiveLotWorkflow, recordLotShipmentsWorkflow, upsertLotPolicyWorkflow } from "../../workflows"
import { addDays, made } from "./dates"
import { ORDERS, type LocationKey } from "./store"
import type { Ctx, Locations, SeededProduct } from "./store-setup"

// ---------------------------------------------------------------------------------------------
// Lots and stock

export async function seedLots(ctx: Ctx, products: Map<string, SeededProduct>, locations: Locations) {
  const { container, logger } = ctx
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const counts = { lots: 0, receipts: 0, expired: 0, expiringSoon: 0, quarantine: 0, skippedItems: 0 }
  const now = Date.now()

  for (const { spec, inventoryItemId } of products.values()) {
    if (!spec.policy) continue
    await upsertLotPolicyWorkflow(container).run({
      input: {
        inventory_item_id: inventoryItemId,
        tracked: true,
        strategy: spec.policy.strategy ?? "fefo",
        shelf_life_days: spec.policy.shelf_life_days,
        removal_lead_days: spec.policy.removal_lead_days ?? 0,
        min_remaining_shelf_life_days: spec.policy.min_remaining_shelf_life_days ?? 0,
        lot_number_template: spec.policy.lot_number_template ?? null,
        lot_number_pattern: spec.policy.lot_number_pattern ?? null,
      },
    })

    // A resumed seed leaves items that already have lots alone rather than doubling their stock.
    const [already] = await lots.listLots({ inventory_item_id: inventoryItemId }, { select: ["id"], take: 1 })
    if (already) {
      counts.skippedItems++
      continue
    }

    for (const lot of spec.lots ?? []) {
      const manufacturedAt = made(lot.made)
      const receivedAt = new Date(Math.min(addDays(manufacturedAt, lot.arrivedAfter ?? 1).getTime(), now))
      let lotId: string | undefined
      for (const key of ["main", "cold"] as LocationKey[]) {
        const quantity = lot.stock[key]
        if (!quantity) continue
        const common = {
          inventory_item_id: inventoryItemId,
          location_id: locations[key].id,
          quantity,
          supplier: spec.supplier ?? null,
          reference_type: "purchase_order",
          reference_id: lot.purchaseOrder,
        }
        const { result } = await receiveLotWorkflow(container).run({
          input: lotId
            ? // The same lot split over a second location: add to it.
              { ...common, lot_id: lotId }
            : {
                ...common,
                lot_number: lot.number,
                status: lot.status ?? LotStatus.RELEASED,
                manufactured_at: manufacturedAt,
                expires_at: lot.expires === undefined ? undefined : made(lot.expires),
                received_at: receivedAt,
                supplier_lot_number: lot.supplierLot,
                notes: lot.notes ?? null,
                metadata: { seeded_by: "demo" },
              },
        })
        counts.receipts++
        if (!lotId) {
          lotId = result.lot_id
          counts.lots++
        }
      }
      const expiresAt = lot.expires !== undefined ? made(lot.expires) : addDays(manufacturedAt, spec.policy.shelf_life_days)
      if (expiresAt.getTime() < now) counts.expired++
      else if (expiresAt.getTime() < now + 30 * 86_400_000) counts.expiringSoon++
      if (lot.status === LotStatus.QUARANTINE) counts.quarantine++
    }
    logger.info(`[seed]   ${spec.title}: ${spec.lots?.length ?? 0} lots`)
  }
  return counts
}

export async function seedUntrackedStock({ container }: Ctx, products: Map<string, SeededProduct>, locations: Locations) {
  const inventory = container.resolve(Modules.INVENTORY)
  const wanted = [...products.values()].flatMap(({ spec, inventoryItemId }) =>
    spec.policy
      ? []
      : (Object.entries(spec.levels ?? {}) as [LocationKey, number][]).map(([key, stocked_quantity]) => ({
          inventory_item_id: inventoryItemId,
          location_id: locations[key].id,
          stocked_quantity,
        }))
  )
  if (!wanted.length) return
  const existing = await inventory.listInventoryLevels(
    { inventory_item_id: [...new Set(wanted.map((w) => w.inventory_item_id))] },
    { select: ["inventory_item_id", "location_id"] }
  )
  const missing = wanted.filter(
    (w) => !existing.some((e) => e.inventory_item_id === w.inventory_item_id && e.location_id === w.location_id)
  )
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: missing } })
  }
}

// ---------------------------------------------------------------------------------------------
// Orders, through Medusa's own checkout (cart -> shipping -> payment session -> complete), so they
// carry reservations exactly like storefront orders do.

export async function seedOrders(
  { container, logger, query }: Ctx,
  refs: { regionId: string; salesChannelId: string; products: Map<string, SeededProduct>; shippingOptions: Map<string, string> }
): Promise<string> {
  const { data: existing } = await query.graph({
    entity: "order",
    fields: ["id", "email"],
    filters: { email: ORDERS.map((o) => o.email) },
  })
  let placed = 0
  let already = 0
  let failed = 0
  for (const spec of ORDERS) {
    if (existing.some((o: { email?: string }) => o.email === spec.email)) {
      already++
      continue
    }
    const shippingOptionId = refs.shippingOptions.get(spec.shipping)
    try {
      if (!shippingOptionId) throw new Error(`shipping option "${spec.shipping}" not found`)
      const { result: cart } = await createCartWorkflow(container).run({
        input: {
          region_id: refs.regionId,
          sales_channel_id: refs.salesChannelId,
          currency_code: "eur",
          email: spec.email,
          shipping_address: spec.address,
          billing_address: spec.address,
          items: spec.items.map((i) => ({ variant_id: refs.products.get(i.handle)!.variantId, quantity: i.quantity })),
        },
      })
      await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: shippingOptionId }] } })
      const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      await createPaymentSessionsWorkflow(container).run({
        input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
      })
      const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
      // Subscribers may not run under `medusa exec`; allocate explicitly (idempotent per line).
      await allocateOrderLotsWorkflow(container).run({ input: { order_ids: [order.id] } })
      placed++
      logger.info(`[seed]   order ${order.id} for ${spec.email}`)
    } catch (error) {
      // Orders are a nice-to-have for the demo: report and carry on with a store that has none.
      failed++
      logger.warn(`[seed]   skipped the order for ${spec.email}: ${(error as Error).message}`)
    }
  }
  return [`${placed} placed through checkout`, already && `${already} already there`, failed && `${failed} skipped (see warnings)`]
    .filter(Boolean)
    .join(", ")
}

/**
 * Fulfills and ships every line of one seeded order, one fulfillment per location its stock was
 * reserved at (the plugin's fulfillment hook takes the units out of the allocated lots). Skipped
 * when the order already has a fulfillment; a failure is reported and the demo goes on without it.
 */
export async function shipOrder({ container, logger, query }: Ctx, email: string) {
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "items.id", "fulfillments.id"], filters: { email } })
  if (!order || order.fulfillments?.length) return
  try {
    // What each line reserved, where: exactly what to fulfill from each location.
    const reservations = await container.resolve(Modules.INVENTORY).listReservationItems(
      { line_item_id: order.items.map((i: { id: string }) => i.id) },
      { select: ["line_item_id", "location_id", "quantity"] }
    )
    const byLocation = new Map<string, { id: string; quantity: number }[]>()
    for (const r of reservations) {
      byLocation.set(r.location_id, [...(byLocation.get(r.location_id) ?? []), { id: r.line_item_id!, quantity: Number(r.quantity) }])
    }
    for (const [locationId, lines] of byLocation) {
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: order.id, location_id: locationId, items: lines, no_notification: true },
      })
      await createOrderShipmentWorkflow(container).run({
        input: { order_id: order.id, fulfillment_id: fulfillment.id, items: lines, no_notification: true },
      })
      // As with allocation: subscribers may not run under `medusa exec`, so record the links here (idempotent).
      await recordLotShipmentsWorkflow(container).run({ input: { fulfillment_id: fulfillment.id } })
    }
    logger.info(`[seed]   order ${order.id} for ${email} fulfilled and shipped`)
  } catch (error) {
    logger.warn(`[seed]   the order for ${email} was not shipped: ${(error as Error).message}`)
  }
}
