import { Label, Switch, Text } from "@medusajs/ui"
import { useUpdateLotPolicy } from "../../hooks/lots"
import { STRATEGY_LABELS } from "../../lib/format"
import { ALLOCATION_STRATEGIES, type AllocationStrategy, type LotPolicy, type LotPolicyBody } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField, labelledOptions, SelectField } from "../common/form-field"
import { useDrawerForm, type FieldErrors, type FormCheck } from "../common/use-drawer-form"

type Props = { inventoryItemId: string; policy: LotPolicy; defaultTemplate: string }
type FormState = {
  tracked: boolean
  strategy: AllocationStrategy
  shelf_life_days: string
  min_remaining_shelf_life_days: string
  removal_lead_days: string
  lot_number_template: string
  unit_of_measure: string
}
type Errors = FieldErrors<FormState>

/** Whole days from a text field; null when empty, NaN when not a whole number. */
const parseDays = (value: string): number | null =>
  value.trim() === "" ? null : /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN

function toBody(form: FormState): FormCheck<LotPolicyBody, FormState> {
  const errors: Errors = {}
  const shelfLife = parseDays(form.shelf_life_days)
  const minRemaining = parseDays(form.min_remaining_shelf_life_days)
  const removal = parseDays(form.removal_lead_days)
  if (Number.isNaN(shelfLife) || shelfLife === 0) errors.shelf_life_days = "Enter a whole number of days (at least 1), or leave empty."
  if (Number.isNaN(minRemaining)) errors.min_remaining_shelf_life_days = "Enter a whole number of days."
  if (Number.isNaN(removal)) errors.removal_lead_days = "Enter a whole number of days."
  if (!form.unit_of_measure.trim()) errors.unit_of_measure = "Say what one unit is: each, case of 12, kg, …"
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    body: {
      tracked: form.tracked,
      strategy: form.strategy,
      shelf_life_days: shelfLife,
      min_remaining_shelf_life_days: minRemaining ?? 0,
      removal_lead_days: removal ?? 0,
      lot_number_template: form.lot_number_template.trim() || null,
      unit_of_measure: form.unit_of_measure.trim(),
    },
  }
}

/** Edit form for an item's lot policy. */
export const LotPolicyDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="lot-policy-drawer">
    <LotPolicyForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const LotPolicyForm = ({ inventoryItemId, policy, defaultTemplate, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useUpdateLotPolicy(inventoryItemId)
  const { values: form, set, textField, onSubmit } = useDrawerForm({
    initial: (): FormState => ({
      tracked: policy.tracked,
      strategy: policy.strategy,
      shelf_life_days: policy.shelf_life_days?.toString() ?? "",
      min_remaining_shelf_life_days: String(policy.min_remaining_shelf_life_days),
      removal_lead_days: String(policy.removal_lead_days),
      lot_number_template: policy.lot_number_template ?? "",
      unit_of_measure: policy.unit_of_measure,
    }),
    check: toBody,
    send: mutateAsync,
    onDone,
  })

  return (
    <DrawerForm title="Edit lot policy" onSubmit={onSubmit} submitLabel="Save" isPending={isPending}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="policy-tracked" size="small" weight="plus">
            Track this item in lots
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            Stock is received as lots with expiry dates; orders are allocated from released lots.
          </Text>
        </div>
        <Switch id="policy-tracked" checked={form.tracked} onCheckedChange={(checked) => set("tracked", checked)} />
      </div>
      <SelectField
        id="policy-strategy"
        label="Allocation strategy"
        value={form.strategy}
        onValueChange={(value) => set("strategy", value)}
        options={labelledOptions(ALLOCATION_STRATEGIES, STRATEGY_LABELS)}
      />
      <InputField
        id="policy-shelf-life"
        label="Shelf life (days)"
        optional
        hint="Expiry is derived from the manufacture date when a receipt gives none."
        inputMode="numeric"
        {...textField("shelf_life_days")}
      />
      <InputField
        id="policy-min-remaining"
        label="Minimum remaining shelf life at shipment (days)"
        hint="Lots with fewer days left are not allocated to orders."
        inputMode="numeric"
        {...textField("min_remaining_shelf_life_days")}
      />
      <InputField
        id="policy-removal"
        label="Removal lead time (days)"
        hint="FEFO picks by expiry minus this many days."
        inputMode="numeric"
        {...textField("removal_lead_days")}
      />
      <InputField
        id="policy-unit"
        label="Unit of measure"
        hint="What one unit of this item is (each, case of 12, kg); the FSMA 204 export shows it beside every quantity."
        {...textField("unit_of_measure")}
      />
      <InputField
        id="policy-template"
        label="Lot number template"
        optional
        hint={`Used when a receipt has no lot number. Default ${defaultTemplate}. Tokens: {SKU} {YYMMDD} {YJJJ} {SEQ:n} {PLANT} {LINE}.`}
        placeholder={defaultTemplate}
        {...textField("lot_number_template")}
      />
    </DrawerForm>
  )
}
