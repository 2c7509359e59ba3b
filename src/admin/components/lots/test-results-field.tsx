import { XMark } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Select } from "@medusajs/ui"
import { emptyTestResultRow, type TestResultRow } from "../../lib/test-results"

/** Test results as rows of test, result and outcome, with add and remove. */
export const TestResultsField = ({
  id,
  rows,
  onRowsChange,
  error,
}: {
  id: string
  rows: TestResultRow[]
  onRowsChange: (rows: TestResultRow[]) => void
  error?: string
}) => {
  const change = (index: number, patch: Partial<TestResultRow>) =>
    onRowsChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))
  return (
    <fieldset className="flex flex-col gap-y-2" data-testid={id}>
      <legend className="txt-compact-small-plus text-ui-fg-base mb-2">
        Test results<span className="text-ui-fg-muted txt-compact-small"> (optional)</span>
      </legend>
      {rows.map((row, index) => (
        <div key={index} className="grid grid-cols-[1fr_1fr_auto] items-center gap-2 md:grid-cols-[1fr_1fr_8rem_auto]" data-testid="test-result-row">
          <Input
            aria-label={`Test ${index + 1}`}
            placeholder="Test, e.g. Listeria"
            value={row.name}
            maxLength={100}
            onChange={(e) => change(index, { name: e.target.value })}
          />
          <Input
            aria-label={`Result of test ${index + 1}`}
            placeholder="Result, e.g. Not detected"
            value={row.result}
            maxLength={200}
            onChange={(e) => change(index, { result: e.target.value })}
          />
          <div className="col-span-2 md:col-span-1">
            <Select value={row.outcome || "unset"} onValueChange={(v) => change(index, { outcome: v === "unset" ? "" : (v as TestResultRow["outcome"]) })}>
              <Select.Trigger aria-label={`Outcome of test ${index + 1}`}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="unset">No verdict</Select.Item>
                <Select.Item value="passed">Passed</Select.Item>
                <Select.Item value="failed">Failed</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            aria-label={`Remove test ${index + 1}`}
            onClick={() => onRowsChange(rows.filter((_, i) => i !== index))}
          >
            <XMark />
          </IconButton>
        </div>
      ))}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={() => onRowsChange([...rows, emptyTestResultRow()])}>
          Add test result
        </Button>
      </div>
      {error && <Hint variant="error">{error}</Hint>}
    </fieldset>
  )
}
