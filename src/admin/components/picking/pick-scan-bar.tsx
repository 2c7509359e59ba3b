import { Minus, Plus } from "@medusajs/icons"
import { Button, clx, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useState, type FormEvent, type RefObject } from "react"
import type { PickLine } from "../../lib/picking"
import type { PickNote } from "./use-picking"

const NOTE_CLASS: Record<PickNote["tone"], string> = {
  ok: "text-ui-tag-green-text",
  warning: "text-ui-tag-orange-text",
  error: "text-ui-fg-error",
}

/**
 * The scan field (kept focused by the page: a scanner types the code and presses Enter), the
 * units the next scan takes for the line being picked (its rest unless changed), and the answer
 * to the last scan. Sticks to the top of the screen while the lines scroll.
 */
export const PickScanBar = ({
  inputRef,
  activeLine,
  quantity,
  onQuantityChange,
  onScan,
  isScanning,
  note,
}: {
  inputRef: RefObject<HTMLInputElement>
  activeLine: PickLine | null
  quantity: number
  onQuantityChange: (quantity: number) => void
  onScan: (code: string) => Promise<void>
  isScanning: boolean
  note: PickNote | null
}) => {
  const [code, setCode] = useState("")

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const scanned = code
    // Cleared at once: the scanner may send the next code while this one is checked.
    setCode("")
    await onScan(scanned)
    inputRef.current?.focus()
  }

  return (
    <div className="bg-ui-bg-base border-ui-border-base sticky top-0 z-10 flex flex-col gap-y-3 border-b px-4 py-3 sm:px-6" data-testid="pick-scan-bar">
      <form onSubmit={onSubmit} className="flex flex-col gap-y-1" data-testid="pick-scan-form">
        <Label htmlFor="pick-scan" size="small" weight="plus">
          Scan a lot, SKU or barcode
        </Label>
        <div className="flex items-center gap-x-2">
          <div className="min-w-0 flex-1">
            <Input
              id="pick-scan"
              ref={inputRef}
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="enter"
              placeholder="Scan or type, then Enter"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              className="h-12 w-full text-base"
            />
          </div>
          <Button type="submit" size="large" className="h-12 shrink-0 px-5" isLoading={isScanning}>
            Enter
          </Button>
        </div>
      </form>
      {activeLine && (
        <div className="flex items-center gap-x-2" data-testid="pick-quantity">
          <Text size="small" className="text-ui-fg-subtle shrink-0">
            Take
          </Text>
          <IconButton type="button" size="xlarge" aria-label="One fewer" className="shrink-0" onClick={() => onQuantityChange(quantity - 1)} disabled={quantity <= 1}>
            <Minus />
          </IconButton>
          <div className="w-16 shrink-0">
            <Input
              id="pick-quantity"
              aria-label="Units the next scan takes"
              type="number"
              inputMode="numeric"
              min={1}
              max={activeLine.quantity}
              value={quantity}
              onChange={(e) => onQuantityChange(Number(e.target.value))}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault()
                  inputRef.current?.focus()
                }
              }}
              className="h-12 w-full text-center text-base"
            />
          </div>
          <IconButton type="button" size="xlarge" aria-label="One more" className="shrink-0" onClick={() => onQuantityChange(quantity + 1)}>
            <Plus />
          </IconButton>
          {/* Wraps rather than cuts the product name off. */}
          <Text size="small" className="text-ui-fg-subtle min-w-0 break-words">
            of {activeLine.title}
          </Text>
        </div>
      )}
      {note && (
        <Text size="small" weight="plus" className={clx(NOTE_CLASS[note.tone])} role={note.tone === "error" ? "alert" : "status"} data-testid="pick-note" data-tone={note.tone}>
          {note.text}
        </Text>
      )}
    </div>
  )
}
