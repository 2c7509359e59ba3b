import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../modules/lot"
import type LotModuleService from "../../../../modules/lot/service"
import { LOT_ITEM_NAME_FIELDS, lotItemNames, type LotItemRow } from "../../../../workflows/steps/lookups/scan"
import { SPREADSHEET_CONTENT_TYPES } from "../../../utils/spreadsheet"
import { csvSink, xlsxBook } from "../../../utils/spreadsheet-writers"
import { locationNames } from "../expiring/helpers"
import { lotSearchFilters } from "../search"
import type { AdminExportLotsParamsType } from "../validators"
import { LOT_EXPORT_COLUMNS, lotExportRows, type ExportLot } from "./rows"

/** Lots read, looked up and written per round: what the export holds in memory at most. */
const PAGE_SIZE = 500

const EXPORT_FIELDS = [
  "id",
  "lot_number",
  "status",
  "expires_at",
  "manufactured_at",
  "received_at",
  "supplier",
  "supplier_lot_number",
  ...LOT_ITEM_NAME_FIELDS,
  "stock.location_id",
  "stock.quantity",
  "stock.allocated_quantity",
  "stock.quarantined_quantity",
]

// The rows query.graph returns for the fields above (the generated query types exist only after
// `medusa develop` has run).
type LotRow = Omit<ExportLot, "inventory_item"> & { id: string; inventory_item?: LotItemRow | null }

/** One page of lots with their item names, in the order of `ids`. */
async function exportLots(scope: MedusaContainer, ids: string[]): Promise<ExportLot[]> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "lot", fields: EXPORT_FIELDS, filters: { id: ids } })
  const byId = new Map((data as LotRow[]).map((lot) => [lot.id, lot]))
  return ids.flatMap((id) => {
    const lot = byId.get(id)
    return lot ? [{ ...lot, inventory_item: lotItemNames(lot.inventory_item) }] : []
  })
}

/**
 * The lots GET /admin/lots would list for the same filters, as a CSV or XLSX download: one line per
 * lot and location with stock. Read and written a page at a time in lot-number order, so a large
 * export never holds all its lots in memory and a slow download holds back the next read.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportLotsParamsType>, res: MedusaResponse) => {
  const { format, ...query } = req.validatedQuery
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const filters = await lotSearchFilters(req.scope, query)
  const read = (after?: string) => lots.searchLotsAfterNumber(filters, { after, take: PAGE_SIZE })
  // The first page is read before any byte is sent, so a failure there is still an error response.
  let page = await read()

  res.status(200)
  res.setHeader("Content-Type", SPREADSHEET_CONTENT_TYPES[format])
  res.setHeader("Content-Disposition", `attachment; filename="lots-${new Date().toISOString().slice(0, 10)}.${format}"`)
  const book = format === "xlsx" ? xlsxBook(res) : null
  const sink = book ? book.sheet("Lots", LOT_EXPORT_COLUMNS) : csvSink(res, LOT_EXPORT_COLUMNS)
  const names = new Map<string, string>()
  try {
    while (page.length && !res.destroyed) {
      const pageLots = await exportLots(req.scope, page.map((lot) => lot.id))
      const unnamed = pageLots.flatMap((lot) => lot.stock.map((s) => s.location_id)).filter((id) => !names.has(id))
      for (const [id, name] of await locationNames(req.scope, unnamed)) names.set(id, name)
      await sink.write(pageLots.flatMap((lot) => lotExportRows(lot, (id) => names.get(id) ?? id, filters.location_id)))
      page = page.length < PAGE_SIZE ? [] : await read(page[page.length - 1].lot_number)
    }
    await sink.close()
    if (book && !res.destroyed) await book.end()
  } catch (error) {
    // The headers are out: cut the connection, so the client sees a failed download, never a short file.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Lot export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
