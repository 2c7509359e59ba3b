import { Text } from "@medusajs/ui"
import { useLot } from "../../hooks/lots"
import { useDisposeRecalledUnits, useRecordRecallRecovery, type RecallDetail } from "../../hooks/recalls"
import { useStockLocations } from "../../hooks/stock-locations"
import { counted } from "../../lib/format"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField, SelectField, TextareaField } from "../common/form-field"
import { useDrawerForm, type FieldErrors } from "../common/use-drawer-form"

type Props = { recall: RecallDetail }
// A select's items cannot carry an empty value: "not known" is its own choice.
const UNKNOWN_CUSTOMER = "unknown"

const wholeUnits = (text: string) => (/^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null)
const lotOptions = (recall: RecallDetail) => recall.lots.map((l) => ({ value: l.lot_id, label: l.lot_number }))
const onlyLot = (recall: RecallDetail) => (recall.lots.length === 1 ? recall.lots[0].lot_id : "")

/** Units a customer gave back or destroyed without a Medusa return: counted as recovered, not put back in stock. */
export const RecordRecoveryDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="record-recovery-drawer">
    <RecordRecoveryForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

type RecoveryForm = { lot_id: string; customer_key: string; quantity: string; note: string }

const RecordRecoveryForm = ({ recall, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useRecordRecallRecovery(recall.id)
  const { values, set, textField, errors, onSubmit } = useDrawerForm({
    initial: (): RecoveryForm => ({ lot_id: onlyLot(recall), customer_key: UNKNOWN_CUSTOMER, quantity: "", note: "" }),
    check: (form) => {
      const found: FieldErrors<RecoveryForm> = {}
      const quantity = wholeUnits(form.quantity)
      if (!form.lot_id) found.lot_id = "Choose the lot."
      if (quantity === null) found.quantity = "Enter a whole number of units greater than zero."
      if (Object.keys(found).length || quantity === null) return { errors: found }
      const customer = form.customer_key === UNKNOWN_CUSTOMER ? undefined : form.customer_key
      return { errors: {}, body: { lot_id: form.lot_id, quantity, customer_key: customer, note: form.note.trim() || undefined } }
    },
    send: mutateAsync,
    onDone,
  })
  const lot = recall.lots.find((l) => l.lot_id === values.lot_id)
  return (
    <DrawerForm title="Record recovered units" onSubmit={onSubmit} submitLabel="Record" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        For units a customer gave back or destroyed without a return in Medusa. They count as recovered and do not go back into
        stock; units returned on the order are counted already.
      </Text>
      <SelectField
        id="recovery-lot"
        label="Lot"
        value={values.lot_id}
        onValueChange={(value) => set("lot_id", value)}
        options={lotOptions(recall)}
        placeholder="Choose a lot"
        hint={lot ? `${counted(lot.outstanding_quantity, "unit")} were with customers when the recall opened` : undefined}
        error={errors.lot_id}
      />
      <SelectField
        id="recovery-customer"
        label="From customer"
        value={values.customer_key}
        onValueChange={(value) => set("customer_key", value)}
        options={[
          { value: UNKNOWN_CUSTOMER, label: "Not known" },
          ...recall.customers.map((c) => ({ value: c.customer_key, label: c.name ?? c.email ?? c.customer_key })),
        ]}
      />
      <InputField id="recovery-quantity" label="Units recovered" inputMode="numeric" {...textField("quantity")} />
      <TextareaField id="recovery-note" label="Note" optional maxLength={2000} placeholder="e.g. Destroyed at the store, photo received" {...textField("note")} />
    </DrawerForm>
  )
}

/** Units of a recalled lot held at a location, written off as scrap on the recall. */
export const DisposeUnitsDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="dispose-units-drawer">
    <DisposeUnitsForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

type DisposalForm = { lot_id: string; location_id: string; quantity: string; note: string }

const DisposeUnitsForm = ({ recall, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useDisposeRecalledUnits(recall.id)
  const { nameOf } = useStockLocations()
  const { values, set, textField, errors, onSubmit } = useDrawerForm({
    initial: (): DisposalForm => ({ lot_id: onlyLot(recall), location_id: "", quantity: "", note: "" }),
    check: (form) => {
      const found: FieldErrors<DisposalForm> = {}
      const quantity = wholeUnits(form.quantity)
      if (!form.lot_id) found.lot_id = "Choose the lot."
      if (!form.location_id) found.location_id = "Choose where the units are."
      if (quantity === null) found.quantity = "Enter a whole number of units greater than zero."
      if (Object.keys(found).length || quantity === null) return { errors: found }
      return { errors: {}, body: { lot_id: form.lot_id, location_id: form.location_id, quantity, note: form.note.trim() || undefined } }
    },
    send: mutateAsync,
    onDone,
  })
  const lot = useLot(values.lot_id, { enabled: Boolean(values.lot_id) })
  const stock = (lot.data?.lot.stock ?? []).filter((s) => s.quantity > 0)
  const here = stock.find((s) => s.location_id === values.location_id)
  return (
    <DrawerForm title="Dispose of recalled units" onSubmit={onSubmit} submitLabel="Dispose" isPending={isPending} danger>
      <Text size="small" className="text-ui-fg-subtle">
        The units are written off as scrap: the lot and Medusa's inventory go down, and the lot's history names this recall.
      </Text>
      <SelectField
        id="disposal-lot"
        label="Lot"
        value={values.lot_id}
        onValueChange={(value) => (set("lot_id", value), set("location_id", ""))}
        options={lotOptions(recall)}
        placeholder="Choose a lot"
        error={errors.lot_id}
      />
      <SelectField
        id="disposal-location"
        label="Location"
        value={values.location_id}
        onValueChange={(value) => set("location_id", value)}
        options={stock.map((s) => ({ value: s.location_id, label: `${nameOf(s.location_id)} — ${counted(s.quantity, "unit")}` }))}
        placeholder={values.lot_id && lot.data && !stock.length ? "No units of this lot in stock" : "Choose a location"}
        disabled={!stock.length}
        hint={here ? `${counted(here.quantity, "unit")} on hand here` : undefined}
        error={errors.location_id}
      />
      <InputField id="disposal-quantity" label="Units to dispose of" inputMode="numeric" {...textField("quantity")} />
      <TextareaField id="disposal-note" label="Note" optional maxLength={2000} placeholder="e.g. Incinerated by the waste contractor" {...textField("note")} />
    </DrawerForm>
  )
}
