import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useSearchParams } from "react-router-dom"
import { SectionHeader } from "../../components/common/section-header"
import { MockRecallSection } from "../../components/recalls/mock-recall-section"
import { NewRecallDrawer } from "../../components/recalls/new-recall-drawer"
import { RecallsTable } from "../../components/recalls/recalls-table"
import { useFollowMedusaChanges } from "../../hooks/medusa-refresh"

/**
 * Recalls: the list (status, class, reach), "New recall" with a scope preview before the confirm,
 * and mock recalls with their history. `?lot_id=…&lot_number=…` (the lot page's "Start recall")
 * opens the new-recall drawer with that lot picked.
 */
const RecallsPage = () => {
  useFollowMedusaChanges()
  const [params, setParams] = useSearchParams()
  const lotId = params.get("lot_id")
  const [open, setOpen] = useState(Boolean(lotId))
  const initialLots = lotId ? [{ id: lotId, lot_number: params.get("lot_number") || lotId }] : []

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    // The preselection is a one-off: once the drawer closes, a reload should not reopen it.
    if (!next && lotId) setParams({}, { replace: true })
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="recalls-page">
      <Container className="divide-y p-0">
        <SectionHeader
          title="Recalls"
          level="h1"
          description="Lots called back, who received them, and how far each recall has come"
          className="gap-4"
          actions={
            <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
              New recall
            </Button>
          }
        />
        <RecallsTable />
      </Container>
      <Container className="p-0">
        <MockRecallSection />
      </Container>
      <NewRecallDrawer initialLots={initialLots} open={open} onOpenChange={onOpenChange} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Recalls",
  icon: ExclamationCircle,
})

export const handle = {
  breadcrumb: () => "Recalls",
}

export default RecallsPage
