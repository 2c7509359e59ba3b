import { sdk } from "./sdk"

/**
 * Opens a lot's label PDF (GET /admin/lots/:id/label) in a new tab. The tab is opened before the
 * request so the browser counts it as the user's click (a tab opened after an await is blocked
 * as a pop-up); the PDF is fetched through the SDK so the admin session authorizes it.
 */
export async function openLotLabel(lotId: string): Promise<void> {
  const tab = window.open("", "_blank")
  try {
    const response = await sdk.client.fetch<Response>(`/admin/lots/${encodeURIComponent(lotId)}/label`, {
      query: { format: "pdf" },
      headers: { accept: "application/pdf" },
    })
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
