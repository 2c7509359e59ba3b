import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { LotScanField } from "../../components/lots/lot-scan-field"
import { LotsTable } from "../../components/lots/lots-table"

/** All lots: search, status filter, paging, and a field to scan a lot number straight to its page. */
const LotsPage = () => (
  <Container className="divide-y p-0" data-testid="lots-page">
    <div className="flex flex-col justify-between gap-4 px-6 py-4 md:flex-row md:items-end">
      <div>
        <Heading>Lots</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Batches of stock with their expiry, status and location
        </Text>
      </div>
      <LotScanField />
    </div>
    <LotsTable />
  </Container>
)

export const config = defineRouteConfig({
  label: "Lots",
  icon: Beaker,
})

export const handle = {
  breadcrumb: () => "Lots",
}

export default LotsPage
