import { toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { errorMessage } from "../lib/format"
import { openLotLabel, openLotLabelSheet } from "../lib/labels"

const showLabelError = (error: unknown) => toast.error("The label could not be made", { description: errorMessage(error) })

/** "Print label": opens the lot's label PDF in a new tab; the API's message in a toast if it cannot. */
export const usePrintLotLabel = () =>
  useMutation({
    mutationFn: (lotId: string) => openLotLabel(lotId),
    onError: showLabelError,
  })

/** "Print labels" for lots picked in a list: one PDF of all their labels in a new tab. */
export const usePrintLotLabelSheet = () =>
  useMutation({
    mutationFn: (lotIds: string[]) => openLotLabelSheet(lotIds),
    onError: showLabelError,
  })
