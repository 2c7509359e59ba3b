import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Clock } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { ExportMenu } from "../../components/common/export-menu"
import { SectionHeader } from "../../components/common/section-header"
import { PageLoadState } from "../../components/common/states"
import { ExpiringLotsTable } from "../../components/expiry/expiring-lots-table"
import { ExpiryBreakdown } from "../../components/expiry/expiry-breakdown"
import { ExpiryFilterChips } from "../../components/expiry/expiry-filter-chips"
import { ExpiryTotals, type ExpiryView } from "../../components/expiry/expiry-totals"
import { ExpiryWeekChart } from "../../components/expiry/expiry-week-chart"
import { useExpirySummary } from "../../hooks/expiry"
import { useExportLots } from "../../hooks/lots"
import { SPREADSHEET_EXPORTS } from "../../lib/download"
import { expiryExportFilters } from "../../lib/expiry-export"
import { useFollowMedusaChanges } from "../../hooks/medusa-refresh"

const viewParam = (view: ExpiryView) => (view.kind === "expired" ? "expired" : String(view.days))

/** The card named in the address; an unknown one falls back to the first warning window. */
function viewFromParam(param: string | null, windows: number[]): ExpiryView {
  if (param === "expired") return { kind: "expired" }
  const days = Number(param)
  return { kind: "within", days: windows.includes(days) ? days : windows[0] }
}

const nameOf = (rows: { id: string; name: string }[], id: string | undefined) => (id ? (rows.find((r) => r.id === id)?.name ?? id) : undefined)

/**
 * Stock at risk of expiry: expired units still on hand and units expiring within each warning
 * window (cards that pick the list of lots below), units expiring per week, and the same by
 * location and by product. Choosing a location or product row narrows the list of lots to it; the
 * export downloads the lots the list shows, and each lot's menu holds, transfers or writes it off.
 */
const ExpiryPage = () => {
  useFollowMedusaChanges()
  const { data: summary, isLoading, error, refetch } = useExpirySummary()
  const exportLots = useExportLots()
  // The card and the filters live in the address, so Back and a shared link restore them.
  const [params, setParams] = useSearchParams()
  const change = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value === null) next.delete(key)
        else next.set(key, value)
        return next
      },
      { replace: false }
    )

  if (isLoading || error || !summary) {
    return <PageLoadState error={error} onRetry={() => refetch()} />
  }
  const view = viewFromParam(params.get("view"), summary.windows)
  const filters = { location_id: params.get("location_id") ?? undefined, inventory_item_id: params.get("inventory_item_id") ?? undefined }
  const products = summary.by_product.map((p) => ({
    ...p,
    id: p.inventory_item_id,
    name: p.inventory_item?.variant?.product_title ?? p.inventory_item?.title ?? p.inventory_item_id,
    detail: [p.inventory_item?.variant?.title, p.inventory_item?.sku].filter(Boolean).join(" · ") || null,
  }))
  const locations = summary.by_location.map((l) => ({ ...l, id: l.location_id, name: l.location_name ?? l.location_id }))
  const breakdowns = [
    {
      title: "By location",
      testId: "expiry-by-location",
      filterKey: "location_id" as const,
      rows: locations,
    },
    {
      title: "By product",
      testId: "expiry-by-product",
      filterKey: "inventory_item_id" as const,
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
          className="flex-wrap gap-2"
          actions={
            <ExportMenu
              choices={SPREADSHEET_EXPORTS}
              onExport={(format) => exportLots.mutate({ filters: expiryExportFilters(view, filters), format })}
              isPending={exportLots.isPending}
              testId="expiry-export"
            />
          }
        />
        <ExpiryTotals summary={summary} view={view} onSelect={(next) => change("view", viewParam(next))} />
        <ExpiryFilterChips
          chips={[
            { key: "location_id", label: "Location", value: filters.location_id, name: nameOf(locations, filters.location_id) },
            { key: "inventory_item_id", label: "Product", value: filters.inventory_item_id, name: nameOf(products, filters.inventory_item_id) },
          ]}
          onClear={(key) => change(key, null)}
        />
        <ExpiringLotsTable view={view} windows={summary.windows} filters={filters} />
      </Container>
      <Container className="p-0">
        <ExpiryWeekChart weeks={summary.totals.weeks} />
      </Container>
      {breakdowns.map((breakdown) => (
        <Container key={breakdown.testId} className="divide-y p-0">
          <ExpiryBreakdown
            {...breakdown}
            windows={summary.windows}
            selectedId={filters[breakdown.filterKey]}
            onSelect={(id) => change(breakdown.filterKey, id === filters[breakdown.filterKey] ? null : id)}
          />
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
