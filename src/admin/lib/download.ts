import { sdk } from "./sdk"

export type SpreadsheetFormat = "csv" | "xlsx"

/** The choices of an "Export" menu that downloads one table. */
export const SPREADSHEET_EXPORTS: { label: string; value: SpreadsheetFormat }[] = [
  { label: "CSV", value: "csv" },
  { label: "Excel (XLSX)", value: "xlsx" },
]

const ACCEPT: Record<SpreadsheetFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

/**
 * Downloads a spreadsheet an admin route exports: fetched through the SDK so the admin session
 * authorizes it (a plain link would carry no credentials to a separate backend), then saved under
 * the file name the server chose (`fallbackName` if it names none).
 */
export async function downloadSpreadsheet(path: string, query: Record<string, unknown>, format: SpreadsheetFormat, fallbackName: string): Promise<void> {
  const response = await sdk.client.fetch<Response>(path, {
    query: { ...query, format },
    // Not application/json: the SDK then hands back the raw response instead of parsing it.
    headers: { accept: ACCEPT[format] },
  })
  const disposition = response.headers.get("content-disposition") ?? ""
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The click has handed the blob to the browser's download; free it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
