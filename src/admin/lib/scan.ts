import { Gs1ParseError, parseGs1Scan } from "../../modules/lot/domain/gs1"

/**
 * The lot number in what a user typed or a scanner sent — a plain lot number, a GS1 element
 * string or a GS1 Digital Link — read by the same parser the server uses. Lot numbers are stored
 * upper-case, so the result is too. Null when the scan carries no lot or cannot be read.
 */
export function lotNumberFromScan(input: string): string | null {
  try {
    const scan = parseGs1Scan(input)
    const lot = scan.kind === "lot_number" ? scan.lot_number : scan.lot
    return lot ? lot.trim().toUpperCase() : null
  } catch (error) {
    if (error instanceof Gs1ParseError) {
      return null
    }
    throw error
  }
}
