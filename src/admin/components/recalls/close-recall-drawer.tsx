import { Text, usePrompt } from "@medusajs/ui"
import { useCloseRecall, type RecallDetail } from "../../hooks/recalls"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { TextareaField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"

type Props = { recall: RecallDetail }

/** Closes a recall with a reason (required by the API), confirmed once more. */
export const CloseRecallDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="close-recall-drawer">
    <CloseRecallForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const CloseRecallForm = ({ recall, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useCloseRecall(recall.id)
  const prompt = usePrompt()
  const { customers, customers_notified, outstanding_quantity } = recall.progress
  const { textField, onSubmit } = useDrawerForm({
    initial: { reason: "" },
    check: ({ reason }) =>
      reason.trim() ? { errors: {}, body: reason.trim() } : { errors: { reason: "Say why the recall can close: the reason is kept with it." } },
    confirm: () =>
      prompt({
        title: `Close recall ${recall.recall_number}?`,
        description: "Its lots stay recalled; the recall no longer counts as open.",
        confirmText: "Close recall",
        cancelText: "Cancel",
        variant: "danger",
      }),
    send: mutateAsync,
    onDone,
  })

  return (
    <DrawerForm title={`Close recall ${recall.recall_number}`} onSubmit={onSubmit} submitLabel="Close recall" isPending={isPending} danger>
      <Text size="small" className="text-ui-fg-subtle">
        {customers_notified} of {customers} customers notified; {outstanding_quantity} units still with customers.
      </Text>
      <TextareaField
        id="close-recall-reason"
        label="Reason"
        name="reason"
        maxLength={2000}
        placeholder="e.g. All customers notified, stock destroyed under supervision"
        {...textField("reason")}
      />
    </DrawerForm>
  )
}
