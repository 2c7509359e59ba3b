import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import LotModule from "../modules/lot"

// The way back: stock_location.lot_stocks, read from lot_stock.location_id.
export default defineLink(
  { linkable: StockLocationModule.linkable.stockLocation, field: "id" },
  { ...LotModule.linkable.lotStock.id, primaryKey: "location_id" },
  { readOnly: true, isList: true }
)
