import { Text } from "@medusajs/ui"
import { useExpiryHint } from "../../hooks/expiry-hint"
import { useEditLot } from "../../hooks/lots"
import type { EditLotBody, Lot } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { FormField, InputField, TextareaField } from "../common/form-field"
import { newLotFieldErrors } from "../common/new-lot-fields"
import { useDrawerForm, type FormCheck } from "../common/use-drawer-form"
import { SupplierPicker, type PickedSupplier } from "../suppliers/supplier-picker"

type Props = { lot: Lot }
type FormState = {
  manufactured_at: string
  expires_at: string
  best_before_at: string
  supplier_record: PickedSupplier | null
  supplier_lot_number: string
  notes: string
}

const FIELDS = ["manufactured_at", "expires_at", "best_before_at", "supplier_lot_number", "notes"] as const

/** A date of the lot as a date field shows it (its calendar day, UTC). */
const dayOf = (value: string | null) => value?.slice(0, 10) ?? ""

function initialValues(lot: Lot): FormState {
  return {
    manufactured_at: dayOf(lot.manufactured_at),
    expires_at: dayOf(lot.expires_at),
    best_before_at: dayOf(lot.best_before_at),
    supplier_record: lot.supplier_id ? { id: lot.supplier_id, name: lot.supplier ?? lot.supplier_id } : null,
    supplier_lot_number: lot.supplier_lot_number ?? "",
    notes: lot.notes ?? "",
  }
}

/** Only what the merchant changed is sent (an emptied field as null), so untouched values keep their exact time. */
function toBody(form: FormState, initial: FormState): FormCheck<EditLotBody, FormState> {
  const errors = newLotFieldErrors(form)
  if (Object.keys(errors).length) return { errors }
  const body: EditLotBody = {}
  for (const field of FIELDS) {
    const value = form[field].trim()
    if (value !== initial[field].trim()) body[field] = value || null
  }
  const supplierId = form.supplier_record?.id ?? null
  if (supplierId !== (initial.supplier_record?.id ?? null)) body.supplier_id = supplierId
  return { errors, body }
}

/** Corrects a lot's dates, supplier and notes; the lot's history records each change. */
export const EditLotDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-edit-drawer">
    <EditLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const EditLotForm = ({ lot, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useEditLot()
  const initial = initialValues(lot)
  const { values, set, textField, onSubmit } = useDrawerForm({
    initial,
    check: (form) => toBody(form, initial),
    // Nothing changed: nothing to send.
    send: (body) => (Object.keys(body).length ? mutateAsync({ lotId: lot.id, body }) : Promise.resolve()),
    onDone,
  })
  const typedSupplier = !lot.supplier_id && lot.supplier
  // Only a cleared expiry is derived again; a lot without one keeps none unless a date is typed.
  const derivedHint = useExpiryHint(lot.inventory_item_id, values, lot.received_at)
  const expiryHint = initial.expires_at ? derivedHint : undefined

  return (
    <DrawerForm title={`Edit lot ${lot.lot_number}`} onSubmit={onSubmit} submitLabel="Save" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        {lot.status === "expired"
          ? "This lot is expired, which is final: a later expiry date is kept on record but does not make its units sellable again."
          : "An expiry date that has passed expires the lot and holds its units back from sale. Every change is kept in the lot's history."}
      </Text>
      <div className="grid grid-cols-2 gap-x-4">
        <InputField id="edit-lot-manufactured" label="Manufactured" optional type="date" {...textField("manufactured_at")} />
        <InputField id="edit-lot-expires" label="Expires" optional hint={expiryHint} type="date" {...textField("expires_at")} />
      </div>
      <InputField id="edit-lot-best-before" label="Best before" optional type="date" {...textField("best_before_at")} />
      <FormField
        id="edit-lot-supplier"
        label="Supplier"
        optional
        hint={typedSupplier ? `Received as “${typedSupplier}” (typed, no supplier record); picking one replaces it.` : undefined}
      >
        <SupplierPicker id="edit-lot-supplier" value={values.supplier_record} onChange={(supplier) => set("supplier_record", supplier)} />
      </FormField>
      <InputField id="edit-lot-supplier-lot" label="Supplier's lot number" optional maxLength={64} {...textField("supplier_lot_number")} />
      <TextareaField id="edit-lot-notes" label="Notes" optional maxLength={2000} {...textField("notes")} />
    </DrawerForm>
  )
}
