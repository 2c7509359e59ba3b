import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { EpcisEventRow, EpcisLotQuantity } from "../../../../modules/lot/domain/epcis-event-row"
import { namingVariant, type CodedVariant } from "../../../../modules/lot/domain/gs1-encode"
import { BoundedCache, cachedLookup } from "../../../utils/bounded-cache"

type ItemRow = { id: string; variants?: (CodedVariant | null)[] | null }
type LocationRow = { id: string; metadata?: Record<string, unknown> | null }

// Items and locations recur across an export's pages: the most recent are kept, never the whole catalog.
const CACHED_PER_KIND = 20_000

/** GTIN-14 by inventory item id and GLN by stock location id (null when there is none), bounded. */
export type EpcisLookups = { gtins: BoundedCache<string | null>; glns: BoundedCache<string | null> }

export const epcisLookupCache = (): EpcisLookups => ({
  gtins: new BoundedCache(CACHED_PER_KIND),
  glns: new BoundedCache(CACHED_PER_KIND),
})

/**
 * A stock location's GLN: `metadata.gln` (Medusa's stock location has no GLN field), spaces taken
 * out. Whether it is a valid GLN is the identifier's concern: a wrong one is named under the base.
 */
const glnOf = (location: LocationRow): string | null => {
  const gln = location.metadata?.gln
  return typeof gln === "string" && gln.trim() ? gln.replace(/\s/g, "") : null
}

/**
 * The page with each lot's GTIN (its item's, as the labels print it) and each stock location's GLN
 * filled in. Items and locations live in other Medusa modules, so they are read through Query:
 * those not in `lookups`, one batched query per kind.
 */
export async function withMasterData(scope: MedusaContainer, rows: EpcisEventRow[], lookups: EpcisLookups): Promise<EpcisEventRow[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const lotsOf = (row: EpcisEventRow) => [...(row.lot ? [row.lot] : []), ...(row.transformation?.inputs ?? []), ...(row.transformation?.outputs ?? [])]
  const [gtins, glns] = await Promise.all([
    cachedLookup(
      rows.flatMap((row) => lotsOf(row).map((lot) => lot.inventory_item_id)),
      lookups.gtins,
      async (ids) => {
        const { data } = await query.graph({
          entity: "inventory_item",
          fields: ["id", "variants.id", "variants.barcode", "variants.ean", "variants.upc"],
          filters: { id: ids },
        })
        return (data as ItemRow[]).map((item): [string, string | null] => [item.id, namingVariant(item.variants ?? []).gtin])
      }
    ),
    cachedLookup(rows.map((row) => row.location?.id ?? null), lookups.glns, async (ids) => {
      const { data } = await query.graph({ entity: "stock_location", fields: ["id", "metadata"], filters: { id: ids } })
      return (data as LocationRow[]).map((location): [string, string | null] => [location.id, glnOf(location)])
    }),
  ])
  const withGtin = (lot: EpcisLotQuantity) => ({ ...lot, gtin: gtins.get(lot.inventory_item_id) ?? null })
  return rows.map((row) => ({
    ...row,
    lot: row.lot && withGtin(row.lot),
    location: row.location && { ...row.location, gln: glns.get(row.location.id) ?? null },
    transformation: row.transformation && {
      ...row.transformation,
      inputs: row.transformation.inputs.map(withGtin),
      outputs: row.transformation.outputs.map(withGtin),
    },
  }))
}
