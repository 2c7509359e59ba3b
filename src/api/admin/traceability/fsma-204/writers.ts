import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import { FSMA_204_COLUMNS, fsma204Values, type Fsma204Row } from "../../../../modules/lot/domain/fsma-204"
import { addSortableHeader, csvLines, csvStart } from "../../../utils/spreadsheet"

export const FSMA_SHEET_NAME = "Critical Tracking Events"

/** Where export rows go, a page at a time; `end` finishes the file. */
export type FsmaSheetWriter = {
  write(rows: Fsma204Row[]): Promise<void>
  end(): Promise<void>
}

const HEADERS = FSMA_204_COLUMNS.map((c) => c.header)

/** Resolves once the stream has room again, so a slow download holds back the next page. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) {
    await new Promise<void>((resolve, reject) => {
      out.once("drain", resolve)
      out.once("close", () => reject(new Error("the client closed the download")))
    })
  }
}

/** CSV in UTF-8 with a byte order mark, written a page at a time (the same dialect as the other exports). */
export function csvWriter(out: Writable): FsmaSheetWriter {
  out.write(csvStart(HEADERS))
  return {
    async write(rows) {
      if (rows.length) {
        out.write("\r\n" + csvLines(rows.map(fsma204Values)))
        await drained(out)
      }
    },
    async end() {
      await new Promise<void>((resolve) => out.end(resolve))
    },
  }
}

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come and leave in the zip
 * stream, and strings are written inline (no shared-strings table kept for the whole file). One
 * sortable sheet like the other exports.
 */
export function xlsxWriter(out: Writable): FsmaSheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(FSMA_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] })
  addSortableHeader(sheet, FSMA_204_COLUMNS).commit()
  return {
    async write(rows) {
      for (const row of rows) {
        sheet.addRow(fsma204Values(row)).commit()
      }
      await drained(out)
    },
    async end() {
      sheet.commit()
      await workbook.commit()
    },
  }
}
