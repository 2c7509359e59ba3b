import { Text } from "@medusajs/ui"
import type { IntegrityRepair } from "../../hooks/integrity"
import { describeRepair, integrityCheckLabel } from "../../lib/format"
import { Figure } from "../recalls/recall-scope-figures"

/** One line of the result: the check it was about, and what happened. */
const ResultLine = ({ check, children, error }: { check: string; children: string; error?: string }) => (
  <li className="flex flex-col">
    <Text size="small">
      <span className="font-medium">{integrityCheckLabel(check)}:</span> {children}
    </Text>
    {error && (
      <Text size="small" className="text-ui-fg-error">
        {error}
      </Text>
    )}
  </li>
)

/**
 * What the last "Repair now" did: how much it found, how many corrections it made (each in
 * words), what is left for a person, and the automatic repairs that failed with why.
 */
export const IntegrityRepairResult = ({ repair }: { repair: IntegrityRepair }) => {
  const left = repair.after.findings.length
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="integrity-repair-result" role="status">
      <Text size="small" weight="plus">
        {describeRepair(repair)}
      </Text>
      <div className="grid grid-cols-3 gap-3">
        <Figure label="Found" value={repair.found.length.toLocaleString()} testId="integrity-repair-found" />
        <Figure label="Corrected" value={repair.corrections.length.toLocaleString()} tone={repair.corrections.length ? "success" : undefined} testId="integrity-repair-corrected" />
        <Figure label="Left for a person" value={left.toLocaleString()} tone={left ? "error" : undefined} testId="integrity-repair-left" />
      </div>
      {repair.corrections.length > 0 && (
        <ul className="flex flex-col gap-y-1" data-testid="integrity-repair-corrections">
          {repair.corrections.map((correction, index) => (
            <ResultLine key={index} check={correction.check}>
              {`${correction.message} (${correction.before} → ${correction.after})`}
            </ResultLine>
          ))}
        </ul>
      )}
      {repair.failed.length > 0 && (
        <ul className="flex flex-col gap-y-1" data-testid="integrity-repair-failed">
          {repair.failed.map(({ finding, error }, index) => (
            <ResultLine key={index} check={finding.check} error={`Not repaired: ${error}`}>
              {finding.message}
            </ResultLine>
          ))}
        </ul>
      )}
    </div>
  )
}
