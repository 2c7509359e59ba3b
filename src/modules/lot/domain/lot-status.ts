import { LotStatus, LotStatusAction } from "../types"

export { LotStatusAction }

/**
 * Allowed transitions. Rejected is final; recalled leaves only through a recall's closure (not an
 * action here); expired never goes back to released.
 */
const TRANSITIONS: Record<LotStatusAction, { from: LotStatus[]; to: LotStatus }> = {
  release: { from: [LotStatus.QUARANTINE, LotStatus.ON_HOLD], to: LotStatus.RELEASED },
  hold: { from: [LotStatus.QUARANTINE, LotStatus.RELEASED], to: LotStatus.ON_HOLD },
  reject: { from: [LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.ON_HOLD], to: LotStatus.REJECTED },
  recall: {
    from: [LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.ON_HOLD, LotStatus.EXPIRED],
    to: LotStatus.RECALLED,
  },
  expire: { from: [LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.ON_HOLD], to: LotStatus.EXPIRED },
}

export class LotStatusTransitionError extends Error {
  constructor(
    readonly current: LotStatus,
    readonly action: LotStatusAction
  ) {
    super(describeRefusal(current, action))
    this.name = "LotStatusTransitionError"
  }
}

/** The status a lot moves to, or a LotStatusTransitionError naming its current status. */
export function nextLotStatus(current: LotStatus, action: LotStatusAction): LotStatus {
  const rule = TRANSITIONS[action]
  if (!rule.from.includes(current)) {
    throw new LotStatusTransitionError(current, action)
  }
  return rule.to
}

/** The status `action` leads to, wherever it is allowed from. */
export function statusAfter(action: LotStatusAction): LotStatus {
  return TRANSITIONS[action].to
}

/** Statuses from which `action` is allowed. */
export function statusesAllowing(action: LotStatusAction): LotStatus[] {
  return [...TRANSITIONS[action].from]
}

/** Only released lots may be allocated to orders (expiry by date is checked separately). */
export function isAllocatableStatus(status: LotStatus): boolean {
  return status === LotStatus.RELEASED
}

function describeRefusal(current: LotStatus, action: LotStatusAction): string {
  const label = current.replace("_", " ")
  switch (current) {
    case LotStatus.REJECTED:
      return `The lot is rejected, which is final: it cannot be ${pastTense(action)}.`
    case LotStatus.RECALLED:
      return `The lot is recalled: it can only leave that status when its recall is closed, so it cannot be ${pastTense(action)}.`
    case LotStatus.EXPIRED:
      return `The lot is expired: it can never be ${pastTense(action)}.`
    default:
      return `The lot is ${label}: it cannot be ${pastTense(action)} (allowed from: ${TRANSITIONS[action].from
        .map((s) => s.replace("_", " "))
        .join(", ")}).`
  }
}

function pastTense(action: LotStatusAction): string {
  return { release: "released", hold: "put on hold", reject: "rejected", recall: "recalled", expire: "expired" }[action]
}
