import { Input, Select, Textarea } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useAdjustLot } from "../../hooks/lots"
import { ADJUSTMENT_REASON_LABELS } from "../../lib/format"
import { ADJUSTMENT_REASONS, type AdjustLotBody, type AdjustmentReason, type Lot } from "../../types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type Props = { lot: Lot; nameOf: (locationId: string) => string }
type FormState = { location_id: string; reason: AdjustmentReason; amount: string; note: string }
type Errors = Partial<Record<keyof FormState, string>>

const AMOUNT_LABELS: Record<AdjustmentReason, { label: string; hint: string }> = {
  count: { label: "Counted quantity", hint: "The number of units physically counted at the location." },
  other: { label: "Change (units)", hint: "Positive adds units, negative takes them away." },
  scrap: { label: "Units to write off", hint: "Taken out of stock." },
  damage: { label: "Units to write off", hint: "Taken out of stock." },
  sample: { label: "Units taken", hint: "Taken out of stock." },
}

/** Counts set the quantity; "other" changes it either way; scrap, damage and samples take units away. */
function toBody(form: FormState): { body?: AdjustLotBody; errors: Errors } {
  const errors: Errors = {}
  if (!form.location_id) errors.location_id = "Choose a location."
  const text = form.amount.trim()
  const amount = Number(text)
  if (form.reason === "count" && !/^\d+$/.test(text)) errors.amount = "Enter the counted number of units (0 or more)."
  if (form.reason === "other" && (!/^-?\d+$/.test(text) || amount === 0)) errors.amount = "Enter a whole number of units other than zero."
  if (!["count", "other"].includes(form.reason) && (!/^\d+$/.test(text) || amount === 0)) {
    errors.amount = "Enter a whole number of units greater than zero."
  }
  if (Object.keys(errors).length) return { errors }
  const base = { location_id: form.location_id, reason: form.reason, note: form.note.trim() || undefined }
  if (form.reason === "count") return { errors, body: { ...base, counted_quantity: amount } }
  return { errors, body: { ...base, quantity_change: form.reason === "other" ? amount : -amount } }
}

/** Count correction or write-off of a lot at one of its locations. */
export const AdjustLotDrawer = ({
  open,
  onOpenChange,
  ...props
}: Props & { open: boolean; onOpenChange: (open: boolean) => void }) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-adjust-drawer">
    <AdjustLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const AdjustLotForm = ({ lot, nameOf, onDone }: Props & { onDone: () => void }) => {
  const [form, setForm] = useState<FormState>(() => ({
    location_id: lot.stock.length === 1 ? lot.stock[0].location_id : "",
    reason: "count",
    amount: "",
    note: "",
  }))
  const [errors, setErrors] = useState<Errors>({})
  const { mutateAsync, isPending } = useAdjustLot()

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const current = lot.stock.find((s) => s.location_id === form.location_id)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const { body, errors: found } = toBody(form)
    setErrors(found)
    if (!body) return
    try {
      await mutateAsync({ lotId: lot.id, body })
      onDone()
    } catch {
      // The hook shows the API's message in a toast; the form stays open.
    }
  }

  return (
    <DrawerForm title={`Adjust stock of ${lot.lot_number}`} onSubmit={onSubmit} submitLabel="Adjust" isPending={isPending}>
      <FormField
        id="adjust-location"
        label="Location"
        error={errors.location_id}
        hint={current ? `${current.quantity} on hand, ${current.allocated_quantity} allocated` : undefined}
      >
        <Select value={form.location_id} onValueChange={(value) => set("location_id", value)}>
          <Select.Trigger id="adjust-location">
            <Select.Value placeholder="Choose a location" />
          </Select.Trigger>
          <Select.Content>
            {lot.stock.map((s) => (
              <Select.Item key={s.location_id} value={s.location_id}>
                {nameOf(s.location_id)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField id="adjust-reason" label="Reason">
        <Select value={form.reason} onValueChange={(value) => set("reason", value as AdjustmentReason)}>
          <Select.Trigger id="adjust-reason">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {ADJUSTMENT_REASONS.map((r) => (
              <Select.Item key={r} value={r}>
                {ADJUSTMENT_REASON_LABELS[r]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField
        id="adjust-amount"
        label={AMOUNT_LABELS[form.reason].label}
        hint={AMOUNT_LABELS[form.reason].hint}
        error={errors.amount}
      >
        <Input id="adjust-amount" inputMode="numeric" value={form.amount} onChange={(e) => set("amount", e.target.value)} />
      </FormField>
      <FormField id="adjust-note" label="Note" optional>
        <Textarea id="adjust-note" maxLength={500} value={form.note} onChange={(e) => set("note", e.target.value)} />
      </FormField>
    </DrawerForm>
  )
}
