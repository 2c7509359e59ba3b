/**
 * Puts the demo store's frame in place: sales channel, region, taxes, shipping profile, stock
 * locations with their shipping, publishable key, categories and products. Each `ensure…` looks for
 * what it would create (by name, handle) first, so a seed that stopped part-way resumes.
 */
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
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
} from "@medusajs/medusa/core-flows"
import { CATEGORIES, PRODUCTS, type CategoryHandle, type ProductSpec } from "./catalog"
import { API_KEY_TITLE, COUNTRIES, LOCATIONS, REGION, SALES_CHANNEL, SHIPPING, type LocationKey } from "./store"
import { gtinCheckDigit } from "../../modules/lot/domain/gs1-core"

export type Ctx = { container: MedusaContainer; logger: Logger; query: any }

export async function ensureSalesChannel({ container }: Ctx) {
  const [existing] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: SALES_CHANNEL })
  if (existing) return existing
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "Noordvers online shop (NL, BE, DE, FR)" }] },
  })
  return result[0]
}

export async function ensureRegion({ container }: Ctx) {
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

export async function ensureTaxRegions({ container }: Ctx) {
  const existing = await container.resolve(Modules.TAX).listTaxRegions({ country_code: COUNTRIES })
  const have = new Set(existing.filter((t) => !t.parent_id).map((t) => t.country_code))
  const missing = COUNTRIES.filter((c) => !have.has(c))
  if (!missing.length) return
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })
}

export async function ensureShippingProfile({ container }: Ctx): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

export type Locations = Record<LocationKey, { id: string; name: string }>

export async function ensureStockLocations({ container, query }: Ctx, salesChannelId: string): Promise<Locations> {
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

export async function ensureShipping(
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

export async function ensurePublishableKey({ container, query }: Ctx, salesChannelId: string) {
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

export async function ensureCategories({ container }: Ctx): Promise<Record<CategoryHandle, string>> {
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

export type SeededProduct = { spec: ProductSpec; productId: string; variantId: string; inventoryItemId: string }

export async function ensureProducts(
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

/** EAN-13 from its first 12 digits (GS1 mod-10 check digit: weights 1,3,1,3... from the left). */
function ean13(first12: string): string {
  return first12 + String(gtinCheckDigit(first12))
}
