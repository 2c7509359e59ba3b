import { clx, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ExpirySummaryGroup } from "../../hooks/expiry"
import { compactNumber, counted, formatDay } from "../../lib/format"

const CHART_HEIGHT_PX = 160

type Week = ExpirySummaryGroup["weeks"][number]

const describeWeek = (week: Week) => `Week of ${formatDay(week.week_start)}: ${counted(week.quantity, "unit")} in ${counted(week.lots, "lot")}`

/**
 * Quantity expiring per ISO week as plain bars (no chart library). Each bar carries its number, and
 * a tap or click (no hover on a phone) reads the week out below the chart.
 */
export const ExpiryWeekChart = ({ weeks }: { weeks: ExpirySummaryGroup["weeks"] }) => {
  const [chosen, setChosen] = useState<string | null>(null)
  const max = Math.max(1, ...weeks.map((w) => w.quantity))
  const total = weeks.reduce((sum, w) => sum + w.quantity, 0)
  const chosenWeek = weeks.find((w) => w.week_start === chosen)
  return (
    <div className="px-6 py-4" data-testid="expiry-week-chart">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-2">
        <Text size="small" weight="plus">
          Units expiring per week
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {counted(total, "unit")} over the next {weeks.length} weeks
        </Text>
      </div>
      <div className="flex items-end gap-x-1" style={{ height: CHART_HEIGHT_PX }}>
        {weeks.map((week) => (
          <button
            key={week.week_start}
            type="button"
            aria-label={describeWeek(week)}
            aria-pressed={week.week_start === chosen}
            title={describeWeek(week)}
            onClick={() => setChosen(week.week_start === chosen ? null : week.week_start)}
            className="flex h-full min-w-0 flex-1 flex-col items-center justify-end rounded-sm focus-visible:shadow-borders-focus outline-none"
            data-week={week.week_start}
            data-quantity={week.quantity}
          >
            {week.quantity > 0 && (
              <span className="txt-compact-xsmall text-ui-fg-subtle mb-0.5 max-w-full truncate tabular-nums" data-testid="week-quantity">
                {compactNumber(week.quantity)}
              </span>
            )}
            <span
              className={clx(
                "w-full",
                week.quantity ? "rounded-t-sm" : "",
                week.quantity ? (week.week_start === chosen ? "bg-ui-tag-orange-text" : "bg-ui-tag-orange-icon") : "bg-ui-border-base"
              )}
              style={{ height: week.quantity ? `${Math.max(4, (week.quantity / max) * 85)}%` : 1 }}
            />
          </button>
        ))}
      </div>
      <div className="mt-2 flex justify-between">
        {[weeks[0], weeks[Math.floor(weeks.length / 2)], weeks[weeks.length - 1]].filter(Boolean).map((week) => (
          <Text key={week.week_start} size="xsmall" className="text-ui-fg-muted">
            {formatDay(week.week_start)}
          </Text>
        ))}
      </div>
      <Text size="small" className="text-ui-fg-subtle mt-2 min-h-5" aria-live="polite" data-testid="expiry-week-chosen">
        {chosenWeek ? describeWeek(chosenWeek) : "Tap a bar to read its week."}
      </Text>
    </div>
  )
}
