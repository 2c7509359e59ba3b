import { Container } from "@medusajs/ui"
import { useStockLocations } from "../../hooks/stock-locations"
import type { LotWithEvents } from "../../types"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"
import { LotEventItem } from "./lot-event-item"

/** The lot's history, newest first (the API keeps it append-only). */
export const LotTimelineSection = ({ lot }: { lot: LotWithEvents }) => {
  const { nameOf } = useStockLocations()
  return (
    <Container className="divide-y p-0" data-testid="lot-timeline-section">
      <SectionHeader title="History" description="Newest first · entries are never edited or deleted" />
      {lot.events.length === 0 ? (
        <SectionEmpty title="No history yet" />
      ) : (
        <ol className="px-6 pb-1 pt-5">
          {lot.events.map((event, i) => (
            <LotEventItem key={event.id} event={event} nameOf={nameOf} last={i === lot.events.length - 1} />
          ))}
        </ol>
      )}
    </Container>
  )
}
