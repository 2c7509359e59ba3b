import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { Gs1BuildError } from "../../../../modules/lot/domain/gs1"
import { lotLabelBarcode, namingVariant } from "../../../../modules/lot/domain/gs1-encode"
import type { LabelContent } from "./render"

// The rows query.graph returns for LABEL_FIELDS (spelled out: the generated query types may be absent).
type VariantRow = {
  id: string
  title?: string | null
  barcode?: string | null
  ean?: string | null
  upc?: string | null
  product?: { title?: string | null } | null
}
type LabelLotRow = {
  id: string
  lot_number: string
  expires_at?: Date | string | null
  inventory_item_id: string
  inventory_item?: { title?: string | null; sku?: string | null; variants?: (VariantRow | null)[] | null } | null
}

const LABEL_FIELDS = [
  "id",
  "lot_number",
  "expires_at",
  "inventory_item_id",
  "inventory_item.title",
  "inventory_item.sku",
  "inventory_item.variants.id",
  "inventory_item.variants.title",
  "inventory_item.variants.barcode",
  "inventory_item.variants.ean",
  "inventory_item.variants.upc",
  "inventory_item.variants.product.title",
]

/**
 * What the labels of these lots show, in the order asked. Throws NOT_FOUND naming the lots that
 * do not exist, and INVALID_DATA when a lot's number or expiry cannot be put in a GS1 barcode.
 */
export async function loadLabelContents(scope: MedusaContainer, lotIds: string[], now = new Date()): Promise<LabelContent[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "lot", fields: LABEL_FIELDS, filters: { id: lotIds } })
  const rows = new Map((data as unknown as LabelLotRow[]).map((row) => [row.id, row]))
  const missing = lotIds.filter((id) => !rows.has(id))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      missing.length === 1 ? `Lot with id: ${missing[0]} was not found` : `Lots with ids: ${missing.join(", ")} were not found`
    )
  }
  return lotIds.map((id) => labelContent(rows.get(id)!, now))
}

function labelContent(row: LabelLotRow, now: Date): LabelContent {
  const { variant, gtin } = namingVariant(row.inventory_item?.variants ?? [])
  const expiry = row.expires_at ? new Date(row.expires_at).toISOString().slice(0, 10) : null
  try {
    return {
      product_name: productName(variant, row),
      lot_number: row.lot_number,
      expiry,
      barcode: lotLabelBarcode({ gtin, lot_number: row.lot_number, expires_at: expiry }, now),
    }
  } catch (error) {
    if (error instanceof Gs1BuildError) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The label of lot ${row.lot_number} cannot be encoded as a GS1 barcode: ${error.message}.`
      )
    }
    throw error
  }
}

/** "Greek yogurt — 500 g": the product title with the variant's where they differ; else the item's. */
function productName(variant: VariantRow | null, row: LabelLotRow): string {
  const product = variant?.product?.title
  if (product) {
    return variant?.title && variant.title !== product ? `${product} — ${variant.title}` : product
  }
  return variant?.title || row.inventory_item?.title || row.inventory_item?.sku || row.inventory_item_id
}
