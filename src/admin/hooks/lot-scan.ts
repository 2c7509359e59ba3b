import { useMutation } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { LotScanAnswer } from "../types"

/** POST /admin/lots/scan — reads a scanned code (nothing is written): which product and lot it is. */
export const useReadLotScan = () =>
  useMutation({
    mutationFn: (code: string) => sdk.client.fetch<LotScanAnswer>("/admin/lots/scan", { method: "POST", body: { code } }),
  })
