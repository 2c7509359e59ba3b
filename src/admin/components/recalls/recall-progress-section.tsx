import { Container } from "@medusajs/ui"
import type { RecallDetail } from "../../hooks/recalls"
import { SectionHeader } from "../common/section-header"
import { Figure, units } from "./recall-scope-figures"

/** Where the recall stands: customers told, units back, written off, on hand, still out there. */
export const RecallProgressSection = ({ recall }: { recall: RecallDetail }) => {
  const p = recall.progress
  return (
    <Container className="divide-y p-0" data-testid="recall-progress-section">
      <SectionHeader title="Progress" />
      <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-5">
        <Figure
          label="Customers notified"
          value={`${p.customers_notified} / ${p.customers}`}
          tone={p.customers_notified < p.customers ? "error" : "success"}
          testId="progress-notified"
        />
        <Figure label="Units recovered" value={units(p.recovered_quantity)} />
        <Figure label="Units disposed" value={units(p.disposed_quantity)} />
        <Figure label="Units on hand" value={units(p.on_hand_quantity)} />
        <Figure label="Units outstanding" value={units(p.outstanding_quantity)} tone={p.outstanding_quantity > 0 ? "error" : "success"} />
      </div>
    </Container>
  )
}
