/** Units on hand and the number of lots holding them. */
export type ExpiryBucket = { quantity: number; lots: number }

export type ExpirySummaryGroup = {
  /** Past expiry and still on hand (swept or not yet). */
  expired: ExpiryBucket
  /** Expiring within each warning window (cumulative: the 90-day figure includes the 30-day one). */
  windows: ({ days: number } & ExpiryBucket)[]
  /** Expiring per ISO week (Monday `week_start`). Dense for the totals, only non-empty weeks per group. */
  weeks: ({ week_start: string } & ExpiryBucket)[]
}

export type ExpirySummary = {
  as_of: string
  windows: number[]
  totals: ExpirySummaryGroup
  by_location: ({ location_id: string } & ExpirySummaryGroup)[]
  by_product: ({ inventory_item_id: string } & ExpirySummaryGroup)[]
  /** Products with stock in any bucket; `by_product` holds the first `products_limit` of them. */
  product_count: number
}

export type ExpiryAggregate = {
  kind: "week" | "expired" | "window"
  week: string | null
  window_days: number | null
  location_id: string | null
  inventory_item_id: string | null
  quantity: number
  lots: number
}

const EMPTY: ExpiryBucket = { quantity: 0, lots: 0 }

/**
 * Shapes the grouped aggregates of the expiry summary query: totals, per location and per product
 * (most units at risk — expired plus within the largest window — first, then by id in code-point
 * order, as the query picks them). The query sends the rows of the first `products_limit` products
 * and how many products there are in all.
 */
export function buildExpirySummary(
  rows: ExpiryAggregate[],
  input: { as_of: Date; weeks: string[]; windows: number[]; products_limit: number; product_count: number }
): ExpirySummary {
  const windows = [...input.windows].sort((a, b) => a - b)
  const groups = new Map<string, ExpiryAggregate[]>()
  for (const row of rows) {
    const key = row.location_id ? `l:${row.location_id}` : row.inventory_item_id ? `i:${row.inventory_item_id}` : "total"
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  const group = (key: string, denseWeeks: boolean): ExpirySummaryGroup => {
    const of = groups.get(key) ?? []
    const bucket = (r?: ExpiryAggregate): ExpiryBucket => (r ? { quantity: r.quantity, lots: r.lots } : { ...EMPTY })
    const weekRows = new Map(of.filter((r) => r.kind === "week").map((r) => [r.week!, r]))
    return {
      expired: bucket(of.find((r) => r.kind === "expired")),
      windows: windows.map((days) => ({ days, ...bucket(of.find((r) => r.kind === "window" && r.window_days === days)) })),
      weeks: input.weeks
        .filter((week) => denseWeeks || weekRows.has(week))
        .map((week_start) => ({ week_start, ...bucket(weekRows.get(week_start)) })),
    }
  }
  const atRisk = (g: ExpirySummaryGroup) => g.expired.quantity + (g.windows[g.windows.length - 1]?.quantity ?? 0)
  const byRisk = <T extends ExpirySummaryGroup>(idOf: (g: T) => string) => (a: T, b: T) =>
    atRisk(b) - atRisk(a) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0)
  const ids = (prefix: string) => [...groups.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))

  const byLocation = ids("l:")
    .map((location_id) => ({ location_id, ...group(`l:${location_id}`, false) }))
    .sort(byRisk((g) => g.location_id))
  const byProduct = ids("i:")
    .map((inventory_item_id) => ({ inventory_item_id, ...group(`i:${inventory_item_id}`, false) }))
    .sort(byRisk((g) => g.inventory_item_id))
  return {
    as_of: input.as_of.toISOString(),
    windows,
    totals: group("total", true),
    by_location: byLocation,
    by_product: byProduct.slice(0, input.products_limit),
    product_count: input.product_count,
  }
}
