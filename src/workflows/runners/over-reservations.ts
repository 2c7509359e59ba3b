import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../modules/lot"
import { correctionOf, type IntegrityFinding } from "../../modules/lot/domain/integrity"
import { overReservedFindings } from "../../modules/lot/domain/line-reservations"
import type LotModuleService from "../../modules/lot/service"
import type { LotCorrectionInput } from "../../modules/lot/sql/integrity-sql"
import { underInventoryLock } from "../locking"
import { loadReservedLines } from "../steps/lookups/reserved-lines"

/**
 * Lowers (or deletes) Medusa's reservations of lot-tracked items that hold more for their order
 * line than it has left to fulfill, under Medusa's inventory lock with the items' keys, read again
 * inside it; the inventory module lowers the reserved quantity with them. Each change is recorded
 * as a correction and returned. Medusa re-reserves a whole line after an order edit (fulfilled
 * units included), so the edit subscriber runs this before allocating; the repair runs it for
 * what a crash left.
 */
export async function trimOverReservations(
  container: MedusaContainer,
  input: { order_ids: string[]; actor_id?: string | null }
): Promise<LotCorrectionInput[]> {
  const seen = overReservedFindings(await loadReservedLines(container, input))
  if (!seen.length) {
    return []
  }
  const itemIds = [...new Set(seen.map((f) => f.inventory_item_id))]
  const corrections = await underInventoryLock(container, itemIds, async () => {
    const findings = overReservedFindings(await loadReservedLines(container, { ...input, inventory_item_ids: itemIds }))
    const inventory = container.resolve(Modules.INVENTORY)
    const lowered = findings.filter((f) => f.expected > 0)
    const emptied = findings.filter((f) => f.expected === 0)
    if (lowered.length) {
      await inventory.updateReservationItems(lowered.map((f) => ({ id: f.reservation_id!, quantity: f.expected })))
    }
    if (emptied.length) {
      await inventory.deleteReservationItems(emptied.map((f) => f.reservation_id!))
    }
    return findings.map((f) => trimmed(f, input.actor_id))
  })
  await container.resolve<LotModuleService>(LOT_MODULE).recordCorrections(corrections)
  return corrections
}

function trimmed(f: IntegrityFinding, actorId?: string | null): LotCorrectionInput {
  const message = f.expected
    ? `reservation ${f.reservation_id} lowered to the ${f.expected} unit(s) its order line has left to fulfill`
    : `reservation ${f.reservation_id} deleted: its order line has nothing left to fulfill here`
  return correctionOf(f, f.expected, message, actorId)
}
