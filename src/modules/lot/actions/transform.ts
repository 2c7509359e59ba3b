import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { requireWholeUnits, withinStorableRange } from "../domain/lot-quantity"
import {
  inputIneligibility,
  lineageEdges,
  transformationRules,
  type LotTransformation,
  type LotTransformationInput,
  type TransformedLot,
} from "../domain/transformation"
import { findLotsByIdOrNumber, lockStockRows } from "../sql/allocation-sql"
import { insertLineage, retireLineage } from "../sql/lineage-sql"
import { insertLotEvents, lockLotStock, setLotStockQuantity, type Sql } from "../sql/sql"
import { LotEventType, type LotModuleOptions } from "../types"
import { insertLot } from "./lots"
import { revertLotReceipt } from "./receive"
import { changeLotStock } from "./stock"

/**
 * A production or a split: locks the input lots (FOR SHARE) and their stock at the location (FOR
 * UPDATE), refuses an input that is not eligible or lacks free units (naming the lot and why),
 * takes the units out (`consumed`), creates the output lots with their stock (`produced`) and
 * records the lineage edges, all under one transformation id.
 */
export async function transformLots(
  sql: Sql,
  input: LotTransformationInput,
  options: Required<LotModuleOptions>
): Promise<LotTransformation> {
  const rules = transformationRules(input.kind)
  const lotIds = input.inputs.map((i) => i.lot_id)
  if (new Set(lotIds).size !== lotIds.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Each input lot may be listed only once; add its quantities together.")
  }
  for (const part of [...input.inputs, ...input.outputs]) {
    requireWholeUnits(part.quantity, "quantity", { positive: true })
  }
  const known = await findLotsByIdOrNumber(sql, lotIds, [])
  const missing = lotIds.find((id) => !known.some((k) => k.id === id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missing} was not found`)
  }
  const stock = await lockStockRows(sql, { lot_ids: lotIds, location_id: input.location_id })
  const now = new Date()
  const inputs: TransformedLot[] = []
  for (const wanted of input.inputs) {
    const lot = known.find((k) => k.id === wanted.lot_id)!
    const row = stock.find((s) => s.lot_id === lot.id)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Lot ${lot.lot_number} has no stock at location ${input.location_id}.`)
    }
    const problem = inputIneligibility(row, wanted.quantity, rules, now)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cannot use ${wanted.quantity} unit(s) of lot ${lot.lot_number}: ${problem}.`)
    }
    await setLotStockQuantity(sql, row.stock_id, row.quantity - wanted.quantity)
    inputs.push({ lot_id: lot.id, lot_number: lot.lot_number, inventory_item_id: lot.inventory_item_id, quantity: wanted.quantity, status: row.status, event_id: "" })
  }

  const outputs: TransformedLot[] = []
  for (const output of input.outputs) {
    const status = rules.outputs_inherit_status ? inputs[0].status : output.status
    const lot = await insertLot(sql, { ...output, status, location_id: input.location_id }, options)
    const row = (await lockLotStock(sql, lot.id, input.location_id, true))!
    await setLotStockQuantity(sql, row.id, withinStorableRange(lot.lot_number, output.quantity))
    outputs.push({ lot_id: lot.id, lot_number: lot.lot_number, inventory_item_id: lot.inventory_item_id, quantity: output.quantity, status: lot.status, event_id: "" })
  }

  const transformationId = generateEntityId(undefined, "lottrf")
  const edges = lineageEdges(inputs, outputs)
  await insertLineage(sql, { ...input, transformation_id: transformationId }, edges)
  const reference = { reference_type: input.kind, reference_id: transformationId, actor_id: input.actor_id, note: input.note }
  const eventIds = await insertLotEvents(sql, [
    ...inputs.map((lot) => ({
      ...reference,
      lot_id: lot.lot_id,
      type: LotEventType.CONSUMED,
      quantity: -lot.quantity,
      location_id: input.location_id,
      data: { into_lot_ids: outputs.map((o) => o.lot_id) },
    })),
    ...outputs.map((lot) => ({
      ...reference,
      lot_id: lot.lot_id,
      type: LotEventType.PRODUCED,
      quantity: lot.quantity,
      location_id: input.location_id,
      to_status: lot.status,
      data: { from_lot_ids: inputs.map((i) => i.lot_id) },
    })),
  ])
  ;[...inputs, ...outputs].forEach((lot, index) => (lot.event_id = eventIds[index]))
  return { transformation_id: transformationId, kind: input.kind, location_id: input.location_id, inputs, outputs, lineage: edges }
}

/**
 * Undoes transformLots (workflow compensation): the output lots are retired, the input units go
 * back, each recorded as a `reverted` event, and the lineage edges are retired.
 */
export async function revertLotTransformation(sql: Sql, t: LotTransformation): Promise<void> {
  for (const output of t.outputs) {
    await revertLotReceipt(sql, { ...output, location_id: t.location_id, created: true })
  }
  await changeLotStock(
    sql,
    t.inputs.map((lot) => ({
      lot_id: lot.lot_id,
      location_id: t.location_id,
      delta: lot.quantity,
      event: { type: LotEventType.REVERTED, reason: `${t.kind} reverted`, reference_type: "lot_event", reference_id: lot.event_id },
    }))
  )
  await retireLineage(sql, t.transformation_id)
}
