import { StatusBadge } from "@medusajs/ui"
import { LOT_STATUS_COLORS, LOT_STATUS_LABELS } from "../../lib/format"
import type { LotStatus } from "../../types"

/** A lot's status as a coloured badge: released green, quarantine orange, on hold purple, ... */
export const LotStatusBadge = ({ status }: { status: LotStatus }) => (
  <StatusBadge color={LOT_STATUS_COLORS[status]} data-lot-status={status} className="whitespace-nowrap">
    {LOT_STATUS_LABELS[status]}
  </StatusBadge>
)
