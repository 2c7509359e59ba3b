import { Text, Textarea, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useCloseRecall, type RecallDetail } from "../../hooks/recalls"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type Props = { recall: RecallDetail }

/** Closes a recall with a reason (required by the API), confirmed once more. */
export const CloseRecallDrawer = ({ open, onOpenChange, ...props }: Props & { open: boolean; onOpenChange: (open: boolean) => void }) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="close-recall-drawer">
    <CloseRecallForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const CloseRecallForm = ({ recall, onDone }: Props & { onDone: () => void }) => {
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useCloseRecall(recall.id)
  const prompt = usePrompt()
  const { customers, customers_notified, outstanding_quantity } = recall.progress

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setError("Say why the recall can close: the reason is kept with it.")
      return
    }
    setError(null)
    const confirmed = await prompt({
      title: `Close recall ${recall.recall_number}?`,
      description: "Its lots stay recalled; the recall no longer counts as open.",
      confirmText: "Close recall",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) return
    try {
      await mutateAsync(reason.trim())
      onDone()
    } catch {
      // The hook shows the API's message in a toast; the form stays open.
    }
  }

  return (
    <DrawerForm title={`Close recall ${recall.recall_number}`} onSubmit={onSubmit} submitLabel="Close recall" isPending={isPending} danger>
      <Text size="small" className="text-ui-fg-subtle">
        {customers_notified} of {customers} customers notified; {outstanding_quantity} units still with customers.
      </Text>
      <FormField id="close-recall-reason" label="Reason" error={error}>
        <Textarea
          id="close-recall-reason"
          name="reason"
          value={reason}
          maxLength={2000}
          placeholder="e.g. All customers notified, stock destroyed under supervision"
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
    </DrawerForm>
  )
}
