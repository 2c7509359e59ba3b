import { Text } from "@medusajs/ui"
import { usePrintLotLabels } from "../../hooks/lot-labels"
import {
  LABEL_LAYOUT_LABELS,
  LABEL_SIZE_LABELS,
  LABEL_SYMBOLOGY_LABELS,
  MAX_LABEL_COPIES,
  savedLabelOptions,
  type LabelLayout,
  type LabelOptions,
} from "../../lib/labels"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField, labelledOptions, SelectField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"

type Props = { lots: { id: string; lot_number: string }[] }
type Form = Omit<LabelOptions, "copies"> & { copies: string }

const LAYOUTS = Object.keys(LABEL_LAYOUT_LABELS) as LabelLayout[]

/**
 * Print labels: how they come out (label printer, A4 sheet, barcode image), their size, the
 * barcode and how many copies; the choice is remembered on this browser. Several lots print on
 * A4 sheets.
 */
export const LabelPrintDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="label-print-drawer">
    <LabelPrintForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const LabelPrintForm = ({ lots, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = usePrintLotLabels()
  const single = lots.length === 1
  const { values, set, textField, errors, onSubmit } = useDrawerForm<Form, LabelOptions>({
    initial: () => {
      const saved = savedLabelOptions()
      return { ...saved, layout: single ? saved.layout : "sheet", copies: "1" }
    },
    check: (form) => {
      const copies = Number(form.copies.trim())
      if (form.layout !== "png" && !(/^\d+$/.test(form.copies.trim()) && copies >= 1 && copies <= MAX_LABEL_COPIES)) {
        return { errors: { copies: `Enter a whole number of copies from 1 to ${MAX_LABEL_COPIES}.` } }
      }
      return { errors: {}, body: { ...form, copies: form.layout === "png" ? 1 : copies } }
    },
    send: (options) => mutateAsync({ lotIds: lots.map((l) => l.id), options }),
    onDone,
  })
  const title = single ? `Print label of ${lots[0].lot_number}` : `Print labels of ${lots.length} lots`
  return (
    <DrawerForm title={title} onSubmit={onSubmit} submitLabel="Print" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        Each label carries the product, lot number, expiry and a GS1 barcode of GTIN, expiry and lot. It opens in a new tab to
        print.
      </Text>
      <SelectField
        id="label-layout"
        label="Print on"
        value={values.layout}
        onValueChange={(layout) => set("layout", layout)}
        options={labelledOptions<LabelLayout>(single ? LAYOUTS : ["sheet"], LABEL_LAYOUT_LABELS)}
        disabled={!single}
      />
      <SelectField
        id="label-size"
        label="Label size"
        value={values.size}
        onValueChange={(size) => set("size", size)}
        options={labelledOptions(Object.keys(LABEL_SIZE_LABELS) as Form["size"][], LABEL_SIZE_LABELS)}
      />
      <SelectField
        id="label-symbology"
        label="Barcode"
        value={values.symbology}
        onValueChange={(symbology) => set("symbology", symbology)}
        options={labelledOptions(Object.keys(LABEL_SYMBOLOGY_LABELS) as Form["symbology"][], LABEL_SYMBOLOGY_LABELS)}
      />
      {values.layout !== "png" && (
        <InputField
          id="label-copies"
          label={single ? "Copies" : "Copies of each"}
          inputMode="numeric"
          {...textField("copies")}
        />
      )}
    </DrawerForm>
  )
}
