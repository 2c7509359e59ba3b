import { MedusaError } from "@medusajs/framework/utils"
import { LotRecallExpiryAndReportFlows } from "./services/recall-expiry-and-report-flows"

export type { LotStockTotal } from "./sql/lot-stock-total-sql"

/**
 * The lot module's service: MedusaService over the models (services/stock-and-order-flows.ts), the
 * stock and order flows, then recalls, expiry, traces and reports
 * (services/recall-expiry-and-report-flows.ts). Each method calls one function of actions/,
 * queries/ or sql/, where the flow is written.
 */
class LotModuleService extends LotRecallExpiryAndReportFlows {
  // The lot history is append-only: the generated edit and delete methods are closed.
  updateLotEvents = refuseEventEdit
  deleteLotEvents = refuseEventEdit
  softDeleteLotEvents = refuseEventEdit
  restoreLotEvents = refuseEventEdit
}

async function refuseEventEdit(): Promise<never> {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Lot events are append-only and cannot be changed or deleted.")
}

export default LotModuleService
