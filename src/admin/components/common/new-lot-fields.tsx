import { Input, Select } from "@medusajs/ui"
import { LOT_STATUS_LABELS } from "../../lib/format"
import { RECEIVE_STATUSES, type ReceiveLotBody, type ReceiveStatus } from "../../types"
import { FormField } from "./form-field"

/** What a form says about a lot it is about to create (number, dates, status, supplier). */
export type NewLotFieldValues = {
  lot_number: string
  manufactured_at: string
  expires_at: string
  status: ReceiveStatus
  supplier: string
  supplier_lot_number: string
}
export type NewLotFieldErrors = Partial<Record<keyof NewLotFieldValues, string>>

export const EMPTY_NEW_LOT_FIELDS: NewLotFieldValues = {
  lot_number: "",
  manufactured_at: "",
  expires_at: "",
  status: "released",
  supplier: "",
  supplier_lot_number: "",
}

/** Problems the form can see before asking the server (which checks everything again). */
export function newLotFieldErrors(values: NewLotFieldValues): NewLotFieldErrors {
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
}: {
  idPrefix: string
  values: NewLotFieldValues
  errors: NewLotFieldErrors
  onChange: <K extends keyof NewLotFieldValues>(key: K, value: NewLotFieldValues[K]) => void
}) => {
  const id = (name: string) => `${idPrefix}-${name}`
  return (
    <>
      <FormField id={id("lot-number")} label="Lot number" optional hint="Leave empty to generate one from the item's template.">
        <Input id={id("lot-number")} name="lot_number" value={values.lot_number} onChange={(e) => onChange("lot_number", e.target.value)} />
      </FormField>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField id={id("manufactured")} label="Manufactured" optional>
          <Input
            id={id("manufactured")}
            name="manufactured_at"
            type="date"
            value={values.manufactured_at}
            onChange={(e) => onChange("manufactured_at", e.target.value)}
          />
        </FormField>
        <FormField id={id("expires")} label="Expires" optional error={errors.expires_at} hint="From the shelf life when empty.">
          <Input
            id={id("expires")}
            name="expires_at"
            type="date"
            value={values.expires_at}
            onChange={(e) => onChange("expires_at", e.target.value)}
          />
        </FormField>
      </div>
      <FormField id={id("status")} label="Status" hint="Quarantined stock cannot be sold until it is released.">
        <Select value={values.status} onValueChange={(value) => onChange("status", value as ReceiveStatus)}>
          <Select.Trigger id={id("status")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {RECEIVE_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {LOT_STATUS_LABELS[s]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField id={id("supplier")} label="Supplier" optional>
          <Input id={id("supplier")} name="supplier" value={values.supplier} onChange={(e) => onChange("supplier", e.target.value)} />
        </FormField>
        <FormField id={id("supplier-lot")} label="Supplier's lot number" optional>
          <Input
            id={id("supplier-lot")}
            name="supplier_lot_number"
            value={values.supplier_lot_number}
            onChange={(e) => onChange("supplier_lot_number", e.target.value)}
          />
        </FormField>
      </div>
    </>
  )
}
