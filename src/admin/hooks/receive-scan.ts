import { useMutation } from "@tanstack/react-query"
import type { AdminLotScanResponse } from "../../api/admin/lots/types"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"

/** POST /admin/lots/scan's answer as the receive form reads it. */
export type ReceiveScanAnswer = Serialized<AdminLotScanResponse>

/** POST /admin/lots/scan — reads a scanned code (nothing is written) to fill the receive form. */
export const useReadReceiveScan = () =>
  useMutation({
    mutationFn: (code: string) => sdk.client.fetch<ReceiveScanAnswer>("/admin/lots/scan", { method: "POST", body: { code } }),
  })
