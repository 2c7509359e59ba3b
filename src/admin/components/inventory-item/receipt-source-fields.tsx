import { Checkbox, Label } from "@medusajs/ui"
import { TLC_ASSIGNERS, type TlcAssignedBy } from "../../types"
import { FormField, InputField, labelledOptions, SelectField } from "../common/form-field"
import type { FieldErrors } from "../common/use-drawer-form"
import { SupplierPicker, type PickedSupplier } from "../suppliers/supplier-picker"

/** FSMA 204 facts of a receipt: the supplier record, an exempt source, who assigned the lot code, the delivery document. */
export type ReceiptSourceValues = {
  supplier_record: PickedSupplier | null
  exempt_source: boolean
  tlc_assigned_by: TlcAssignedBy | ""
  receipt_document_type: string
  receipt_document_number: string
}

export const EMPTY_RECEIPT_SOURCE: ReceiptSourceValues = {
  supplier_record: null,
  exempt_source: false,
  tlc_assigned_by: "",
  receipt_document_type: "",
  receipt_document_number: "",
}

const ASSIGNER_LABELS: Record<TlcAssignedBy, string> = {
  supplier: "Supplier (the code came with the food)",
  receiver: "Us, on receipt",
}

/** Problems the form can see before asking the server. */
export function receiptSourceErrors(values: ReceiptSourceValues): FieldErrors<ReceiptSourceValues> {
  const type = values.receipt_document_type.trim()
  const number = values.receipt_document_number.trim()
  if (Boolean(type) !== Boolean(number)) {
    return type ? { receipt_document_number: "Enter the document's number too." } : { receipt_document_type: "Say what kind of document it is." }
  }
  return values.exempt_source && !values.supplier_record ? { supplier_record: "Choose the exempt source the food came from." } : {}
}

/** The request fields; what is left empty is left out so the server applies its defaults. */
export function receiptSourceBody(values: ReceiptSourceValues) {
  const optional = (value: string) => value.trim() || undefined
  return {
    supplier_id: values.supplier_record?.id,
    exempt_source: values.exempt_source || undefined,
    tlc_assigned_by: values.tlc_assigned_by || undefined,
    receipt_document_type: optional(values.receipt_document_type),
    receipt_document_number: optional(values.receipt_document_number),
  }
}

export const ReceiptSourceFields = ({
  values,
  errors,
  onChange,
}: {
  values: ReceiptSourceValues
  errors: FieldErrors<ReceiptSourceValues>
  onChange: <K extends keyof ReceiptSourceValues>(key: K, value: ReceiptSourceValues[K]) => void
}) => (
  <>
    <FormField id="receive-supplier" label="Supplier" optional error={errors.supplier_record} hint="Its address, GLN and FDA registration go into the FSMA 204 export.">
      <SupplierPicker id="receive-supplier" value={values.supplier_record} onChange={(supplier) => onChange("supplier_record", supplier)} />
    </FormField>
    <div className="flex items-start gap-x-2">
      <Checkbox id="receive-exempt" checked={values.exempt_source} onCheckedChange={(checked) => onChange("exempt_source", checked === true)} />
      <Label htmlFor="receive-exempt" size="small">
        From an exempt source (21 CFR 1.1345(b)), e.g. a small farm
      </Label>
    </div>
    <SelectField
      id="receive-tlc-assigned-by"
      label="Lot code assigned by"
      optional
      hint="When empty: the supplier if it is named and a lot number is typed, else us."
      value={values.tlc_assigned_by}
      onValueChange={(value) => onChange("tlc_assigned_by", value)}
      options={labelledOptions(TLC_ASSIGNERS, ASSIGNER_LABELS)}
    />
    <div className="grid grid-cols-2 gap-x-4">
      <InputField
        id="receive-document-type"
        label="Reference document"
        optional
        placeholder="Bill of lading"
        value={values.receipt_document_type}
        onValueChange={(value) => onChange("receipt_document_type", value)}
        error={errors.receipt_document_type}
      />
      <InputField
        id="receive-document-number"
        label="Document number"
        optional
        placeholder="BOL-4471"
        value={values.receipt_document_number}
        onValueChange={(value) => onChange("receipt_document_number", value)}
        error={errors.receipt_document_number}
      />
    </div>
  </>
)
