import { LotLineageKind, LotStatus, type ReceiveLotInput } from "../types"
import { netLevelChanges, type LevelChange } from "./level-changes"

/** Units of an input lot to use up at the transformation's location. */
export type TransformationInputLot = { lot_id: string; quantity: number }

/** A new lot made by the transformation (described like a receipt, without its location). */
export type TransformationOutputLot = Omit<
  ReceiveLotInput,
  "lot_id" | "location_id" | "quantity" | "actor_id" | "reference_type" | "reference_id" | "plant_code" | "line_code"
> & { lot_number: string; quantity: number }

/**
 * A production (several input lots consumed into one new lot) or a split (one lot's units moved
 * into several new child lots). Exactly one side has a single lot, so every lineage edge carries
 * an unambiguous quantity.
 */
export type LotTransformationInput = {
  kind: LotLineageKind
  location_id: string
  inputs: TransformationInputLot[]
  outputs: TransformationOutputLot[]
  actor_id?: string | null
  note?: string | null
}

export type TransformedLot = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  quantity: number
  status: LotStatus
  event_id: string
}

export type LotTransformation = {
  transformation_id: string
  kind: LotLineageKind
  location_id: string
  inputs: TransformedLot[]
  outputs: TransformedLot[]
  lineage: { parent_lot_id: string; child_lot_id: string; quantity: number }[]
  /** The recorded change Medusa's stocked quantities follow. */
  level_change_id?: string
}

/** What a lot must be to go into a transformation of this kind. */
export type TransformationRules = {
  /** Statuses an input lot may have. */
  input_statuses: LotStatus[]
  /** Outputs take the input's status (a repack of held goods stays held). */
  outputs_inherit_status: boolean
}

export function transformationRules(kind: LotLineageKind): TransformationRules {
  return kind === LotLineageKind.PRODUCTION
    ? { input_statuses: [LotStatus.RELEASED], outputs_inherit_status: false }
    : // A split only repackages: units under quarantine or on hold may be relabelled, and stay blocked.
      { input_statuses: [LotStatus.RELEASED, LotStatus.QUARANTINE, LotStatus.ON_HOLD], outputs_inherit_status: true }
}

export type InputLotState = {
  lot_number: string
  status: LotStatus
  expires_at: Date | string | null
  /** Units on hand at the location that are neither allocated nor quarantined. */
  available: number
}

/** Why an input lot cannot give `quantity` units to this transformation, in words; null when it can. */
export function inputIneligibility(lot: InputLotState, quantity: number, rules: TransformationRules, now: Date): string | null {
  if (!rules.input_statuses.includes(lot.status)) {
    return `lot ${lot.lot_number} is ${lot.status.replace("_", " ")}; only ${rules.input_statuses
      .map((s) => s.replace("_", " "))
      .join(" or ")} lots can be used`
  }
  if (lot.expires_at && new Date(lot.expires_at).getTime() <= now.getTime()) {
    return `lot ${lot.lot_number} expired on ${new Date(lot.expires_at).toISOString().slice(0, 10)}`
  }
  if (lot.available < quantity) {
    return `lot ${lot.lot_number} has only ${lot.available} free unit(s) here (on hand minus allocated and quarantined); ${quantity} needed`
  }
  return null
}

/** The lineage edges of a transformation: every input to the single output, or the single input to every output. */
export function lineageEdges(
  inputs: { lot_id: string; quantity: number }[],
  outputs: { lot_id: string; quantity: number }[]
): { parent_lot_id: string; child_lot_id: string; quantity: number }[] {
  if (outputs.length === 1) {
    return inputs.map((i) => ({ parent_lot_id: i.lot_id, child_lot_id: outputs[0].lot_id, quantity: i.quantity }))
  }
  if (inputs.length === 1) {
    return outputs.map((o) => ({ parent_lot_id: inputs[0].lot_id, child_lot_id: o.lot_id, quantity: o.quantity }))
  }
  throw new Error("A transformation needs a single input or a single output")
}

/**
 * How Medusa's stocked quantities follow a transformation at its location: inputs' items go
 * down, outputs' items go up, netted per item (a split into the same item changes nothing).
 */
export function inventoryLevelChanges(t: Pick<LotTransformation, "location_id" | "inputs" | "outputs">): LevelChange[] {
  return netLevelChanges([
    ...t.inputs.map((lot) => ({ inventory_item_id: lot.inventory_item_id, location_id: t.location_id, quantity: -lot.quantity })),
    ...t.outputs.map((lot) => ({ inventory_item_id: lot.inventory_item_id, location_id: t.location_id, quantity: lot.quantity })),
  ])
}
