import ExcelJS from "exceljs"
import Papa from "papaparse"
import type { MedusaResponse } from "@medusajs/framework/http"

export type Column<T> = { header: string; width: number; value: (row: T) => string | number | null }
export type Table<T> = { name: string; columns: Column<T>[]; rows: T[] }

export type SpreadsheetFormat = "csv" | "xlsx"

/** What each export format is sent as. */
export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

const values = <T>(table: Table<T>) => table.rows.map((row) => table.columns.map((c) => c.value(row)))

/**
 * RFC 4180 CSV lines (CRLF, quoting by papaparse). Text starting with = + - @ is escaped so a
 * spreadsheet never runs a name or an address as a formula.
 */
export const csvLines = (rows: unknown[][]) => Papa.unparse(rows, { newline: "\r\n", escapeFormulae: true })

/** Excel reads a CSV file as UTF-8 only when it starts with a byte order mark. */
export const csvStart = (headers: string[]) => Papa.BYTE_ORDER_MARK + csvLines([headers])

/** One table as CSV in UTF-8 with a byte order mark. */
export function tableToCsv<T>(table: Table<T>): string {
  return csvStart(table.columns.map((c) => c.header)) + "\r\n" + csvLines(values(table))
}

/** What a sheet of exceljs's in-memory and streaming workbooks both offer. */
type SheetLike = {
  columns: Partial<ExcelJS.Column>[]
  autoFilter?: ExcelJS.AutoFilter
  addRow(values: unknown[]): ExcelJS.Row
}

/**
 * Makes a sheet sortable: column widths, a bold header row (frozen by the sheet's view) with an
 * autofilter over every column. Returns the header row (a streaming sheet commits it).
 */
export function addSortableHeader(sheet: SheetLike, columns: readonly { header: string; width: number; key?: string }[]): ExcelJS.Row {
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  const header = sheet.addRow(columns.map((c) => c.header))
  header.font = { bold: true }
  return header
}

/** Tables as an XLSX workbook, one sortable sheet each. */
export async function tablesToXlsx(tables: Table<any>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] })
    addSortableHeader(sheet, table.columns)
    sheet.addRows(values(table))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Sends tables as a download: the first as CSV, or all of them as one XLSX workbook. */
export async function sendTables(res: MedusaResponse, fileName: string, format: SpreadsheetFormat, tables: Table<any>[]) {
  const body = format === "csv" ? tableToCsv(tables[0]) : await tablesToXlsx(tables)
  res.setHeader("Content-Type", SPREADSHEET_CONTENT_TYPES[format])
  res.setHeader("Content-Disposition", `attachment; filename="${fileName}.${format}"`)
  res.status(200).send(body)
}
