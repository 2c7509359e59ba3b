import { LotStatusAction } from "../../../../../modules/lot/domain/lot-status"
import { lotStatusRoute } from "../../status-route"

export const POST = lotStatusRoute(LotStatusAction.RELEASE)
