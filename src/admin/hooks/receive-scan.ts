import { useMutation } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** The parts of POST /admin/lots/scan's answer the receive form uses. */
export type ReceiveScanAnswer = {
  scan:
    | { kind: "gs1"; gtin?: string; lot?: string; expiry?: string; production_date?: string; best_before?: string }
    | { kind: "lot_number"; lot_number: string }
  variant: { title: string | null; sku: string | null; product: { title: string | null } | null } | null
  inventory_item_id: string | null
  lot: { id: string; lot_number: string } | null
  match: string
  message: string | null
}

/** POST /admin/lots/scan — reads a scanned code (nothing is written) to fill the receive form. */
export const useReadReceiveScan = () =>
  useMutation({
    mutationFn: (code: string) => sdk.client.fetch<ReceiveScanAnswer>("/admin/lots/scan", { method: "POST", body: { code } }),
  })
