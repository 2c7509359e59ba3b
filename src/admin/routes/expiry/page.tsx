import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Clock } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { SectionHeader } from "../../components/common/section-header"
import { PageLoadState } from "../../components/common/states"
import { ExpiringLotsTable } from "../../components/expiry/expiring-lots-table"
import { ExpiryBreakdown } from "../../components/expiry/expiry-breakdown"
import { ExpiryTotals, type ExpiryView } from "../../components/expiry/expiry-totals"
import { ExpiryWeekChart } from "../../components/expiry/expiry-week-chart"
import { useExpirySummary } from "../../hooks/expiry"
import { useFollowMedusaChanges } from "../../hooks/medusa-refresh"

/**
 * Stock at risk of expiry: expired units still on hand and units expiring within each warning
 * window (cards that pick the list of lots below), units expiring per week, and the same by
 * location and by product.
 */
const ExpiryPage = () => {
  useFollowMedusaChanges()
  const { data: summary, isLoading, error, refetch } = useExpirySummary()
  const [chosen, setChosen] = useState<ExpiryView | null>(null)

  if (isLoading || error || !summary) {
    return <PageLoadState error={error} onRetry={() => refetch()} />
  }
  const view: ExpiryView = chosen ?? { kind: "within", days: summary.windows[0] }
  const products = summary.by_product.map((p) => ({
    ...p,
    id: p.inventory_item_id,
    name: p.inventory_item?.variant?.product_title ?? p.inventory_item?.title ?? p.inventory_item_id,
    detail: [p.inventory_item?.variant?.title, p.inventory_item?.sku].filter(Boolean).join(" · ") || null,
  }))
  const breakdowns = [
    {
      title: "By location",
      testId: "expiry-by-location",
      rows: summary.by_location.map((l) => ({ ...l, id: l.location_id, name: l.location_name ?? l.location_id })),
    },
    {
      title: "By product",
      testId: "expiry-by-product",
      rows: products,
      footnote:
        summary.product_count > products.length
          ? `The ${products.length} products with the most units at risk of ${summary.product_count}.`
          : undefined,
    },
  ]

  return (
    <div className="flex flex-col gap-y-3" data-testid="expiry-page">
      <Container className="divide-y p-0">
        <SectionHeader
          title="Expiry"
          level="h1"
          description="Stock on hand that has expired or expires soon, in released, quarantined and held lots"
        />
        <ExpiryTotals summary={summary} view={view} onSelect={setChosen} />
        <ExpiringLotsTable view={view} windows={summary.windows} />
      </Container>
      <Container className="p-0">
        <ExpiryWeekChart weeks={summary.totals.weeks} />
      </Container>
      {breakdowns.map((breakdown) => (
        <Container key={breakdown.testId} className="divide-y p-0">
          <ExpiryBreakdown {...breakdown} windows={summary.windows} />
        </Container>
      ))}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Expiry",
  icon: Clock,
})

export const handle = {
  breadcrumb: () => "Expiry",
}

export default ExpiryPage
