import { Module } from "@medusajs/framework/utils"
import LotModuleService from "./service"

export const LOT_MODULE = "lot"

export default Module(LOT_MODULE, {
  service: LotModuleService,
})

export * from "./types"
export type { LotStockTotal } from "./service"
export { LotModuleService }
export { LotEvents, lotReceivedPayload } from "./events"
export { LotStatusAction } from "./domain/lot-status"
export type { ExpiredLot, WarnedLot, WarningCursor } from "./sql/expiry-sql"
