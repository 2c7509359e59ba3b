import ExcelJS from "exceljs"
import Papa from "papaparse"
import type { Writable } from "node:stream"
import { FSMA_204_COLUMNS, fsma204Values, type Fsma204Row } from "../../../../modules/lot/domain/fsma-204"

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

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark (Excel reads the file as UTF-8 only with it), CRLF
 * line ends, quoting by papaparse. Text starting with = + - @ is prefixed with ' so a spreadsheet
 * never runs a supplier name or an address as a formula.
 */
export function csvWriter(out: Writable): FsmaSheetWriter {
  const unparse = (data: unknown[][]) => Papa.unparse(data, { newline: "\r\n", escapeFormulae: true })
  out.write(Papa.BYTE_ORDER_MARK + unparse([HEADERS]))
  return {
    async write(rows) {
      if (rows.length) {
        out.write("\r\n" + unparse(rows.map(fsma204Values)))
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
 * sheet, bold frozen header with an autofilter so every column sorts and filters.
 */
export function xlsxWriter(out: Writable): FsmaSheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(FSMA_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] })
  sheet.columns = FSMA_204_COLUMNS.map((c) => ({ key: c.key, width: c.width }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } }
  const header = sheet.addRow(HEADERS)
  header.font = { bold: true }
  header.commit()
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
