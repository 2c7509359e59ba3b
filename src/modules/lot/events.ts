/** Events the lot module's workflows emit; payloads carry ids (`id` is the lot id). */
export const LotEvents = {
  RECEIVED: "lot.received",
  ADJUSTED: "lot.adjusted",
  TRANSFERRED: "lot.transferred",
  POLICY_UPDATED: "lot.policy_updated",
  STATUS_CHANGED: "lot.status_changed",
  ALLOCATED: "lot.allocated",
  ALLOCATION_SHORTFALL: "lot.allocation_shortfall",
  EXPIRED: "lot.expired",
} as const
export type LotEventName = (typeof LotEvents)[keyof typeof LotEvents]
