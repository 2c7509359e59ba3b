import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { EpcisEventRow, EpcisLotQuantity } from "../../../../modules/lot/domain/epcis-event-row"
import { namingVariant, type CodedVariant } from "../../../../modules/lot/domain/gs1-encode"
import { unknown } from "../fsma-204/lookups"

type ItemRow = { id: string; variants?: (CodedVariant | null)[] | null }
type LocationRow = { id: string; metadata?: Record<string, unknown> | null }

/** GTIN-14 by inventory item id and GLN by stock location id, null when there is none; kept across pages. */
export type EpcisLookups = { gtins: Map<string, string | null>; glns: Map<string, string | null> }

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
 * only ids no earlier page looked up, one batched query per kind.
 */
export async function withMasterData(scope: MedusaContainer, rows: EpcisEventRow[], lookups: EpcisLookups): Promise<EpcisEventRow[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const lotsOf = (row: EpcisEventRow) => [...(row.lot ? [row.lot] : []), ...(row.transformation?.inputs ?? []), ...(row.transformation?.outputs ?? [])]
  const itemIds = unknown(rows.flatMap((row) => lotsOf(row).map((lot) => lot.inventory_item_id)), lookups.gtins)
  const locationIds = unknown(rows.map((row) => row.location?.id ?? null), lookups.glns)
  const [items, locations] = await Promise.all([
    itemIds.length
      ? query.graph({ entity: "inventory_item", fields: ["id", "variants.id", "variants.barcode", "variants.ean", "variants.upc"], filters: { id: itemIds } })
      : { data: [] },
    locationIds.length ? query.graph({ entity: "stock_location", fields: ["id", "metadata"], filters: { id: locationIds } }) : { data: [] },
  ])
  for (const id of itemIds) {
    lookups.gtins.set(id, null)
  }
  for (const item of items.data as ItemRow[]) {
    lookups.gtins.set(item.id, namingVariant(item.variants ?? []).gtin)
  }
  for (const id of locationIds) {
    lookups.glns.set(id, null)
  }
  for (const location of locations.data as LocationRow[]) {
    lookups.glns.set(location.id, glnOf(location))
  }
  const withGtin = (lot: EpcisLotQuantity) => ({ ...lot, gtin: lookups.gtins.get(lot.inventory_item_id) ?? null })
  return rows.map((row) => ({
    ...row,
    lot: row.lot && withGtin(row.lot),
    location: row.location && { ...row.location, gln: lookups.glns.get(row.location.id) ?? null },
    transformation: row.transformation && {
      ...row.transformation,
      inputs: row.transformation.inputs.map(withGtin),
      outputs: row.transformation.outputs.map(withGtin),
    },
  }))
}
