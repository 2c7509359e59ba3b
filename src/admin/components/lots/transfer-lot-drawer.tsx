import { useTransferLot } from "../../hooks/lots"
import type { LotStockSubject, StockLocationSummary } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField, SelectField, TextareaField } from "../common/form-field"
import { useDrawerForm, type FieldErrors } from "../common/use-drawer-form"

type Props = { lot: LotStockSubject; locations: StockLocationSummary[]; nameOf: (locationId: string) => string }
type FormState = { from_location_id: string; to_location_id: string; quantity: string; note: string }
type Errors = FieldErrors<FormState>

/** The lot's stock at a location, and how many of its units are not allocated to orders. */
function stockAt(lot: LotStockSubject, locationId: string) {
  const stock = lot.stock.find((s) => s.location_id === locationId)
  return { stock, movable: stock ? stock.quantity - stock.allocated_quantity : 0 }
}

function toBody(form: FormState, lot: LotStockSubject) {
  const errors: Errors = {}
  const { stock: from, movable } = stockAt(lot, form.from_location_id)
  const quantity = Number(form.quantity.trim())
  if (!form.from_location_id) errors.from_location_id = "Choose where the units are now."
  if (!form.to_location_id) errors.to_location_id = "Choose where the units go."
  else if (form.to_location_id === form.from_location_id) errors.to_location_id = "Choose a different location."
  if (!/^\d+$/.test(form.quantity.trim()) || quantity <= 0) errors.quantity = "Enter a whole number of units greater than zero."
  else if (from && quantity > movable) errors.quantity = `At most ${movable} units can move (the rest is allocated to orders).`
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    body: {
      from_location_id: form.from_location_id,
      to_location_id: form.to_location_id,
      quantity,
      note: form.note.trim() || undefined,
    },
  }
}

/** Moves unallocated units of a lot from one stock location to another. */
export const TransferLotDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-transfer-drawer">
    <TransferLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const TransferLotForm = ({ lot, locations, nameOf, onDone }: Props & { onDone: () => void }) => {
  const sources = lot.stock.filter((s) => s.quantity - s.allocated_quantity > 0)
  const { mutateAsync, isPending } = useTransferLot()
  const { values: form, set, textField, errors, onSubmit } = useDrawerForm({
    initial: (): FormState => ({
      from_location_id: sources.length === 1 ? sources[0].location_id : "",
      to_location_id: "",
      quantity: "",
      note: "",
    }),
    check: (values) => toBody(values, lot),
    send: (body) => mutateAsync({ lotId: lot.id, body }),
    onDone,
  })
  const { stock: from, movable } = stockAt(lot, form.from_location_id)

  return (
    <DrawerForm title={`Transfer ${lot.lot_number}`} onSubmit={onSubmit} submitLabel="Transfer" isPending={isPending}>
      <SelectField
        id="transfer-from"
        label="From"
        error={errors.from_location_id}
        hint={from ? `${movable} of ${from.quantity} units can move` : undefined}
        value={form.from_location_id}
        onValueChange={(value) => set("from_location_id", value)}
        options={sources.map((s) => ({ value: s.location_id, label: nameOf(s.location_id) }))}
        placeholder="Choose a location"
      />
      <SelectField
        id="transfer-to"
        label="To"
        error={errors.to_location_id}
        value={form.to_location_id}
        onValueChange={(value) => set("to_location_id", value)}
        options={locations.filter((l) => l.id !== form.from_location_id).map((l) => ({ value: l.id, label: l.name }))}
        placeholder="Choose a location"
      />
      <InputField id="transfer-quantity" label="Quantity (units)" inputMode="numeric" {...textField("quantity")} />
      <TextareaField id="transfer-note" label="Note" optional maxLength={500} {...textField("note")} />
    </DrawerForm>
  )
}
