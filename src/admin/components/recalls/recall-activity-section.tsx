import { Container, Text } from "@medusajs/ui"
import type { RecallDetail } from "../../hooks/recalls"
import { actorName, formatDateTime, RECALL_NOTICE_METHOD_LABELS } from "../../lib/format"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"

type Action = RecallDetail["activity"][number]

/** One entry in words: who was told how, or whose notice was withdrawn. */
function describe(action: Action, customerName: (key: string | null) => string): string {
  const customer = customerName(action.customer_key)
  if (action.type === "notice_withdrawn") return `Notice of ${customer} withdrawn`
  const method = action.method ? RECALL_NOTICE_METHOD_LABELS[action.method].toLowerCase() : null
  return method ? `${customer} notified by ${method}` : `${customer} notified`
}

/** What was done on the recall, newest first, each entry with who and when; it is never rewritten. */
export const RecallActivitySection = ({ recall }: { recall: RecallDetail }) => {
  const names = new Map(recall.customers.map((c) => [c.customer_key, c.name ?? c.email ?? c.customer_key]))
  const customerName = (key: string | null) => (key ? (names.get(key) ?? key) : "a customer")
  return (
    <Container className="divide-y p-0" data-testid="recall-activity-section">
      <SectionHeader title="Activity" description="Notices recorded and withdrawn, with who and when" />
      {recall.activity.length === 0 ? (
        <SectionEmpty title="Nothing recorded yet">Customers marked as notified show here.</SectionEmpty>
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
