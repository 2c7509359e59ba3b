import { Input, Text } from "@medusajs/ui"
import { useExpiryHint } from "../../hooks/expiry-hint"
import { useProduceLot } from "../../hooks/lots"
import { useStockLocations } from "../../hooks/stock-locations"
import { productionBody, type ProductionForm } from "../../lib/production"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { FormField, InputField, SelectField, TextareaField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"
import { LotPicker, type PickedLot } from "../recalls/lot-picker"

type Props = { inventoryItemId: string }

/**
 * Records a lot of this item made from other lots (a batch of yogurt from lots of milk): the input
 * units leave their lots, the new lot is received at the same location, and the genealogy links
 * them, so a trace or a recall of an input reaches the new lot.
 */
export const ProduceLotDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="produce-lot-drawer">
    <ProduceLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const ProduceLotForm = ({ inventoryItemId, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useProduceLot()
  const { locations } = useStockLocations()
  const { values, set, textField, errors, onSubmit } = useDrawerForm<ProductionForm, NonNullable<ReturnType<typeof productionBody>["body"]>>({
    initial: () => ({
      location_id: locations.length === 1 ? locations[0].id : "",
      inputs: [],
      quantity: "",
      lot_number: "",
      manufactured_at: "",
      expires_at: "",
      note: "",
    }),
    check: (form) => productionBody(form, inventoryItemId),
    send: mutateAsync,
    onDone,
  })
  const expiryHint = useExpiryHint(inventoryItemId, values)
  // Picked lots become input rows; a row keeps its units while its lot stays picked.
  const onPick = (picked: PickedLot[]) =>
    set(
      "inputs",
      picked.map((lot) => values.inputs.find((row) => row.lot_id === lot.id) ?? { lot_id: lot.id, lot_number: lot.lot_number, quantity: "" })
    )
  const setUnits = (lotId: string, quantity: string) =>
    set("inputs", values.inputs.map((row) => (row.lot_id === lotId ? { ...row, quantity } : row)))

  return (
    <DrawerForm title="Record production" onSubmit={onSubmit} submitLabel="Record production" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        The units used leave their lots, the new lot is received where it is made, and a trace or recall of an input lot reaches it.
      </Text>
      <SelectField
        id="produce-location"
        label="Made at"
        value={values.location_id}
        onValueChange={(value) => set("location_id", value)}
        options={locations.map((location) => ({ value: location.id, label: location.name }))}
        placeholder="Choose a location"
        error={errors.location_id}
      />
      <FormField id="produce-inputs" label="Lots used" hint="Search by lot number; they must have the units at that location." error={errors.inputs}>
        <LotPicker id="produce-inputs" value={values.inputs.map((row) => ({ id: row.lot_id, lot_number: row.lot_number }))} onChange={onPick} />
      </FormField>
      {values.inputs.map((row) => (
        <div key={row.lot_id} className="grid grid-cols-[1fr_7rem] items-center gap-2" data-testid="produce-input-row">
          <Text size="small" className="font-mono">
            {row.lot_number}
          </Text>
          <Input
            aria-label={`Units used of lot ${row.lot_number}`}
            placeholder="Units"
            inputMode="numeric"
            value={row.quantity}
            onChange={(e) => setUnits(row.lot_id, e.target.value)}
          />
        </div>
      ))}
      <InputField id="produce-quantity" label="Units made" inputMode="numeric" {...textField("quantity")} />
      <InputField id="produce-lot-number" label="Lot number" optional hint="Leave empty to generate one from the item's template." {...textField("lot_number")} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <InputField id="produce-manufactured" label="Manufactured" optional type="date" {...textField("manufactured_at")} />
        <InputField id="produce-expires" label="Expires" optional hint={expiryHint} type="date" {...textField("expires_at")} />
      </div>
      <TextareaField id="produce-note" label="Note" optional maxLength={500} placeholder="e.g. Batch 7, line 2" {...textField("note")} />
    </DrawerForm>
  )
}
