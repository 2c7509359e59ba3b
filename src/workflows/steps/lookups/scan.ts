import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type { AllocationRules } from "../../../modules/lot/domain/allocation"
import { allocationRulesFor } from "../../../modules/lot/domain/allocation-rules"
import { Gs1ParseError, parseGs1Scan, type ScanResult } from "../../../modules/lot/domain/gs1"
import { MAX_LOT_NUMBER_LENGTH } from "../../../modules/lot/domain/lot-number-template"
import type { ScanLot, ScanVariant } from "../../../modules/lot/domain/scan-assessment"
import type LotModuleService from "../../../modules/lot/service"
import type { LotStatus } from "../../../modules/lot/types"

// The rows query.graph returns for the fields below. Spelled out because the generated query
// types (.medusa/types) exist only after `medusa develop` has run, not in a fresh clone's build.
type VariantRow = {
  id: string
  title?: string | null
  sku?: string | null
  barcode?: string | null
  ean?: string | null
  upc?: string | null
  product?: { id: string; title?: string | null } | null
  inventory_items?: ({ inventory_item_id?: string | null } | null)[] | null
}

/** A lot's inventory item as query.graph returns it for LOT_ITEM_NAME_FIELDS. */
export type LotItemRow = {
  id: string
  title?: string | null
  sku?: string | null
  variants?: ({ product?: { title?: string | null } | null } | null)[] | null
}

type LotRow = {
  id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  expires_at?: Date | string | null
  received_at: Date | string
  inventory_item?: LotItemRow | null
  stock?: ({ location_id: string; quantity: unknown; allocated_quantity: unknown } | null)[] | null
}

/** The fields of a lot (for query.graph on "lot") that name its item: title, SKU and the products stocking it. */
export const LOT_ITEM_NAME_FIELDS = ["inventory_item.id", "inventory_item.title", "inventory_item.sku", "inventory_item.variants.product.title"]

/** A lot's item as the lot views name it: title, SKU and the titles of the products whose variants stock it. */
export function lotItemNames(item: LotItemRow | null | undefined): ScanLot["inventory_item"] {
  if (!item) {
    return null
  }
  return {
    id: item.id,
    title: item.title ?? null,
    sku: item.sku ?? null,
    product_titles: [...new Set((item.variants ?? []).flatMap((v): string[] => (v?.product?.title ? [v.product.title] : [])))],
  }
}

const VARIANT_FIELDS = [
  "id",
  "title",
  "sku",
  "barcode",
  "ean",
  "upc",
  "product.id",
  "product.title",
  "inventory_items.inventory_item_id",
]

const LOT_FIELDS = [
  "id",
  "lot_number",
  "inventory_item_id",
  "status",
  "expires_at",
  "received_at",
  ...LOT_ITEM_NAME_FIELDS,
  "stock.location_id",
  "stock.quantity",
  "stock.allocated_quantity",
]

/**
 * The spellings a store may have typed for a GTIN-14: itself, GTIN-13 (one leading zero less),
 * UPC-A / GTIN-12 (two less) and GTIN-8 (six less), each only where the dropped digits are zeros.
 */
export function gtinForms(gtin14: string): string[] {
  return [0, 1, 2, 6].filter((drop) => /^0*$/.test(gtin14.slice(0, drop))).map((drop) => gtin14.slice(drop))
}

/** Variants whose barcode, EAN or UPC is the GTIN in any of its forms, ordered by id. */
export async function findVariantsByGtin(scope: MedusaContainer, gtin14: string): Promise<ScanVariant[]> {
  const forms = gtinForms(gtin14)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: VARIANT_FIELDS,
    filters: { $or: [{ barcode: forms }, { ean: forms }, { upc: forms }] },
  })
  const rows = data as unknown as VariantRow[]
  const variants: ScanVariant[] = rows.map((row) => ({
    id: row.id,
    title: row.title ?? null,
    sku: row.sku ?? null,
    barcode: row.barcode ?? null,
    ean: row.ean ?? null,
    upc: row.upc ?? null,
    product: row.product ? { id: row.product.id, title: row.product.title ?? null } : null,
    inventory_items: (row.inventory_items ?? []).flatMap((link) =>
      link?.inventory_item_id ? [{ inventory_item_id: link.inventory_item_id }] : []
    ),
  }))
  return variants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The lot with this (already normalised) number, or null. */
export async function findLotByNumber(scope: MedusaContainer, lotNumber: string): Promise<ScanLot | null> {
  if (!lotNumber || lotNumber.length > MAX_LOT_NUMBER_LENGTH) {
    return null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "lot", fields: LOT_FIELDS, filters: { lot_number: lotNumber } })
  const [row] = data as unknown as LotRow[]
  if (!row) {
    return null
  }
  return {
    id: row.id,
    lot_number: row.lot_number,
    inventory_item_id: row.inventory_item_id,
    status: row.status,
    expires_at: row.expires_at ?? null,
    received_at: row.received_at,
    inventory_item: lotItemNames(row.inventory_item),
    stock: (row.stock ?? []).flatMap((s) =>
      s ? [{ location_id: s.location_id, quantity: Number(s.quantity), allocated_quantity: Number(s.allocated_quantity) }] : []
    ),
  }
}

/** The item's lot policy as allocation rules for a shipment today, and whether it is lot-tracked. */
export async function shipTodayRules(
  scope: MedusaContainer,
  inventoryItemId: string,
  now: Date
): Promise<{ rules: AllocationRules; tracked: boolean }> {
  const [policy] = await scope.resolve<LotModuleService>(LOT_MODULE).listLotPolicies({ inventory_item_id: inventoryItemId })
  return {
    tracked: !!policy?.tracked,
    rules: allocationRulesFor(policy, now),
  }
}

/**
 * Reads a scanned code (GS1 element string, Digital Link or plain lot number); an unreadable one
 * is refused as INVALID_DATA in the parser's words, after `lead` when the caller sets the scene.
 */
export function readScannedCode(code: string, options: { fnc1?: string; now?: Date }, lead = ""): ScanResult {
  try {
    return parseGs1Scan(code, options)
  } catch (error) {
    if (error instanceof Gs1ParseError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${lead}${error.message}`)
    }
    throw error
  }
}
