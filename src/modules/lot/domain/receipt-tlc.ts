import { TlcAssignedBy } from "../types/statuses"

/**
 * FSMA 204 facts of a receipt: whether the source is exempt (21 CFR 1.1345(b)) and who assigned
 * the traceability lot code. Pure: the receive workflow checks and completes a receipt with these
 * before anything is written or a lot number is generated.
 */

export type ReceiptTlcFields = {
  /** The lot number the receipt names (typed or scanned); absent when the item's template numbers it here. */
  lot_number?: string | null
  /** Receiving into an existing lot: it keeps its own source and code. */
  lot_id?: string | null
  /** The supplier named, as master data or as free text. */
  supplier_id?: string | null
  supplier?: string | null
  exempt_source?: boolean
  tlc_assigned_by?: TlcAssignedBy | null
}

export type ReceiptTlc = { exempt_source: boolean; tlc_assigned_by: TlcAssignedBy | null }

/**
 * Who assigned the code when the receipt does not say: the supplier when one is named and the
 * receipt carries its code, else the receiver (a number generated here, or food with no known
 * source). Receipts into an existing lot change nothing.
 */
export function defaultTlcAssignedBy(fields: ReceiptTlcFields): TlcAssignedBy | null {
  if (fields.lot_id) {
    return null
  }
  const supplierNamed = Boolean(fields.supplier_id || fields.supplier?.trim())
  return supplierNamed && fields.lot_number?.trim() ? TlcAssignedBy.SUPPLIER : TlcAssignedBy.RECEIVER
}

/** What is wrong with a receipt's FSMA facts, in a merchant's words (empty when nothing is). */
export function receiptTlcProblems(fields: ReceiptTlcFields): string[] {
  const problems: string[] = []
  const supplierNamed = Boolean(fields.supplier_id || fields.supplier?.trim())
  if (fields.supplier_id && fields.supplier?.trim()) {
    problems.push("Send supplier_id or supplier, not both: the supplier's name is taken from its record.")
  }
  if (fields.exempt_source && !supplierNamed) {
    problems.push("A receipt from an exempt source must name that source: choose the supplier (supplier_id) or type its name.")
  }
  if (fields.tlc_assigned_by === TlcAssignedBy.SUPPLIER) {
    if (!supplierNamed) {
      problems.push("tlc_assigned_by is supplier, but no supplier is named: choose the supplier, or say the receiver assigned the code.")
    }
    if (!fields.lot_id && !fields.lot_number?.trim()) {
      problems.push(
        "tlc_assigned_by is supplier, but no lot number was given and one would be generated here: " +
          "type the lot code that came with the food, or say the receiver assigned it."
      )
    }
  }
  return problems
}

/** The receipt's exempt-source flag and TLC assigner once checked (assigner defaulted as above). */
export function receiptTlc(fields: ReceiptTlcFields): ReceiptTlc {
  return {
    exempt_source: Boolean(fields.exempt_source),
    tlc_assigned_by: fields.lot_id ? null : (fields.tlc_assigned_by ?? defaultTlcAssignedBy(fields)),
  }
}
