import { Container, Text } from "@medusajs/ui"
import type { RecallDetail } from "../../hooks/recalls"
import { actorName, counted, formatDateTime, RECALL_NOTICE_METHOD_LABELS } from "../../lib/format"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"

type Action = RecallDetail["activity"][number]

/** One entry in words: who was told how, whose notice was withdrawn, which units came back or were disposed of. */
function describe(action: Action, customerName: (key: string | null) => string): string {
  const lot = `lot ${action.lot_number ?? action.lot_id}`
  const quantity = action.quantity ?? 0
  switch (action.type) {
    case "notice_withdrawn":
      return `Notice of ${customerName(action.customer_key)} withdrawn`
    case "units_recovered": {
      const from = action.customer_key ? ` from ${customerName(action.customer_key)}` : ""
      return quantity < 0
        ? `${counted(-quantity, "recovered unit")} of ${lot}${from} taken back`
        : `${counted(quantity, "unit")} of ${lot} recovered${from}`
    }
    case "units_disposed": {
      const at = action.location_name ? ` at ${action.location_name}` : ""
      return quantity < 0
        ? `Disposal of ${counted(-quantity, "unit")} of ${lot}${at} taken back`
        : `${counted(quantity, "unit")} of ${lot} disposed of${at}`
    }
    default: {
      const method = action.method ? RECALL_NOTICE_METHOD_LABELS[action.method].toLowerCase() : null
      const customer = customerName(action.customer_key)
      return method ? `${customer} notified by ${method}` : `${customer} notified`
    }
  }
}

/** What was done on the recall, newest first, each entry with who and when; it is never rewritten. */
export const RecallActivitySection = ({ recall }: { recall: RecallDetail }) => {
  const names = new Map(recall.customers.map((c) => [c.customer_key, c.name ?? c.email ?? c.customer_key]))
  const customerName = (key: string | null) => (key ? (names.get(key) ?? key) : "a customer")
  return (
    <Container className="divide-y p-0" data-testid="recall-activity-section">
      <SectionHeader title="Activity" description="Notices, recovered and disposed units, with who and when" />
      {recall.activity.length === 0 ? (
        <SectionEmpty title="Nothing recorded yet">Customers marked as notified and units recovered or disposed of show here.</SectionEmpty>
      ) : (
        <ul className="flex flex-col gap-y-3 px-6 py-4">
          {recall.activity.map((action) => (
            <li key={action.id} className="flex flex-col gap-y-0.5" data-testid="recall-activity" data-action-type={action.type}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                <Text size="small" weight="plus" leading="compact">
                  {describe(action, customerName)}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-muted whitespace-nowrap">
                  {formatDateTime(action.created_at)}
                </Text>
              </div>
              {action.note && (
                <Text size="small" leading="compact" className="text-ui-fg-subtle break-words">
                  {action.note}
                </Text>
              )}
              {action.actor && (
                <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                  By {actorName(action.actor)}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
