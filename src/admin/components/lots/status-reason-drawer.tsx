import { Text, Textarea, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useChangeLotStatus } from "../../hooks/lots"
import type { Lot } from "../../types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type Action = "hold" | "reject"
type Props = { action: Action; lot: Lot }

const COPY: Record<Action, { title: string; explain: string; submit: string; placeholder: string }> = {
  hold: {
    title: "Put lot on hold",
    explain:
      "Held stock cannot be allocated or shipped. Open allocations of this lot are released and their orders re-allocated from other lots.",
    submit: "Put on hold",
    placeholder: "e.g. Customer complaint under investigation",
  },
  reject: {
    title: "Reject lot",
    explain: "A rejected lot never becomes available again; its stock stays blocked until it is written off.",
    submit: "Reject lot",
    placeholder: "e.g. Failed microbiology test",
  },
}

/** Asks why a lot is put on hold or rejected (the API requires a reason); a rejection is confirmed once more. */
export const StatusReasonDrawer = ({
  open,
  onOpenChange,
  ...props
}: Props & { open: boolean; onOpenChange: (open: boolean) => void }) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId={`lot-${props.action}-drawer`}>
    <StatusReasonForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const StatusReasonForm = ({ action, lot, onDone }: Props & { onDone: () => void }) => {
  const [reason, setReason] = useState("")
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useChangeLotStatus()
  const prompt = usePrompt()
  const copy = COPY[action]

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setError("Say why: the reason goes into the lot's history.")
      return
    }
    setError(null)
    if (action === "reject") {
      const confirmed = await prompt({
        title: `Reject lot ${lot.lot_number}?`,
        description: "Rejection is final: the lot can never be released again.",
        confirmText: "Reject lot",
        cancelText: "Cancel",
        variant: "danger",
      })
      if (!confirmed) return
    }
    try {
      await mutateAsync({ action, lotId: lot.id, body: { reason: reason.trim(), note: note.trim() || undefined } })
      onDone()
    } catch {
      // The hook shows the API's message in a toast; the form stays open.
    }
  }

  return (
    <DrawerForm
      title={`${copy.title} ${lot.lot_number}`}
      onSubmit={onSubmit}
      submitLabel={copy.submit}
      isPending={isPending}
      danger={action === "reject"}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {copy.explain}
      </Text>
      <FormField id={`lot-${action}-reason`} label="Reason" error={error}>
        <Textarea
          id={`lot-${action}-reason`}
          name="reason"
          value={reason}
          maxLength={500}
          placeholder={copy.placeholder}
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
      <FormField id={`lot-${action}-note`} label="Note" optional>
        <Textarea id={`lot-${action}-note`} name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </FormField>
    </DrawerForm>
  )
}
