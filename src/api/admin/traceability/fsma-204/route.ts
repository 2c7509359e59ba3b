import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../modules/lot"
import { fsma204Values, fsmaFileName, toFsma204Row } from "../../../../modules/lot/domain/fsma-204"
import {
  FSMA_204_COLUMNS,
  FSMA_KEY_COLUMNS,
  FSMA_KEY_SHEET_NAME,
  FSMA_SHEETS,
  fsmaColumn,
  fsmaKeyRows,
  type Fsma204Key,
} from "../../../../modules/lot/domain/fsma-204-columns"
import type { FsmaCte } from "../../../../modules/lot/domain/fsma-event"
import type { FsmaCursor, FsmaEventFilters } from "../../../../modules/lot/sql/fsma-sql"
import type LotModuleService from "../../../../modules/lot/service"
import { sendTables, SPREADSHEET_CONTENT_TYPES, type Table } from "../../../utils/spreadsheet"
import { csvSink, xlsxBook, type RowSink } from "../../../utils/spreadsheet-writers"
import { fsmaLookupCache, fsmaPageLookups } from "./lookups"
import type { AdminGetFsma204ParamsType } from "./validators"

/** Rows read, looked up and written per round: with the lookup cache, what the export holds in memory at most. */
const PAGE_SIZE = 5_000

const KEY_TABLE: Table<string[]> = {
  name: FSMA_KEY_SHEET_NAME,
  columns: FSMA_KEY_COLUMNS.map((c, i) => ({ header: c.header, width: c.width, value: (row: string[]) => row[i] })),
  rows: fsmaKeyRows(),
}

/**
 * FDA FSMA 204 sortable spreadsheet of the receiving, transformation and shipping events in the
 * period, streamed page by page in event-time order. XLSX: one sheet per CTE with the columns its
 * KDEs need, then the Key sheet. CSV: one table of every column with the CTE in the first, its key
 * a separate download (`part=key`, named in the Link header).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetFsma204ParamsType>, res: MedusaResponse) => {
  const { period, format, part, lot_id, lot_number, inventory_item_id } = req.validatedQuery
  if (part === "key") {
    return await sendTables(res, "fsma-204-key", format, [KEY_TABLE])
  }
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const filters: FsmaEventFilters = { start: period.start, end: period.end, inventory_item_ids: inventory_item_id }
  if (lot_id || lot_number) {
    filters.lot_ids = await lots.resolveFsmaLots({ lot_ids: lot_id ?? [], lot_numbers: lot_number ?? [] })
  }
  // CSV: one pass over every event; XLSX: one pass per sheet (CTE), each in event-time order.
  const passes: { name: string; ctes?: FsmaCte[]; columns: readonly Fsma204Key[] }[] =
    format === "csv"
      ? [{ name: "", columns: FSMA_204_COLUMNS.map((c) => c.key) }]
      : FSMA_SHEETS.map((sheet) => ({ name: sheet.name, ctes: [sheet.cte], columns: sheet.columns }))
  const read = (ctes: FsmaCte[] | undefined, after?: FsmaCursor) => lots.listFsmaEvents({ ...filters, ctes }, { after, take: PAGE_SIZE })
  // The first page is read before any byte is sent, so a failure there is still an error response.
  const first = await read(passes[0].ctes)

  res.status(200)
  res.setHeader("Content-Type", SPREADSHEET_CONTENT_TYPES[format])
  res.setHeader("Content-Disposition", `attachment; filename="${fsmaFileName(period, format)}"`)
  if (format === "csv") {
    res.setHeader("Link", `</admin/traceability/fsma-204?part=key&format=csv>; rel="describedby"`)
  }
  const book = format === "xlsx" ? xlsxBook(res) : null
  const cache = fsmaLookupCache()
  try {
    for (const pass of passes) {
      const columns = pass.columns.map(fsmaColumn)
      const sink: RowSink = book ? book.sheet(pass.name, columns) : csvSink(res, columns)
      let page = pass === passes[0] ? first : await read(pass.ctes)
      while (page.length && !res.destroyed) {
        const lookups = await fsmaPageLookups(req.scope, page, cache)
        await sink.write(page.map((event) => fsma204Values(toFsma204Row(event, lookups), pass.columns)))
        page = page.length < PAGE_SIZE ? [] : await read(pass.ctes, page[page.length - 1])
      }
      await sink.close()
    }
    if (book && !res.destroyed) {
      const key = book.sheet(KEY_TABLE.name, KEY_TABLE.columns)
      await key.write(KEY_TABLE.rows)
      await key.close()
      await book.end()
    }
  } catch (error) {
    // The headers are out: cut the connection, so the client sees a failed download, never a short file.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`FSMA 204 export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
