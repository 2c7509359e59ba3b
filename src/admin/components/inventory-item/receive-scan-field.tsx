import { Button, Input } from "@medusajs/ui"
import { useEffect, useState, type KeyboardEvent } from "react"
import { useReadLotScan } from "../../hooks/lot-scan"
import { errorMessage } from "../../lib/format"
import type { LotScanAnswer } from "../../types"
import { FormField } from "../common/form-field"

/** What a scan fills in the receive form; `code` goes along so the server checks the rest against it. */
export type ScannedReceiveFields = { code: string; lot_number?: string; expires_at?: string; manufactured_at?: string }

const productOf = (answer: LotScanAnswer) => {
  const variant = answer.variant
  const name = variant?.product?.title ?? variant?.title ?? "an unnamed product"
  return variant?.sku ? `${name} (SKU ${variant.sku})` : name
}

/**
 * A field for the label's barcode: a scanner types it and presses Enter. The server's scan route
 * reads it (the same GS1 parser as receiving), says which product the code is for, and the form
 * takes the lot number, expiry and production date from it — unless the code is another item's.
 * `initialCode` (scanned elsewhere, e.g. on the Lots page) is read as soon as the form opens.
 */
export const ReceiveScanField = ({
  inventoryItemId,
  initialCode,
  onScanned,
}: {
  inventoryItemId: string
  initialCode?: string
  onScanned: (fields: ScannedReceiveFields | null) => void
}) => {
  const [code, setCode] = useState(initialCode ?? "")
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null)
  const { mutateAsync, isPending } = useReadLotScan()

  const read = async (scanned = code) => {
    if (!scanned.trim()) return
    try {
      const answer = await mutateAsync(scanned)
      const { scan } = answer
      if (answer.inventory_item_id && answer.inventory_item_id !== inventoryItemId) {
        setNote({ error: true, text: `This code is for ${productOf(answer)}, not this item.` })
        onScanned(null)
        return
      }
      if (scan.kind === "gs1" && scan.gtin && !answer.variant) {
        setNote({ error: true, text: answer.message ?? `No product has GTIN ${scan.gtin}.` })
        onScanned(null)
        return
      }
      const lot = scan.kind === "gs1" ? scan.lot : scan.lot_number
      onScanned({
        code: scanned,
        lot_number: lot?.toUpperCase(),
        expires_at: scan.kind === "gs1" ? scan.expiry : undefined,
        manufactured_at: scan.kind === "gs1" ? scan.production_date : undefined,
      })
      const forWhat = answer.variant ? `Code for ${productOf(answer)}.` : "The code names no product: check it is this item's label."
      const existing = answer.lot ? ` Lot ${answer.lot.lot_number} is already in stock: add to it from the lot's page.` : ""
      setNote({ error: !!answer.lot, text: forWhat + existing })
    } catch (error) {
      setNote({ error: true, text: errorMessage(error) })
      onScanned(null)
    }
  }

  // Once, when the form opens with a code: later changes of the field are the user's.
  useEffect(() => {
    if (initialCode) void read(initialCode)
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Scanners end with Enter: read the code instead of submitting the form.
    if (event.key === "Enter") {
      event.preventDefault()
      void read()
    }
  }

  return (
    <FormField
      id="receive-scan"
      label="Scan label"
      optional
      error={note?.error ? note.text : undefined}
      hint={note && !note.error ? note.text : "GS1 barcode, Digital Link or lot number: fills lot number and dates."}
    >
      <div className="flex gap-x-2">
        <Input
          id="receive-scan"
          name="code"
          autoComplete="off"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="button" variant="secondary" size="small" isLoading={isPending} onClick={() => void read()}>
          Read
        </Button>
      </div>
    </FormField>
  )
}
