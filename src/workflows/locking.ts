import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * A wait for Medusa's inventory lock that outlasts the lease a killed process leaves in Redis
 * (locking-redis: 60 s, renewed only while its holder lives). Compensations wait this long: one
 * that gave up after the provider's usual 5 s would leave its step's write in Medusa while the
 * steps before it are undone, and the lots and Medusa's stock would part with nothing left to say
 * so. This repository's `medusa-config.ts` makes it the Redis provider's wait for every caller,
 * Medusa's own compensations included (see README "After a crash").
 */
export const DEAD_LOCK_WAIT_SECONDS = 75

/**
 * Runs `job` under Medusa's locking module, keyed exactly as Medusa's own inventory steps key it
 * (the distinct inventory item ids: `reserveInventoryStep`, `deleteReservationsStep`,
 * `adjustInventoryLevelsStep`). The inventory module writes `reserved_quantity` and
 * `stocked_quantity` read-then-write, so every write of ours to reservations or levels must hold
 * the same keys, or it loses updates against a concurrent checkout or fulfillment. With several
 * server processes this holds only when a shared provider (Redis, Postgres) is the default one.
 * `wait_seconds` overrides the provider's wait for the lock (compensations: DEAD_LOCK_WAIT_SECONDS).
 *
 * @example
 * await underInventoryLock(container, ["iitem_1"], () => inventory.createReservationItems(input))
 */
export async function underInventoryLock<T>(
  container: MedusaContainer,
  inventoryItemIds: string[],
  job: () => Promise<T>,
  options: { wait_seconds?: number } = {}
): Promise<T> {
  // Sorted: the in-memory provider takes keys one by one in the given order, so two of our calls
  // sharing items cannot each hold a key the other waits for. Redis takes them in parallel, where
  // no order helps: two overlapping multi-key holders may wait on each other until one's wait
  // runs out; that one is refused (409) and its workflow undone, nothing is left half-written.
  const keys = [...new Set(inventoryItemIds)].sort()
  if (!keys.length) {
    return await job()
  }
  return await container.resolve(Modules.LOCKING).execute(keys, job, options.wait_seconds ? { timeout: options.wait_seconds } : undefined)
}

/** underInventoryLock for a compensation: it waits out a lock a killed process left behind. */
export async function underInventoryLockToUndo<T>(container: MedusaContainer, inventoryItemIds: string[], job: () => Promise<T>): Promise<T> {
  return await underInventoryLock(container, inventoryItemIds, job, { wait_seconds: DEAD_LOCK_WAIT_SECONDS })
}
