import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import { addSortableHeader, csvLines, csvStart } from "./spreadsheet"

type Cell = string | number | null
type ColumnLike = { header: string; width: number }

/** Where export rows go, a page at a time; `close` finishes the table (a sheet, or the CSV file). */
export type RowSink = {
  write(rows: Cell[][]): Promise<void>
  close(): Promise<void>
}

/**
 * Resolves once the stream has room again (when `full`), so a slow download holds back the next
 * page. Each wait removes both of its listeners, so a long export leaves none behind per page.
 */
export async function drained(out: Writable, full: boolean): Promise<void> {
  if (!full) {
    return
  }
  const closed = () => new Error("the client closed the download")
  if (out.destroyed) {
    throw closed()
  }
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      out.off("close", onClose)
      resolve()
    }
    const onClose = () => {
      out.off("drain", onDrain)
      reject(closed())
    }
    out.once("drain", onDrain)
    out.once("close", onClose)
  })
}

/** CSV in UTF-8 with a byte order mark, written a page at a time (the same dialect as the other exports). */
export function csvSink(out: Writable, columns: readonly ColumnLike[]): RowSink {
  out.write(csvStart(columns.map((c) => c.header)))
  return {
    async write(rows) {
      if (rows.length) {
        // write()'s own answer: with response compression it is the compressor's buffer that fills.
        await drained(out, !out.write("\r\n" + csvLines(rows)))
      }
    },
    async close() {
      // Not end(callback): Medusa's response compression wraps end() and takes no callback there.
      out.end()
    },
  }
}

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come and leave in the zip
 * stream, and strings are written inline (no shared-strings table kept for the whole file). The
 * zip holds one sheet after the other, so a sheet is closed before the next is opened: rows of a
 * later sheet would otherwise wait in memory until the earlier ones are done.
 */
export function xlsxBook(out: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  return {
    /** Opens a sortable sheet: bold, frozen header row with an autofilter over every column. */
    sheet(name: string, columns: readonly ColumnLike[]): RowSink {
      const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] })
      addSortableHeader(sheet, columns).commit()
      return {
        async write(rows) {
          for (const row of rows) {
            sheet.addRow(row).commit()
          }
          await drained(out, out.writableNeedDrain)
        },
        async close() {
          sheet.commit()
        },
      }
    },
    async end() {
      await workbook.commit()
    },
  }
}
