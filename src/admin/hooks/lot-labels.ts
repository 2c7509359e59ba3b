import { toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { errorMessage } from "../lib/format"
import { printLotLabels, type LabelOptions } from "../lib/labels"

/** Prints lots' labels with the chosen options in a new tab; the API's message in a toast if it cannot. */
export const usePrintLotLabels = () =>
  useMutation({
    mutationFn: ({ lotIds, options }: { lotIds: string[]; options: LabelOptions }) => printLotLabels(lotIds, options),
    onError: (error: unknown) => toast.error("The labels could not be made", { description: errorMessage(error) }),
  })
