import { Input, Select, Textarea } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTransferLot } from "../../hooks/lots"
import type { Lot, StockLocationSummary } from "../../types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type Props = { lot: Lot; locations: StockLocationSummary[]; nameOf: (locationId: string) => string }
type FormState = { from_location_id: string; to_location_id: string; quantity: string; note: string }
type Errors = Partial<Record<keyof FormState, string>>

/** Moves unallocated units of a lot from one stock location to another. */
export const TransferLotDrawer = ({
  open,
  onOpenChange,
  ...props
}: Props & { open: boolean; onOpenChange: (open: boolean) => void }) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-transfer-drawer">
    <TransferLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const TransferLotForm = ({ lot, locations, nameOf, onDone }: Props & { onDone: () => void }) => {
  const sources = lot.stock.filter((s) => s.quantity - s.allocated_quantity > 0)
  const [form, setForm] = useState<FormState>(() => ({
    from_location_id: sources.length === 1 ? sources[0].location_id : "",
    to_location_id: "",
    quantity: "",
    note: "",
  }))
  const [errors, setErrors] = useState<Errors>({})
  const { mutateAsync, isPending } = useTransferLot()

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const from = lot.stock.find((s) => s.location_id === form.from_location_id)
  const movable = from ? from.quantity - from.allocated_quantity : 0

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const found: Errors = {}
    const quantity = Number(form.quantity.trim())
    if (!form.from_location_id) found.from_location_id = "Choose where the units are now."
    if (!form.to_location_id) found.to_location_id = "Choose where the units go."
    else if (form.to_location_id === form.from_location_id) found.to_location_id = "Choose a different location."
    if (!/^\d+$/.test(form.quantity.trim()) || quantity <= 0) found.quantity = "Enter a whole number of units greater than zero."
    else if (from && quantity > movable) found.quantity = `At most ${movable} units can move (the rest is allocated to orders).`
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      await mutateAsync({
        lotId: lot.id,
        body: {
          from_location_id: form.from_location_id,
          to_location_id: form.to_location_id,
          quantity,
          note: form.note.trim() || undefined,
        },
      })
      onDone()
    } catch {
      // The hook shows the API's message in a toast; the form stays open.
    }
  }

  return (
    <DrawerForm title={`Transfer ${lot.lot_number}`} onSubmit={onSubmit} submitLabel="Transfer" isPending={isPending}>
      <FormField
        id="transfer-from"
        label="From"
        error={errors.from_location_id}
        hint={from ? `${movable} of ${from.quantity} units can move` : undefined}
      >
        <Select value={form.from_location_id} onValueChange={(value) => set("from_location_id", value)}>
          <Select.Trigger id="transfer-from">
            <Select.Value placeholder="Choose a location" />
          </Select.Trigger>
          <Select.Content>
            {sources.map((s) => (
              <Select.Item key={s.location_id} value={s.location_id}>
                {nameOf(s.location_id)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField id="transfer-to" label="To" error={errors.to_location_id}>
        <Select value={form.to_location_id} onValueChange={(value) => set("to_location_id", value)}>
          <Select.Trigger id="transfer-to">
            <Select.Value placeholder="Choose a location" />
          </Select.Trigger>
          <Select.Content>
            {locations
              .filter((l) => l.id !== form.from_location_id)
              .map((l) => (
                <Select.Item key={l.id} value={l.id}>
                  {l.name}
                </Select.Item>
              ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField id="transfer-quantity" label="Quantity (units)" error={errors.quantity}>
        <Input id="transfer-quantity" inputMode="numeric" value={form.quantity} onChange={(e) => set("quantity", e.target.value)} />
      </FormField>
      <FormField id="transfer-note" label="Note" optional>
        <Textarea id="transfer-note" maxLength={500} value={form.note} onChange={(e) => set("note", e.target.value)} />
      </FormField>
    </DrawerForm>
  )
}
