import { Button, Container, Table, usePrompt } from "@medusajs/ui"
import { useMarkRecallCustomersNotified, type RecallDetail } from "../../hooks/recalls"
import { formatDateTime } from "../../lib/format"
import { NameCell } from "../common/name-cell"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"
import { counted } from "../../lib/format"

/** Who received recalled units, how many they returned and still hold, and whether they were told; "Mark notified" records it. */
export const RecallCustomersSection = ({ recall }: { recall: RecallDetail }) => {
  const { mutate, isPending, variables } = useMarkRecallCustomersNotified(recall.id)
  const prompt = usePrompt()
  const waiting = recall.customers.filter((c) => !c.notified_at)

  const markAll = async () => {
    const confirmed = await prompt({
      title: `Mark ${counted(waiting.length, "customer")} as notified?`,
      description: "Record this only once every one of them has been told about the recall.",
      confirmText: "Mark notified",
      cancelText: "Cancel",
    })
    if (confirmed) mutate(waiting.map((c) => c.customer_key))
  }

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
          recall.status === "open" &&
          waiting.length > 1 && (
            <Button size="small" variant="secondary" onClick={markAll} isLoading={isPending && variables?.length !== 1}>
              Mark all notified
            </Button>
          )
        }
      />
      {recall.customers.length === 0 ? (
        <SectionEmpty title="No customers">None of these lots had been shipped when the recall opened.</SectionEmpty>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
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
                  <NameCell name={c.name ?? c.email ?? "Guest"} detail={c.name ? c.email : null} />
                </Table.Cell>
                <Table.Cell className="text-right">{c.order_ids.length}</Table.Cell>
                <Table.Cell className="text-right">{c.shipped_quantity}</Table.Cell>
                <Table.Cell className="text-right">{c.returned_quantity}</Table.Cell>
                <Table.Cell className="text-right">{c.outstanding_quantity}</Table.Cell>
                <Table.Cell>
                  {c.notified_at ? (
                    formatDateTime(c.notified_at)
                  ) : recall.status === "open" ? (
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() => mutate([c.customer_key])}
                      isLoading={isPending && variables?.length === 1 && variables[0] === c.customer_key}
                    >
                      Mark notified
                    </Button>
                  ) : (
                    "Not notified"
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
