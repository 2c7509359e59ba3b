import { defineMiddlewares } from "@medusajs/framework/http"
import { adminLotPolicyRoutesMiddlewares } from "./admin/inventory-items/middlewares"
import { adminLotBatchMiddlewares } from "./admin/lots/batch/middlewares"
import { adminLotExpiryMiddlewares } from "./admin/lots/expiring/middlewares"
import { adminLotLabelMiddlewares } from "./admin/lots/labels/middlewares"
import { adminLotRoutesMiddlewares } from "./admin/lots/middlewares"
import { adminLotSupplierMiddlewares } from "./admin/lot-suppliers/middlewares"
import { adminLotScanMiddlewares } from "./admin/lots/scan/middlewares"
import { adminOrderLotMiddlewares } from "./admin/orders/middlewares"
import { adminPickingMiddlewares } from "./admin/picking/middlewares"
import { adminRecallMiddlewares } from "./admin/recalls/middlewares"
import { adminReturnLotsMiddlewares } from "./admin/returns/middlewares"
import { adminFsma204Middlewares } from "./admin/traceability/fsma-204/middlewares"
import { adminEpcisMiddlewares } from "./admin/traceability/epcis/middlewares"
import { pluginInputGuardMiddlewares } from "./utils/input-guard"
import { refusedOrderChangeMiddlewares } from "./utils/refused-order-changes"

export default defineMiddlewares({
  routes: [
    // First: the validators below only see input the guard let through.
    ...pluginInputGuardMiddlewares,
    ...adminLotRoutesMiddlewares,
    ...adminLotScanMiddlewares,
    ...adminLotBatchMiddlewares,
    ...adminOrderLotMiddlewares,
    ...adminPickingMiddlewares,
    ...adminLotExpiryMiddlewares,
    ...adminLotLabelMiddlewares,
    ...adminLotPolicyRoutesMiddlewares,
    ...adminReturnLotsMiddlewares,
    ...adminRecallMiddlewares,
    ...adminFsma204Middlewares,
    ...adminEpcisMiddlewares,
    ...adminLotSupplierMiddlewares,
    ...refusedOrderChangeMiddlewares,
  ],
})
