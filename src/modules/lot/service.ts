import { MedusaError } from "@medusajs/framework/utils"
import { LotIntegrityFlows } from "./services/integrity-flows"

export type { LotStockTotal } from "./sql/lot-stock-total-sql"

/**
 * The lot module's service: MedusaService over the models (services/stock-and-order-flows.ts), the
 * stock and order flows, then recalls, expiry, traces and reports
 * (services/recall-expiry-and-report-flows.ts), then the integrity checks' reads and the repair's
 * writes (services/integrity-flows.ts). Each method calls one function of actions/,
 * queries/ or sql/, where the flow is written.
 */
class LotModuleService extends LotIntegrityFlows {
  // The lot history is append-only: the generated edit and delete methods are closed.
  updateLotEvents = refuseEventEdit
  deleteLotEvents = refuseEventEdit
  softDeleteLotEvents = refuseEventEdit
  restoreLotEvents = refuseEventEdit
  // A lot is never removed with its stock and history (a recall or an audit may need it years
  // later); a receipt taken back retires it instead (soft delete).
  deleteLots = refuseLotDelete
  // So is the repair's record of its corrections.
  updateLotCorrections = refuseCorrectionEdit
  deleteLotCorrections = refuseCorrectionEdit
  softDeleteLotCorrections = refuseCorrectionEdit
  restoreLotCorrections = refuseCorrectionEdit
}

async function refuseEventEdit(): Promise<never> {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Lot events are append-only and cannot be changed or deleted.")
}

async function refuseLotDelete(): Promise<never> {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Lots keep their history and cannot be deleted; a lot no longer in use stays with zero stock.")
}

async function refuseCorrectionEdit(): Promise<never> {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Lot corrections are append-only and cannot be changed or deleted.")
}

export default LotModuleService
