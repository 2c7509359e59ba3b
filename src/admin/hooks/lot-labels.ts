import { toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { errorMessage } from "../lib/format"
import { openLotLabel } from "../lib/labels"

/** "Print label": opens the lot's label PDF in a new tab; the API's message in a toast if it cannot. */
export const usePrintLotLabel = () =>
  useMutation({
    mutationFn: (lotId: string) => openLotLabel(lotId),
    onError: (error) => toast.error("The label could not be made", { description: errorMessage(error) }),
  })
