import { clx, Text } from "@medusajs/ui"
import type { ExpirySummaryResponse } from "../../hooks/expiry"
import { counted } from "../../lib/format"

/** Which slice of stock the list below shows: already expired, or expiring within N days. */
export type ExpiryView = { kind: "expired" } | { kind: "within"; days: number }

const sameView = (a: ExpiryView, b: ExpiryView) => a.kind === b.kind && (a.kind === "expired" || a.days === (b as { days: number }).days)

const units = (n: number) => counted(n, "unit")
const lots = (n: number) => counted(n, "lot")

/** Cards for expired stock on hand and each warning window; the chosen one drives the list. */
export const ExpiryTotals = ({
  summary,
  view,
  onSelect,
}: {
  summary: ExpirySummaryResponse
  view: ExpiryView
  onSelect: (view: ExpiryView) => void
}) => {
  const cards: { view: ExpiryView; label: string; quantity: number; lots: number; tone: string }[] = [
    { view: { kind: "expired" }, label: "Expired, still on hand", ...summary.totals.expired, tone: "text-ui-fg-error" },
    ...summary.totals.windows.map((w) => ({
      view: { kind: "within", days: w.days } as ExpiryView,
      label: `Expiring within ${w.days} days`,
      quantity: w.quantity,
      lots: w.lots,
      tone: "text-ui-fg-base",
    })),
  ]
  return (
    <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-4" role="tablist" aria-label="Expiry windows">
      {cards.map((card) => {
        const selected = sameView(card.view, view)
        return (
          <button
            key={card.label}
            type="button"
            role="tab"
            aria-selected={selected}
            data-testid={card.view.kind === "expired" ? "expiry-card-expired" : `expiry-card-${card.view.days}`}
            onClick={() => onSelect(card.view)}
            className={clx(
              "shadow-borders-base flex flex-col items-start gap-y-1 rounded-lg px-4 py-3 text-left transition-fg",
              selected ? "bg-ui-bg-base-pressed shadow-borders-interactive-with-active" : "bg-ui-bg-base hover:bg-ui-bg-base-hover"
            )}
          >
            <Text size="small" className="text-ui-fg-subtle">
              {card.label}
            </Text>
            <Text size="xlarge" weight="plus" className={card.tone}>
              {units(card.quantity)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {lots(card.lots)}
            </Text>
          </button>
        )
      })}
    </div>
  )
}
