import { MedusaError } from "@medusajs/framework/utils"
import { LotStatusAction, LotStatusTransitionError, nextLotStatus } from "../domain/lot-status"
import { setLotStatus } from "../sql/lot-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, type LotStatus, type LotStatusChange, type LotStatusChangeInput } from "../types"
import { lockLot } from "./lots"

const EVENT_FOR_ACTION: Record<LotStatusAction, LotEventType> = {
  [LotStatusAction.RELEASE]: LotEventType.RELEASED,
  [LotStatusAction.HOLD]: LotEventType.HELD,
  [LotStatusAction.REJECT]: LotEventType.REJECTED,
  [LotStatusAction.RECALL]: LotEventType.RECALLED,
  [LotStatusAction.EXPIRE]: LotEventType.EXPIRED,
}

/** Moves a lot through the status machine under a row lock, recording who did it and why. */
export async function changeLotStatus(sql: Sql, input: LotStatusChangeInput): Promise<LotStatusChange> {
  const lot = await lockLot(sql, input.lot_id)
  let to: LotStatus
  try {
    to = nextLotStatus(lot.status, input.action)
  } catch (error) {
    if (error instanceof LotStatusTransitionError) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Lot ${lot.lot_number}: ${error.message}`)
    }
    throw error
  }
  await setLotStatus(sql, lot.id, to)
  const [eventId] = await insertLotEvents(sql, [
    {
      lot_id: lot.id,
      type: EVENT_FOR_ACTION[input.action],
      from_status: lot.status,
      to_status: to,
      actor_id: input.actor_id,
      reason: input.reason,
      note: input.note,
      data: input.data,
    },
  ])
  return {
    lot_id: lot.id,
    lot_number: lot.lot_number,
    inventory_item_id: lot.inventory_item_id,
    from_status: lot.status,
    to_status: to,
    event_id: eventId,
  }
}

/** Undoes a status change (workflow compensation), recorded as a `reverted` event. */
export async function revertLotStatusChange(sql: Sql, change: LotStatusChange): Promise<void> {
  const lot = await lockLot(sql, change.lot_id)
  if (lot.status !== change.to_status) {
    return // someone moved it on since; their change stands
  }
  await setLotStatus(sql, lot.id, change.from_status)
  await insertLotEvents(sql, [
    {
      lot_id: lot.id,
      type: LotEventType.REVERTED,
      from_status: change.to_status,
      to_status: change.from_status,
      reason: "status change reverted",
      reference_type: "lot_event",
      reference_id: change.event_id,
    },
  ])
}
