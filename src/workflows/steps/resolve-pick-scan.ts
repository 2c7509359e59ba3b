import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderLots } from "./lookups/order-lots"
import { findLotByNumber, findVariantsByGtin, readScannedCode, shipTodayRules } from "./lookups/scan"
import { LOT_MODULE } from "../../modules/lot"
import { mustOutlast, type AllocationRules } from "../../modules/lot/domain/allocation"
import { normalizeLotNumber } from "../../modules/lot/domain/lot-number-template"
import { decidePickScan, type FefoSkip, type PickScanDecision } from "../../modules/lot/domain/pick-scan"
import {
  assessScan,
  describeLotItem,
  describeVariant,
  pickVariant,
  variantItemId,
  type ScanLot,
} from "../../modules/lot/domain/scan-assessment"
import type LotModuleService from "../../modules/lot/service"
import { AllocationStatus, AllocationStrategy, LotStatus } from "../../modules/lot/types"

export type ResolvePickScanStepInput = {
  order_id: string
  /** What the scanner sent: GS1 element string, GS1 Digital Link or a plain lot number. */
  code: string
  /** The scanner's FNC1 stand-in, if it sends one instead of ASCII 29. */
  fnc1?: string
  /** The line and location being picked, when the pick station knows them. */
  line_item_id?: string
  location_id?: string
  /** Units the picker takes from the scanned lot: a swap moves at most this many onto it. */
  quantity?: number
  /** "warn": a swap that skips an earlier-expiring lot (allocated, or free on the shelf) is answered with a warning instead. */
  fefo_skip?: FefoSkip
}

export type ResolvedPickScan = {
  order_id: string
  decision: Exclude<PickScanDecision, { outcome: "refused" }>
  lot: { id: string; lot_number: string; inventory_item_id: string; expires_at: Date | string | null }
  /** The lot's product in words. */
  product: string
  rules: AllocationRules
  location_names: Record<string, string>
}

export const resolvePickScanStepId = "resolve-pick-scan"
/**
 * Reads a scan at an order's pick station and decides what it means: the lot by its number (its
 * GTIN, when the label carries one, must be the lot's product), then refuses a scan of an item
 * that is not on the order or of a lot that may not ship — with a 400 a picker understands — or
 * answers that it confirms an allocated lot, asks for a swap onto the scanned lot, or (when asked
 * to warn) that the swap would skip an earlier-expiring lot. Reads only;
 * used first by `pickByScanWorkflow`.
 *
 * @example
 * const resolved = resolvePickScanStep({ order_id: "order_1", code: "]d2010950600013435210L-1" })
 */
export const resolvePickScanStep = createStep(resolvePickScanStepId, async (input: ResolvePickScanStepInput, { container }) => {
  const now = new Date()
  const scan = readScannedCode(input.code, { fnc1: input.fnc1, now })
  const rawLot = scan.kind === "gs1" ? scan.lot : scan.lot_number
  const lotNumber = rawLot ? normalizeLotNumber(rawLot) : null
  const gtin = scan.kind === "gs1" ? scan.gtin : undefined
  const [variants, lot, orderLots] = await Promise.all([
    gtin ? findVariantsByGtin(container, gtin) : Promise.resolve([]),
    lotNumber ? findLotByNumber(container, lotNumber) : Promise.resolve(null),
    loadOrderLots(input.order_id, container),
  ])
  const { order, allocations, shortfalls } = orderLots
  const orderLabel = `#${order.display_id ?? order.id}`
  const refuse = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

  // Lot-tracked lines are those the plugin allocated (or fell short on) at checkout.
  const lineItems = new Map([...allocations, ...shortfalls].map((a) => [a.line_item_id, a.inventory_item_id]))
  const lines = [...lineItems].map(([line_item_id, inventory_item_id]) => ({ line_item_id, inventory_item_id }))
  const onOrder = (itemId: string | null) => Boolean(itemId && lines.some((l) => l.inventory_item_id === itemId))

  const variant = pickVariant(variants, lot?.inventory_item_id ?? null)
  const policy = lot ? await shipTodayRules(container, lot.inventory_item_id, now) : null
  const assessed = assessScan({ scan, lotNumber, variants, lot, lotRules: policy?.rules ?? null, itemTracked: policy?.tracked ?? false })
  if (!lot || assessed.match !== "lot") {
    const scannedItem = variant ? variantItemId(variant, null) : null
    if (variant && !onOrder(scannedItem)) {
      throw refuse(`This is ${describeVariant(variant)}, which is not on order ${orderLabel}.`)
    }
    throw refuse(assessed.message ?? `No lot ${lotNumber} in this store.`)
  }

  const product = describeLotItem(lot)
  const open = allocations.filter((a) => a.status === AllocationStatus.OPEN)
  const decision = decidePickScan({
    order_label: orderLabel,
    lines: policy!.tracked ? lines : [],
    open: open.map((a) => ({
      allocation_id: a.id,
      line_item_id: a.line_item_id,
      lot_id: a.lot.id,
      lot_number: a.lot.lot_number,
      location_id: a.location_id,
      quantity: Number(a.quantity),
      expires_at: a.lot.expires_at ? new Date(a.lot.expires_at) : null,
    })),
    lot: {
      lot_id: lot.id,
      lot_number: lot.lot_number,
      inventory_item_id: lot.inventory_item_id,
      status: lot.status,
      expires_at: lot.expires_at ? new Date(lot.expires_at) : null,
      received_at: new Date(lot.received_at),
      available: 0,
    },
    product,
    rules: policy!.rules,
    status_reason: await statusReason(container, lot),
    line_item_id: input.line_item_id,
    location_id: input.location_id,
    fefo_skip: input.fefo_skip,
    free_lots: input.fefo_skip === "warn" ? await earliestFreeLots(container, lot.inventory_item_id, lot.id, open, policy!.rules) : [],
  })
  if (decision.outcome === "refused") {
    throw refuse(decision.message)
  }
  return new StepResponse<ResolvedPickScan>({
    order_id: order.id,
    decision,
    lot: { id: lot.id, lot_number: lot.lot_number, inventory_item_id: lot.inventory_item_id, expires_at: lot.expires_at },
    product,
    rules: policy!.rules,
    location_names: await locationNames(container, [decision.location_id, ...lot.stock.map((s) => s.location_id)]),
  })
})

/** The reason recorded with the lot's current status (a hold's reason), for a lot that is not released. */
async function statusReason(container: MedusaContainer, lot: ScanLot): Promise<string | null> {
  if (lot.status === LotStatus.RELEASED) {
    return null
  }
  const [event] = await container
    .resolve<LotModuleService>(LOT_MODULE)
    .listLotEvents({ lot_id: lot.id, to_status: lot.status }, { order: { created_at: "DESC" }, take: 1, select: ["reason"] })
  return event?.reason ?? null
}

/** Under FEFO, the earliest-expiring free lot of the item at each location the order is allocated from. */
async function earliestFreeLots(
  container: MedusaContainer,
  inventoryItemId: string,
  scannedLotId: string,
  open: { inventory_item_id: string; location_id: string }[],
  rules: AllocationRules
) {
  if (rules.strategy !== AllocationStrategy.FEFO) {
    return []
  }
  return await container.resolve<LotModuleService>(LOT_MODULE).listEarliestFreeLots({
    inventory_item_id: inventoryItemId,
    location_ids: [...new Set(open.filter((a) => a.inventory_item_id === inventoryItemId).map((a) => a.location_id))],
    must_outlast: mustOutlast(rules),
    except_lot_id: scannedLotId,
  })
}

async function locationNames(container: MedusaContainer, ids: string[]): Promise<Record<string, string>> {
  const locations = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ id: [...new Set(ids)] }, { select: ["id", "name"] })
  return Object.fromEntries(locations.map((l) => [l.id, l.name]))
}
