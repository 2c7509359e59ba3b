import { Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { useNavigate } from "react-router-dom"
import { lotQueryKeys } from "../../hooks/query-keys"
import { errorMessage } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import { lotNumberFromScan } from "../../lib/scan"
import { ScanForm } from "../common/scan-form"
import type { LotListQuery, LotListResponse } from "../../types"

/**
 * Type or scan a lot number (plain, GS1 element string or Digital Link) and press Enter to jump
 * to that lot. Lot numbers are unique, so an exact match lands on exactly one lot.
 */
export const LotScanField = () => {
  const [value, setValue] = useState("")
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useNavigate()
  const queryClient = useQueryClient()

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const lotNumber = lotNumberFromScan(value)
    if (!lotNumber) {
      setMessage("No lot number in what was scanned.")
      return
    }
    setBusy(true)
    setMessage(null)
    try {
      const query: LotListQuery = { q: lotNumber, limit: 20, offset: 0, fields: "id,lot_number" }
      const { lots } = await queryClient.fetchQuery({
        queryKey: lotQueryKeys.list(query),
        queryFn: () => sdk.client.fetch<LotListResponse>("/admin/lots", { query }),
      })
      const exact = lots.find((lot) => lot.lot_number === lotNumber)
      if (exact) {
        setValue("")
        navigate(`/lots/${exact.id}`)
      } else {
        setMessage(`No lot numbered ${lotNumber}.`)
      }
    } catch (error) {
      toast.error("The lot could not be looked up", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <ScanForm
      id="lot-scan"
      label="Go to lot"
      placeholder="Scan or type a lot number"
      submitLabel="Open"
      value={value}
      onValueChange={setValue}
      onSubmit={onSubmit}
      isPending={busy}
      inputClassName="w-64"
      testId="lot-scan-form"
    >
      {message && (
        <Text size="xsmall" className="text-ui-fg-error" role="alert">
          {message}
        </Text>
      )}
    </ScanForm>
  )
}
