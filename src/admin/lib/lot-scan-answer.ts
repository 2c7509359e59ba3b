import type { LotScanAnswer } from "../types"
import { scanProblem } from "./scan"

/** The inventory item page's query parameter that opens its receive form with this code read into it. */
export const RECEIVE_CODE_PARAM = "receive_code"

/** What the "Go to lot" field does with a scan, once the server's scan route has answered. */
export type LotScanOutcome =
  /** A lot we have: open it; `note` is a remark to show beside (the label's expiry differs). */
  | { kind: "open"; lotId: string; note: string | null }
  /** A lot we have, but the label names another product (or one this store does not know): warn first. */
  | { kind: "confirm"; lotId: string; lotNumber: string; warning: string }
  /** A product we sell and a lot number not received yet: offer the item's receive form. */
  | { kind: "receive"; lotNumber: string; message: string; path: string }
  /** Nothing to open: say why. */
  | { kind: "problem"; message: string }

/** The inventory item page with its receive form open and the scanned code read into it. */
export const receivePath = (inventoryItemId: string, code: string) =>
  `/inventory/${encodeURIComponent(inventoryItemId)}?${new URLSearchParams({ [RECEIVE_CODE_PARAM]: code })}`

/** Decides from POST /admin/lots/scan's answer; `code` is what was scanned, for the receive form. */
export function lotScanOutcome(code: string, answer: LotScanAnswer): LotScanOutcome {
  const { lot, message } = answer
  if (answer.match === "lot" && lot) {
    return { kind: "open", lotId: lot.id, note: message }
  }
  // The lot is ours but the GTIN on the label is another product's, or no product's: the server's
  // message names both sides; opening the lot stays one deliberate click away.
  if ((answer.match === "mismatch" || answer.match === "unknown_item") && lot) {
    return { kind: "confirm", lotId: lot.id, lotNumber: lot.lot_number, warning: message ?? `Check the label of lot ${lot.lot_number}.` }
  }
  if (answer.match === "new_lot" && answer.receive) {
    return {
      kind: "receive",
      lotNumber: answer.receive.lot_number,
      message: message ?? `Lot ${answer.receive.lot_number} is not in stock yet.`,
      path: receivePath(answer.receive.inventory_item_id, code),
    }
  }
  return { kind: "problem", message: message ?? "The scan names no lot of this store." }
}

/**
 * What to say when the server could not read the scan (its 400): for a GTIN, exactly what is wrong
 * with it — its check digit or its length — else the server's own words.
 */
export function unreadableScanMessage(code: string, serverMessage: string): string {
  const problem = scanProblem(code)
  if (problem?.ai === "01" && problem.code === "check_digit") {
    const digits = /should be (\d), got (\d)/.exec(problem.message)
    return digits
      ? `The GTIN's check digit is wrong: it should be ${digits[1]}, not ${digits[2]}. Check the digits, or scan the label again.`
      : `The GTIN's check digit is wrong (${problem.message}).`
  }
  if (problem?.ai === "01" && (problem.code === "wrong_length" || problem.code === "truncated")) {
    const counts = /expected (\d+) digits for the GTIN, got (\d+)/.exec(problem.message)
    return counts
      ? `The GTIN has ${counts[2]} digits; it needs ${counts[1]} (a GTIN-13 or UPC-A is padded with leading zeros).`
      : `The GTIN has the wrong length (${problem.message}).`
  }
  return `The code cannot be read: ${serverMessage}`
}
