import { Text } from "@medusajs/ui"
import type { RecallPreview } from "../../hooks/recalls"
import { counted } from "../../lib/format"
import { NameCell } from "../common/name-cell"

/** At most this many customers are listed; the recall and the exports list them all. */
const SHOWN = 25

/**
 * Who a recall would reach (a preview before it is confirmed, or a mock recall's first page): each
 * customer with their orders and the units still with them, most units first as the server sends them.
 */
export const RecallPreviewCustomers = ({
  customers: all,
  count,
  orderNumbers,
  title = "Customers to notify",
  closing = "the recall lists them all",
}: {
  customers: RecallPreview["scope"]["customers"]
  /** Customers in the whole scope (more than `customers` when those are its first page). */
  count: number
  orderNumbers: RecallPreview["order_numbers"]
  title?: string
  closing?: string
}) => {
  const customers = all.slice(0, SHOWN)
  if (!customers.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No customer received units of these lots.
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-2" data-testid="recall-preview-customers">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <ul className="shadow-borders-base divide-y rounded-lg">
        {customers.map((c) => (
          <li key={c.key} className="flex items-center justify-between gap-x-3 px-3 py-2" data-testid="recall-preview-customer">
            <NameCell
              name={c.name ?? c.email ?? "Guest"}
              detail={[c.name ? c.email : null, c.order_ids.map((id) => orderNumbers[id] ?? id).join(", ")].filter(Boolean).join(" · ")}
            />
            <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
              {counted(c.outstanding_quantity, "unit")} with them
            </Text>
          </li>
        ))}
      </ul>
      {count > customers.length && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          and {counted(count - customers.length, "more customer")}; {closing}.
        </Text>
      )}
    </div>
  )
}
