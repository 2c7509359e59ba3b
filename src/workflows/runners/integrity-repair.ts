import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../modules/lot"
import { correctionOf, IntegrityCheck, type IntegrityFinding } from "../../modules/lot/domain/integrity"
import type LotModuleService from "../../modules/lot/service"
import type { LotCorrectionInput } from "../../modules/lot/sql/integrity-sql"
import { settleOrderLotsWorkflow } from "../settle-order-lots"
import { cancelFulfillmentLotsWorkflow } from "../cancel-fulfillment-lots"
import { underInventoryLock } from "../locking"
import { checkLotIntegrity, type CheckLotIntegrityStepInput, type LotIntegrityReport } from "../steps/check-lot-integrity"
import { reportLotDriftWorkflow } from "../report-lot-drift"
import { syncLotBlocksWorkflow } from "../sync-lot-blocks"
import { confirmFulfillmentLots } from "./fulfillment-lots"
import { applyPendingLevelChanges } from "./level-changes"
import { trimOverReservations } from "./over-reservations"
import { recountReservedQuantitiesOfItems } from "./reserved-recount"

/**
 * A pending level change younger than this is left to the workflow that wrote it, even when the
 * repair is asked for at once (the admin action, the command line): it may be about to apply it.
 */
const PENDING_LEVEL_CHANGE_MIN_AGE_SECONDS = 10

export type LotIntegrityRepairInput = CheckLotIntegrityStepInput & { actor_id?: string | null }

export type LotIntegrityRepair = {
  /** What the check found before the repair. */
  found: IntegrityFinding[]
  /** Every correction made, as recorded in `lot_correction`. */
  corrections: LotCorrectionInput[]
  /** Automatic repairs that could not be made, with why (a held lot cannot ship, say). */
  failed: { finding: IntegrityFinding; error: string }[]
  /** The check after the repair: what is left for a person. */
  after: LotIntegrityReport
}

/**
 * Checks every invariant, then repairs what the records say the truth is, in the order one repair
 * feeds the next: fulfillments Medusa holds are booked in lots (or given back when Medusa canceled
 * them), lot writes a crash kept from Medusa's stock are applied to it (applyPendingLevelChanges),
 * reservations holding more than their line has left are trimmed, order lines are allocated again to what Medusa reserves for them, allocated counters are
 * recounted, blocks are rewritten, and Medusa's reserved quantities recounted from its
 * reservations. Each correction is recorded; other stock drift and history gaps are left for a
 * person, since which side is right cannot be known. Run by the scheduled job, `npm run reconcile -- --fix`
 * and `POST /admin/lots/reconciliation/repair`; running it twice changes nothing more.
 */
export async function repairLotIntegrity(container: MedusaContainer, input: LotIntegrityRepairInput): Promise<LotIntegrityRepair> {
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const before = await checkLotIntegrity(container, input)
  const found = before.findings
  const corrections: LotCorrectionInput[] = []
  const failed: LotIntegrityRepair["failed"] = []
  const attempt = async (finding: IntegrityFinding, repair: () => Promise<void>) => {
    try {
      await repair()
    } catch (e) {
      failed.push({ finding, error: (e as Error).message })
    }
  }
  const corrected = (f: IntegrityFinding, after: number, message: string): LotCorrectionInput =>
    correctionOf(f, after, message, input.actor_id)
  // Each stage works from the findings as the stages before it left them; checked again only
  // when one of them did (or tried) something.
  let latest = before
  let attempts = 0
  const remaining = async (check: IntegrityCheck) => {
    if (corrections.length + failed.length !== attempts) {
      latest = await checkLotIntegrity(container, input)
      attempts = corrections.length + failed.length
    }
    return latest.findings.filter((f) => f.check === check && f.repair === "automatic")
  }

  for (const f of await remaining(IntegrityCheck.FULFILLMENT)) {
    await attempt(f, async () => {
      if (f.expected > 0) {
        await bookFulfillment(container, f.fulfillment_id!)
        corrections.push(corrected(f, f.expected, `fulfillment ${f.fulfillment_id} booked in lots`))
      } else {
        await cancelFulfillmentLotsWorkflow(container).run({ input: { order_id: f.order_id!, fulfillment_id: f.fulfillment_id! } })
        corrections.push(corrected(f, 0, `canceled fulfillment ${f.fulfillment_id} given back to its lots`))
      }
    })
  }

  // Then Medusa's stock: lot writes a crash kept from reaching it. After the fulfillments, whose
  // units Medusa took off its stock already: booked first, they no longer count as lots ahead.
  const pendingLevels = async () => {
    corrections.push(
      ...(await applyPendingLevelChanges(container, {
        inventory_item_ids: await trackedItemIds(lots, input),
        settle_seconds: Math.max(input.settle_seconds ?? 0, PENDING_LEVEL_CHANGE_MIN_AGE_SECONDS),
        actor_id: input.actor_id,
      }))
    )
  }
  // Without a stock finding there is nothing wrong to report, only changes to mark.
  const stockFinding = found.find((f) => f.check === IntegrityCheck.STOCK)
  await (stockFinding ? attempt(stockFinding, pendingLevels) : pendingLevels().catch((e: Error) => logger.warn(`lot-tracking: marking applied level changes failed: ${e.message}`)))

  // Medusa's reservations beyond what their lines have left to fulfill (a server stopped inside
  // its fulfillment workflow, an edit that re-reserved fulfilled units), before lines are allocated.
  const overReserved = await remaining(IntegrityCheck.OVER_RESERVED)
  if (overReserved.length) {
    await attempt(overReserved[0], async () => {
      const orderIds = [...new Set(overReserved.map((f) => f.order_id!))]
      corrections.push(...(await trimOverReservations(container, { order_ids: orderIds, actor_id: input.actor_id })))
    })
  }

  // Lines are allocated again after the fulfillments: a booked fulfillment settles allocations.
  const lineRepairs = await remaining(IntegrityCheck.ALLOCATION)
  for (const [orderId, lines] of groupBy(lineRepairs, (f) => f.order_id!)) {
    await attempt(lines[0], async () => {
      await settleOrderLotsWorkflow(container).run({
        input: { order_ids: [orderId], line_item_ids: [...new Set(lines.map((l) => l.line_item_id!))] },
      })
      corrections.push(...lines.map((l) => corrected(l, l.expected, "order line allocated again to what Medusa reserves for it")))
    })
  }

  const counters = await remaining(IntegrityCheck.ALLOCATED)
  if (counters.length) {
    await attempt(counters[0], async () => {
      corrections.push(
        ...(await lots.recountAllocatedCounters({
          stock_ids: counters.map((f) => f.stock_id!),
          actor_id: input.actor_id,
        }))
      )
    })
  }

  const blocks = await remaining(IntegrityCheck.BLOCKED)
  const lotIds = [...new Set(blocks.map((f) => f.lot_id).filter((id): id is string => Boolean(id)))]
  if (lotIds.length) {
    await attempt(blocks[0], async () => {
      await syncLotBlocksWorkflow(container).run({ input: { lot_ids: lotIds } })
      corrections.push(...blocks.filter((f) => f.lot_id).map((f) => corrected(f, f.expected, "units held back from sale set to what the lot may not sell")))
    })
  }
  for (const f of blocks.filter((b) => !b.lot_id && b.reservation_id)) {
    await attempt(f, async () => {
      await underInventoryLock(container, [f.inventory_item_id], () => container.resolve(Modules.INVENTORY).deleteReservationItems([f.reservation_id!]))
      corrections.push(corrected(f, 0, `stray hold-back reservation ${f.reservation_id} deleted`))
    })
  }
  // Counters and trimmed reservations were recorded by the runners that corrected them.
  const recordedByRunner: string[] = [IntegrityCheck.ALLOCATED, IntegrityCheck.OVER_RESERVED]
  await lots.recordCorrections(corrections.filter((c) => !recordedByRunner.includes(c.check)))

  // Last: every repair above may have written reservations, each keeping Medusa's level in step.
  const reserved = await remaining(IntegrityCheck.RESERVED)
  if (reserved.length) {
    await attempt(reserved[0], async () => {
      corrections.push(
        ...(await recountReservedQuantitiesOfItems(container, { inventory_item_ids: reserved.map((f) => f.inventory_item_id), actor_id: input.actor_id }))
      )
    })
  }

  const after = corrections.length + failed.length === attempts ? latest : await checkLotIntegrity(container, input)
  return { found, corrections, failed, after }
}

/** Takes a fulfillment Medusa holds out of lots, as its hook would have, dated when it was made. */
async function bookFulfillment(container: MedusaContainer, fulfillmentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "location_id", "created_at", "items.line_item_id", "items.inventory_item_id", "items.quantity", "items.sku", "items.title"],
    filters: { id: fulfillmentId },
  })
  const fulfillment = data[0]
  if (!fulfillment) {
    throw new Error(`Fulfillment ${fulfillmentId} no longer exists.`)
  }
  await confirmFulfillmentLots(container, {
    fulfillment: fulfillment as Parameters<typeof confirmFulfillmentLots>[1]["fulfillment"],
    ship_date: new Date(fulfillment.created_at as string | Date),
  })
}

async function trackedItemIds(lots: LotModuleService, input: LotIntegrityRepairInput): Promise<string[]> {
  const policies = await lots.listLotPolicies(
    { tracked: true, ...(input.inventory_item_id ? { inventory_item_id: input.inventory_item_id } : {}) },
    { select: ["inventory_item_id"] }
  )
  return policies.map((p) => p.inventory_item_id)
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  }
  return groups
}

/** The repair followed by its report (`lot.drift_detected` and the admin notification) when anything was found. */
export async function repairAndReportLotIntegrity(container: MedusaContainer, input: LotIntegrityRepairInput): Promise<LotIntegrityRepair> {
  const repair = await repairLotIntegrity(container, input)
  if (repair.found.length) {
    await reportLotDriftWorkflow(container).run({
      input: { found: repair.found, corrected: repair.corrections.length, remaining: repair.after.findings },
    })
  }
  return repair
}
