import { downloadSpreadsheet, type SpreadsheetFormat } from "./download"

export type RecallExportFormat = SpreadsheetFormat
export type RecallExportTable = "customers" | "shipments" | "lots"

/** Downloads a recall's export (GET /admin/recalls/:id/export): one table as CSV, or all as XLSX. */
export const downloadRecallExport = (recallId: string, format: RecallExportFormat, table: RecallExportTable) =>
  downloadSpreadsheet(`/admin/recalls/${encodeURIComponent(recallId)}/export`, { table }, format, `recall-${table}.${format}`)
