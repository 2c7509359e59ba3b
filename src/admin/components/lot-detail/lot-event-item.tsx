import { Text } from "@medusajs/ui"
import { actorName, describeLotEdit, formatDateTime, isLotEditData, LOT_EVENT_LABELS, LOT_STATUS_LABELS, signedUnits } from "../../lib/format"
import type { LotEvent, LotStatus, LotTestResult } from "../../types"

const statusLabel = (status: string | null) => (status ? (LOT_STATUS_LABELS[status as LotStatus] ?? status) : "—")

const DOT: Partial<Record<LotEvent["type"], string>> = {
  received: "bg-ui-tag-green-icon",
  released: "bg-ui-tag-green-icon",
  held: "bg-ui-tag-purple-icon",
  rejected: "bg-ui-tag-red-icon",
  recalled: "bg-ui-tag-red-icon",
  expired: "bg-ui-tag-red-icon",
  scrapped: "bg-ui-tag-orange-icon",
  shipped: "bg-ui-tag-blue-icon",
  allocated: "bg-ui-tag-blue-icon",
}

/** The test results a release or rejection recorded (kept in the entry's data as the API took them). */
function testResultsIn(data: LotEvent["data"]): LotTestResult[] {
  const results = (data as { test_results?: unknown } | null)?.test_results
  return Array.isArray(results) ? (results as LotTestResult[]) : []
}

/** What one history entry says, in a line or two. */
function details(event: LotEvent, nameOf: (id: string) => string): string[] {
  const lines: string[] = []
  const qty = event.quantity ? signedUnits(event.quantity) : null
  const where = event.location_id
    ? event.to_location_id
      ? `${nameOf(event.location_id)} → ${nameOf(event.to_location_id)}`
      : nameOf(event.location_id)
    : null
  const head = [qty, where].filter(Boolean).join(" at ")
  if (head) lines.push(head)
  if (event.from_status && event.to_status && event.from_status !== event.to_status) {
    lines.push(`${statusLabel(event.from_status)} → ${statusLabel(event.to_status)}`)
  } else if (!event.from_status && event.to_status) {
    lines.push(`Status: ${statusLabel(event.to_status)}`)
  }
  if (isLotEditData(event.data)) lines.push(...describeLotEdit(event.data))
  if (event.reason) lines.push(`Reason: ${event.reason}`)
  for (const test of testResultsIn(event.data)) {
    const verdict = test.passed === true ? " (passed)" : test.passed === false ? " (failed)" : ""
    lines.push(`Test: ${test.name} — ${test.result}${verdict}`)
  }
  if (event.note) lines.push(`Note: ${event.note}`)
  if (event.reference_type || event.reference_id) {
    lines.push(`Ref: ${[event.reference_type?.replace(/_/g, " "), event.reference_id].filter(Boolean).join(" ")}`)
  }
  return lines
}

/** One entry of the lot's append-only history on the timeline. */
export const LotEventItem = ({ event, nameOf, last }: { event: LotEvent; nameOf: (id: string) => string; last: boolean }) => (
  <li className="relative flex gap-x-3 pb-5" data-testid="lot-event" data-event-type={event.type}>
    {!last && <span className="bg-ui-border-base absolute left-[5px] top-4 h-full w-px" aria-hidden />}
    <span className={`mt-1.5 size-[11px] shrink-0 rounded-full ${DOT[event.type] ?? "bg-ui-tag-neutral-icon"}`} aria-hidden />
    <div className="flex min-w-0 flex-1 flex-col gap-y-0.5">
      <div className="flex items-baseline justify-between gap-x-2">
        <Text size="small" weight="plus" leading="compact">
          {LOT_EVENT_LABELS[event.type] ?? event.type}
        </Text>
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted whitespace-nowrap">
          {formatDateTime(event.created_at)}
        </Text>
      </div>
      {details(event, nameOf).map((line, i) => (
        <Text key={i} size="small" leading="compact" className="text-ui-fg-subtle break-words">
          {line}
        </Text>
      ))}
      {event.actor && (
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted" data-testid="lot-event-actor">
          By {actorName(event.actor)}
        </Text>
      )}
    </div>
  </li>
)
