import { Button, Container, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { RecallDetail } from "../../hooks/recalls"
import { formatAddress, type PostalAddress } from "../../../modules/lot/domain/location-description"
import { counted, formatDateTime, RECALL_NOTICE_METHOD_LABELS } from "../../lib/format"
import { NameCell } from "../common/name-cell"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"
import { MarkNotifiedDrawer, WithdrawNoticeDrawer } from "./recall-notice-drawers"

type Customer = RecallDetail["customers"][number]
type NoticeChange = { kind: "mark" | "withdraw"; customers: Customer[] }

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)

/**
 * Who received recalled units — name, e-mail, phone, ship-to and order numbers — how many they
 * returned and still hold, and whether they were told: "Mark notified" asks how and for a note,
 * "Withdraw" takes back a notice marked by mistake.
 */
export const RecallCustomersSection = ({ recall }: { recall: RecallDetail }) => {
  const [change, setChange] = useState<NoticeChange | null>(null)
  const open = recall.status === "open"
  const waiting = recall.customers.filter((c) => !c.notified_at)
  const close = (isOpen: boolean) => !isOpen && setChange(null)

  return (
    <Container className="divide-y p-0" data-testid="recall-customers-section">
      <SectionHeader
        title="Customers"
        description={
          <>
            {counted(recall.customer_count, "customer")} received units of these lots
            {recall.customers.length < recall.customer_count ? ` (the first ${recall.customers.length} shown; the export has them all)` : ""}
          </>
        }
        className="gap-x-4"
        actions={
          open &&
          waiting.length > 1 && (
            <Button size="small" variant="secondary" onClick={() => setChange({ kind: "mark", customers: waiting })}>
              Mark all notified
            </Button>
          )
        }
      />
      {recall.customers.length === 0 ? (
        <SectionEmpty title="No customers">None of these lots had been shipped when the recall opened.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Ship to</Table.HeaderCell>
                <Table.HeaderCell>Orders</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Shipped</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Returned</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Outstanding</Table.HeaderCell>
                <Table.HeaderCell>Notified</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {recall.customers.map((c) => (
                <Table.Row key={c.id} data-testid="recall-customer-row">
                  <Table.Cell>
                    <NameCell
                      name={c.name ?? c.email ?? "Guest"}
                      detail={[c.name ? c.email : null, text(c.ship_to?.phone)].filter(Boolean).join(" · ") || null}
                    />
                  </Table.Cell>
                  <Table.Cell className="min-w-[10rem]">{formatAddress(c.ship_to as PostalAddress | null) || "-"}</Table.Cell>
                  <Table.Cell data-testid="recall-customer-orders">{c.order_numbers.map((n, i) => n ?? c.order_ids[i]).join(", ")}</Table.Cell>
                  <Table.Cell className="text-right">{c.shipped_quantity}</Table.Cell>
                  <Table.Cell className="text-right">{c.returned_quantity}</Table.Cell>
                  <Table.Cell className="text-right">{c.outstanding_quantity}</Table.Cell>
                  <Table.Cell>
                    <NoticeCell customer={c} open={open} onChange={(kind) => setChange({ kind, customers: [c] })} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <MarkNotifiedDrawer open={change?.kind === "mark"} onOpenChange={close} recall={recall} customers={change?.customers ?? []} />
      <WithdrawNoticeDrawer open={change?.kind === "withdraw"} onOpenChange={close} recall={recall} customers={change?.customers ?? []} />
    </Container>
  )
}

/** When and how a customer was told (with the note), or the button to record it. */
const NoticeCell = ({ customer, open, onChange }: { customer: Customer; open: boolean; onChange: (kind: NoticeChange["kind"]) => void }) => {
  if (!customer.notified_at) {
    return open ? (
      <Button size="small" variant="transparent" onClick={() => onChange("mark")}>
        Mark notified
      </Button>
    ) : (
      <>Not notified</>
    )
  }
  const method = customer.notification_method ? RECALL_NOTICE_METHOD_LABELS[customer.notification_method] : null
  return (
    <div className="flex items-start gap-x-2" data-testid="recall-customer-notice">
      <div className="flex flex-col">
        <Text size="small" leading="compact">
          {[method, formatDateTime(customer.notified_at)].filter(Boolean).join(" · ")}
        </Text>
        {customer.notification_note && (
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle max-w-[16rem] break-words">
            {customer.notification_note}
          </Text>
        )}
      </div>
      {open && (
        <Button size="small" variant="transparent" onClick={() => onChange("withdraw")}>
          Withdraw
        </Button>
      )}
    </div>
  )
}
