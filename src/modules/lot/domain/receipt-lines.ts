import { MedusaError } from "@medusajs/framework/utils"

/** What names a receipt line to the merchant who sent it. */
export type ReceiptLine = { lot_number?: string | null; lot_id?: string | null; inventory_item_id?: string | null }

/** Turns a refusal of one receipt into the refusal of the request, naming the line where it has several. */
export type ReceiptLines = { error(index: number, error: MedusaError): MedusaError }

/** One receipt per request (POST /admin/lots): its refusals stand as they are. */
export const UNNAMED_LINES: ReceiptLines = { error: (_index, error) => error }

/** "Line 3 (lot L-7)": the line's number counted from 1, and the lot or item it is about. */
export function describeReceiptLine(index: number, line: ReceiptLine): string {
  const subject = line.lot_number ? `lot ${line.lot_number}` : line.lot_id ? `lot ${line.lot_id}` : `item ${line.inventory_item_id}`
  return `Line ${index + 1} (${subject})`
}

/**
 * The lines of a batch of receipts: a refusal keeps its type and gets the line in front, so the
 * merchant knows which row of the delivery to fix; nothing of the batch is written.
 */
export function receiptLines(lines: ReceiptLine[]): ReceiptLines {
  return {
    error: (index, error) => new MedusaError(error.type, `${describeReceiptLine(index, lines[index] ?? {})}: ${error.message}`),
  }
}

/** Runs a check of one line, naming the line in the refusal it throws. */
export function onReceiptLine<T>(lines: ReceiptLines, index: number, check: () => T): T {
  try {
    return check()
  } catch (error) {
    throw MedusaError.isMedusaError(error) ? lines.error(index, error) : error
  }
}

/** Past this many refused lines the answer names the first ones and counts the rest. */
const MAX_NAMED_LINES = 20

/**
 * Checks every line of a batch and refuses the batch once, naming each refused line (the first
 * refusal's type decides the status), so a merchant fixes the whole delivery note in one go.
 * Returns each line's result in order when none is refused.
 */
export async function checkEveryLine<T>(lines: ReceiptLine[], check: (line: number) => T | Promise<T>): Promise<T[]> {
  const named = receiptLines(lines)
  const results: T[] = []
  const refusals: MedusaError[] = []
  for (let index = 0; index < lines.length; index++) {
    try {
      results.push(await check(index))
    } catch (error) {
      if (!MedusaError.isMedusaError(error)) throw error
      refusals.push(named.error(index, error))
    }
  }
  if (refusals.length === 1) {
    throw refusals[0]
  }
  if (refusals.length) {
    const shown = refusals.slice(0, MAX_NAMED_LINES).map((r) => r.message)
    const more = refusals.length > MAX_NAMED_LINES ? ` …and ${refusals.length - MAX_NAMED_LINES} more.` : ""
    const summary = `${refusals.length} of ${lines.length} lines cannot be received; nothing was received.`
    throw new MedusaError(refusals[0].type, `${summary} ${shown.join(" ")}${more}`)
  }
  return results
}
