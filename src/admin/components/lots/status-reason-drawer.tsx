import { Text, usePrompt } from "@medusajs/ui"
import { useChangeLotStatus } from "../../hooks/lots"
import type { Lot } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { TextareaField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"

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
export const StatusReasonDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId={`lot-${props.action}-drawer`}>
    <StatusReasonForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const StatusReasonForm = ({ action, lot, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useChangeLotStatus()
  const prompt = usePrompt()
  const copy = COPY[action]
  const { textField, onSubmit } = useDrawerForm({
    initial: { reason: "", note: "" },
    check: ({ reason, note }) =>
      reason.trim()
        ? { errors: {}, body: { reason: reason.trim(), note: note.trim() || undefined } }
        : { errors: { reason: "Say why: the reason goes into the lot's history." } },
    confirm:
      action === "reject"
        ? () =>
            prompt({
              title: `Reject lot ${lot.lot_number}?`,
              description: "Rejection is final: the lot can never be released again.",
              confirmText: "Reject lot",
              cancelText: "Cancel",
              variant: "danger",
            })
        : undefined,
    send: (body) => mutateAsync({ action, lotId: lot.id, body }),
    onDone,
  })

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
      <TextareaField
        id={`lot-${action}-reason`}
        label="Reason"
        name="reason"
        maxLength={500}
        placeholder={copy.placeholder}
        {...textField("reason")}
      />
      <TextareaField id={`lot-${action}-note`} label="Note" optional name="note" maxLength={500} {...textField("note")} />
    </DrawerForm>
  )
}
