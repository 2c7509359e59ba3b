import { useAdjustLot } from "../../hooks/lots"
import { ADJUSTMENT_REASON_LABELS } from "../../lib/format"
import { ADJUSTMENT_REASONS, type AdjustLotBody, type AdjustmentReason, type LotStockSubject } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField, labelledOptions, SelectField, TextareaField } from "../common/form-field"
import { useDrawerForm, type FieldErrors, type FormCheck } from "../common/use-drawer-form"

type Props = { lot: LotStockSubject; nameOf: (locationId: string) => string; reason?: AdjustmentReason }
type FormState = { location_id: string; reason: AdjustmentReason; amount: string; note: string }
type Errors = FieldErrors<FormState>

const AMOUNT_LABELS: Record<AdjustmentReason, { label: string; hint: string }> = {
  count: { label: "Counted quantity", hint: "The number of units physically counted at the location." },
  other: { label: "Change (units)", hint: "Positive adds units, negative takes them away." },
  scrap: { label: "Units to write off", hint: "Taken out of stock." },
  damage: { label: "Units to write off", hint: "Taken out of stock." },
  sample: { label: "Units taken", hint: "Taken out of stock." },
}

/** Counts set the quantity; "other" changes it either way; scrap, damage and samples take units away. */
function toBody(form: FormState): FormCheck<AdjustLotBody, FormState> {
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

/** Count correction or write-off of a lot at one of its locations (`reason` chosen first: a count unless given). */
export const AdjustLotDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-adjust-drawer">
    <AdjustLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const AdjustLotForm = ({ lot, nameOf, reason = "count", onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useAdjustLot()
  const { values: form, set, textField, errors, onSubmit } = useDrawerForm({
    initial: (): FormState => ({
      location_id: lot.stock.length === 1 ? lot.stock[0].location_id : "",
      reason,
      amount: "",
      note: "",
    }),
    check: toBody,
    send: (body) => mutateAsync({ lotId: lot.id, body }),
    onDone,
  })
  const current = lot.stock.find((s) => s.location_id === form.location_id)

  return (
    <DrawerForm title={`Adjust stock of ${lot.lot_number}`} onSubmit={onSubmit} submitLabel="Adjust" isPending={isPending}>
      <SelectField
        id="adjust-location"
        label="Location"
        error={errors.location_id}
        hint={current ? `${current.quantity} on hand, ${current.allocated_quantity} allocated` : undefined}
        value={form.location_id}
        onValueChange={(value) => set("location_id", value)}
        options={lot.stock.map((s) => ({ value: s.location_id, label: nameOf(s.location_id) }))}
        placeholder="Choose a location"
      />
      <SelectField
        id="adjust-reason"
        label="Reason"
        value={form.reason}
        onValueChange={(value) => set("reason", value)}
        options={labelledOptions(ADJUSTMENT_REASONS, ADJUSTMENT_REASON_LABELS)}
      />
      <InputField
        id="adjust-amount"
        label={AMOUNT_LABELS[form.reason].label}
        hint={AMOUNT_LABELS[form.reason].hint}
        inputMode="numeric"
        {...textField("amount")}
      />
      <TextareaField id="adjust-note" label="Note" optional maxLength={500} {...textField("note")} />
    </DrawerForm>
  )
}
