// A real storefront for the flow suites, through Medusa's own HTTP API — the request shapes of
// integration-tests/helpers/store.ts, ported to plain fetch (bench/lib/medusa-http.mjs):
// region with the system payment provider, sales channel, publishable key, N stock locations each
// wired for shipping (sales channel, manual provider, fulfillment set, service zone, shipping
// option), stocked products, guest checkout with per-step timings, and admin fulfillment.

const fields = (...list) => `fields=${encodeURIComponent(list.join(","))}`

const address = (country) => ({
  first_name: "Erika",
  last_name: "Mustermann",
  address_1: "Hauptstraße 1",
  city: "Berlin",
  postal_code: "10115",
  country_code: country,
})

/**
 * Region, sales channel, publishable key and `locations` stock locations ready to ship.
 * Returns { region, salesChannel, publishableKey, shippingProfile, country, currency,
 * locations: [{ id, name, shippingOption }] }.
 */
export async function setupStore(http, { label = "Bench", locations = 1, country = "de", currency = "eur", shippingAmount = 5 } = {}) {
  const [{ region }, { sales_channel }, { api_key }, { shipping_profiles }] = await Promise.all([
    http.admin("POST", "/admin/regions", { name: `${label} region`, currency_code: currency, countries: [country], payment_providers: ["pp_system_default"] }),
    http.admin("POST", "/admin/sales-channels", { name: `${label} channel` }),
    http.admin("POST", "/admin/api-keys", { title: `${label} storefront`, type: "publishable" }),
    http.admin("GET", "/admin/shipping-profiles?type=default&limit=1"),
  ])
  const shippingProfile =
    shipping_profiles[0]?.id ?? (await http.admin("POST", "/admin/shipping-profiles", { name: `${label} profile`, type: "default" })).shipping_profile.id
  await http.admin("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] })

  const wired = []
  // One location at a time: the server is small and the wiring is not what is measured.
  for (let i = 0; i < locations; i++) {
    wired.push(
      await wireLocation(http, {
        name: `${label} warehouse ${i + 1}`,
        code: `${label.toLowerCase().replace(/\W+/g, "-")}-${i + 1}`,
        label,
        country,
        currency,
        regionId: region.id,
        salesChannelId: sales_channel.id,
        shippingProfileId: shippingProfile,
        shippingAmount,
      })
    )
  }
  return { region: region.id, salesChannel: sales_channel.id, publishableKey: api_key.token, shippingProfile, country, currency, locations: wired }
}

async function wireLocation(http, input) {
  const { stock_location } = await http.admin("POST", "/admin/stock-locations", {
    name: input.name,
    address: { address_1: `${input.name} 1`, city: "Berlin", country_code: input.country },
  })
  const id = stock_location.id
  await http.admin("POST", `/admin/stock-locations/${id}/sales-channels`, { add: [input.salesChannelId] })
  await http.admin("POST", `/admin/stock-locations/${id}/fulfillment-providers`, { add: ["manual_manual"] })
  const { stock_location: withSet } = await http.admin("POST", `/admin/stock-locations/${id}/fulfillment-sets?${fields("+fulfillment_sets.id")}`, {
    name: `${input.name} shipping`,
    type: "shipping",
  })
  const { fulfillment_set } = await http.admin(
    "POST",
    `/admin/fulfillment-sets/${withSet.fulfillment_sets[0].id}/service-zones?${fields("+service_zones.id")}`,
    { name: `${input.name} ${input.country.toUpperCase()}`, geo_zones: [{ type: "country", country_code: input.country }] }
  )
  const { shipping_option } = await http.admin("POST", "/admin/shipping-options", {
    name: `${input.label} standard from ${input.name}`,
    service_zone_id: fulfillment_set.service_zones[0].id,
    shipping_profile_id: input.shippingProfileId,
    provider_id: "manual_manual",
    price_type: "flat",
    type: { label: "Standard", description: `Ships from ${input.name}`, code: `standard-${input.code}` },
    prices: [
      { currency_code: input.currency, amount: input.shippingAmount },
      { region_id: input.regionId, amount: input.shippingAmount },
    ],
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })
  return { id, name: input.name, shippingOption: shipping_option.id }
}

/**
 * A published product in the store's channel with one variant that manages inventory.
 * `stock` maps location id -> stocked quantity (levels created through the batch endpoint).
 * Returns { productId, variantId, inventoryItemId }.
 */
export async function createStockedProduct(http, store, { title, sku, stock = {}, price = 10 }) {
  const { product } = await http.admin("POST", `/admin/products?${fields("*variants", "*variants.inventory_items")}`, {
    title,
    status: "published",
    shipping_profile_id: store.shippingProfile,
    sales_channels: [{ id: store.salesChannel }],
    options: [{ title: "Size", values: ["One"] }],
    variants: [
      {
        title: `${title} One`,
        sku,
        manage_inventory: true,
        allow_backorder: false,
        options: { Size: "One" },
        prices: [{ currency_code: store.currency, amount: price }],
      },
    ],
  })
  const variant = product.variants[0]
  const inventoryItemId = variant.inventory_items?.[0]?.inventory_item_id
  if (!inventoryItemId) throw new Error(`product ${product.id}: variant ${variant.id} has no inventory item`)
  const create = Object.entries(stock).map(([location_id, stocked_quantity]) => ({ location_id, stocked_quantity }))
  if (create.length) await http.admin("POST", `/admin/inventory-items/${inventoryItemId}/location-levels/batch`, { create })
  return { productId: product.id, variantId: variant.id, inventoryItemId }
}

/**
 * A guest cart of `items` shipping with `shippingOption`, ready to complete (payment session
 * with the system provider), every step timed. Returns { cartId, ms: { cart, items, shipping, payment } }.
 */
export async function prepareCart(http, store, items, { shippingOption, email = "shopper@lots.bench" } = {}) {
  const key = store.publishableKey
  const ms = {}
  const cartRes = await http.storeTimed(
    "POST",
    "/store/carts",
    { region_id: store.region, sales_channel_id: store.salesChannel, email, shipping_address: address(store.country), billing_address: address(store.country) },
    key
  )
  ms.cart = cartRes.ms
  const cartId = cartRes.body.cart.id
  ms.items = 0
  for (const item of items) ms.items += (await http.storeTimed("POST", `/store/carts/${cartId}/line-items`, item, key)).ms
  ms.shipping = (await http.storeTimed("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: shippingOption ?? store.locations[0].shippingOption }, key)).ms
  const pc = await http.storeTimed("POST", "/store/payment-collections", { cart_id: cartId }, key)
  const ps = await http.storeTimed("POST", `/store/payment-collections/${pc.body.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, key)
  ms.payment = pc.ms + ps.ms
  return { cartId, ms }
}

/**
 * Guest checkout of `items` shipping with `shippingOption`, every step timed.
 * Returns { order, ms: { cart, items, shipping, payment, complete, total }, completeSentAt,
 * completeAnsweredAt } (hrtime milliseconds, for measuring what happens after the answer).
 */
export async function checkout(http, store, items, options = {}) {
  const key = store.publishableKey
  const t0 = process.hrtime.bigint()
  const { cartId, ms } = await prepareCart(http, store, items, options)
  const completeSentAt = nowMs()
  const done = await http.storeTimed("POST", `/store/carts/${cartId}/complete`, {}, key)
  const completeAnsweredAt = nowMs()
  ms.complete = done.ms
  ms.total = Number(process.hrtime.bigint() - t0) / 1e6
  if (done.body?.type !== "order" || !done.body.order) {
    throw new Error(`checkout of cart ${cartId} did not complete: ${JSON.stringify(done.body).slice(0, 400)}`)
  }
  return { order: done.body.order, cartId, ms, completeSentAt, completeAnsweredAt }
}

/** POST /admin/orders/:id/fulfillments, timed; returns { order, ms }. */
export async function fulfill(http, orderId, { items, location_id, additional_data }) {
  const r = await http.adminTimed("POST", `/admin/orders/${orderId}/fulfillments`, {
    items,
    location_id,
    ...(additional_data && { additional_data }),
  })
  return { order: r.body.order, ms: r.ms }
}

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6
