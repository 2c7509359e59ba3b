import { Text, Tooltip } from "@medusajs/ui"
import { formatDay } from "../../lib/format"
import type { ExpirySummaryGroup } from "../../hooks/expiry"

const CHART_HEIGHT_PX = 160

/** Quantity expiring per ISO week as plain bars (no chart library): one bar per week, height by units. */
export const ExpiryWeekChart = ({ weeks }: { weeks: ExpirySummaryGroup["weeks"] }) => {
  const max = Math.max(1, ...weeks.map((w) => w.quantity))
  const total = weeks.reduce((sum, w) => sum + w.quantity, 0)
  return (
    <div className="px-6 py-4" data-testid="expiry-week-chart">
      <div className="mb-3 flex items-baseline justify-between">
        <Text size="small" weight="plus">
          Units expiring per week
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {total.toLocaleString()} units over the next {weeks.length} weeks
        </Text>
      </div>
      <div className="flex items-end gap-x-1" style={{ height: CHART_HEIGHT_PX }} role="img" aria-label="Units expiring per week">
        {weeks.map((week) => (
          <Tooltip
            key={week.week_start}
            content={`Week of ${formatDay(week.week_start)}: ${week.quantity.toLocaleString()} units in ${week.lots} lots`}
          >
            <div className="flex h-full flex-1 items-end" data-week={week.week_start} data-quantity={week.quantity}>
              <div
                className={week.quantity ? "bg-ui-tag-orange-icon w-full rounded-t-sm" : "bg-ui-border-base w-full"}
                style={{ height: week.quantity ? `${Math.max(4, (week.quantity / max) * 100)}%` : 1 }}
              />
            </div>
          </Tooltip>
        ))}
      </div>
      <div className="mt-2 flex justify-between">
        {[weeks[0], weeks[Math.floor(weeks.length / 2)], weeks[weeks.length - 1]].filter(Boolean).map((week) => (
          <Text key={week.week_start} size="xsmall" className="text-ui-fg-muted">
            {formatDay(week.week_start)}
          </Text>
        ))}
      </div>
    </div>
  )
}
