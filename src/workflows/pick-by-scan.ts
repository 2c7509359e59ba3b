import { createHook, createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pickSwapMessage, type PickSwapResult } from "../modules/lot/domain/pick-scan"
import { reallocateShortLines } from "./step-sequences"
import { resolvePickScanStep, swapPickedLotStep, type ResolvedPickScan, type ResolvePickScanStepInput } from "./steps"

export type PickByScanWorkflowInput = ResolvePickScanStepInput & { actor_id?: string | null }

type ScannedLot = { lot_id: string; lot_number: string; quantity: number }

export type PickByScanResult =
  | {
      outcome: "confirmed"
      line_item_id: string
      location_id: string
      lot: { id: string; lot_number: string; expires_at: Date | string | null }
      /** Units of the line allocated from this lot at the location: what to pick from it. */
      quantity: number
      message: string
    }
  | {
      /** Nothing changed: the scanned lot expires after `skipped`, which the line is allocated to here. */
      outcome: "fefo_warning"
      line_item_id: string
      location_id: string
      lot: { id: string; lot_number: string; expires_at: Date | string | null }
      skipped: { lot_id: string; lot_number: string; expires_at: Date | string }
      message: string
    }
  | {
      outcome: "swapped"
      line_item_id: string
      location_id: string
      from: ScannedLot[]
      to: ScannedLot
      message: string
    }

/** The answer for the picker: the confirmed lot, or the swap the step wrote. */
function describeResult(resolved: ResolvedPickScan, swapped: PickSwapResult | undefined): PickByScanResult {
  const { decision, lot } = resolved
  if (decision.outcome !== "swap") {
    // Confirmed, or held back by the FEFO warning: nothing was written.
    return { ...decision, lot: { id: lot.id, lot_number: lot.lot_number, expires_at: lot.expires_at } }
  }
  // Any other decision ran the swap step.
  const swap = swapped!
  const from = new Map<string, ScannedLot>()
  for (const part of swap.from) {
    const seen = from.get(part.lot_id) ?? { lot_id: part.lot_id, lot_number: part.lot_number, quantity: 0 }
    seen.quantity += part.quantity
    from.set(part.lot_id, seen)
  }
  const to = { lot_id: swap.to.lot_id, lot_number: swap.to.lot_number, quantity: swap.to.quantity }
  return {
    outcome: "swapped",
    line_item_id: swap.line_item_id,
    location_id: swap.location_id,
    from: [...from.values()],
    to,
    message: pickSwapMessage(to.lot_number, [...from.values()].map((f) => f.lot_number), resolved.product, to.quantity, swap.still_on_other_lots),
  }
}

export const pickByScanWorkflowId = "pick-by-scan"
/**
 * Picking by scan (`POST /admin/orders/:id/pick-scan`): a scan of one of the line's allocated lots
 * is confirmed; a scan of another eligible lot of the same item moves the line's allocation onto
 * it, as far as it has free units at the location (and at most `quantity`, the units the picker
 * takes from it) — so the fulfillment then ships the scanned lot. With `fefo_skip: "warn"`, a swap
 * onto a lot that expires after one the line is allocated to there (or a free lot there) is not made: the answer
 * (`fefo_warning`) names the lot to pick first, and the picker scans again with "allow". A scan of an item not on the order, or of a lot that is held, expired or too short-dated,
 * is refused with a message for the picker, and nothing changes.
 *
 * Hook: `pickScanned({ order_id, result })` runs after a swap is written; throwing there swaps back.
 *
 * @example
 * const { result } = await pickByScanWorkflow(container).run({ input: { order_id: "order_1", code: "L2403-A" } })
 */
export const pickByScanWorkflow = createWorkflow(pickByScanWorkflowId, (input: WorkflowData<PickByScanWorkflowInput>) => {
  const resolved = resolvePickScanStep(input)

  const swap = when({ resolved }, ({ resolved }) => resolved.decision.outcome === "swap").then(() =>
    swapPickedLotStep(
      transform({ resolved, input }, ({ resolved, input }) => ({
        order_id: resolved.order_id,
        line_item_id: resolved.decision.line_item_id,
        inventory_item_id: resolved.lot.inventory_item_id,
        location_id: resolved.decision.location_id,
        lot_id: resolved.lot.id,
        lot_number: resolved.lot.lot_number,
        rules: resolved.rules,
        location_names: resolved.location_names,
        quantity: input.quantity,
        actor_id: input.actor_id ?? null,
      }))
    )
  )
  // The lots the line left have those units free again: lines short of them there take them.
  when({ swap }, ({ swap }) => Boolean(swap?.from.length)).then(() => {
    reallocateShortLines(
      transform({ swap }, ({ swap }) => swap!.from.map((part) => ({ lot_id: part.lot_id, location_id: swap!.location_id })))
    )
  })

  const result = transform({ resolved, swap }, ({ resolved, swap }) => describeResult(resolved, swap))
  const pickScanned = createHook("pickScanned", { order_id: input.order_id, result })

  return new WorkflowResponse(result, { hooks: [pickScanned] })
})
