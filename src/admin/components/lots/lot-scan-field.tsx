import { Button, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useReadLotScan } from "../../hooks/lot-scan"
import { errorMessage } from "../../lib/format"
import { lotScanOutcome, unreadableScanMessage, type LotScanOutcome } from "../../lib/lot-scan-answer"
import { ScanForm } from "../common/scan-form"

/** The scan route's 400: a code it cannot read. */
const isRefusal = (error: unknown) => (error as { status?: number } | null)?.status === 400

/** The answer under the field when the scan does not simply open a lot. */
const ScanAnswer = ({ outcome, onOpen }: { outcome: Exclude<LotScanOutcome, { kind: "open" }>; onOpen: (lotId: string) => void }) => (
  <div className="flex max-w-sm flex-col items-start gap-y-1" data-testid="lot-scan-answer" data-kind={outcome.kind} role="alert">
    {outcome.kind === "problem" && (
      <Text size="xsmall" className="text-ui-fg-error">
        {outcome.message}
      </Text>
    )}
    {outcome.kind === "confirm" && (
      <>
        <Text size="xsmall" className="text-ui-fg-error">
          {outcome.warning}
        </Text>
        <Button size="small" variant="secondary" type="button" onClick={() => onOpen(outcome.lotId)}>
          Open lot {outcome.lotNumber} anyway
        </Button>
      </>
    )}
    {outcome.kind === "receive" && (
      <>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {outcome.message}
        </Text>
        <Button size="small" variant="secondary" asChild>
          <Link to={outcome.path}>Receive lot {outcome.lotNumber}?</Link>
        </Button>
      </>
    )}
  </div>
)

/**
 * Type or scan a lot number (plain, GS1 element string or Digital Link) and press Enter to jump
 * to that lot. The server's scan route reads the code: a lot not received yet is offered for
 * receiving, a label naming another product than the lot's is a warning before the lot opens, and
 * an unreadable GTIN is named as such.
 */
export const LotScanField = () => {
  const [value, setValue] = useState("")
  const [outcome, setOutcome] = useState<Exclude<LotScanOutcome, { kind: "open" }> | null>(null)
  const { mutateAsync, isPending } = useReadLotScan()
  const navigate = useNavigate()

  const open = (lotId: string) => {
    setValue("")
    setOutcome(null)
    navigate(`/lots/${lotId}`)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const code = value
    setOutcome(null)
    try {
      const next = lotScanOutcome(code, await mutateAsync(code))
      if (next.kind !== "open") {
        setOutcome(next)
        return
      }
      if (next.note) toast.warning("Check the label", { description: next.note })
      open(next.lotId)
    } catch (error) {
      if (isRefusal(error)) {
        setOutcome({ kind: "problem", message: unreadableScanMessage(code, errorMessage(error)) })
      } else {
        toast.error("The lot could not be looked up", { description: errorMessage(error) })
      }
    }
  }

  return (
    <ScanForm
      id="lot-scan"
      label="Go to lot"
      placeholder="Scan or type a lot number"
      submitLabel="Open"
      value={value}
      onValueChange={(next) => {
        setValue(next)
        setOutcome(null)
      }}
      onSubmit={onSubmit}
      isPending={isPending}
      inputClassName="w-64"
      testId="lot-scan-form"
    >
      {outcome && <ScanAnswer outcome={outcome} onOpen={open} />}
    </ScanForm>
  )
}
