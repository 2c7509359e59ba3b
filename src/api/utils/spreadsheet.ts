import ExcelJS from "exceljs"
import Papa from "papaparse"
import type { MedusaResponse } from "@medusajs/framework/http"

export type Column<T> = { header: string; width: number; value: (row: T) => string | number | null }
export type Table<T> = { name: string; columns: Column<T>[]; rows: T[] }

const values = <T>(table: Table<T>) => table.rows.map((row) => table.columns.map((c) => c.value(row)))

/**
 * One table as RFC 4180 CSV in UTF-8 with a byte order mark (Excel then reads it as UTF-8);
 * text starting with = + - @ is escaped so a spreadsheet never runs a name or address as a formula.
 */
export function tableToCsv<T>(table: Table<T>): string {
  const unparse = (data: unknown[][]) => Papa.unparse(data, { newline: "\r\n", escapeFormulae: true })
  return Papa.BYTE_ORDER_MARK + unparse([table.columns.map((c) => c.header), ...values(table)])
}

/** Tables as an XLSX workbook, one sortable sheet each: bold frozen header with an autofilter. */
export async function tablesToXlsx(tables: Table<any>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] })
    sheet.columns = table.columns.map((c) => ({ width: c.width }))
    sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true }
    sheet.addRows(values(table))
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Sends tables as a download: the first as CSV, or all of them as one XLSX workbook. */
export async function sendTables(res: MedusaResponse, fileName: string, format: "csv" | "xlsx", tables: Table<any>[]) {
  const body = format === "csv" ? tableToCsv(tables[0]) : await tablesToXlsx(tables)
  res.setHeader(
    "Content-Type",
    format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  )
  res.setHeader("Content-Disposition", `attachment; filename="${fileName}.${format}"`)
  res.status(200).send(body)
}
