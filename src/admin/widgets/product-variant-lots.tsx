import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { VariantLotsSection } from "../components/product-variant/variant-lots-section"
import { useFollowMedusaChanges } from "../hooks/medusa-refresh"

/** Product variant page: lots per status, stock per location and the next expiry of its inventory items. */
const ProductVariantLotsWidget = ({ data }: DetailWidgetProps<AdminProductVariant>) => {
  useFollowMedusaChanges()
  return <VariantLotsSection variant={data} />
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default ProductVariantLotsWidget
