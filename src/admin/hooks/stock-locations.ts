import type { HttpTypes } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { useMemo } from "react"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

/** GET /admin/stock-locations — id and name of every location (for selects and names in tables). */
export const useStockLocations = () => {
  const query = useQuery({
    queryKey: lotQueryKeys.stockLocations(),
    queryFn: () =>
      sdk.client.fetch<Serialized<HttpTypes.AdminStockLocationListResponse>>("/admin/stock-locations", {
        query: { fields: "id,name", limit: 200, order: "name" },
      }),
    staleTime: 60_000,
  })
  const locations = useMemo(() => query.data?.stock_locations ?? [], [query.data])
  const nameOf = useMemo(() => {
    const names = new Map(locations.map((l) => [l.id, l.name]))
    return (id: string) => names.get(id) ?? id
  }, [locations])
  return { ...query, locations, nameOf }
}
