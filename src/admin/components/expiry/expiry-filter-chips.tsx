import { XMarkMini } from "@medusajs/icons"
import { Badge, Text } from "@medusajs/ui"

export type ExpiryFilterChip = { key: string; label: string; value?: string; name?: string }

/** The filters narrowing the list of lots (set from the location and product tables), each with a clear button. */
export const ExpiryFilterChips = ({ chips, onClear }: { chips: ExpiryFilterChip[]; onClear: (key: string) => void }) => {
  const active = chips.filter((chip) => chip.value)
  if (!active.length) {
    return (
      <Text size="xsmall" className="text-ui-fg-muted px-6 py-2">
        Choose a location or a product in the tables below to narrow this list.
      </Text>
    )
  }
  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-2" data-testid="expiry-filters">
      {active.map((chip) => (
        <Badge key={chip.key} size="small" className="gap-x-1 pr-1" data-testid={`expiry-filter-${chip.key}`}>
          {chip.label}: {chip.name}
          <button
            type="button"
            aria-label={`Show every ${chip.label.toLowerCase()}`}
            onClick={() => onClear(chip.key)}
            className="text-ui-fg-muted hover:text-ui-fg-subtle rounded-sm outline-none focus-visible:shadow-borders-focus"
          >
            <XMarkMini />
          </button>
        </Badge>
      ))}
    </div>
  )
}
