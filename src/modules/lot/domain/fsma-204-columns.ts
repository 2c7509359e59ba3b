import type { FsmaCte } from "./fsma-event"

/**
 * The columns of the FDA FSMA 204 (21 CFR 1 subpart S) sortable spreadsheet, which sheet of the
 * XLSX carries each, which Key Data Element of which section it holds, and the definitions the
 * key sheet (and the CSV's companion key) gives. Pure data, shared by the row builder, the
 * writers and the tests.
 */

type ColumnSpec = { key: string; header: string; width: number; definition: string }

export const FSMA_204_COLUMNS = [
  { key: "event_type", header: "Critical Tracking Event", width: 16,
    definition: "The event the row records: Receiving, Transformation (production, or a split: repack / relabel) or Shipping." },
  { key: "traceability_lot_code", header: "Traceability Lot Code", width: 24,
    definition: "The lot's traceability lot code (TLC): the lot number on the pack. For a transformation, the new code of the lot made." },
  { key: "tlc_assigned_by", header: "Traceability Lot Code Assigned By", width: 16,
    definition: "Who assigned the TLC. Supplier: it came with the food. Receiver: we assigned it on receipt (food from an exempt source, or no code came with it). Transformer: we assigned it when we made the lot." },
  { key: "product_description", header: "Product Description", width: 36,
    definition: "The product's name and SKU as the store lists it." },
  { key: "quantity", header: "Quantity", width: 10,
    definition: "How much of the lot the event moved, in the unit of measure beside it." },
  { key: "unit_of_measure", header: "Unit of Measure", width: 12,
    definition: "What one counted unit of the product is (each, case of 12, kg, ...), as set on the product's lot policy." },
  { key: "event_date", header: "Event Date", width: 12,
    definition: "Date of the event (UTC): received, transformation completed, or shipped." },
  { key: "event_time", header: "Event Time (UTC)", width: 10,
    definition: "Time of the event (UTC), so rows of one day sort in the order they happened." },
  { key: "immediate_previous_source", header: "Immediate Previous Source (Location Description)", width: 44,
    definition: "Who sent us the food (not the carrier): business name, address and phone as recorded on receipt." },
  { key: "previous_source_lot_code", header: "Previous Source Lot Code", width: 20,
    definition: "The supplier's own lot number, when it differs from the TLC or was recorded beside it." },
  { key: "receiving_location", header: "Receiving Location (Location Description)", width: 40,
    definition: "Our location that received the food: name and address." },
  { key: "exempt_source", header: "Exempt Source (21 CFR 1.1345(b))", width: 14,
    definition: "Yes: received from a person exempt from subpart S (21 CFR 1.1305); the receipt carries the KDEs of 1.1345(b), and the TLC source columns may be empty. No: an ordinary receipt (1.1345(a))." },
  { key: "lot_code_source", header: "Traceability Lot Code Source (Location Description)", width: 44,
    definition: "Where the TLC was assigned: the supplier's business name, address and phone when it assigned the code; our location when we assigned it (on receipt or at a transformation)." },
  { key: "lot_code_source_reference", header: "Traceability Lot Code Source Reference", width: 36,
    definition: "What lets FDA find the TLC source without its address, each labelled: GLN (GS1 Global Location Number), FDA FFRN (Food Facility Registration Number), URL (web address)." },
  { key: "ship_from_location", header: "Ship-From Location (Location Description)", width: 40,
    definition: "Our location the food left from: name and address." },
  { key: "ship_to_location", header: "Ship-To Location (Immediate Subsequent Recipient)", width: 44,
    definition: "Who the food was shipped to (not the carrier): name, company, address and phone of the delivery address." },
  { key: "transformation_location", header: "Transformation Location (Location Description)", width: 40,
    definition: "Our location where the lot was made; it is also the new lot's TLC source." },
  { key: "input_lot_codes", header: "Input Traceability Lot Codes", width: 28,
    definition: "The TLCs of the lots used in the transformation, separated by ; in the same order as the two columns beside it." },
  { key: "input_product_descriptions", header: "Input Product Descriptions", width: 40,
    definition: "The product of each input lot, in the order of the input TLCs." },
  { key: "input_quantities", header: "Input Quantities and Units", width: 20,
    definition: "How much of each input lot was used, with its unit of measure, in the order of the input TLCs." },
  { key: "reference_document_type", header: "Reference Document Type", width: 24,
    definition: "The kind of record the event is written in. Receiving: the delivery document typed on receipt (bill of lading, invoice, ...), else Lot receipt record. Transformation: Production record or Split (repack / relabel) record. Shipping: Sales order." },
  { key: "reference_document_number", header: "Reference Document Number", width: 24,
    definition: "The number to look that record up by: the delivery document's number; for a lot receipt record or a transformation, the lot number (its history in the admin holds the record); for a sales order, the order number shown in the admin." },
] as const satisfies readonly ColumnSpec[]

export type Fsma204Key = (typeof FSMA_204_COLUMNS)[number]["key"]
/** One row: text, a number (quantity, order number) or empty. */
export type Fsma204Row = Record<Fsma204Key, string | number | null>
export type Fsma204Column = (typeof FSMA_204_COLUMNS)[number]

const COLUMN = new Map<Fsma204Key, Fsma204Column>(FSMA_204_COLUMNS.map((c) => [c.key, c]))
/** A column by key. */
export const fsmaColumn = (key: Fsma204Key): Fsma204Column => COLUMN.get(key)!

export const FSMA_CTE_LABELS: Record<FsmaCte, string> = {
  receiving: "Receiving",
  transformation: "Transformation",
  shipping: "Shipping",
}

/**
 * The XLSX's sheets, one per CTE like FDA's sortable spreadsheet template, each with the columns
 * that CTE's KDEs need, in the order a reader fills them in.
 */
export const FSMA_SHEETS: { cte: FsmaCte; name: string; columns: Fsma204Key[] }[] = [
  {
    cte: "receiving",
    name: "Receiving",
    columns: [
      "traceability_lot_code", "tlc_assigned_by", "product_description", "quantity", "unit_of_measure",
      "immediate_previous_source", "previous_source_lot_code", "receiving_location", "event_date", "event_time",
      "exempt_source", "lot_code_source", "lot_code_source_reference", "reference_document_type", "reference_document_number",
    ],
  },
  {
    cte: "transformation",
    name: "Transformation",
    columns: [
      "input_lot_codes", "input_product_descriptions", "input_quantities", "traceability_lot_code", "tlc_assigned_by",
      "product_description", "quantity", "unit_of_measure", "transformation_location", "lot_code_source",
      "lot_code_source_reference", "event_date", "event_time", "reference_document_type", "reference_document_number",
    ],
  },
  {
    cte: "shipping",
    name: "Shipping",
    columns: [
      "traceability_lot_code", "tlc_assigned_by", "product_description", "quantity", "unit_of_measure",
      "ship_to_location", "ship_from_location", "event_date", "event_time", "lot_code_source",
      "lot_code_source_reference", "reference_document_type", "reference_document_number",
    ],
  },
]

/** The name of the XLSX sheet (and of the CSV companion file's content) that defines every column. */
export const FSMA_KEY_SHEET_NAME = "Key"

/** Every KDE of 21 CFR 1.1340, 1.1345(a), 1.1345(b) and 1.1350, and the column that carries it. */
export type FsmaKde = { cte: FsmaCte; cfr: string; kde: string; column: Fsma204Key; exempt_only?: boolean }

const receivingKdes = (paragraph: "a" | "b"): FsmaKde[] => {
  const at = (n: number) => `1.1345(${paragraph})(${n})`
  const exempt_only = paragraph === "b"
  const common: FsmaKde[] = [
    { cte: "receiving", cfr: at(1), kde: "Traceability lot code", column: "traceability_lot_code", exempt_only },
    { cte: "receiving", cfr: at(2), kde: "Quantity", column: "quantity", exempt_only },
    { cte: "receiving", cfr: at(2), kde: "Unit of measure", column: "unit_of_measure", exempt_only },
    { cte: "receiving", cfr: at(3), kde: "Product description", column: "product_description", exempt_only },
    { cte: "receiving", cfr: at(4), kde: "Location description of the immediate previous source", column: "immediate_previous_source", exempt_only },
    { cte: "receiving", cfr: at(5), kde: "Location description of where the food was received", column: "receiving_location", exempt_only },
    { cte: "receiving", cfr: at(6), kde: "Date received", column: "event_date", exempt_only },
  ]
  if (paragraph === "b") {
    return [
      ...common,
      { cte: "receiving", cfr: "1.1345(b)", kde: "Receipt from an exempt source", column: "exempt_source", exempt_only },
      { cte: "receiving", cfr: at(7), kde: "Reference document type", column: "reference_document_type", exempt_only },
      { cte: "receiving", cfr: at(7), kde: "Reference document number", column: "reference_document_number", exempt_only },
    ]
  }
  return [
    ...common,
    { cte: "receiving", cfr: at(7), kde: "Location description of the TLC source", column: "lot_code_source" },
    { cte: "receiving", cfr: at(7), kde: "TLC source reference (alternative to the location description)", column: "lot_code_source_reference" },
    { cte: "receiving", cfr: at(8), kde: "Reference document type", column: "reference_document_type" },
    { cte: "receiving", cfr: at(8), kde: "Reference document number", column: "reference_document_number" },
  ]
}

export const FSMA_204_KDES: FsmaKde[] = [
  { cte: "shipping", cfr: "1.1340(a)(1)", kde: "Traceability lot code", column: "traceability_lot_code" },
  { cte: "shipping", cfr: "1.1340(a)(2)", kde: "Quantity", column: "quantity" },
  { cte: "shipping", cfr: "1.1340(a)(2)", kde: "Unit of measure", column: "unit_of_measure" },
  { cte: "shipping", cfr: "1.1340(a)(3)", kde: "Product description", column: "product_description" },
  { cte: "shipping", cfr: "1.1340(a)(4)", kde: "Location description of the immediate subsequent recipient", column: "ship_to_location" },
  { cte: "shipping", cfr: "1.1340(a)(5)", kde: "Location description of where the food was shipped from", column: "ship_from_location" },
  { cte: "shipping", cfr: "1.1340(a)(6)", kde: "Date shipped", column: "event_date" },
  { cte: "shipping", cfr: "1.1340(a)(7)", kde: "Location description of the TLC source", column: "lot_code_source" },
  { cte: "shipping", cfr: "1.1340(a)(7)", kde: "TLC source reference (alternative to the location description)", column: "lot_code_source_reference" },
  { cte: "shipping", cfr: "1.1340(a)(8)", kde: "Reference document type", column: "reference_document_type" },
  { cte: "shipping", cfr: "1.1340(a)(8)", kde: "Reference document number", column: "reference_document_number" },
  ...receivingKdes("a"),
  ...receivingKdes("b"),
  { cte: "transformation", cfr: "1.1350(a)(1)(i)", kde: "TLC of each food used", column: "input_lot_codes" },
  { cte: "transformation", cfr: "1.1350(a)(1)(ii)", kde: "Product description of each food used", column: "input_product_descriptions" },
  { cte: "transformation", cfr: "1.1350(a)(1)(iii)", kde: "Quantity and unit of measure used from each lot", column: "input_quantities" },
  { cte: "transformation", cfr: "1.1350(a)(2)(i)", kde: "New traceability lot code", column: "traceability_lot_code" },
  { cte: "transformation", cfr: "1.1350(a)(2)(ii)", kde: "Location description of where the food was transformed (the TLC source)", column: "transformation_location" },
  { cte: "transformation", cfr: "1.1350(a)(2)(iii)", kde: "Date transformation was completed", column: "event_date" },
  { cte: "transformation", cfr: "1.1350(a)(2)(iv)", kde: "Product description", column: "product_description" },
  { cte: "transformation", cfr: "1.1350(a)(2)(v)", kde: "Quantity", column: "quantity" },
  { cte: "transformation", cfr: "1.1350(a)(2)(v)", kde: "Unit of measure", column: "unit_of_measure" },
  { cte: "transformation", cfr: "1.1350(a)(2)(vi)", kde: "Reference document type", column: "reference_document_type" },
  { cte: "transformation", cfr: "1.1350(a)(2)(vi)", kde: "Reference document number", column: "reference_document_number" },
]

export const FSMA_KEY_COLUMNS = [
  { key: "column", header: "Column", width: 44 },
  { key: "sheets", header: "Sheets", width: 30 },
  { key: "kdes", header: "Key Data Element (21 CFR)", width: 40 },
  { key: "definition", header: "Definition and codes", width: 100 },
] as const

/** The key: one row per column, with the sheets it is on, the KDE sections it carries and its definition. */
export function fsmaKeyRows(): string[][] {
  return FSMA_204_COLUMNS.map((column) => {
    const sheets = FSMA_SHEETS.filter((sheet) => sheet.columns.includes(column.key)).map((sheet) => sheet.name)
    const sections = [...new Set(FSMA_204_KDES.filter((k) => k.column === column.key).map((k) => `§${k.cfr}`))]
    return [column.header, sheets.join(", ") || "CSV only", sections.join(", "), column.definition]
  })
}
