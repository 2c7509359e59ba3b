import { MedusaError } from "@medusajs/framework/utils"
import { planLotEdit } from "../domain/lot-edit"
import { findLotEditSubject, writeLotEditableFields } from "../sql/lot-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, type LotEdit, type LotEditEventData, type LotEditInput, type LotFieldChanges } from "../types"
import { lockLot } from "./lots"

/**
 * Corrects a lot's dates, supplier or notes under its row lock and records one `edited` history
 * entry with each changed field as old → new. Refused in a merchant's words (nothing written) when
 * the resulting dates do not make sense; the same values again write nothing.
 */
export async function editLot(sql: Sql, input: LotEditInput, now = new Date()): Promise<LotEdit> {
  const lot = await lockLot(sql, input.lot_id)
  const subject = (await findLotEditSubject(sql, lot.id))!
  const plan = planLotEdit(subject, input.patch, input.shelf_life_days, now)
  if (plan.problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Lot ${lot.lot_number} was not changed. ${plan.problems.join(" ")}`)
  }
  const edit = {
    lot_id: lot.id,
    lot_number: lot.lot_number,
    inventory_item_id: lot.inventory_item_id,
    status: lot.status,
    changes: plan.changes,
    derived_expiry: plan.derived_expiry,
    expiry_passed: plan.expiry_passed,
    notices: plan.notices,
  }
  if (!Object.keys(plan.changes).length) {
    return { ...edit, event_id: null, previous: null }
  }
  // A new expiry is announced again from its own warning windows.
  await writeLotEditableFields(sql, lot.id, {
    ...plan.next,
    expiry_warning_days: plan.changes.expires_at ? null : subject.expiry_warning_days,
  })
  const data: LotEditEventData = { changes: plan.changes, ...(plan.derived_expiry && { derived_expiry: plan.derived_expiry }) }
  const [eventId] = await insertLotEvents(sql, [{ lot_id: lot.id, type: LotEventType.EDITED, actor_id: input.actor_id, data }])
  return { ...edit, event_id: eventId, previous: subject }
}

/** Undoes an edit (workflow compensation): the old values back, recorded as a `reverted` entry. */
export async function revertLotEdit(sql: Sql, edit: LotEdit): Promise<void> {
  if (!edit.event_id || !edit.previous) {
    return
  }
  await lockLot(sql, edit.lot_id)
  await writeLotEditableFields(sql, edit.lot_id, edit.previous)
  await insertLotEvents(sql, [
    {
      lot_id: edit.lot_id,
      type: LotEventType.REVERTED,
      reason: "edit reverted",
      reference_type: "lot_event",
      reference_id: edit.event_id,
      data: { changes: invertChanges(edit.changes) } satisfies LotEditEventData,
    },
  ])
}

function invertChanges(changes: LotFieldChanges): LotFieldChanges {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, { from: change!.to, to: change!.from }]))
}
