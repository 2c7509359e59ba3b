import { XMark } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Text } from "@medusajs/ui"
import { useSplitLot } from "../../hooks/lots"
import { counted } from "../../lib/format"
import { emptySplitChild, splitLotBody, type SplitChildRow, type SplitForm } from "../../lib/split-lot"
import type { Lot } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { SelectField, TextareaField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"

type Props = { lot: Lot; nameOf: (locationId: string) => string }

/** Units of the lot at a location that may move into new lots: on hand, neither allocated nor awaiting inspection. */
const movableAt = (lot: Lot) => (locationId: string) => {
  const stock = lot.stock.find((s) => s.location_id === locationId)
  return stock ? stock.quantity - stock.allocated_quantity - stock.quarantined_quantity : 0
}

/** Moves units of a lot into new child lots (a repack or relabel); the children keep the link to this lot. */
export const SplitLotDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-split-drawer">
    <SplitLotForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const SplitLotForm = ({ lot, nameOf, onDone }: Props & { onDone: () => void }) => {
  const movable = movableAt(lot)
  const sources = lot.stock.filter((s) => movable(s.location_id) > 0)
  const { mutateAsync, isPending } = useSplitLot()
  const { values, set, errors, onSubmit } = useDrawerForm<SplitForm, NonNullable<ReturnType<typeof splitLotBody>["body"]>>({
    initial: () => ({ location_id: sources.length === 1 ? sources[0].location_id : "", children: [emptySplitChild()], note: "" }),
    check: (form) => splitLotBody(form, movable),
    send: (body) => mutateAsync({ lotId: lot.id, body }),
    onDone,
  })
  const change = (index: number, patch: Partial<SplitChildRow>) =>
    set("children", values.children.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <DrawerForm title={`Split ${lot.lot_number}`} onSubmit={onSubmit} submitLabel="Split" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        Units move into new lots at the same location; the new lots keep this lot's dates and status, and their history and
        trace lead back to {lot.lot_number}.
      </Text>
      <SelectField
        id="split-location"
        label="Location"
        value={values.location_id}
        onValueChange={(value) => set("location_id", value)}
        options={sources.map((s) => ({ value: s.location_id, label: `${nameOf(s.location_id)} — ${counted(movable(s.location_id), "unit")} can move` }))}
        placeholder={sources.length ? "Choose a location" : "No units can move"}
        disabled={!sources.length}
        error={errors.location_id}
      />
      <fieldset className="flex flex-col gap-y-2" data-testid="split-children">
        <legend className="txt-compact-small-plus text-ui-fg-base mb-2">New lots</legend>
        {values.children.map((row, index) => (
          <div key={index} className="grid grid-cols-[6rem_1fr_auto] items-center gap-2" data-testid="split-child-row">
            <Input
              aria-label={`Units of new lot ${index + 1}`}
              placeholder="Units"
              inputMode="numeric"
              value={row.quantity}
              onChange={(e) => change(index, { quantity: e.target.value })}
            />
            <Input
              aria-label={`Lot number of new lot ${index + 1}`}
              placeholder="Lot number (empty: numbered for you)"
              value={row.lot_number}
              maxLength={64}
              onChange={(e) => change(index, { lot_number: e.target.value })}
            />
            <IconButton
              type="button"
              size="small"
              variant="transparent"
              aria-label={`Remove new lot ${index + 1}`}
              onClick={() => set("children", values.children.filter((_, i) => i !== index))}
            >
              <XMark />
            </IconButton>
          </div>
        ))}
        <div>
          <Button type="button" size="small" variant="secondary" onClick={() => set("children", [...values.children, emptySplitChild()])}>
            Add new lot
          </Button>
        </div>
        {errors.children && <Hint variant="error">{errors.children}</Hint>}
      </fieldset>
      <TextareaField
        id="split-note"
        label="Note"
        optional
        maxLength={500}
        placeholder="e.g. Repacked into 500 g tubs"
        value={values.note}
        onValueChange={(note) => set("note", note)}
      />
    </DrawerForm>
  )
}
