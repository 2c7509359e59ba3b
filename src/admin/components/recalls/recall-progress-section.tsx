import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import type { RecallDetail } from "../../hooks/recalls"
import { SectionHeader } from "../common/section-header"
import { Figure, units } from "./recall-scope-figures"
import { DisposeUnitsDrawer, RecordRecoveryDrawer } from "./recall-units-drawers"

/** Where the recall stands: customers told, units back, written off, on hand, still out there; units recorded while open. */
export const RecallProgressSection = ({ recall }: { recall: RecallDetail }) => {
  const [drawer, setDrawer] = useState<"recovery" | "disposal" | null>(null)
  const p = recall.progress
  const open = recall.status === "open"
  return (
    <Container className="divide-y p-0" data-testid="recall-progress-section">
      <SectionHeader
        title="Progress"
        className="flex-wrap gap-2"
        actions={
          open && (
            <div className="flex flex-wrap items-center gap-2">
              <Button size="small" variant="secondary" onClick={() => setDrawer("recovery")}>
                Record recovered
              </Button>
              <Button size="small" variant="secondary" onClick={() => setDrawer("disposal")}>
                Dispose of units
              </Button>
            </div>
          )
        }
      />
      <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-5">
        <Figure
          label="Customers notified"
          value={`${p.customers_notified} / ${p.customers}`}
          tone={p.customers_notified < p.customers ? "error" : "success"}
          testId="progress-notified"
        />
        <Figure label="Units recovered" value={units(p.recovered_quantity)} testId="progress-recovered" />
        <Figure label="Units disposed" value={units(p.disposed_quantity)} testId="progress-disposed" />
        <Figure label="Units on hand" value={units(p.on_hand_quantity)} testId="progress-on-hand" />
        <Figure
          label="Units outstanding"
          value={units(p.outstanding_quantity)}
          tone={p.outstanding_quantity > 0 ? "error" : "success"}
          testId="progress-outstanding"
        />
      </div>
      {open && (
        <>
          <RecordRecoveryDrawer recall={recall} open={drawer === "recovery"} onOpenChange={(o) => setDrawer(o ? "recovery" : null)} />
          <DisposeUnitsDrawer recall={recall} open={drawer === "disposal"} onOpenChange={(o) => setDrawer(o ? "disposal" : null)} />
        </>
      )}
    </Container>
  )
}
