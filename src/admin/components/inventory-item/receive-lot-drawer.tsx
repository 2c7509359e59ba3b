import { Input, Select } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useReceiveLot } from "../../hooks/lots"
import { useStockLocations } from "../../hooks/stock-locations"
import type { ReceiveLotBody } from "../../types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import {
  EMPTY_NEW_LOT_FIELDS,
  NewLotFields,
  newLotBodyFields,
  newLotFieldErrors,
  type NewLotFieldErrors,
  type NewLotFieldValues,
} from "../common/new-lot-fields"
import { ReceiveScanField, type ScannedReceiveFields } from "./receive-scan-field"

type FormState = NewLotFieldValues & { location_id: string; quantity: string }
type Errors = NewLotFieldErrors & Partial<Record<"location_id" | "quantity", string>>

function toBody(form: FormState, inventoryItemId: string, code?: string): { body?: ReceiveLotBody & { code?: string }; errors: Errors } {
  const errors: Errors = newLotFieldErrors(form)
  if (!form.location_id) errors.location_id = "Choose the location the stock arrived at."
  const quantity = Number(form.quantity.trim())
  if (!/^\d+$/.test(form.quantity.trim()) || quantity <= 0) errors.quantity = "Enter a whole number of units greater than zero."
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    body: {
      inventory_item_id: inventoryItemId,
      // The scanned code goes along: the server refuses the receipt if the fields now contradict it.
      code,
      location_id: form.location_id,
      quantity,
      ...newLotBodyFields(form),
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
  const [form, setForm] = useState<FormState>({ ...EMPTY_NEW_LOT_FIELDS, location_id: "", quantity: "" })
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
      <NewLotFields idPrefix="receive" values={form} errors={errors} onChange={set} />
    </DrawerForm>
  )
}
