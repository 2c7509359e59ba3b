import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Runs `job` under Medusa's locking module, keyed exactly as Medusa's own inventory steps key it
 * (the distinct inventory item ids: `reserveInventoryStep`, `deleteReservationsStep`,
 * `adjustInventoryLevelsStep`). The inventory module writes `reserved_quantity` and
 * `stocked_quantity` read-then-write, so every write of ours to reservations or levels must hold
 * the same keys, or it loses updates against a concurrent checkout or fulfillment. With several
 * server processes this holds only when a shared provider (Redis, Postgres) is the default one.
 *
 * @example
 * await underInventoryLock(container, ["iitem_1"], () => inventory.createReservationItems(input))
 */
export async function underInventoryLock<T>(
  container: MedusaContainer,
  inventoryItemIds: string[],
  job: () => Promise<T>
): Promise<T> {
  const keys = [...new Set(inventoryItemIds)]
  if (!keys.length) {
    return await job()
  }
  return await container.resolve(Modules.LOCKING).execute(keys, job)
}
