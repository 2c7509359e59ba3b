import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type ReturnLotDesignationInput = {
  return_id: string
  items: { line_item_id: string; lot_id: string; quantity: number }[]
}

type ReturnRow = { id: string; order_id: string; status: string; items?: { item_id: string; quantity: unknown }[] }

export const validateReturnLotDesignationStepId = "validate-return-lot-designation"
/**
 * Checks a merchant's lot designation for a return: the return exists and is not received yet,
 * each line is on it, each lot shipped on that line, and no line names more units than it returns.
 * Returns the order the return belongs to. Writes nothing; used first by `designateReturnLotsWorkflow`.
 *
 * @example
 * const { order_id } = validateReturnLotDesignationStep({ return_id: "return_1", items: [{ line_item_id: "ordli_1", lot_id: "lot_1", quantity: 1 }] })
 */
export const validateReturnLotDesignationStep = createStep(
  validateReturnLotDesignationStepId,
  async (input: ReturnLotDesignationInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: ["id", "order_id", "status", "items.item_id", "items.quantity"],
      filters: { id: input.return_id },
    })
    const ret = data[0] as ReturnRow | undefined
    if (!ret) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return with id: ${input.return_id} was not found`)
    }
    if (ret.status === "received" || ret.status === "canceled") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Return ${ret.id} is already ${ret.status}; lots can only be named before it is received.`
      )
    }
    const returned = new Map((ret.items ?? []).map((i) => [i.item_id, Number(i.quantity)]))
    const named = new Map<string, number>()
    for (const item of input.items) {
      if (!returned.has(item.line_item_id)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line ${item.line_item_id} is not part of return ${ret.id}.`)
      }
      named.set(item.line_item_id, (named.get(item.line_item_id) ?? 0) + item.quantity)
    }
    for (const [line, quantity] of named) {
      if (quantity > returned.get(line)!) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Return ${ret.id} takes back ${returned.get(line)} unit(s) of line ${line}, but ${quantity} were named.`
        )
      }
    }
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const shipments = await lots.listLotShipments(
      { order_id: ret.order_id, line_item_id: [...named.keys()], status: { $ne: "canceled" } },
      { select: ["line_item_id", "lot_id"] }
    )
    for (const item of input.items) {
      const shippedLots = shipments.filter((s) => s.line_item_id === item.line_item_id).map((s) => s.lot_id)
      if (!shippedLots.includes(item.lot_id)) {
        const lot = (await lots.listLots({ id: item.lot_id }, { select: ["lot_number"] }))[0]
        if (!lot) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${item.lot_id} was not found`)
        }
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Lot ${lot.lot_number} did not ship on line ${item.line_item_id}; name one of the lots that did (${shippedLots.length} on record).`
        )
      }
    }
    return new StepResponse({ order_id: ret.order_id })
  }
)
