import { clx, Text } from "@medusajs/ui"
import type { RecallScopeSummary } from "../../hooks/recalls"
import { counted } from "../../lib/format"

export const units = (n: number) => counted(n, "unit")

/** Mass balance in words: 100 % means every received unit is on hand, shipped, consumed or written off. */
export const formatPercent = (percent: number) => `${percent.toLocaleString(undefined, { maximumFractionDigits: 2 })} %`

/** A label and a big number, as in the expiry cards. */
export const Figure = ({ label, value, tone, testId }: { label: string; value: string; tone?: "error" | "success"; testId?: string }) => (
  <div className="shadow-borders-base flex flex-col gap-y-1 rounded-lg px-4 py-3" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" className={clx(tone === "error" && "text-ui-fg-error", tone === "success" && "text-ui-fg-interactive")}>
      {value}
    </Text>
  </div>
)

/**
 * What a recall of some lots reaches — lots, customers, units out there and on hand — and how well
 * the history accounts for them. Shown for a preview before confirming, and for a mock recall.
 */
export const RecallScopeFigures = ({ summary, showDuration = false }: { summary: RecallScopeSummary; showDuration?: boolean }) => (
  <div className="flex flex-col gap-y-2">
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {showDuration && <Figure label="Time to trace" value={`${summary.duration_ms.toLocaleString()} ms`} testId="scope-duration" />}
      <Figure
        label="Mass balance"
        value={formatPercent(summary.mass_balance_percent)}
        tone={summary.unbalanced_lots > 0 ? "error" : "success"}
        testId="scope-mass-balance"
      />
      <Figure label="Lots (with those made from them)" value={summary.lots.toLocaleString()} testId="scope-lots" />
      <Figure label="Customers" value={summary.customers.toLocaleString()} testId="scope-customers" />
      <Figure label="Orders" value={summary.orders.toLocaleString()} />
      <Figure label="Units shipped" value={units(summary.shipped_quantity)} />
      <Figure label="Units returned" value={units(summary.returned_quantity)} />
      <Figure label="Units with customers" value={units(summary.outstanding_quantity)} testId="scope-outstanding" />
      <Figure label="Units on hand" value={units(summary.on_hand_quantity)} />
      <Figure label="Units received" value={units(summary.received_quantity)} />
    </div>
    {summary.unbalanced_lots > 0 && (
      <Text size="small" className="text-ui-fg-error">
        {counted(summary.unbalanced_lots, "lot does", "lots do")} not balance: {units(summary.received_quantity - summary.accounted_quantity)} cannot
        be accounted for by the history.
      </Text>
    )}
    {summary.truncated && (
      <Text size="small" className="text-ui-fg-error">
        The genealogy goes deeper than the trace follows: the scope may be incomplete.
      </Text>
    )}
  </div>
)
