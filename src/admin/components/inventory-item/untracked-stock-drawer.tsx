import { useExpiryHint } from "../../hooks/expiry-hint"
import { Text } from "@medusajs/ui"
import { useLots } from "../../hooks/lots"
import { useAssignUntrackedStock, type AssignUntrackedStockBody } from "../../hooks/untracked-stock"
import type { ItemLocationStock } from "../../hooks/variant-lots"
import { formatDay, LOT_STATUS_LABELS } from "../../lib/format"
import type { LotStatus } from "../../types"
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

const NEW_LOT = "new"
// Lots that can still take stock; the server refuses rejected, recalled and expired ones.
const OPEN_STATUSES: LotStatus[] = ["released", "quarantine", "on_hold"]

type FormState = NewLotFieldValues & { target: string; quantity: string }
type Errors = FieldErrors<FormState>

function toBody(form: FormState, location: ItemLocationStock): FormCheck<AssignUntrackedStockBody, FormState> {
  const newLot = form.target === NEW_LOT
  const errors: Errors = newLot ? newLotFieldErrors(form) : {}
  const text = form.quantity.trim()
  const quantity = Number(text)
  if (!/^\d+$/.test(text) || quantity <= 0) {
    errors.quantity = "Enter a whole number of units greater than zero."
  } else if (quantity > location.untracked_quantity) {
    errors.quantity = `Only ${location.untracked_quantity} units here are in no lot.`
  }
  if (!form.target) {
    errors.target = "Choose a lot, or a new lot."
  }
  if (Object.keys(errors).length) {
    return { errors }
  }
  const base = { location_id: location.location_id, quantity }
  return { errors, body: newLot ? { ...base, ...newLotBodyFields(form) } : { ...base, lot_id: form.target } }
}

/**
 * Form to put units Medusa counts at a location, but no lot holds, into an existing lot of the
 * item or a new one (POST /admin/inventory-items/:id/untracked-stock/assign). Medusa's stocked
 * quantity does not change: the units are already counted there.
 */
export const UntrackedStockDrawer = ({
  open,
  onOpenChange,
  inventoryItemId,
  location,
  locationName,
}: DrawerOpenProps & {
  inventoryItemId: string
  location: ItemLocationStock | null
  locationName: string
}) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="untracked-stock-drawer">
    {location && (
      <AssignForm
        inventoryItemId={inventoryItemId}
        location={location}
        locationName={locationName}
        onDone={() => onOpenChange(false)}
      />
    )}
  </FormDrawer>
)

const AssignForm = ({
  inventoryItemId,
  location,
  locationName,
  onDone,
}: {
  inventoryItemId: string
  location: ItemLocationStock
  locationName: string
  onDone: () => void
}) => {
  const { data: lotsData, isLoading: lotsLoading } = useLots({
    inventory_item_id: inventoryItemId,
    status: OPEN_STATUSES,
    limit: 100,
    offset: 0,
    order: "expires_at",
  })
  const { mutateAsync, isPending } = useAssignUntrackedStock(inventoryItemId)
  const { values: form, set, textField, errors, onSubmit } = useDrawerForm({
    initial: (): FormState => ({ ...EMPTY_NEW_LOT_FIELDS, target: "", quantity: String(location.untracked_quantity) }),
    check: (values) => toBody(values, location),
    send: mutateAsync,
    onDone,
  })
  const lots = lotsData?.lots ?? []
  const expiryHint = useExpiryHint(inventoryItemId, form)

  return (
    <DrawerForm title="Assign untracked units to a lot" onSubmit={onSubmit} submitLabel="Assign" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        {locationName}: Medusa stocks {location.stocked_quantity} units, lots hold {location.lot_quantity}. The{" "}
        {location.untracked_quantity} units in no lot already count in Medusa's stock; assigning them records which lot they
        belong to and leaves the stocked quantity as it is.
      </Text>
      <InputField id="untracked-quantity" label="Quantity (units)" name="quantity" inputMode="numeric" {...textField("quantity")} />
      <SelectField
        id="untracked-target"
        label="Lot"
        error={errors.target}
        value={form.target}
        onValueChange={(value) => set("target", value)}
        options={[
          { value: NEW_LOT, label: "A new lot" },
          ...lots.map((lot) => ({
            value: lot.id,
            label: `${lot.lot_number} · ${LOT_STATUS_LABELS[lot.status]}${lot.expires_at ? ` · expires ${formatDay(lot.expires_at)}` : ""}`,
          })),
        ]}
        placeholder={lotsLoading ? "Loading lots…" : "Choose a lot"}
        disabled={lotsLoading}
      />
      {form.target === NEW_LOT && <NewLotFields idPrefix="untracked" values={form} errors={errors} onChange={set} expiryHint={expiryHint} />}
    </DrawerForm>
  )
}
