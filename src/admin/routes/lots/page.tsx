import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SectionHeader } from "../../components/common/section-header"
import { LotScanField } from "../../components/lots/lot-scan-field"
import { LotsTable } from "../../components/lots/lots-table"
import { useFollowMedusaChanges } from "../../hooks/medusa-refresh"

/**
 * All lots, for a merchant at a desk: search and filters kept in the address, export, labels for
 * the lots picked, a field to scan a lot straight to its page (or to receiving, for a lot not in
 * stock yet), and the way to the suppliers and the integrity check (pages of their own, without a
 * sidebar entry).
 */
const LotsPage = () => {
  useFollowMedusaChanges()
  return (
    <Container className="divide-y p-0" data-testid="lots-page">
      <SectionHeader
        title="Lots"
        level="h1"
        description="Batches of stock with their expiry, status and location"
        className="flex-col items-stretch gap-4 md:flex-row md:items-end"
        actions={
          <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
            <LotScanField />
            <Button size="small" variant="secondary" asChild>
              <Link to="/lots/suppliers">Suppliers</Link>
            </Button>
            <Button size="small" variant="secondary" asChild>
              <Link to="/lots/integrity">Integrity check</Link>
            </Button>
          </div>
        }
      />
      <LotsTable />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Lots",
  icon: Beaker,
})

export const handle = {
  breadcrumb: () => "Lots",
}

export default LotsPage
