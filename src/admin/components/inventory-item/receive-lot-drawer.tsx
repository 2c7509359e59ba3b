import { Input, Select } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useReceiveLot } from "../../hooks/lots"
import { useStockLocations } from "../../hooks/stock-locations"
import { LOT_STATUS_LABELS } from "../../lib/format"
import { RECEIVE_STATUSES, type ReceiveLotBody, type ReceiveStatus } from "../../types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { ReceiveScanField, type ScannedReceiveFields } from "./receive-scan-field"

type FormState = {
  location_id: string
  quantity: string
  lot_number: string
  manufactured_at: string
  expires_at: string
  status: ReceiveStatus
  supplier: string
  supplier_lot_number: string
}
type Errors = Partial<Record<keyof FormState, string>>

function toBody(form: FormState, inventoryItemId: string, code?: string): { body?: ReceiveLotBody & { code?: string }; errors: Errors } {
  const errors: Errors = {}
  if (!form.location_id) errors.location_id = "Choose the location the stock arrived at."
  const quantity = Number(form.quantity.trim())
  if (!/^\d+$/.test(form.quantity.trim()) || quantity <= 0) errors.quantity = "Enter a whole number of units greater than zero."
  if (form.manufactured_at && form.expires_at && form.expires_at <= form.manufactured_at) {
    errors.expires_at = "The expiry date must be after the manufacture date."
  }
  if (Object.keys(errors).length) return { errors }
  const optional = (value: string) => value.trim() || undefined
  return {
    errors,
    body: {
      inventory_item_id: inventoryItemId,
      // The scanned code goes along: the server refuses the receipt if the fields now contradict it.
      code,
      location_id: form.location_id,
      quantity,
      status: form.status,
      lot_number: optional(form.lot_number),
      manufactured_at: optional(form.manufactured_at),
      expires_at: optional(form.expires_at),
      supplier: optional(form.supplier),
      supplier_lot_number: optional(form.supplier_lot_number),
    },
  }
}

/** Form to receive stock of an item into a new lot (POST /admin/lots). */
export const ReceiveLotDrawer = ({
  open,
  onOpenChange,
  inventoryItemId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  inventoryItemId: string
}) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="receive-lot-drawer">
    <ReceiveLotForm inventoryItemId={inventoryItemId} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const ReceiveLotForm = ({ inventoryItemId, onDone }: { inventoryItemId: string; onDone: () => void }) => {
  const { locations, isLoading: locationsLoading } = useStockLocations()
  const [form, setForm] = useState<FormState>({
    location_id: "",
    quantity: "",
    lot_number: "",
    manufactured_at: "",
    expires_at: "",
    status: "released",
    supplier: "",
    supplier_lot_number: "",
  })
  const [errors, setErrors] = useState<Errors>({})
  const [scannedCode, setScannedCode] = useState<string>()
  const { mutateAsync, isPending } = useReceiveLot()

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const onScanned = (scanned: ScannedReceiveFields | null) => {
    setScannedCode(scanned?.code)
    if (!scanned) return
    const { code: _code, ...fields } = scanned
    setForm((f) => ({ ...f, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) }))
  }
  // With a single location there is nothing to choose.
  const locationId = form.location_id || (locations.length === 1 ? locations[0].id : "")

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const { body, errors: found } = toBody({ ...form, location_id: locationId }, inventoryItemId, scannedCode)
    setErrors(found)
    if (!body) return
    try {
      await mutateAsync(body)
      onDone()
    } catch {
      // The hook shows the API's message in a toast; the form stays open to fix it.
    }
  }

  return (
    <DrawerForm title="Receive lot" onSubmit={onSubmit} submitLabel="Receive" isPending={isPending}>
      <ReceiveScanField inventoryItemId={inventoryItemId} onScanned={onScanned} />
      <FormField id="receive-location" label="Location" error={errors.location_id}>
        <Select value={locationId} onValueChange={(value) => set("location_id", value)}>
          <Select.Trigger id="receive-location" disabled={locationsLoading}>
            <Select.Value placeholder={locationsLoading ? "Loading locations…" : "Choose a location"} />
          </Select.Trigger>
          <Select.Content>
            {locations.map((location) => (
              <Select.Item key={location.id} value={location.id}>
                {location.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField id="receive-quantity" label="Quantity (units)" error={errors.quantity}>
        <Input
          id="receive-quantity"
          name="quantity"
          inputMode="numeric"
          value={form.quantity}
          onChange={(e) => set("quantity", e.target.value)}
        />
      </FormField>
      <FormField id="receive-lot-number" label="Lot number" optional hint="Leave empty to generate one from the item's template.">
        <Input id="receive-lot-number" name="lot_number" value={form.lot_number} onChange={(e) => set("lot_number", e.target.value)} />
      </FormField>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField id="receive-manufactured" label="Manufactured" optional>
          <Input
            id="receive-manufactured"
            name="manufactured_at"
            type="date"
            value={form.manufactured_at}
            onChange={(e) => set("manufactured_at", e.target.value)}
          />
        </FormField>
        <FormField id="receive-expires" label="Expires" optional error={errors.expires_at} hint="From the shelf life when empty.">
          <Input
            id="receive-expires"
            name="expires_at"
            type="date"
            value={form.expires_at}
            onChange={(e) => set("expires_at", e.target.value)}
          />
        </FormField>
      </div>
      <FormField id="receive-status" label="Status" hint="Quarantined stock cannot be sold until it is released.">
        <Select value={form.status} onValueChange={(value) => set("status", value as ReceiveStatus)}>
          <Select.Trigger id="receive-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {RECEIVE_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {LOT_STATUS_LABELS[s]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField id="receive-supplier" label="Supplier" optional>
          <Input id="receive-supplier" name="supplier" value={form.supplier} onChange={(e) => set("supplier", e.target.value)} />
        </FormField>
        <FormField id="receive-supplier-lot" label="Supplier's lot number" optional>
          <Input
            id="receive-supplier-lot"
            name="supplier_lot_number"
            value={form.supplier_lot_number}
            onChange={(e) => set("supplier_lot_number", e.target.value)}
          />
        </FormField>
      </div>
    </DrawerForm>
  )
}
