/**
 * A real storefront for HTTP tests: region, sales channel, publishable key, two shipping-ready
 * stock locations, stocked products, guest checkout and the admin order actions that touch
 * inventory (fulfill, cancel fulfillment, ship, cancel order) — all through Medusa's own HTTP API,
 * as a merchant and a shopper would use it.
 *
 * Usage (inside medusaIntegrationTestRunner, one setup per test: each test gets a fresh DB):
 *
 *   const { headers } = await loginAsAdmin(api, container)
 *   const store = await setupStore(api, container, headers)
 *   const { variant } = await createStockedProduct(api, headers, store, {
 *     title: "Yogurt", sku: "YOG-1", stock: { [store.locations[0]]: 10 },
 *   })
 *   const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 3 }])
 *   const { fulfillment } = await fulfillOrder(api, headers, order.id, {
 *     items: [{ id: order.items[0].id, quantity: 3 }], location_id: store.locations[0],
 *   })
 *
 * Failing requests throw an `HttpError` carrying `status` and the response body, so a test can
 * write `await expect(cancelOrder(...)).rejects.toMatchObject({ status: 400 })`. `tryFulfillOrder`,
 * `tryPlaceOrder` and `attempt` hand the outcome back instead of throwing.
 *
 * A region owns its countries: call `setupStore` once per test (database), or pass another
 * `country` for a second store.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

// ---------------------------------------------------------------------------------------------
// HTTP client and errors

export type Headers = Record<string, string>

export interface RequestConfig {
  headers?: Headers
}

export interface HttpResponse<T = unknown> {
  status: number
  data: T
}

/** The slice of the test runner's axios instance these helpers use. */
export interface HttpClient {
  get<T = unknown>(url: string, config?: RequestConfig): Promise<HttpResponse<T>>
  post<T = unknown>(url: string, body?: unknown, config?: RequestConfig): Promise<HttpResponse<T>>
}

/** Body of a Medusa error response. */
export interface ErrorBody {
  type?: string
  code?: string
  message?: string
}

/** A request Medusa answered with a non-2xx status. */
export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly data: ErrorBody | unknown
  ) {
    super(`${method} ${url} -> ${status}: ${JSON.stringify(data)}`)
    this.name = "HttpError"
  }
}

type AxiosLikeError = { response?: { status: number; data: unknown } }

/** Hands back the response of a request whether it succeeded or not (axios rejects on 4xx/5xx). */
export async function attempt<T>(request: Promise<HttpResponse<T>>): Promise<HttpResponse<T | ErrorBody>> {
  try {
    const { status, data } = await request
    return { status, data }
  } catch (e) {
    const response = (e as AxiosLikeError)?.response
    if (!response) throw e
    return { status: response.status, data: response.data as ErrorBody }
  }
}

async function call<T>(method: "GET" | "POST", url: string, request: Promise<HttpResponse<T>>): Promise<T> {
  try {
    return (await request).data
  } catch (e) {
    const response = (e as AxiosLikeError)?.response
    if (!response) throw e
    throw new HttpError(method, url, response.status, response.data)
  }
}

export function get<T>(api: HttpClient, url: string, headers: Headers): Promise<T> {
  return call("GET", url, api.get<T>(url, { headers }))
}

export function post<T>(api: HttpClient, url: string, body: unknown, headers: Headers): Promise<T> {
  return call("POST", url, api.post<T>(url, body, { headers }))
}

/** `?fields=...` with the modifiers (+, *) encoded. */
function fields(...list: string[]): string {
  return `fields=${encodeURIComponent(list.join(","))}`
}

// ---------------------------------------------------------------------------------------------
// Response shapes (only what the helpers and specs read; Medusa returns more)

export interface StoreSetup {
  region: string
  salesChannel: string
  /** The publishable key's token: the value of the `x-publishable-api-key` header. */
  publishableKey: string
  publishableKeyId: string
  /** [main, second] stock location ids. */
  locations: [string, string]
  /** Shipping option ids, aligned with `locations`: `shippingOptions[i]` ships from `locations[i]`. */
  shippingOptions: [string, string]
  /** Fulfillment set ids, aligned with `locations`. */
  fulfillmentSets: [string, string]
  /** Service zone ids, aligned with `locations`. */
  serviceZones: [string, string]
  shippingProfile: string
  country: string
  currency: string
}

export interface SetupStoreOptions {
  /** Prefix of the names of everything created (default "Lot test"). */
  label?: string
  /** Names of the two stock locations (default "Main warehouse", "Second warehouse"). */
  locationNames?: [string, string]
  /** Region country, lower case (default "de"). A country belongs to one region only. */
  country?: string
  /** Region currency (default "eur"). */
  currency?: string
  /** Flat shipping price, in the currency's main unit (default 5). */
  shippingAmount?: number
  /** Create a new shipping profile even if a default one exists (default false: reuse it). */
  newShippingProfile?: boolean
}

export interface AdminProductVariant {
  id: string
  title: string
  sku: string | null
  product_id: string
  manage_inventory: boolean
  inventory_items: { inventory_item_id: string; required_quantity: number }[]
}

export interface AdminProduct {
  id: string
  title: string
  status: string
  variants: AdminProductVariant[]
}

export interface StockedProduct {
  product: AdminProduct
  variant: AdminProductVariant
  inventoryItemId: string
}

export interface CreateStockedProductInput {
  title: string
  sku: string
  /** Stocked quantity per stock location id; a level is created for each entry (0 included). */
  stock: Record<string, number>
  /** Unit price in the store currency (default 10). */
  price?: number
  /** Allow ordering beyond stock (default false). */
  allowBackorder?: boolean
}

export interface CartItemInput {
  variant_id: string
  quantity: number
}

export interface OrderLineItem {
  id: string
  variant_id: string | null
  quantity: number
  title: string
  variant_sku?: string | null
}

export interface Fulfillment {
  id: string
  location_id: string
  created_at: string
  canceled_at: string | null
  shipped_at: string | null
  items?: { id: string; line_item_id: string | null; inventory_item_id: string | null; quantity: number }[]
}

export interface Order {
  id: string
  display_id: number
  status: string
  email: string
  items: OrderLineItem[]
  fulfillments?: Fulfillment[]
}

export interface PlaceOrderOptions {
  email?: string
  /** Ship with the option of this stock location (default: the main location's option). */
  shippingOptionLocation?: string
}

export interface Reservation {
  id: string
  line_item_id: string | null
  inventory_item_id: string
  location_id: string
  quantity: number
}

export interface LevelQuantities {
  stocked: number
  reserved: number
  available: number
}

// ---------------------------------------------------------------------------------------------
// Store setup

/**
 * Region (with the system payment provider), sales channel, publishable key on that channel, a
 * shipping profile (the default one if it exists), and two stock locations in the channel, each
 * with the manual fulfillment provider, a shipping fulfillment set, a service zone for the
 * country and a flat-rate shipping option enabled in the store.
 */
export async function setupStore(
  api: HttpClient,
  _container: MedusaContainer,
  headers: Headers,
  opts: SetupStoreOptions = {}
): Promise<StoreSetup> {
  const label = opts.label ?? "Lot test"
  const country = opts.country ?? "de"
  const currency = opts.currency ?? "eur"
  const shippingAmount = opts.shippingAmount ?? 5
  const [mainName, secondName] = opts.locationNames ?? ["Main warehouse", "Second warehouse"]

  const [{ region }, { sales_channel }, { api_key }, shippingProfile] = await Promise.all([
    post<{ region: { id: string } }>(
      api,
      "/admin/regions",
      { name: `${label} region`, currency_code: currency, countries: [country], payment_providers: ["pp_system_default"] },
      headers
    ),
    post<{ sales_channel: { id: string } }>(api, "/admin/sales-channels", { name: `${label} channel` }, headers),
    post<{ api_key: { id: string; token: string } }>(
      api,
      "/admin/api-keys",
      { title: `${label} storefront`, type: "publishable" },
      headers
    ),
    shippingProfileFor(api, headers, label, opts.newShippingProfile ?? false),
  ])
  await post(api, `/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] }, headers)

  // The two locations are independent: wire them side by side.
  const wired = await Promise.all(
    [mainName, secondName].map((name, i) =>
      wireLocation(api, headers, {
        name,
        code: `${i}`,
        label,
        country,
        currency,
        regionId: region.id,
        salesChannelId: sales_channel.id,
        shippingProfileId: shippingProfile,
        shippingAmount,
      })
    )
  )

  return {
    region: region.id,
    salesChannel: sales_channel.id,
    publishableKey: api_key.token,
    publishableKeyId: api_key.id,
    locations: [wired[0].location, wired[1].location],
    shippingOptions: [wired[0].shippingOption, wired[1].shippingOption],
    fulfillmentSets: [wired[0].fulfillmentSet, wired[1].fulfillmentSet],
    serviceZones: [wired[0].serviceZone, wired[1].serviceZone],
    shippingProfile,
    country,
    currency,
  }
}

async function shippingProfileFor(api: HttpClient, headers: Headers, label: string, createNew: boolean): Promise<string> {
  if (!createNew) {
    const { shipping_profiles } = await get<{ shipping_profiles: { id: string }[] }>(
      api,
      "/admin/shipping-profiles?type=default&limit=1",
      headers
    )
    if (shipping_profiles.length) return shipping_profiles[0].id
  }
  const { shipping_profile } = await post<{ shipping_profile: { id: string } }>(
    api,
    "/admin/shipping-profiles",
    { name: `${label} profile`, type: "default" },
    headers
  )
  return shipping_profile.id
}

async function wireLocation(
  api: HttpClient,
  headers: Headers,
  input: {
    name: string
    code: string
    label: string
    country: string
    currency: string
    regionId: string
    salesChannelId: string
    shippingProfileId: string
    shippingAmount: number
  }
) {
  const { stock_location } = await post<{ stock_location: { id: string } }>(
    api,
    "/admin/stock-locations",
    { name: input.name, address: { address_1: `${input.name} 1`, city: "Berlin", country_code: input.country } },
    headers
  )
  const id = stock_location.id
  await Promise.all([
    post(api, `/admin/stock-locations/${id}/sales-channels`, { add: [input.salesChannelId] }, headers),
    post(api, `/admin/stock-locations/${id}/fulfillment-providers`, { add: ["manual_manual"] }, headers),
  ])
  const { stock_location: withSet } = await post<{ stock_location: { fulfillment_sets: { id: string }[] } }>(
    api,
    `/admin/stock-locations/${id}/fulfillment-sets?${fields("+fulfillment_sets.id")}`,
    { name: `${input.name} shipping`, type: "shipping" },
    headers
  )
  const fulfillmentSet = withSet.fulfillment_sets[0].id
  const { fulfillment_set } = await post<{ fulfillment_set: { service_zones: { id: string }[] } }>(
    api,
    `/admin/fulfillment-sets/${fulfillmentSet}/service-zones?${fields("+service_zones.id")}`,
    { name: `${input.name} ${input.country.toUpperCase()}`, geo_zones: [{ type: "country", country_code: input.country }] },
    headers
  )
  const serviceZone = fulfillment_set.service_zones[0].id
  const { shipping_option } = await post<{ shipping_option: { id: string } }>(
    api,
    "/admin/shipping-options",
    {
      name: `${input.label} standard from ${input.name}`,
      service_zone_id: serviceZone,
      shipping_profile_id: input.shippingProfileId,
      provider_id: "manual_manual",
      price_type: "flat",
      // Type codes of different options must not collide: one per location.
      type: { label: "Standard", description: `Ships from ${input.name}`, code: `standard-${input.code}` },
      prices: [
        { currency_code: input.currency, amount: input.shippingAmount },
        { region_id: input.regionId, amount: input.shippingAmount },
      ],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "false" },
      ],
    },
    headers
  )
  return { location: id, fulfillmentSet, serviceZone, shippingOption: shipping_option.id }
}

/** Headers a storefront sends. */
export function storeHeaders(store: Pick<StoreSetup, "publishableKey">): Headers {
  return { "x-publishable-api-key": store.publishableKey }
}

// ---------------------------------------------------------------------------------------------
// Products and stock

/** variant id -> product id of the products made here, so `availableQuantity` can skip a lookup. */
const productOfVariant = new Map<string, string>()

/**
 * A published product in the store's sales channel and shipping profile with one variant that
 * manages inventory, priced in the store currency, stocked per location through
 * POST /admin/inventory-items/:id/location-levels/batch.
 */
export async function createStockedProduct(
  api: HttpClient,
  headers: Headers,
  store: StoreSetup,
  input: CreateStockedProductInput
): Promise<StockedProduct> {
  const { product } = await post<{ product: AdminProduct }>(
    api,
    `/admin/products?${fields("*variants", "*variants.inventory_items")}`,
    {
      title: input.title,
      status: "published",
      shipping_profile_id: store.shippingProfile,
      sales_channels: [{ id: store.salesChannel }],
      options: [{ title: "Size", values: ["One"] }],
      variants: [
        {
          title: `${input.title} One`,
          sku: input.sku,
          manage_inventory: true,
          allow_backorder: input.allowBackorder ?? false,
          options: { Size: "One" },
          prices: [{ currency_code: store.currency, amount: input.price ?? 10 }],
        },
      ],
    },
    headers
  )
  const variant = product.variants[0]
  const inventoryItemId = variant.inventory_items?.[0]?.inventory_item_id
  if (!inventoryItemId) {
    throw new Error(`product ${product.id}: variant ${variant.id} has no inventory item`)
  }
  productOfVariant.set(variant.id, product.id)
  const create = Object.entries(input.stock).map(([location_id, stocked_quantity]) => ({ location_id, stocked_quantity }))
  if (create.length) {
    await post(api, `/admin/inventory-items/${inventoryItemId}/location-levels/batch`, { create }, headers)
  }
  return { product, variant, inventoryItemId }
}

/** Sets the stocked quantity of existing levels (admin "edit stock"). */
export async function setStock(
  api: HttpClient,
  headers: Headers,
  inventoryItemId: string,
  stock: Record<string, number>
): Promise<void> {
  const update = Object.entries(stock).map(([location_id, stocked_quantity]) => ({ location_id, stocked_quantity }))
  await post(api, `/admin/inventory-items/${inventoryItemId}/location-levels/batch`, { update }, headers)
}

/** Stocked / reserved / available per location id, as the admin inventory page shows them. */
export async function inventoryLevels(
  api: HttpClient,
  headers: Headers,
  inventoryItemId: string
): Promise<Record<string, LevelQuantities>> {
  const { inventory_levels } = await get<{
    inventory_levels: { location_id: string; stocked_quantity: number; reserved_quantity: number; available_quantity: number }[]
  }>(api, `/admin/inventory-items/${inventoryItemId}/location-levels?limit=100`, headers)
  return Object.fromEntries(
    inventory_levels.map((l) => [
      l.location_id,
      {
        stocked: Number(l.stocked_quantity),
        reserved: Number(l.reserved_quantity),
        available: Number(l.available_quantity),
      },
    ])
  )
}

/**
 * What the storefront shows as orderable for a variant in the store's sales channel:
 * GET /store/products/:id?fields=+variants.inventory_quantity with the publishable key.
 */
export async function availableQuantity(api: HttpClient, store: StoreSetup, variantId: string): Promise<number> {
  const h = storeHeaders(store)
  let productId = productOfVariant.get(variantId)
  if (!productId) {
    const { variant } = await get<{ variant: { product_id: string } }>(
      api,
      `/store/product-variants/${variantId}?fields=id,product_id`,
      h
    )
    productId = variant.product_id
  }
  const { product } = await get<{ product: { variants: { id: string; inventory_quantity?: number }[] } }>(
    api,
    `/store/products/${productId}?${fields("+variants.inventory_quantity")}`,
    h
  )
  const variant = product.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`variant ${variantId} not found on product ${productId}`)
  return Number(variant.inventory_quantity)
}

// ---------------------------------------------------------------------------------------------
// Checkout

/** The checkout step a refusal came from. */
export type CheckoutStage = "create-cart" | "add-items" | "shipping-method" | "payment" | "complete"

export type CheckoutResult =
  | { ok: true; order: Order; cartId: string }
  | { ok: false; stage: CheckoutStage; cartId: string | null; status: number; error: ErrorBody }

/** A storefront request Medusa refused, with the checkout step it belongs to. */
export class CheckoutError extends HttpError {
  constructor(
    readonly stage: CheckoutStage,
    readonly cartId: string | null,
    cause: HttpError
  ) {
    super(cause.method, cause.url, cause.status, cause.data)
    this.name = "CheckoutError"
    this.message = `checkout refused at ${stage}: ${cause.message}`
  }
}

const address = (country: string) => ({
  first_name: "Erika",
  last_name: "Mustermann",
  address_1: "Hauptstraße 1",
  city: "Berlin",
  postal_code: "10115",
  country_code: country,
})

async function stage<T>(name: CheckoutStage, cartId: string | null, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (e) {
    throw e instanceof HttpError && !(e instanceof CheckoutError) ? new CheckoutError(name, cartId, e) : e
  }
}

/**
 * A guest cart ready to complete: region, sales channel, email, shipping and billing address,
 * items added one by one (POST /store/carts/:id/line-items, which checks stock), a shipping method
 * from the chosen location's option, and a pp_system_default payment session. A refused request
 * throws a `CheckoutError` naming the step.
 */
export async function prepareCart(
  api: HttpClient,
  store: StoreSetup,
  items: CartItemInput[],
  opts: PlaceOrderOptions = {}
): Promise<string> {
  const h = storeHeaders(store)
  const locationIndex = opts.shippingOptionLocation ? store.locations.indexOf(opts.shippingOptionLocation) : 0
  if (locationIndex < 0) throw new Error(`no shipping option for location ${opts.shippingOptionLocation}`)

  const { cart } = await stage("create-cart", null, () =>
    post<{ cart: { id: string } }>(
      api,
      "/store/carts",
      {
        region_id: store.region,
        sales_channel_id: store.salesChannel,
        email: opts.email ?? "shopper@lots.test",
        shipping_address: address(store.country),
        billing_address: address(store.country),
      },
      h
    )
  )
  await stage("add-items", cart.id, async () => {
    for (const item of items) {
      await post(api, `/store/carts/${cart.id}/line-items`, item, h)
    }
  })
  await stage("shipping-method", cart.id, () =>
    post(api, `/store/carts/${cart.id}/shipping-methods`, { option_id: store.shippingOptions[locationIndex] }, h)
  )
  await stage("payment", cart.id, async () => {
    const { payment_collection } = await post<{ payment_collection: { id: string } }>(
      api,
      "/store/payment-collections",
      { cart_id: cart.id },
      h
    )
    await post(api, `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
  })
  return cart.id
}

/**
 * Completes a cart and reports the outcome without throwing: Medusa answers 200 `{ type: "order" }`,
 * 200 `{ type: "cart", error }` (payment errors only), or 4xx (stock and other validation errors).
 */
export async function completeCart(api: HttpClient, store: StoreSetup, cartId: string): Promise<CheckoutResult> {
  const res = await attempt(
    api.post<{ type: "order"; order: Order } | { type: "cart"; error: ErrorBody }>(
      `/store/carts/${cartId}/complete`,
      {},
      { headers: storeHeaders(store) }
    )
  )
  const data = res.data as { type?: string; order?: Order; error?: ErrorBody } & ErrorBody
  if (res.status === 200 && data.type === "order" && data.order) {
    return { ok: true, order: data.order, cartId }
  }
  if (res.status === 200 && data.type === "cart") {
    return { ok: false, stage: "complete", cartId, status: res.status, error: data.error ?? {} }
  }
  return { ok: false, stage: "complete", cartId, status: res.status, error: { type: data.type, code: data.code, message: data.message } }
}

/**
 * Guest checkout that may be refused at any step (adding an item already checks stock): prepares
 * the cart, then completes it, and reports where and why it stopped instead of throwing.
 */
export async function tryPlaceOrder(
  api: HttpClient,
  store: StoreSetup,
  items: CartItemInput[],
  opts: PlaceOrderOptions = {}
): Promise<CheckoutResult> {
  let cartId: string
  try {
    cartId = await prepareCart(api, store, items, opts)
  } catch (e) {
    if (!(e instanceof CheckoutError)) throw e
    return { ok: false, stage: e.stage, cartId: e.cartId, status: e.status, error: e.data as ErrorBody }
  }
  return await completeCart(api, store, cartId)
}

/** Guest checkout through the store API; throws with Medusa's error when the cart does not complete. */
export async function placeOrder(
  api: HttpClient,
  store: StoreSetup,
  items: CartItemInput[],
  opts: PlaceOrderOptions = {}
): Promise<Order> {
  const result = await tryPlaceOrder(api, store, items, opts)
  if (!result.ok) {
    throw new Error(
      `checkout refused at ${result.stage} (cart ${result.cartId}, ${result.status}): ` +
        (result.error.message ?? JSON.stringify(result.error))
    )
  }
  return result.order
}

// ---------------------------------------------------------------------------------------------
// Admin order actions

export interface FulfillOrderInput {
  items: { id: string; quantity: number }[]
  location_id?: string
  additional_data?: Record<string, unknown>
  no_notification?: boolean
}

export type FulfillmentAttempt =
  | { status: 200; order: Order; fulfillment: Fulfillment; data: { order: Order } }
  | { status: number; order?: undefined; fulfillment?: undefined; data: ErrorBody }

const ORDER_WITH_FULFILLMENTS = fields("*fulfillments", "*fulfillments.items")

/** The order as the admin sees it, with its fulfillments and their items. */
export async function getOrder(api: HttpClient, headers: Headers, orderId: string): Promise<Order> {
  const { order } = await get<{ order: Order }>(api, `/admin/orders/${orderId}?${ORDER_WITH_FULFILLMENTS}`, headers)
  return order
}

/**
 * POST /admin/orders/:id/fulfillments, answering with the status instead of throwing. On success
 * `fulfillment` is the one this request created (the order's fulfillments before and after, diffed).
 */
export async function tryFulfillOrder(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  input: FulfillOrderInput
): Promise<FulfillmentAttempt> {
  const before = new Set((await getOrder(api, headers, orderId)).fulfillments?.map((f) => f.id) ?? [])
  const res = await attempt(
    api.post<{ order: Order }>(`/admin/orders/${orderId}/fulfillments?${ORDER_WITH_FULFILLMENTS}`, input, { headers })
  )
  if (res.status !== 200) {
    return { status: res.status, data: res.data as ErrorBody }
  }
  const data = res.data as { order: Order }
  const created = (data.order.fulfillments ?? []).filter((f) => !before.has(f.id))
  if (created.length !== 1) {
    throw new Error(`expected one new fulfillment on ${orderId}, found ${created.length}`)
  }
  return { status: 200, order: data.order, fulfillment: created[0], data }
}

/** POST /admin/orders/:id/fulfillments; throws an HttpError when Medusa refuses. */
export async function fulfillOrder(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  input: FulfillOrderInput
): Promise<{ order: Order; fulfillment: Fulfillment }> {
  const res = await tryFulfillOrder(api, headers, orderId, input)
  if (res.status !== 200 || !res.fulfillment) {
    throw new HttpError("POST", `/admin/orders/${orderId}/fulfillments`, res.status, res.data)
  }
  return { order: res.order, fulfillment: res.fulfillment }
}

/** POST /admin/orders/:id/fulfillments/:fulfillment_id/cancel; returns the order. */
export async function cancelFulfillment(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  fulfillmentId: string,
  body: { no_notification?: boolean; additional_data?: Record<string, unknown> } = {}
): Promise<Order> {
  const { order } = await post<{ order: Order }>(
    api,
    `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/cancel?${ORDER_WITH_FULFILLMENTS}`,
    body,
    headers
  )
  return order
}

/**
 * POST /admin/orders/:id/fulfillments/:fulfillment_id/shipments. Without `items`, ships every item
 * of the fulfillment (read from the order).
 */
export async function createShipment(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  fulfillmentId: string,
  items?: { id: string; quantity: number }[]
): Promise<Order> {
  let shipped = items
  if (!shipped) {
    const fulfillment = (await getOrder(api, headers, orderId)).fulfillments?.find((f) => f.id === fulfillmentId)
    if (!fulfillment) throw new Error(`fulfillment ${fulfillmentId} not found on order ${orderId}`)
    shipped = (fulfillment.items ?? [])
      .filter((i): i is typeof i & { line_item_id: string } => !!i.line_item_id)
      .map((i) => ({ id: i.line_item_id, quantity: Number(i.quantity) }))
  }
  const { order } = await post<{ order: Order }>(
    api,
    `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments?${ORDER_WITH_FULFILLMENTS}`,
    { items: shipped },
    headers
  )
  return order
}

/** POST /admin/orders/:id/cancel; returns the order. */
export async function cancelOrder(api: HttpClient, headers: Headers, orderId: string): Promise<Order> {
  const { order } = await post<{ order: Order }>(api, `/admin/orders/${orderId}/cancel`, {}, headers)
  return order
}

// ---------------------------------------------------------------------------------------------
// Assertions straight from Medusa's modules

/** Reservations of the given order line items, read from the Inventory module. */
export async function reservationsFor(container: MedusaContainer, lineItemIds: string[]): Promise<Reservation[]> {
  if (!lineItemIds.length) return []
  const reservations = await container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ line_item_id: lineItemIds }, { order: { created_at: "ASC" } })
  return reservations.map((r) => ({
    id: r.id,
    line_item_id: r.line_item_id ?? null,
    inventory_item_id: r.inventory_item_id,
    location_id: r.location_id,
    quantity: Number(r.quantity),
  }))
}
