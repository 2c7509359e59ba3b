import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../modules/lot"
import { fsmaFileName, toFsma204Row, type FsmaLookups } from "../../../../modules/lot/domain/fsma-204"
import type { FsmaEventFilters } from "../../../../modules/lot/sql/fsma-sql"
import type LotModuleService from "../../../../modules/lot/service"
import { addFsmaLookups } from "./lookups"
import type { AdminGetFsma204ParamsType } from "./validators"
import { csvWriter, xlsxWriter } from "./writers"

/** Rows read, looked up and written per round: what the export holds in memory at most. */
const PAGE_SIZE = 5_000

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

/**
 * FDA FSMA 204 sortable spreadsheet of the receiving, transformation and shipping events in the
 * period, as a CSV or XLSX download, streamed page by page in event-time order.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetFsma204ParamsType>, res: MedusaResponse) => {
  const { period, format, lot_id, lot_number, inventory_item_id } = req.validatedQuery
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const filters: FsmaEventFilters = { start: period.start, end: period.end, inventory_item_ids: inventory_item_id }
  if (lot_id || lot_number) {
    filters.lot_ids = await lots.resolveFsmaLots({ lot_ids: lot_id ?? [], lot_numbers: lot_number ?? [] })
  }
  // The first page is read before any byte is sent, so a failure there is still an error response.
  let page = await lots.listFsmaEvents(filters, { take: PAGE_SIZE })

  res.status(200)
  res.setHeader("Content-Type", CONTENT_TYPES[format])
  res.setHeader("Content-Disposition", `attachment; filename="${fsmaFileName(period, format)}"`)
  const writer = format === "csv" ? csvWriter(res) : xlsxWriter(res)
  const lookups: FsmaLookups = { items: new Map(), locations: new Map(), orders: new Map() }
  try {
    while (page.length && !res.destroyed) {
      await addFsmaLookups(req.scope, page, lookups)
      await writer.write(page.map((event) => toFsma204Row(event, lookups)))
      const last = page[page.length - 1]
      page = page.length < PAGE_SIZE ? [] : await lots.listFsmaEvents(filters, { after: last, take: PAGE_SIZE })
    }
    if (!res.destroyed) {
      await writer.end()
    }
  } catch (error) {
    // The headers are out: cut the connection, so the client sees a failed download, never a short file.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`FSMA 204 export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
