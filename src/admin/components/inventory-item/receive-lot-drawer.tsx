import { useState } from "react"
import { useExpiryHint } from "../../hooks/expiry-hint"
import { useReceiveLot } from "../../hooks/lots"
import { useStockLocations } from "../../hooks/stock-locations"
import type { ReceiveLotBody } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField, SelectField } from "../common/form-field"
import {
  EMPTY_NEW_LOT_FIELDS,
  NewLotFields,
  newLotBodyFields,
  newLotFieldErrors,
  type NewLotFieldValues,
} from "../common/new-lot-fields"
import { useDrawerForm, type FieldErrors, type FormCheck } from "../common/use-drawer-form"
import {
  EMPTY_RECEIPT_SOURCE,
  ReceiptSourceFields,
  receiptSourceBody,
  receiptSourceErrors,
  type ReceiptSourceValues,
} from "./receipt-source-fields"
import { ReceiveScanField, type ScannedReceiveFields } from "./receive-scan-field"

type FormState = NewLotFieldValues & ReceiptSourceValues & { location_id: string; quantity: string }
type Errors = FieldErrors<FormState>

function toBody(form: FormState, inventoryItemId: string, code?: string): FormCheck<ReceiveLotBody & { code?: string }, FormState> {
  const errors: Errors = { ...newLotFieldErrors(form), ...receiptSourceErrors(form) }
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
      ...receiptSourceBody(form),
    },
  }
}

/** Form to receive stock of an item into a new lot (POST /admin/lots), filled from `initialCode` when given. */
export const ReceiveLotDrawer = ({
  open,
  onOpenChange,
  inventoryItemId,
  initialCode,
}: DrawerOpenProps & { inventoryItemId: string; initialCode?: string }) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="receive-lot-drawer">
    <ReceiveLotForm inventoryItemId={inventoryItemId} initialCode={initialCode} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const ReceiveLotForm = ({ inventoryItemId, initialCode, onDone }: { inventoryItemId: string; initialCode?: string; onDone: () => void }) => {
  const { locations, isLoading: locationsLoading } = useStockLocations()
  const [scannedCode, setScannedCode] = useState<string>()
  const { mutateAsync, isPending } = useReceiveLot()
  // With a single location there is nothing to choose.
  const onlyLocationId = locations.length === 1 ? locations[0].id : ""
  const { values: form, setValues, set, textField, errors, onSubmit } = useDrawerForm({
    initial: (): FormState => ({ ...EMPTY_NEW_LOT_FIELDS, ...EMPTY_RECEIPT_SOURCE, location_id: "", quantity: "" }),
    check: (values) => toBody({ ...values, location_id: values.location_id || onlyLocationId }, inventoryItemId, scannedCode),
    send: mutateAsync,
    onDone,
  })
  const expiryHint = useExpiryHint(inventoryItemId, form)
  const onScanned = (scanned: ScannedReceiveFields | null) => {
    setScannedCode(scanned?.code)
    if (!scanned) return
    const { code: _code, ...fields } = scanned
    setValues((f) => ({ ...f, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) }))
  }

  return (
    <DrawerForm title="Receive lot" onSubmit={onSubmit} submitLabel="Receive" isPending={isPending}>
      <ReceiveScanField inventoryItemId={inventoryItemId} initialCode={initialCode} onScanned={onScanned} />
      <SelectField
        id="receive-location"
        label="Location"
        error={errors.location_id}
        value={form.location_id || onlyLocationId}
        onValueChange={(value) => set("location_id", value)}
        options={locations.map((location) => ({ value: location.id, label: location.name }))}
        placeholder={locationsLoading ? "Loading locations…" : "Choose a location"}
        disabled={locationsLoading}
      />
      <InputField id="receive-quantity" label="Quantity (units)" name="quantity" inputMode="numeric" {...textField("quantity")} />
      <NewLotFields idPrefix="receive" values={form} errors={errors} onChange={set} supplierPicked expiryHint={expiryHint} />
      <ReceiptSourceFields values={form} errors={errors} onChange={set} />
    </DrawerForm>
  )
}
