/**
 * Demo store for the lot-tracking plugin: a Dutch fresh-food, pharmacy and cosmetics webshop with
 * two stock locations, ten lot-tracked products with lots spread over both locations (one already
 * past its expiry, some expiring this month, one in quarantine), two untracked products and three
 * orders placed through Medusa's own checkout, one of them fulfilled and shipped (so a lot has a
 * customer to trace and recall).
 *
 *   npx medusa exec ./src/scripts/seed.ts      (or `npm run demo`, which runs it for you)
 *
 * What the store holds is in seed/store.ts and seed/catalog.ts; how it is put in place, in
 * seed/store-setup.ts and seed/stock-and-orders.ts.
 *
 * Idempotent: once the store carries the "seeded" marker it logs and returns. A seed that stopped
 * part-way resumes: every step looks for what it would create (by name, handle, e-mail) first.
 * Lot stock goes in through receiveLotWorkflow, never into the lot tables directly, so Medusa's
 * inventory levels and the lots agree (`npm run reconcile` checks that).
 */
import type { ExecArgs, IStoreModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { sweepExpiredLots } from "../workflows"
import { DEMO_MARKER_HANDLE, PRODUCTS } from "./seed/catalog"
import { seedLots, seedOrders, seedUntrackedStock, shipOrder } from "./seed/stock-and-orders"
import { COUNTRIES, LOCATIONS, REGION, SALES_CHANNEL, SHIPPED_ORDER_EMAIL, STORE_NAME } from "./seed/store"
import {
  ensureCategories,
  ensureProducts,
  ensurePublishableKey,
  ensureRegion,
  ensureSalesChannel,
  ensureShipping,
  ensureShippingProfile,
  ensureStockLocations,
  ensureTaxRegions,
  type Ctx,
} from "./seed/store-setup"

export { DEMO_MARKER_HANDLE }

const SEEDED_FLAG = "lot_tracking_demo_seeded_at"

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ctx: Ctx = { container, logger, query }
  const started = Date.now()

  const storeModule = container.resolve<IStoreModuleService>(Modules.STORE)
  const [store] = await storeModule.listStores({}, { select: ["id", "metadata"] })
  if (!store) {
    throw new Error("No store found: start Medusa once (or run `medusa db:migrate`) so it creates its defaults.")
  }
  const [marker] = await container.resolve(Modules.PRODUCT).listProducts({ handle: DEMO_MARKER_HANDLE }, { select: ["id"] })
  if (marker && store.metadata?.[SEEDED_FLAG]) {
    logger.info(`[seed] The demo store is already seeded (${SEEDED_FLAG} = ${store.metadata[SEEDED_FLAG]}); nothing to do.`)
    return
  }
  if (marker) {
    logger.warn("[seed] Found demo products but no completion marker: resuming a seed that stopped part-way.")
  }

  logger.info("[seed] Store, sales channel, region and taxes...")
  const salesChannel = await ensureSalesChannel(ctx)
  const region = await ensureRegion(ctx)
  await ensureTaxRegions(ctx)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        supported_currencies: [{ currency_code: "eur", is_default: true }],
        default_sales_channel_id: salesChannel.id,
        default_region_id: region.id,
      },
    },
  })

  logger.info("[seed] Stock locations, fulfillment and shipping options...")
  const shippingProfileId = await ensureShippingProfile(ctx)
  const locations = await ensureStockLocations(ctx, salesChannel.id)
  const shippingOptions = await ensureShipping(ctx, locations, region.id, shippingProfileId)

  logger.info("[seed] Publishable API key...")
  const apiKey = await ensurePublishableKey(ctx, salesChannel.id)

  logger.info("[seed] Categories and products...")
  const categoryIds = await ensureCategories(ctx)
  const products = await ensureProducts(ctx, { salesChannelId: salesChannel.id, shippingProfileId, categoryIds })

  logger.info("[seed] Lot policies and lot receipts...")
  const lotCounts = await seedLots(ctx, products, locations)
  await seedUntrackedStock(ctx, products, locations)

  logger.info("[seed] Orders...")
  const orderSummary = await seedOrders(ctx, { regionId: region.id, salesChannelId: salesChannel.id, products, shippingOptions })
  await shipOrder(ctx, SHIPPED_ORDER_EMAIL)

  // What the daily job would do: lots already past their expiry become expired, off sale.
  const expired = await sweepExpiredLots(container)
  logger.info(`[seed] Expiry sweep: ${expired.map((lot) => lot.lot_number).join(", ") || "nothing"} expired`)

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { metadata: { ...(store.metadata ?? {}), [SEEDED_FLAG]: new Date().toISOString() } },
    },
  })

  const tracked = PRODUCTS.filter((p) => p.policy)
  logger.info(
    [
      "",
      `[seed] Demo store "${STORE_NAME}" ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
      `  products        ${PRODUCTS.length} (${tracked.length} lot-tracked, ${PRODUCTS.length - tracked.length} untracked)`,
      `  lots            ${lotCounts.lots} lots in ${lotCounts.receipts} receipts` +
        ` (expired: ${lotCounts.expired}, expiring within 30 days: ${lotCounts.expiringSoon}, quarantine: ${lotCounts.quarantine})` +
        (lotCounts.skippedItems ? `; ${lotCounts.skippedItems} item(s) already had lots` : ""),
      `  orders          ${orderSummary}`,
      `  locations       ${Object.values(LOCATIONS).map((l) => l.name).join(", ")}`,
      `  region          ${REGION} (eur; ${COUNTRIES.join(", ")})`,
      `  publishable key ${apiKey.token} (sales channel "${SALES_CHANNEL}")`,
      "",
    ].join("\n")
  )
}
