import { SerialStatus, SerialStatusAction } from "../types"

export { SerialStatus, SerialStatusAction }

/**
 * Allowed transitions, each caused by one action. Scrapped is final. A recall blocks units on hand
 * (in stock, allocated or back from a customer); shipped units are reached through the recall's
 * customer list and come back by `return`. Recalled units leave only when the recall is closed
 * (back to stock) or by being scrapped. Scrapping an allocated unit needs a deallocation first, so
 * the order line it was meant for is never left pointing at a destroyed unit.
 */
const TRANSITIONS: Record<SerialStatusAction, { from: SerialStatus[]; to: SerialStatus }> = {
  allocate: { from: [SerialStatus.IN_STOCK], to: SerialStatus.ALLOCATED },
  deallocate: { from: [SerialStatus.ALLOCATED], to: SerialStatus.IN_STOCK },
  ship: { from: [SerialStatus.ALLOCATED], to: SerialStatus.SHIPPED },
  // A cancelled shipment puts the unit back on its order line, as a cancelled fulfilment does.
  unship: { from: [SerialStatus.SHIPPED], to: SerialStatus.ALLOCATED },
  return: { from: [SerialStatus.SHIPPED], to: SerialStatus.RETURNED },
  restock: { from: [SerialStatus.RETURNED], to: SerialStatus.IN_STOCK },
  scrap: { from: [SerialStatus.IN_STOCK, SerialStatus.RETURNED, SerialStatus.RECALLED], to: SerialStatus.SCRAPPED },
  recall: { from: [SerialStatus.IN_STOCK, SerialStatus.ALLOCATED, SerialStatus.RETURNED], to: SerialStatus.RECALLED },
  close_recall: { from: [SerialStatus.RECALLED], to: SerialStatus.IN_STOCK },
}

export class SerialStatusTransitionError extends Error {
  constructor(
    readonly serialNumber: string,
    readonly current: SerialStatus,
    readonly action: SerialStatusAction
  ) {
    super(describeRefusal(serialNumber, current, action))
    this.name = "SerialStatusTransitionError"
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** The status a serialised unit moves to, or a SerialStatusTransitionError naming the serial and why. */
export function nextSerialStatus(current: SerialStatus, action: SerialStatusAction, serialNumber: string): SerialStatus {
  const rule = TRANSITIONS[action]
  if (!rule.from.includes(current)) {
    throw new SerialStatusTransitionError(serialNumber, current, action)
  }
  return rule.to
}

/** The status `action` leads to, wherever it is allowed from. */
export function serialStatusAfter(action: SerialStatusAction): SerialStatus {
  return TRANSITIONS[action].to
}

/** Statuses from which `action` is allowed. */
export function serialStatusesAllowing(action: SerialStatusAction): SerialStatus[] {
  return [...TRANSITIONS[action].from]
}

/** Only units in stock may be allocated to an order line (their lot's status is checked separately). */
export function isAllocatableSerialStatus(status: SerialStatus): boolean {
  return status === SerialStatus.IN_STOCK
}

const STATUS_WORDS: Record<SerialStatus, string> = {
  in_stock: "is in stock",
  allocated: "is allocated to an order",
  shipped: "has already shipped",
  returned: "is back from a customer, awaiting inspection",
  scrapped: "was scrapped",
  recalled: "is recalled",
}

const ACTION_WORDS: Record<SerialStatusAction, string> = {
  allocate: "allocated",
  deallocate: "released from an allocation",
  ship: "shipped",
  unship: "taken off a cancelled shipment",
  return: "returned",
  restock: "restocked",
  scrap: "scrapped",
  recall: "recalled",
  close_recall: "released from a recall",
}

const STATUS_NAMES: Record<SerialStatus, string> = {
  in_stock: "in stock",
  allocated: "allocated",
  shipped: "shipped",
  returned: "returned",
  scrapped: "scrapped",
  recalled: "recalled",
}

function describeRefusal(serialNumber: string, current: SerialStatus, action: SerialStatusAction): string {
  const serial = `Serial ${serialNumber}`
  if (TRANSITIONS[action].to === current && current !== SerialStatus.IN_STOCK) {
    return `${serial} ${STATUS_WORDS[current]}.`
  }
  const cannot = `it cannot be ${ACTION_WORDS[action]}`
  switch (current) {
    case SerialStatus.SCRAPPED:
      return `${serial} was scrapped, which is final: ${cannot}.`
    case SerialStatus.RECALLED:
      return `${serial} is recalled: it leaves that status only when the recall is closed or the unit is scrapped, so ${cannot}.`
    case SerialStatus.RETURNED:
      return `${serial} ${STATUS_WORDS[current]}: restock or scrap it first, so ${cannot}.`
    case SerialStatus.ALLOCATED:
      if (action === SerialStatusAction.SCRAP) {
        return `${serial} ${STATUS_WORDS[current]}: release it from the allocation first, so ${cannot}.`
      }
      break
  }
  const allowed = TRANSITIONS[action].from.map((status) => STATUS_NAMES[status]).join(", ")
  return `${serial} ${STATUS_WORDS[current]}: ${cannot} (allowed from: ${allowed}).`
}
