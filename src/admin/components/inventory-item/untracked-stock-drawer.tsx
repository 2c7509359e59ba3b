import { Input, Select, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useLots } from "../../hooks/lots"
import { useAssignUntrackedStock, type AssignUntrackedStockBody } from "../../hooks/untracked-stock"
import type { ItemLocationStock } from "../../hooks/variant-lots"
import { formatDay, LOT_STATUS_LABELS } from "../../lib/format"
import type { LotStatus } from "../../types"
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

const NEW_LOT = "new"
// Lots that can still take stock; the server refuses rejected, recalled and expired ones.
const OPEN_STATUSES: LotStatus[] = ["released", "quarantine", "on_hold"]

type FormState = NewLotFieldValues & { target: string; quantity: string }
type Errors = NewLotFieldErrors & { target?: string; quantity?: string }

function toBody(form: FormState, location: ItemLocationStock): { body?: AssignUntrackedStockBody; errors: Errors } {
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
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
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
  const [form, setForm] = useState<FormState>({
    ...EMPTY_NEW_LOT_FIELDS,
    target: "",
    quantity: String(location.untracked_quantity),
  })
  const [errors, setErrors] = useState<Errors>({})
  const { mutateAsync, isPending } = useAssignUntrackedStock(inventoryItemId)
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const lots = lotsData?.lots ?? []

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const { body, errors: found } = toBody(form, location)
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
    <DrawerForm title="Assign untracked units to a lot" onSubmit={onSubmit} submitLabel="Assign" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        {locationName}: Medusa stocks {location.stocked_quantity} units, lots hold {location.lot_quantity}. The{" "}
        {location.untracked_quantity} units in no lot already count in Medusa's stock; assigning them records which lot they
        belong to and leaves the stocked quantity as it is.
      </Text>
      <FormField id="untracked-quantity" label="Quantity (units)" error={errors.quantity}>
        <Input
          id="untracked-quantity"
          name="quantity"
          inputMode="numeric"
          value={form.quantity}
          onChange={(e) => set("quantity", e.target.value)}
        />
      </FormField>
      <FormField id="untracked-target" label="Lot" error={errors.target}>
        <Select value={form.target} onValueChange={(value) => set("target", value)}>
          <Select.Trigger id="untracked-target" disabled={lotsLoading}>
            <Select.Value placeholder={lotsLoading ? "Loading lots…" : "Choose a lot"} />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NEW_LOT}>A new lot</Select.Item>
            {lots.map((lot) => (
              <Select.Item key={lot.id} value={lot.id}>
                {lot.lot_number} · {LOT_STATUS_LABELS[lot.status]}
                {lot.expires_at ? ` · expires ${formatDay(lot.expires_at)}` : ""}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      {form.target === NEW_LOT && <NewLotFields idPrefix="untracked" values={form} errors={errors} onChange={set} />}
    </DrawerForm>
  )
}
