import { defineMiddlewares } from "@medusajs/framework/http"
import { adminLotPolicyRoutesMiddlewares } from "./admin/inventory-items/middlewares"
import { adminLotRoutesMiddlewares } from "./admin/lots/middlewares"
import { adminLotScanMiddlewares } from "./admin/lots/scan/middlewares"

export default defineMiddlewares({
  routes: [...adminLotRoutesMiddlewares, ...adminLotScanMiddlewares, ...adminLotPolicyRoutesMiddlewares],
})
