import { sdk } from "./sdk"

/**
 * Opens a PDF an admin route renders in a new tab. The tab is opened before the request so the
 * browser counts it as the user's click (a tab opened after an await is blocked as a pop-up); the
 * PDF is fetched through the SDK so the admin session authorizes it.
 */
async function openPdf(path: string, query: Record<string, string>): Promise<void> {
  const tab = window.open("", "_blank")
  try {
    const response = await sdk.client.fetch<Response>(path, { query, headers: { accept: "application/pdf" } })
    const url = URL.createObjectURL(await response.blob())
    if (tab) {
      tab.location.href = url
    } else {
      window.location.assign(url)
    }
  } catch (error) {
    tab?.close()
    throw error
  }
}

/** Opens a lot's label PDF (GET /admin/lots/:id/label) in a new tab. */
export const openLotLabel = (lotId: string) => openPdf(`/admin/lots/${encodeURIComponent(lotId)}/label`, { format: "pdf" })

/** Opens the labels of several lots on A4 pages, one PDF (GET /admin/lots/labels), in a new tab. */
export const openLotLabelSheet = (lotIds: string[]) => openPdf("/admin/lots/labels", { lot_ids: lotIds.join(",") })
