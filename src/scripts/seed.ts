/**
 * Demo store for the lot-tracking plugin: a Dutch fresh-food, pharmacy and cosmetics webshop with
 * two stock locations, ten lot-tracked products with lots spread over both locations (one already
 * past its expiry, some expiring this month, one in quarantine), two untracked products and three
 * orders placed through Medusa's own checkout, one of them fulfilled and shipped (so a lot has a
 * customer to trace and recall).
 *
 *   npx medusa exec ./src/scripts/seed.ts      (or `npm run demo`, which runs it for you)
 *
 * Idempotent: once the store carries the "seeded" marker it logs and returns. A seed that stopped
 * part-way resumes: every step looks for what it would create (by name, handle, e-mail) first.
 * Lot stock goes in through receiveLotWorkflow, never into the lot tables directly, so Medusa's
 * inventory levels and the lots agree (`npm run reconcile` checks that).
 */
import type { ExecArgs, IStoreModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createApiKeysWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createCartWorkflow,
  createInventoryLevelsWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateInventoryItemsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { LOT_MODULE, LotStatus, type AllocationStrategy } from "../modules/lot"
import type LotModuleService from "../modules/lot/service"
import {
  allocateOrderLotsWorkflow,
  receiveLotWorkflow,
  recordLotShipmentsWorkflow,
  sweepExpiredLots,
  upsertLotPolicyWorkflow,
} from "../workflows"

/** The product whose presence (with the store marker) says the demo is in. */
export const DEMO_MARKER_HANDLE = "greek-yogurt-500g"
const SEEDED_FLAG = "lot_tracking_demo_seeded_at"

const STORE_NAME = "Noordvers Fresh & Care"
const SALES_CHANNEL = "Webshop"
const REGION = "Europe"
const COUNTRIES = ["de", "nl", "fr", "be"]
const API_KEY_TITLE = "Webshop storefront"

type LocationKey = "main" | "cold"
const LOCATIONS: Record<LocationKey, { name: string; address: Record<string, string> }> = {
  main: {
    name: "Main warehouse — Rotterdam",
    address: { address_1: "Waalhaven Zuidzijde 21", postal_code: "3089 JH", city: "Rotterdam", country_code: "nl" },
  },
  cold: {
    name: "Cold store — Utrecht",
    address: { address_1: "Atoomweg 62", postal_code: "3542 AB", city: "Utrecht", country_code: "nl" },
  },
}

/** Fulfillment set, service zone and shipping options per location. */
const SHIPPING: Record<
  LocationKey,
  { set: string; zone: string; countries: string[]; options: { name: string; code: string; description: string; amount: number }[] }
> = {
  main: {
    set: "Rotterdam parcel shipping",
    zone: "Europe — from Rotterdam",
    countries: COUNTRIES,
    options: [
      { name: "Standard delivery", code: "standard", description: "Delivered in 2–3 working days.", amount: 4.95 },
      { name: "Express delivery", code: "express", description: "Next working day, ordered before 16:00.", amount: 9.95 },
    ],
  },
  cold: {
    set: "Utrecht chilled delivery",
    zone: "Benelux — chilled from Utrecht",
    countries: ["nl", "be"],
    options: [
      { name: "Chilled delivery", code: "chilled", description: "Refrigerated van, 2–8 °C, next working day.", amount: 6.95 },
    ],
  },
}

const CATEGORIES = [
  { handle: "dairy", name: "Dairy", description: "Fresh and matured dairy from Dutch co-operatives." },
  { handle: "beverages", name: "Beverages", description: "Juices, water and ready-to-drink coffee." },
  { handle: "pharmacy", name: "Pharmacy", description: "Over-the-counter medicines (pharmacy-only in some countries)." },
  { handle: "cosmetics", name: "Cosmetics", description: "Skin care with batch-coded formulations." },
  { handle: "merchandise", name: "Merchandise", description: "Bags and accessories." },
] as const
type CategoryHandle = (typeof CATEGORIES)[number]["handle"]

/** A lot to receive. Days are relative to the seed's "today" (negative = in the past). */
type LotSpec = {
  /** Explicit (supplier / printed) lot number; omitted = generated from the item's template. */
  number?: string
  /** Days from today the lot was made. */
  made: number
  /** Explicit expiry in days from today; omitted = derived from made + the item's shelf life. */
  expires?: number
  /** Days after manufacture the lot arrived (clamped to today). */
  arrivedAfter?: number
  status?: typeof LotStatus.RELEASED | typeof LotStatus.QUARANTINE
  supplierLot: string
  purchaseOrder: string
  notes?: string
  /** Quantity per location; a lot delivered to both locations is received twice into the same lot. */
  stock: Partial<Record<LocationKey, number>>
}

type ProductSpec = {
  handle: string
  title: string
  subtitle?: string
  description: string
  category: CategoryHandle
  sku: string
  /** First 12 digits of the EAN-13; the check digit is computed. */
  ean12: string
  size: string
  price: number
  weight?: number
  /** Lot policy; absent = an untracked product, stocked the plain Medusa way. */
  policy?: {
    strategy?: AllocationStrategy
    shelf_life_days: number
    min_remaining_shelf_life_days?: number
    removal_lead_days?: number
    lot_number_template?: string
    lot_number_pattern?: string
  }
  supplier?: string
  lots?: LotSpec[]
  /** Plain inventory levels, for untracked products only. */
  levels?: Partial<Record<LocationKey, number>>
}

const QUARANTINE_NOTE = "Awaiting QC release: certificate of analysis received, retained samples under test."

// Explicit lot numbers derive from the manufacture date so they read like real printed codes.
const made = (days: number) => addDays(today(), days)
const yymm = (days: number) => isoDay(made(days)).slice(2, 7).replace("-", "")
const yymmdd = (days: number) => isoDay(made(days)).slice(2).replace(/-/g, "")
const julian = (days: number) => {
  const d = made(days)
  const start = Date.UTC(d.getUTCFullYear(), 0, 1)
  return String(Math.floor((d.getTime() - start) / 86_400_000) + 1).padStart(3, "0")
}

const PRODUCTS: ProductSpec[] = [
  {
    handle: DEMO_MARKER_HANDLE,
    title: "Greek yogurt 500 g",
    subtitle: "10% fat, strained",
    description: "Thick strained yogurt made from Frisian whole milk. Keep refrigerated at 2–6 °C.",
    category: "dairy",
    sku: "DAI-YOG-500",
    ean12: "871234510001",
    size: "500 g",
    price: 2.79,
    weight: 520,
    policy: { shelf_life_days: 28, min_remaining_shelf_life_days: 5 },
    supplier: "Zuivelcoöperatie Noord",
    lots: [
      // Already past its use-by date and still on the shelf: the expiry sweep / dashboard has work to do.
      { number: `L${yymm(-31)}-A`, made: -31, arrivedAfter: 2, supplierLot: "ZCN-Y-40912", purchaseOrder: "PO-2026-0871", stock: { cold: 18 } },
      { number: `L${yymm(-24)}-B`, made: -24, arrivedAfter: 1, supplierLot: "ZCN-Y-40977", purchaseOrder: "PO-2026-0902", stock: { main: 36 } },
      { number: `L${yymm(-12)}-C`, made: -12, arrivedAfter: 1, supplierLot: "ZCN-Y-41058", purchaseOrder: "PO-2026-0944", stock: { cold: 96, main: 48 } },
      { number: `L${yymm(-3)}-D`, made: -3, arrivedAfter: 1, supplierLot: "ZCN-Y-41120", purchaseOrder: "PO-2026-0987", stock: { cold: 120 } },
    ],
  },
  {
    handle: "fresh-whole-milk-1l",
    title: "Fresh whole milk 1 L",
    subtitle: "Pasteurised, 3.5% fat",
    description: "Pasteurised whole milk from pasture-grazed cows, bottled within 24 hours of milking.",
    category: "dairy",
    sku: "DAI-MLK-1000",
    ean12: "871234510002",
    size: "1 L",
    price: 1.39,
    weight: 1050,
    policy: { shelf_life_days: 10, min_remaining_shelf_life_days: 3 },
    supplier: "Zuivelcoöperatie Noord",
    // Generated numbers: {SKU}-{YYMMDD}-{SEQ:3} (the default template).
    lots: [
      { made: -9, arrivedAfter: 1, supplierLot: "ZCN-M-88210", purchaseOrder: "PO-2026-0951", stock: { cold: 24 } },
      { made: -4, arrivedAfter: 1, supplierLot: "ZCN-M-88254", purchaseOrder: "PO-2026-0972", stock: { cold: 120, main: 36 } },
      { made: -1, arrivedAfter: 1, supplierLot: "ZCN-M-88297", purchaseOrder: "PO-2026-0990", stock: { cold: 144 } },
    ],
  },
  {
    handle: "aged-gouda-400g",
    title: "Aged Gouda 400 g",
    subtitle: "Matured 12 months",
    description: "Farmhouse Gouda matured for a year on wooden planks; vacuum-packed wedge.",
    category: "dairy",
    sku: "DAI-GOU-400",
    ean12: "871234510003",
    size: "400 g",
    price: 6.49,
    weight: 410,
    policy: { shelf_life_days: 180, min_remaining_shelf_life_days: 30, removal_lead_days: 7 },
    supplier: "Kaasmakerij De Graafstroom",
    lots: [
      { number: `GK${yymm(-160).slice(0, 2)}${julian(-160)}`, made: -160, arrivedAfter: 3, supplierLot: "DG-26-0311", purchaseOrder: "PO-2026-0514", stock: { main: 40 } },
      { number: `GK${yymm(-90).slice(0, 2)}${julian(-90)}`, made: -90, arrivedAfter: 3, supplierLot: "DG-26-0527", purchaseOrder: "PO-2026-0702", stock: { main: 60, cold: 30 } },
      { number: `GK${yymm(-30).slice(0, 2)}${julian(-30)}`, made: -30, arrivedAfter: 2, supplierLot: "DG-26-0719", purchaseOrder: "PO-2026-0866", stock: { main: 80 } },
    ],
  },
  {
    handle: "orange-juice-1l",
    title: "Orange juice 1 L",
    subtitle: "Not from concentrate",
    description: "Freshly pressed Valencia oranges, flash-pasteurised. Refrigerate after opening.",
    category: "beverages",
    sku: "BEV-OJ-1000",
    ean12: "871234520001",
    size: "1 L",
    price: 3.29,
    weight: 1080,
    // Custom numbering: year digit + day of year + a two-digit sequence, e.g. BEV-OJ-1000-6329-01.
    policy: { shelf_life_days: 60, min_remaining_shelf_life_days: 10, lot_number_template: "{SKU}-{YJJJ}-{SEQ:2}" },
    supplier: "Sunvale Juices B.V.",
    lots: [
      { made: -58, arrivedAfter: 2, supplierLot: "SV-OJ-2611", purchaseOrder: "PO-2026-0788", stock: { cold: 30 } },
      { made: -25, arrivedAfter: 2, supplierLot: "SV-OJ-2674", purchaseOrder: "PO-2026-0897", stock: { cold: 90 } },
      { made: -5, arrivedAfter: 2, supplierLot: "SV-OJ-2719", purchaseOrder: "PO-2026-0979", stock: { main: 60, cold: 48 } },
    ],
  },
  {
    handle: "sparkling-water-6x500ml",
    title: "Sparkling water 6 × 500 ml",
    subtitle: "Natural mineral water",
    description: "Naturally carbonated mineral water from the Eifel, six 500 ml PET bottles.",
    category: "beverages",
    sku: "BEV-SPW-6X500",
    ean12: "400123450001",
    size: "6 × 500 ml",
    price: 3.99,
    weight: 3150,
    // Long shelf life, quality not safety: pick the oldest receipt first.
    policy: { strategy: "fifo", shelf_life_days: 365 },
    supplier: "Eifelquelle Mineralbrunnen GmbH",
    lots: [
      { number: `B${yymmdd(-200)}-1`, made: -200, arrivedAfter: 6, supplierLot: "EQ-L1-0412", purchaseOrder: "PO-2026-0455", stock: { main: 40 } },
      { number: `B${yymmdd(-120)}-2`, made: -120, arrivedAfter: 5, supplierLot: "EQ-L2-0633", purchaseOrder: "PO-2026-0640", stock: { main: 150 } },
      { number: `B${yymmdd(-30)}-1`, made: -30, arrivedAfter: 4, supplierLot: "EQ-L1-0951", purchaseOrder: "PO-2026-0870", stock: { main: 200, cold: 48 } },
    ],
  },
  {
    handle: "cold-brew-coffee-250ml",
    title: "Cold brew coffee 250 ml",
    subtitle: "Single-origin, unsweetened",
    description: "Ethiopian Sidamo steeped 18 hours, bottled cold. Keep refrigerated.",
    category: "beverages",
    sku: "BEV-CBC-250",
    ean12: "871234520002",
    size: "250 ml",
    price: 2.99,
    weight: 290,
    policy: { shelf_life_days: 90, min_remaining_shelf_life_days: 14 },
    supplier: "Koffiebranderij Brandpunt",
    lots: [
      { made: -80, arrivedAfter: 2, supplierLot: "KB-CB-1187", purchaseOrder: "PO-2026-0741", stock: { cold: 24 } },
      { made: -40, arrivedAfter: 2, supplierLot: "KB-CB-1242", purchaseOrder: "PO-2026-0835", stock: { cold: 72 } },
      { made: -7, arrivedAfter: 2, supplierLot: "KB-CB-1299", purchaseOrder: "PO-2026-0968", stock: { cold: 96, main: 24 } },
    ],
  },
  {
    handle: "paracetamol-500mg-20-tablets",
    title: "Paracetamol 500 mg, 20 tablets",
    description: "Pain relief and fever reducer. Read the package leaflet before use.",
    category: "pharmacy",
    sku: "PHA-PCM-500-20",
    ean12: "400123460001",
    size: "20 tablets",
    price: 1.95,
    weight: 25,
    // Batch numbers printed by the manufacturer: PA + production date, checked against a pattern.
    policy: { shelf_life_days: 1095, min_remaining_shelf_life_days: 180, lot_number_pattern: "PA\\d{6}" },
    supplier: "PharmaSource GmbH",
    lots: [
      { number: `PA${yymmdd(-1000)}`, made: -1000, arrivedAfter: 21, supplierLot: "PS-24-118832", purchaseOrder: "PO-2024-0233", stock: { main: 60 } },
      { number: `PA${yymmdd(-500)}`, made: -500, arrivedAfter: 18, supplierLot: "PS-25-140517", purchaseOrder: "PO-2025-0612", stock: { main: 240 } },
      {
        number: `PA${yymmdd(-20)}`,
        made: -20,
        arrivedAfter: 14,
        status: LotStatus.QUARANTINE,
        notes: QUARANTINE_NOTE,
        supplierLot: "PS-26-162044",
        purchaseOrder: "PO-2026-0931",
        stock: { main: 300 },
      },
    ],
  },
  {
    handle: "ibuprofen-200mg-24-tablets",
    title: "Ibuprofen 200 mg, 24 tablets",
    description: "Anti-inflammatory pain relief, film-coated. Read the package leaflet before use.",
    category: "pharmacy",
    sku: "PHA-IBU-200-24",
    ean12: "400123460002",
    size: "24 tablets",
    price: 3.49,
    weight: 30,
    policy: { shelf_life_days: 1095, min_remaining_shelf_life_days: 180 },
    supplier: "PharmaSource GmbH",
    lots: [
      { number: `IB${yymm(-700)}-0417`, made: -700, arrivedAfter: 20, supplierLot: "PS-25-131275", purchaseOrder: "PO-2025-0148", stock: { main: 120 } },
      { number: `IB${yymm(-200)}-0533`, made: -200, arrivedAfter: 16, supplierLot: "PS-26-152290", purchaseOrder: "PO-2026-0466", stock: { main: 180 } },
      { number: `IB${yymm(-60)}-0581`, made: -60, arrivedAfter: 15, supplierLot: "PS-26-158801", purchaseOrder: "PO-2026-0820", stock: { main: 200 } },
    ],
  },
  {
    handle: "vitamin-c-serum-30ml",
    title: "Vitamin C serum 30 ml",
    subtitle: "15% L-ascorbic acid",
    description: "Brightening serum with vitamin E and ferulic acid, in an airless amber bottle.",
    category: "cosmetics",
    sku: "COS-VCS-30",
    ean12: "300123470001",
    size: "30 ml",
    price: 24.95,
    weight: 95,
    policy: { shelf_life_days: 730, min_remaining_shelf_life_days: 90 },
    supplier: "Laboratoires Belleau",
    lots: [
      { made: -700, arrivedAfter: 12, supplierLot: "LB-VC-24A19", purchaseOrder: "PO-2025-0102", stock: { main: 12 } },
      { made: -300, arrivedAfter: 10, supplierLot: "LB-VC-26A03", purchaseOrder: "PO-2026-0311", stock: { main: 48 } },
      {
        made: -10,
        arrivedAfter: 7,
        status: LotStatus.QUARANTINE,
        notes: QUARANTINE_NOTE,
        supplierLot: "LB-VC-26K21",
        purchaseOrder: "PO-2026-0957",
        stock: { main: 60 },
      },
    ],
  },
  {
    handle: "spf50-sunscreen-100ml",
    title: "SPF 50 sunscreen 100 ml",
    subtitle: "Very high protection, water resistant",
    description: "Broad-spectrum UVA/UVB sun lotion for face and body, fragrance-free.",
    category: "cosmetics",
    sku: "COS-SPF50-100",
    ean12: "300123470002",
    size: "100 ml",
    price: 14.95,
    weight: 120,
    policy: { shelf_life_days: 900, min_remaining_shelf_life_days: 120 },
    supplier: "SolarCare Cosmetics Ltd",
    lots: [
      { number: `S50-${yymm(-880)}A`, made: -880, arrivedAfter: 25, supplierLot: "SC-2406-118", purchaseOrder: "PO-2024-0377", stock: { main: 30 } },
      { number: `S50-${yymm(-400)}B`, made: -400, arrivedAfter: 21, supplierLot: "SC-2510-342", purchaseOrder: "PO-2025-0788", stock: { main: 96 } },
      { number: `S50-${yymm(-150)}C`, made: -150, arrivedAfter: 18, supplierLot: "SC-2606-077", purchaseOrder: "PO-2026-0549", stock: { main: 144, cold: 24 } },
    ],
  },
  // Not lot-tracked: stocked the plain Medusa way.
  {
    handle: "canvas-tote-bag",
    title: "Canvas tote bag",
    description: "Organic cotton tote with the Noordvers logo, 38 × 42 cm.",
    category: "merchandise",
    sku: "MRC-TOTE",
    ean12: "871234590001",
    size: "One size",
    price: 7.5,
    weight: 180,
    levels: { main: 250 },
  },
  {
    handle: "insulated-cooler-bag",
    title: "Insulated cooler bag",
    description: "Foldable 12 L cooler bag that keeps chilled groceries cold for up to 6 hours.",
    category: "merchandise",
    sku: "MRC-COOLER",
    ean12: "871234590002",
    size: "12 L",
    price: 12.95,
    weight: 340,
    levels: { main: 80, cold: 40 },
  },
]

type OrderSpec = {
  email: string
  address: Record<string, string>
  shipping: string
  items: { handle: string; quantity: number }[]
}

const ORDERS: OrderSpec[] = [
  {
    email: "sanne.devries@example.nl",
    address: { first_name: "Sanne", last_name: "de Vries", address_1: "Prinsengracht 263", postal_code: "1016 GV", city: "Amsterdam", country_code: "nl", phone: "+31 20 555 0142" },
    shipping: "Standard delivery",
    items: [
      { handle: "greek-yogurt-500g", quantity: 2 },
      { handle: "fresh-whole-milk-1l", quantity: 2 },
      { handle: "orange-juice-1l", quantity: 1 },
    ],
  },
  {
    email: "lukas.becker@example.de",
    address: { first_name: "Lukas", last_name: "Becker", address_1: "Ehrenstraße 41", postal_code: "50672", city: "Köln", country_code: "de", phone: "+49 221 555 0198" },
    shipping: "Standard delivery",
    items: [
      { handle: "paracetamol-500mg-20-tablets", quantity: 1 },
      { handle: "vitamin-c-serum-30ml", quantity: 1 },
      { handle: "canvas-tote-bag", quantity: 1 },
    ],
  },
  {
    email: "camille.dubois@example.fr",
    address: { first_name: "Camille", last_name: "Dubois", address_1: "12 Rue de la République", postal_code: "69002", city: "Lyon", country_code: "fr", phone: "+33 4 55 50 12 34" },
    shipping: "Express delivery",
    items: [
      { handle: "spf50-sunscreen-100ml", quantity: 2 },
      { handle: "sparkling-water-6x500ml", quantity: 1 },
      { handle: "aged-gouda-400g", quantity: 1 },
    ],
  },
]

/** The order the seed fulfills and ships, so traces and (mock) recalls reach a customer. */
const SHIPPED_ORDER_EMAIL = "camille.dubois@example.fr"

type Ctx = { container: MedusaContainer; logger: Logger; query: any }

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

// ---------------------------------------------------------------------------------------------
// Store setup

async function ensureSalesChannel({ container }: Ctx) {
  const [existing] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: SALES_CHANNEL })
  if (existing) return existing
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "Noordvers online shop (NL, BE, DE, FR)" }] },
  })
  return result[0]
}

async function ensureRegion({ container }: Ctx) {
  const [existing] = await container.resolve(Modules.REGION).listRegions({ name: REGION })
  if (existing) return existing
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: REGION,
          currency_code: "eur",
          countries: COUNTRIES,
          payment_providers: ["pp_system_default"],
          automatic_taxes: true,
        },
      ],
    },
  })
  return result[0]
}

async function ensureTaxRegions({ container }: Ctx) {
  const existing = await container.resolve(Modules.TAX).listTaxRegions({ country_code: COUNTRIES })
  const have = new Set(existing.filter((t) => !t.parent_id).map((t) => t.country_code))
  const missing = COUNTRIES.filter((c) => !have.has(c))
  if (!missing.length) return
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })
}

async function ensureShippingProfile({ container }: Ctx): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

type Locations = Record<LocationKey, { id: string; name: string }>

async function ensureStockLocations({ container, query }: Ctx, salesChannelId: string): Promise<Locations> {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const names = Object.values(LOCATIONS).map((l) => l.name)
  const existing = await stockLocations.listStockLocations({ name: names })
  const missing = (Object.keys(LOCATIONS) as LocationKey[]).filter((k) => !existing.some((l) => l.name === LOCATIONS[k].name))
  if (missing.length) {
    await createStockLocationsWorkflow(container).run({
      input: { locations: missing.map((k) => ({ name: LOCATIONS[k].name, address: LOCATIONS[k].address as any })) },
    })
  }
  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name", "sales_channels.id", "fulfillment_providers.id"],
    filters: { name: names },
  })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const result = {} as Locations
  for (const key of Object.keys(LOCATIONS) as LocationKey[]) {
    const location = data.find((l: any) => l.name === LOCATIONS[key].name)
    result[key] = { id: location.id, name: location.name }
    if (!location.sales_channels?.some((sc: any) => sc?.id === salesChannelId)) {
      await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
    }
    if (!location.fulfillment_providers?.some((p: any) => p?.id === "manual_manual")) {
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
    }
  }
  return result
}

async function ensureShipping(
  { container }: Ctx,
  locations: Locations,
  regionId: string,
  shippingProfileId: string
): Promise<Map<string, string>> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const optionIds = new Map<string, string>()
  for (const key of Object.keys(SHIPPING) as LocationKey[]) {
    const spec = SHIPPING[key]
    let [set] = await fulfillment.listFulfillmentSets({ name: spec.set }, { relations: ["service_zones"] })
    if (!set) {
      set = await fulfillment.createFulfillmentSets({
        name: spec.set,
        type: "shipping",
        service_zones: [{ name: spec.zone, geo_zones: spec.countries.map((country_code) => ({ type: "country" as const, country_code })) }],
      })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: locations[key].id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
      })
    }
    const zoneId = set.service_zones[0].id
    const existing = await fulfillment.listShippingOptions({ service_zone: { id: zoneId } }, { select: ["id", "name"] })
    const missing = spec.options.filter((o) => !existing.some((e) => e.name === o.name))
    for (const e of existing) optionIds.set(e.name, e.id)
    if (!missing.length) continue
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zoneId,
        shipping_profile_id: shippingProfileId,
        type: { label: o.name, description: o.description, code: `${key}-${o.code}` },
        prices: [
          { currency_code: "eur", amount: o.amount },
          { region_id: regionId, amount: o.amount },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
    for (const o of result) optionIds.set(o.name, o.id)
  }
  return optionIds
}

async function ensurePublishableKey({ container, query }: Ctx, salesChannelId: string) {
  const apiKeys = container.resolve(Modules.API_KEY)
  let [key] = await apiKeys.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const { data } = await query.graph({ entity: "api_key", fields: ["id", "sales_channels.id"], filters: { id: key.id } })
  if (!data[0]?.sales_channels?.some((sc: any) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key
}

async function ensureCategories({ container }: Ctx): Promise<Record<CategoryHandle, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const handles = CATEGORIES.map((c) => c.handle)
  const existing = await productModule.listProductCategories({ handle: handles }, { select: ["id", "handle"] })
  const missing = CATEGORIES.filter((c) => !existing.some((e) => e.handle === c.handle))
  const created = missing.length
    ? (
        await createProductCategoriesWorkflow(container).run({
          input: { product_categories: missing.map((c) => ({ ...c, is_active: true })) },
        })
      ).result
    : []
  return Object.fromEntries([...existing, ...created].map((c) => [c.handle, c.id])) as Record<CategoryHandle, string>
}

// ---------------------------------------------------------------------------------------------
// Catalogue

type SeededProduct = { spec: ProductSpec; productId: string; variantId: string; inventoryItemId: string }

async function ensureProducts(
  { container, query }: Ctx,
  refs: { salesChannelId: string; shippingProfileId: string; categoryIds: Record<CategoryHandle, string> }
): Promise<Map<string, SeededProduct>> {
  const handles = PRODUCTS.map((p) => p.handle)
  const existing = await container.resolve(Modules.PRODUCT).listProducts({ handle: handles }, { select: ["id", "handle"] })
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => {
          const ean = ean13(p.ean12)
          return {
            title: p.title,
            subtitle: p.subtitle,
            handle: p.handle,
            description: p.description,
            status: "published" as const,
            weight: p.weight,
            shipping_profile_id: refs.shippingProfileId,
            category_ids: [refs.categoryIds[p.category]],
            sales_channels: [{ id: refs.salesChannelId }],
            metadata: p.supplier ? { supplier: p.supplier } : undefined,
            options: [{ title: "Size", values: [p.size] }],
            variants: [
              {
                title: p.size,
                sku: p.sku,
                ean,
                barcode: ean,
                manage_inventory: true,
                allow_backorder: false,
                options: { Size: p.size },
                prices: [{ currency_code: "eur", amount: p.price }],
              },
            ],
          }
        }),
      },
    })
  }
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "variants.inventory_items.inventory.id", "variants.inventory_items.inventory.title"],
    filters: { handle: handles },
  })
  const result = new Map<string, SeededProduct>()
  const retitle: { id: string; title: string }[] = []
  for (const spec of PRODUCTS) {
    const product = data.find((p: any) => p.handle === spec.handle)
    const variant = product?.variants?.[0]
    const inventoryItem = variant?.inventory_items?.[0]?.inventory
    if (!variant || !inventoryItem?.id) {
      throw new Error(`Product ${spec.handle} has no variant with an inventory item; cannot stock it.`)
    }
    result.set(spec.handle, { spec, productId: product.id, variantId: variant.id, inventoryItemId: inventoryItem.id })
    // Medusa names the inventory item after the variant ("500 g"); the stock room knows it by the product.
    if (inventoryItem.title !== spec.title) retitle.push({ id: inventoryItem.id, title: spec.title })
  }
  if (retitle.length) {
    await updateInventoryItemsWorkflow(container).run({ input: { updates: retitle } })
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Lots and stock

async function seedLots(ctx: Ctx, products: Map<string, SeededProduct>, locations: Locations) {
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

async function seedUntrackedStock({ container }: Ctx, products: Map<string, SeededProduct>, locations: Locations) {
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

async function seedOrders(
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
async function shipOrder({ container, logger, query }: Ctx, email: string) {
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

// ---------------------------------------------------------------------------------------------
// Helpers

function today(): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** EAN-13 from its first 12 digits (GS1 mod-10 check digit: weights 1,3,1,3... from the left). */
function ean13(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN base must be 12 digits, got "${first12}"`)
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0)
  return first12 + String((10 - (sum % 10)) % 10)
}
