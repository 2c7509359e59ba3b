/**
 * A fresh start for each run of the model, in the app every run shares: two lot-tracked items of
 * its own — A (one variant) and S (two variants, S1 and S2, drawing on the one inventory item) —
 * with a lot of each at both stock locations. Invariants are checked on the run's own items, so a
 * run left broken by a failure does not touch the next one (shrinking replays many).
 */
import { daysFromNow, receiveLot, setLotPolicy } from "../allocation"
import { createStockedProduct, post, type AdminProduct } from "../store"
import { readBooks } from "../invariants"
import { verify, type LotRef, type ModelContext, type OrderModel, type OrderReal } from "./model"

/** Lots every run starts with: item, location index, units, days to expiry. */
const OPENING_LOTS: [item: "A" | "S", location: 0 | 1, quantity: number, expiresInDays: number][] = [
  ["A", 0, 8, 200],
  ["A", 1, 4, 120],
  ["S", 0, 8, 150],
  ["S", 1, 4, 300],
]

/** The shared item S and its product with two variants that each take one unit of it. */
async function sharedItemProduct(ctx: ModelContext, run: number) {
  const { api, headers, store } = ctx
  const { inventory_item: item } = await post<{ inventory_item: { id: string } }>(
    api,
    "/admin/inventory-items",
    { sku: `MODEL-S-${run}`, title: `Model shared item ${run}` },
    headers
  )
  await post(
    api,
    `/admin/inventory-items/${item.id}/location-levels/batch`,
    { create: store.locations.map((location_id) => ({ location_id, stocked_quantity: 0 })) },
    headers
  )
  const { product } = await post<{ product: AdminProduct }>(
    api,
    "/admin/products?fields=*variants",
    {
      title: `Model shared ${run}`,
      status: "published",
      shipping_profile_id: store.shippingProfile,
      sales_channels: [{ id: store.salesChannel }],
      options: [{ title: "Tin", values: ["One", "Two"] }],
      variants: ["One", "Two"].map((tin) => ({
        title: `Tin ${tin}`,
        sku: `MODEL-S-${run}-${tin}`,
        manage_inventory: true,
        options: { Tin: tin },
        prices: [{ currency_code: store.currency, amount: 10 }],
        inventory_items: [{ inventory_item_id: item.id, required_quantity: 1 }],
      })),
    },
    headers
  )
  return { itemId: item.id, variantIds: product.variants.map((v) => v.id) }
}

/** Receives a lot of `itemId` and adds it to the model. */
export async function receiveModelLot(
  m: OrderModel,
  r: Pick<OrderReal, "api" | "headers">,
  input: { itemId: string; itemLabel: string; locationId: string; quantity: number; expiresInDays: number }
): Promise<LotRef> {
  const lotNumber = `M${m.run}-${input.itemLabel}-${m.lots.length + 1}`
  const lot = await receiveLot(r.api, r.headers, {
    inventory_item_id: input.itemId,
    location_id: input.locationId,
    lot_number: lotNumber,
    quantity: input.quantity,
    ...(input.expiresInDays < 0 && { manufactured_at: daysFromNow(input.expiresInDays - 300) }),
    expires_at: daysFromNow(input.expiresInDays),
  })
  const ref = { id: lot.id, lotNumber: lot.lot_number, itemId: input.itemId, locationId: input.locationId, status: lot.status, pastExpiry: input.expiresInDays < 0 }
  m.lots.push(ref)
  return ref
}

/** The model and the real side of a new run, its books checked once before the first command. */
export async function startRun(ctx: ModelContext): Promise<{ model: OrderModel; real: OrderReal }> {
  const run = ++ctx.runs
  const { api, headers, store } = ctx
  const [main, second] = store.locations
  const a = await createStockedProduct(api, headers, store, { title: `Model A ${run}`, sku: `MODEL-A-${run}`, stock: { [main]: 0, [second]: 0 } })
  const s = await sharedItemProduct(ctx, run)
  await Promise.all([setLotPolicy(api, headers, a.inventoryItemId), setLotPolicy(api, headers, s.itemId)])

  const model: OrderModel = {
    run,
    variants: [
      { id: a.variant.id, itemId: a.inventoryItemId, label: "A" },
      { id: s.variantIds[0], itemId: s.itemId, label: "S1" },
      { id: s.variantIds[1], itemId: s.itemId, label: "S2" },
    ],
    lots: [],
    orders: [],
  }
  const labels = new Map<string, string>([
    [a.inventoryItemId, "item A"],
    [s.itemId, "item S"],
    [main, "main"],
    [second, "second"],
    ...model.variants.map((v) => [v.id, `variant ${v.label}`] as [string, string]),
  ])
  const itemOf = { A: a.inventoryItemId, S: s.itemId }
  for (const [item, location, quantity, expiresInDays] of OPENING_LOTS) {
    await receiveModelLot(model, ctx, { itemId: itemOf[item], itemLabel: item, locationId: store.locations[location], quantity, expiresInDays })
  }
  const itemIds = [a.inventoryItemId, s.itemId]
  const real: OrderReal = { ...ctx, itemIds, labels, books: await readBooks(ctx.container, itemIds), trace: [], doing: "opening stock" }
  await verify(real, null)
  return { model, real }
}
