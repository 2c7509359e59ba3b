import { Text, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { usePickingScan } from "../../hooks/picking"
import { errorMessage } from "../../lib/format"
import { fefoSkipDeclined, fefoSkipQuestion } from "../../lib/picking"
import { ScanForm } from "../common/scan-form"

/**
 * The pick station's scan field: a scanner types the lot's barcode (GS1 element string, Digital
 * Link or plain lot number) and presses Enter. The server confirms the lot, moves the line onto it,
 * or refuses it; a lot that would skip an earlier-expiring one is asked about first. The answer is
 * shown in green or red and the pick list follows.
 */
export const PickScanField = ({ orderId }: { orderId: string }) => {
  const [code, setCode] = useState("")
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const { mutateAsync, isPending } = usePickingScan(orderId)
  const prompt = usePrompt()

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!code.trim()) return
    try {
      let answer = await mutateAsync({ code, fefo_skip: "warn" })
      if (answer.outcome === "fefo_warning") {
        const take = await prompt(fefoSkipQuestion(answer))
        if (!take) {
          setNote({ ok: false, text: fefoSkipDeclined(answer) })
          setCode("")
          return
        }
        answer = await mutateAsync({ code, fefo_skip: "allow" })
      }
      setNote({ ok: true, text: answer.message })
    } catch (error) {
      setNote({ ok: false, text: errorMessage(error) })
    }
    // Ready for the next scan either way.
    setCode("")
  }

  return (
    <ScanForm
      id={`pick-scan-${orderId}`}
      label="Scan a picked lot"
      placeholder="Scan the lot's barcode or type its number"
      submitLabel="Check"
      value={code}
      onValueChange={setCode}
      onSubmit={onSubmit}
      isPending={isPending}
      inputClassName="w-72"
      className="px-6 py-4"
      testId="pick-scan-form"
    >
      {note && (
        <Text
          size="small"
          className={note.ok ? "text-ui-tag-green-text" : "text-ui-fg-error"}
          role={note.ok ? "status" : "alert"}
          data-testid="pick-scan-result"
        >
          {note.text}
        </Text>
      )}
    </ScanForm>
  )
}
