import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import LotModule from "../modules/lot"

export default defineLink(
  { linkable: LotModule.linkable.lotStock, field: "location_id" },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)
