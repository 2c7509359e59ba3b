import { LOT_STATUS_LABELS } from "../../lib/format"
import { RECEIVE_STATUSES, type ReceiveLotBody, type ReceiveStatus } from "../../types"
import { InputField, labelledOptions, SelectField } from "./form-field"
import type { FieldErrors } from "./use-drawer-form"

/** What a form says about a lot it is about to create (number, dates, status, supplier). */
export type NewLotFieldValues = {
  lot_number: string
  manufactured_at: string
  expires_at: string
  status: ReceiveStatus
  supplier: string
  supplier_lot_number: string
}
export type NewLotFieldErrors = FieldErrors<NewLotFieldValues>

export const EMPTY_NEW_LOT_FIELDS: NewLotFieldValues = {
  lot_number: "",
  manufactured_at: "",
  expires_at: "",
  status: "released",
  supplier: "",
  supplier_lot_number: "",
}

/** Problems the form can see before asking the server (which checks everything again). */
export function newLotFieldErrors(values: Pick<NewLotFieldValues, "manufactured_at" | "expires_at">): NewLotFieldErrors {
  return values.manufactured_at && values.expires_at && values.expires_at <= values.manufactured_at
    ? { expires_at: "The expiry date must be after the manufacture date." }
    : {}
}

type NewLotBodyFields = Pick<
  ReceiveLotBody,
  "lot_number" | "status" | "manufactured_at" | "expires_at" | "supplier" | "supplier_lot_number"
>

/** The request fields of a new lot; empty text is left out so the server applies its defaults. */
export function newLotBodyFields(values: NewLotFieldValues): NewLotBodyFields {
  const optional = (value: string) => value.trim() || undefined
  return {
    status: values.status,
    lot_number: optional(values.lot_number),
    manufactured_at: optional(values.manufactured_at),
    expires_at: optional(values.expires_at),
    supplier: optional(values.supplier),
    supplier_lot_number: optional(values.supplier_lot_number),
  }
}

/** The fields that describe a new lot, for any form that creates one. */
export const NewLotFields = ({
  idPrefix,
  values,
  errors,
  onChange,
  supplierPicked,
  expiryHint,
}: {
  idPrefix: string
  /** The form picks the supplier from the supplier records: no free-text name then. */
  supplierPicked?: boolean
  /** Under the expiry field: what an empty one becomes (see useExpiryHint). */
  expiryHint?: string
  values: NewLotFieldValues
  errors: NewLotFieldErrors
  onChange: <K extends keyof NewLotFieldValues>(key: K, value: NewLotFieldValues[K]) => void
}) => {
  /** Id, name, value, change handler and error of one text field. */
  const field = (idSuffix: string, name: Exclude<keyof NewLotFieldValues, "status">) => ({
    id: `${idPrefix}-${idSuffix}`,
    name,
    value: values[name],
    onValueChange: (value: string) => onChange(name, value),
    error: errors[name],
  })
  return (
    <>
      <InputField label="Lot number" optional hint="Leave empty to generate one from the item's template." {...field("lot-number", "lot_number")} />
      <div className="grid grid-cols-2 gap-x-4">
        <InputField label="Manufactured" optional type="date" {...field("manufactured", "manufactured_at")} />
        <InputField label="Expires" optional hint={expiryHint} type="date" {...field("expires", "expires_at")} />
      </div>
      <SelectField
        id={`${idPrefix}-status`}
        label="Status"
        hint="Quarantined stock cannot be sold until it is released."
        value={values.status}
        onValueChange={(value) => onChange("status", value)}
        options={labelledOptions(RECEIVE_STATUSES, LOT_STATUS_LABELS)}
      />
      {supplierPicked ? (
        <InputField label="Supplier's lot number" optional {...field("supplier-lot", "supplier_lot_number")} />
      ) : (
        <div className="grid grid-cols-2 gap-x-4">
          <InputField label="Supplier" optional {...field("supplier", "supplier")} />
          <InputField label="Supplier's lot number" optional {...field("supplier-lot", "supplier_lot_number")} />
        </div>
      )}
    </>
  )
}
