import { Text, usePrompt } from "@medusajs/ui"
import { useChangeLotStatus } from "../../hooks/lots"
import type { Lot, LotTestResult } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { TextareaField } from "../common/form-field"
import { useDrawerForm } from "../common/use-drawer-form"
import { testResultsOf, type TestResultRow } from "../../lib/test-results"
import { TestResultsField } from "./test-results-field"

export type StatusChangeAction = "release" | "hold" | "reject"
type Props = { action: StatusChangeAction; lot: Pick<Lot, "id" | "lot_number"> }

type Copy = { title: string; explain: string; submit: string; reasonPlaceholder?: string; testResults: boolean }

// A reason is asked for where the API requires one (hold, reject); test results where a quality
// decision rests on them (release, reject).
const COPY: Record<StatusChangeAction, Copy> = {
  release: {
    title: "Release lot",
    explain: "Released stock becomes available to orders and the storefront. The test results and note go into the lot's history.",
    submit: "Release",
    testResults: true,
  },
  hold: {
    title: "Put lot on hold",
    explain:
      "Held stock cannot be allocated or shipped. Open allocations of this lot are released and their orders re-allocated from other lots.",
    submit: "Put on hold",
    reasonPlaceholder: "e.g. Customer complaint under investigation",
    testResults: false,
  },
  reject: {
    title: "Reject lot",
    explain: "A rejected lot never becomes available again; its stock stays blocked until it is written off.",
    submit: "Reject lot",
    reasonPlaceholder: "e.g. Failed microbiology test",
    testResults: true,
  },
}

type Values = { reason: string; note: string; rows: TestResultRow[] }
type Body = { reason?: string; note?: string; test_results?: LotTestResult[] }

function checkStatusChange(action: StatusChangeAction, { reason, note, rows }: Values) {
  const errors: Partial<Record<keyof Values, string>> = {}
  const needsReason = !!COPY[action].reasonPlaceholder
  if (needsReason && !reason.trim()) errors.reason = "Say why: the reason goes into the lot's history."
  const { results, problem } = testResultsOf(rows)
  if (problem) errors.rows = problem
  else if (action === "release" && results.some((r) => r.passed === false)) {
    errors.rows = "A lot with a failed test cannot be released: reject it, or keep it in quarantine."
  }
  if (Object.keys(errors).length) return { errors }
  const body: Body = {
    ...(needsReason && { reason: reason.trim() }),
    ...(note.trim() && { note: note.trim() }),
    ...(results.length && { test_results: results }),
  }
  return { errors, body }
}

/** Release, hold or reject a lot, with the reason, note and test results the history keeps; a rejection is confirmed once more. */
export const StatusChangeDrawer = ({ open, onOpenChange, ...props }: Props & DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId={`lot-${props.action}-drawer`}>
    <StatusChangeForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const StatusChangeForm = ({ action, lot, onDone }: Props & { onDone: () => void }) => {
  const { mutateAsync, isPending } = useChangeLotStatus()
  const prompt = usePrompt()
  const copy = COPY[action]
  const { values, set, errors, textField, onSubmit } = useDrawerForm<Values, Body>({
    initial: { reason: "", note: "", rows: [] },
    check: (values) => checkStatusChange(action, values),
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
    send: (body) =>
      mutateAsync(action === "release" ? { action, lotId: lot.id, body } : { action, lotId: lot.id, body: { ...body, reason: body.reason ?? "" } }),
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
      {copy.reasonPlaceholder && (
        <TextareaField
          id={`lot-${action}-reason`}
          label="Reason"
          name="reason"
          maxLength={500}
          placeholder={copy.reasonPlaceholder}
          {...textField("reason")}
        />
      )}
      {copy.testResults && (
        <TestResultsField id={`lot-${action}-tests`} rows={values.rows} onRowsChange={(rows) => set("rows", rows)} error={errors.rows} />
      )}
      <TextareaField id={`lot-${action}-note`} label="Note" optional name="note" maxLength={500} {...textField("note")} />
    </DrawerForm>
  )
}
