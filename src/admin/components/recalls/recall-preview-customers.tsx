import { Text } from "@medusajs/ui"
import type { RecallPreview } from "../../hooks/recalls"
import { counted } from "../../lib/format"
import { NameCell } from "../common/name-cell"

/** At most this many customers are listed in the preview; the recall itself lists them all. */
const SHOWN = 25

/** Who a recall would reach, before it is confirmed: each customer with their orders and the units still with them. */
export const RecallPreviewCustomers = ({ preview }: { preview: RecallPreview }) => {
  const customers = [...preview.scope.customers].sort((a, b) => b.outstanding_quantity - a.outstanding_quantity)
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
        Customers to notify
      </Text>
      <ul className="shadow-borders-base divide-y rounded-lg">
        {customers.slice(0, SHOWN).map((c) => (
          <li key={c.key} className="flex items-center justify-between gap-x-3 px-3 py-2" data-testid="recall-preview-customer">
            <NameCell
              name={c.name ?? c.email ?? "Guest"}
              detail={[c.name ? c.email : null, c.order_ids.map((id) => preview.order_numbers[id] ?? id).join(", ")].filter(Boolean).join(" · ")}
            />
            <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
              {counted(c.outstanding_quantity, "unit")} with them
            </Text>
          </li>
        ))}
      </ul>
      {customers.length > SHOWN && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          and {counted(customers.length - SHOWN, "more customer")}; the recall lists them all.
        </Text>
      )}
    </div>
  )
}
