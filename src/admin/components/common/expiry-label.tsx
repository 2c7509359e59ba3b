import { Badge, Text } from "@medusajs/ui"
import { daysLeft, describeDaysLeft, expiryColor, formatDay } from "../../lib/format"

/**
 * Expiry date with the days left, coloured by window: ≤30 days (or expired) red, ≤60 orange,
 * ≤90 blue, later green. `stacked` puts the badge under the date, for narrow tables.
 */
export const ExpiryLabel = ({ expiresAt, stacked = false }: { expiresAt: string | null; stacked?: boolean }) => {
  if (!expiresAt) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        No expiry
      </Text>
    )
  }
  const days = daysLeft(expiresAt)
  return (
    <div className={stacked ? "flex flex-col items-start gap-y-1 whitespace-nowrap" : "flex items-center gap-x-2 whitespace-nowrap"}>
      <Text size="small" leading="compact">
        {formatDay(expiresAt)}
      </Text>
      <Badge size="2xsmall" color={expiryColor(days)} data-days-left={days ?? undefined}>
        {describeDaysLeft(days)}
      </Badge>
    </div>
  )
}
