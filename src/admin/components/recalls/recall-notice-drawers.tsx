import { Text } from "@medusajs/ui"
import {
  RECALL_NOTICE_METHODS,
  useMarkRecallCustomersNotified,
  useWithdrawRecallCustomersNotice,
  type RecallDetail,
  type RecallNoticeMethod,
} from "../../hooks/recalls"
import { counted, RECALL_NOTICE_METHOD_LABELS } from "../../lib/format"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { labelledOptions, SelectField, TextareaField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"

type Customer = RecallDetail["customers"][number]
type Props = { recall: RecallDetail; customers: Customer[] }

const who = (customers: Customer[]) =>
  customers.length === 1 ? (customers[0].name ?? customers[0].email ?? "this customer") : counted(customers.length, "customer")

/** Records that customers were told: how (required) and a note for whoever reads the recall later. */
export const MarkNotifiedDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="mark-notified-drawer">
    <MarkNotifiedForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const MarkNotifiedForm = ({ recall, customers, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useMarkRecallCustomersNotified(recall.id)
  const { values, set, textField, errors, onSubmit } = useDrawerForm({
    initial: { method: "" as RecallNoticeMethod | "", note: "" },
    check: ({ method, note }) =>
      method
        ? { errors: {}, body: { customer_keys: customers.map((c) => c.customer_key), method, note: note.trim() || undefined } }
        : { errors: { method: "Say how they were told." } },
    send: mutateAsync,
    onDone,
  })
  return (
    <DrawerForm title={`Mark ${who(customers)} as notified`} onSubmit={onSubmit} submitLabel="Mark notified" isPending={isPending}>
      <Text size="small" className="text-ui-fg-subtle">
        Record this once they have been told about recall {recall.recall_number}. It shows in the recall's activity with your name.
      </Text>
      <SelectField
        id="notice-method"
        label="How they were told"
        value={values.method}
        onValueChange={(method) => set("method", method)}
        options={labelledOptions(RECALL_NOTICE_METHODS, RECALL_NOTICE_METHOD_LABELS)}
        placeholder="Choose"
        error={errors.method}
      />
      <TextareaField id="notice-note" label="Note" optional maxLength={2000} placeholder="e.g. Spoke to them; they will return the units" {...textField("note")} />
    </DrawerForm>
  )
}

/** Takes back a notice marked by mistake; the reason is kept in the recall's activity. */
export const WithdrawNoticeDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="withdraw-notice-drawer">
    <WithdrawNoticeForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const WithdrawNoticeForm = ({ recall, customers, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useWithdrawRecallCustomersNotice(recall.id)
  const { textField, onSubmit } = useDrawerForm({
    initial: { reason: "" },
    check: ({ reason }) =>
      reason.trim()
        ? { errors: {}, body: { customer_keys: customers.map((c) => c.customer_key), reason: reason.trim() } }
        : { errors: { reason: "Say why the notice is withdrawn: the reason is kept with the recall." } },
    send: mutateAsync,
    onDone,
  })
  return (
    <DrawerForm title={`Withdraw the notice of ${who(customers)}`} onSubmit={onSubmit} submitLabel="Withdraw notice" isPending={isPending} danger>
      <Text size="small" className="text-ui-fg-subtle">
        They will count as not notified again. The notice and its withdrawal both stay in the recall's activity.
      </Text>
      <TextareaField id="withdraw-reason" label="Reason" maxLength={2000} placeholder="e.g. Marked the wrong customer" {...textField("reason")} />
    </DrawerForm>
  )
}
