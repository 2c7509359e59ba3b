import { downloadSpreadsheet, type SpreadsheetFormat } from "./download"

export type RecallExportFormat = SpreadsheetFormat
export type RecallExportTable = "customers" | "shipments" | "lots"
export type RecallExportChoice = { format: RecallExportFormat; table: RecallExportTable }

/** The files a recall's (or a mock recall's) scope exports to: one table as CSV, or all as XLSX. */
export const RECALL_EXPORTS: { label: string; value: RecallExportChoice }[] = [
  { label: "Customers (CSV)", value: { format: "csv", table: "customers" } },
  { label: "Shipments (CSV)", value: { format: "csv", table: "shipments" } },
  { label: "Lots (CSV)", value: { format: "csv", table: "lots" } },
  { label: "Everything (XLSX, one sheet per table)", value: { format: "xlsx", table: "customers" } },
]

/** Downloads a recall's export (GET /admin/recalls/:id/export). */
export const downloadRecallExport = (recallId: string, { format, table }: RecallExportChoice) =>
  downloadSpreadsheet(`/admin/recalls/${encodeURIComponent(recallId)}/export`, { table }, format, `recall-${table}.${format}`)

/** Downloads a mock recall's export (GET /admin/recalls/mock/:id/export): its lots traced as they stand now. */
export const downloadMockRecallExport = (mockRecallId: string, { format, table }: RecallExportChoice) =>
  downloadSpreadsheet(`/admin/recalls/mock/${encodeURIComponent(mockRecallId)}/export`, { table }, format, `mock-recall-${table}.${format}`)
