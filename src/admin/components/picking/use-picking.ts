import { usePrompt } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { usePickingScan } from "../../hooks/picking"
import { errorMessage } from "../../lib/format"
import {
  addPick,
  fefoSkipDeclined,
  fefoSkipQuestion,
  isGs1WithLot,
  lineOfProductCode,
  nextLine,
  pickedMessage,
  restOf,
  restorePicks,
  setPickQuantity,
  type Pick,
  type PickLine,
  type PickSheet,
} from "../../lib/picking"

export type PickNote = { tone: "ok" | "warning" | "error"; text: string }

/**
 * The picker's work on one order: the picks so far (kept in the browser until "Finish", so a reload
 * or a phone that drops the page does not lose them), the line
 * being worked on, the units the next scan takes (the line's rest unless the picker changed it),
 * and what the last scan said. A scan of a lot goes to the server (pick-scan), which confirms it,
 * moves the line's allocation onto it, warns before a lot that skips an earlier-expiring one, or
 * refuses it in the picker's words; an untracked line's SKU or barcode is matched here.
 */
export function usePicking(orderId: string, sheet: PickSheet | undefined) {
  const [picks, setPicksState] = useState<Pick[]>([])
  const picksRef = useRef<Pick[]>([])
  const [activeId, setActiveId] = useState<string | null>(null)
  const [quantity, setQuantity] = useState<number | null>(null)
  const [note, setNote] = useState<PickNote | null>(null)
  const scan = usePickingScan(orderId)
  const prompt = usePrompt()

  const lines = sheet?.lines ?? []
  const lineOf = (id: string) => lines.find((l) => l.line_item_id === id) ?? null
  const storageKey = sheet ? `lot-tracking.picks:${orderId}:${sheet.location.id}` : null
  const setPicks = (next: Pick[]) => {
    picksRef.current = next
    setPicksState(next)
    if (storageKey) savePicks(storageKey, next)
  }
  // Once the sheet is here, pick up where the picker left off on this browser.
  const restoredFor = useRef<string | null>(null)
  useEffect(() => {
    if (!sheet || !storageKey || restoredFor.current === storageKey) return
    restoredFor.current = storageKey
    const restored = restorePicks(readPicks(storageKey), sheet.lines)
    picksRef.current = restored
    setPicksState(restored)
  }, [sheet, storageKey])
  const activeLine = (() => {
    const chosen = activeId ? lineOf(activeId) : null
    return chosen && restOf(chosen, picks) > 0 ? chosen : nextLine(lines, picks, null)
  })()
  const activeRest = activeLine ? restOf(activeLine, picks) : 0
  /** Units the next scan takes: what the picker set, else the active line's rest. */
  const nextQuantity = Math.min(quantity ?? activeRest, activeRest)

  /** Units a scan for `line` takes: the set quantity if it was set for that line, else its rest. */
  const wantedFor = (line: PickLine) =>
    quantity !== null && line.line_item_id === activeLine?.line_item_id ? quantity : restOf(line, picksRef.current)

  const record = (line: PickLine, lot: { lot_id: string; lot_number: string } | null, wanted: number) => {
    if (restOf(line, picksRef.current) === 0) {
      setNote({ tone: "warning", text: `All ${line.quantity} of ${line.title} are picked already.` })
      return
    }
    const { picks: next, taken } = addPick(picksRef.current, line, { lot_id: lot?.lot_id ?? null, lot_number: lot?.lot_number ?? null, quantity: wanted })
    setPicks(next)
    setQuantity(null)
    setActiveId(restOf(line, next) > 0 ? line.line_item_id : (nextLine(lines, next, line.line_item_id)?.line_item_id ?? null))
    setNote({ tone: "ok", text: pickedMessage(line, next, taken, lot?.lot_number ?? null) })
  }

  const askServer = async (code: string, fefo_skip: "warn" | "allow") => {
    const requested = quantity ?? (activeLine?.tracked ? activeRest : undefined)
    return scan.mutateAsync({ code, location_id: sheet!.location.id, fefo_skip, ...(requested ? { quantity: requested } : {}) })
  }

  const submitScan = async (raw: string) => {
    const code = raw.trim()
    if (!code || !sheet) return
    const productLine = lineOfProductCode(lines, code, picksRef.current)
    if (productLine && !productLine.tracked) {
      record(productLine, null, wantedFor(productLine))
      return
    }
    if (productLine && !isGs1WithLot(code)) {
      setNote({ tone: "error", text: `${productLine.title} is lot-tracked: scan the lot's barcode or type its lot number.` })
      return
    }
    try {
      let answer = await askServer(code, "warn")
      if (answer.outcome === "fefo_warning") {
        const take = await prompt(fefoSkipQuestion(answer))
        if (!take) {
          setNote({ tone: "warning", text: fefoSkipDeclined(answer) })
          return
        }
        answer = await askServer(code, "allow")
      }
      const line = lineOf(answer.line_item_id)
      if (!line) {
        setNote({ tone: "error", text: "This lot is for a line that is not picked at this location." })
        return
      }
      if (answer.outcome === "confirmed") {
        record(line, { lot_id: answer.lot.id, lot_number: answer.lot.lot_number }, wantedFor(line))
      } else if (answer.outcome === "swapped") {
        // The lot may have had fewer free units than wanted: only those moved onto it.
        record(line, answer.to, Math.min(wantedFor(line), answer.to.quantity))
      }
    } catch (error) {
      setNote({ tone: "error", text: errorMessage(error) })
    }
  }

  return {
    lines,
    picks,
    activeLine,
    nextQuantity,
    note,
    isScanning: scan.isPending,
    submitScan,
    selectLine: (lineId: string) => {
      setActiveId(lineId)
      setQuantity(null)
    },
    /** The units the next scan (or confirm) takes, for the active line. */
    setNextQuantity: (value: number) => setQuantity(Math.max(1, Math.min(Math.floor(value) || 1, activeRest || 1))),
    confirmPlain: (line: PickLine) => record(line, null, wantedFor(line)),
    changePick: (line: PickLine, pick: Pick, units: number) => setPicks(setPickQuantity(picksRef.current, line, pick, units)),
    /** After "Finish": the picks are in Medusa's fulfillment, nothing to keep. */
    forgetPicks: () => storageKey && window.localStorage.removeItem(storageKey),
    setNote,
  }
}

function readPicks(key: string): unknown {
  try {
    return JSON.parse(window.localStorage.getItem(key) ?? "null")
  } catch {
    return null
  }
}

function savePicks(key: string, picks: Pick[]) {
  try {
    if (picks.length) window.localStorage.setItem(key, JSON.stringify(picks))
    else window.localStorage.removeItem(key)
  } catch {
    // private mode or full storage: the picks live on in the page only
  }
}
