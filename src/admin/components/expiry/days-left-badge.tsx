import { Badge } from "@medusajs/ui"
import { describeDaysLeft, type BadgeColor } from "../../lib/format"

const WINDOW_COLORS: BadgeColor[] = ["red", "orange", "blue"]

/**
 * Colour of the days left by the configured warning windows (smallest first): expired or inside
 * the smallest window red, the next orange, the next blue, outside all of them green.
 */
export function windowColor(days: number, windows: number[]): BadgeColor {
  if (days <= 0) {
    return "red"
  }
  const index = windows.findIndex((window) => days <= window)
  return index === -1 ? "green" : WINDOW_COLORS[Math.min(index, WINDOW_COLORS.length - 1)]
}

export const DaysLeftBadge = ({ days, windows }: { days: number; windows: number[] }) => (
  <Badge size="2xsmall" color={windowColor(days, windows)} data-days-left={days}>
    {describeDaysLeft(days)}
  </Badge>
)
