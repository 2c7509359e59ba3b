import { Text, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useNavigate } from "react-router-dom"
import { RECALL_CLASSIFICATIONS, useCreateRecall, useRecallPreview, type RecallClassification } from "../../hooks/recalls"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { FormField, labelledOptions, SelectField, TextareaField } from "../common/form-field"
import { SectionError, SectionLoading } from "../common/states"
import { CLASSIFICATION_LABELS } from "./recall-badges"
import { LotPicker, type PickedLot } from "./lot-picker"
import { counted } from "../../lib/format"
import { RecallPreviewCustomers } from "./recall-preview-customers"
import { RecallScopeFigures } from "./recall-scope-figures"

type Props = { initialLots: PickedLot[] }

/** "New recall": pick lots, say why and how serious, preview the scope, then confirm. */
export const NewRecallDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="new-recall-drawer">
    <NewRecallForm {...props} />
  </FormDrawer>
)

const sameLots = (a: string[], b: PickedLot[]) => a.length === b.length && b.every((l) => a.includes(l.id))

const NewRecallForm = ({ initialLots }: Props) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [lots, setLots] = useState<PickedLot[]>(initialLots)
  const [reason, setReason] = useState("")
  const [classification, setClassification] = useState<RecallClassification>("II")
  const [publicNotice, setPublicNotice] = useState("")
  const [errors, setErrors] = useState<{ lots?: string; reason?: string }>({})
  const preview = useRecallPreview()
  const create = useCreateRecall()
  // A preview counts only for the lots it was run for; changing the selection asks for a new one.
  const previewed = preview.data && preview.variables && sameLots(preview.variables, lots) ? preview.data : null

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const found = {
      lots: lots.length ? undefined : "Pick at least one lot to recall.",
      reason: previewed && !reason.trim() ? "Say why: the reason is kept with the recall and the lots' history." : undefined,
    }
    setErrors(found)
    if (found.lots || found.reason) return
    if (!previewed) {
      preview.mutate(lots.map((l) => l.id))
      return
    }
    const confirmed = await prompt({
      title: `Recall ${counted(previewed.summary.lots, "lot")}?`,
      description: `Every lot in the scope becomes recalled and its stock is blocked from sale. ${counted(previewed.summary.customers, "customer")} will be listed for notification.`,
      confirmText: "Recall",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) return
    try {
      const { recall } = await create.mutateAsync({
        lot_ids: lots.map((l) => l.id),
        reason: reason.trim(),
        classification,
        public_notice: publicNotice.trim() || undefined,
      })
      navigate(`/recalls/${recall.id}`)
    } catch {
      // The hook shows the API's message in a toast; the form stays open.
    }
  }

  return (
    <DrawerForm
      title="New recall"
      onSubmit={onSubmit}
      submitLabel={previewed ? "Recall lots" : "Preview scope"}
      isPending={preview.isPending || create.isPending}
      danger={Boolean(previewed)}
    >
      <Text size="small" className="text-ui-fg-subtle">
        The recall covers the lots you pick and every lot made from them. Preview what it reaches before you confirm.
      </Text>
      <FormField id="recall-lots" label="Lots" error={errors.lots}>
        <LotPicker id="recall-lots" value={lots} onChange={setLots} />
      </FormField>
      <SelectField
        id="recall-classification"
        label="Classification"
        value={classification}
        onValueChange={(value) => setClassification(value)}
        options={labelledOptions(RECALL_CLASSIFICATIONS, CLASSIFICATION_LABELS)}
      />
      <TextareaField
        id="recall-reason"
        label="Reason"
        error={errors.reason}
        name="reason"
        value={reason}
        maxLength={2000}
        placeholder="e.g. Listeria found in retained samples"
        onValueChange={setReason}
      />
      <TextareaField
        id="recall-notice"
        label="Public notice"
        optional
        hint="Shown to shoppers who look up a lot number; no customer data."
        name="public_notice"
        value={publicNotice}
        maxLength={4000}
        onValueChange={setPublicNotice}
      />
      <div data-testid="recall-preview">
        {preview.isPending ? (
          <SectionLoading rows={2} />
        ) : preview.error ? (
          <SectionError error={preview.error} />
        ) : previewed ? (
          <div className="flex flex-col gap-y-4">
            <RecallScopeFigures summary={previewed.summary} />
            <RecallPreviewCustomers customers={previewed.scope.customers} count={previewed.scope.customers.length} orderNumbers={previewed.order_numbers} />
          </div>
        ) : null}
      </div>
    </DrawerForm>
  )
}
