import { useCreateLotSupplier } from "../../hooks/lot-suppliers"
import type { CreateLotSupplierBody } from "../../types"
import { DrawerForm, FormDrawer, type DrawerOpenProps } from "../common/drawer-form"
import { InputField } from "../common/form-field"
import { useDrawerForm, type FormCheck } from "../common/use-drawer-form"

const FIELDS = ["name", "address_1", "address_2", "postal_code", "city", "province", "country_code", "phone", "gln", "ffrn", "url"] as const
type FormState = Record<(typeof FIELDS)[number], string>

/** The form sees what it can (name given, identifier lengths); the server checks GLN check digits and the rest. */
function toBody(form: FormState): FormCheck<CreateLotSupplierBody, FormState> {
  const errors: Partial<FormState> = {}
  if (!form.name.trim()) errors.name = "Enter the supplier's business name."
  if (form.gln.trim() && !/^\d{13}$/.test(form.gln.replace(/\s/g, ""))) errors.gln = "A GLN has 13 digits."
  if (form.ffrn.trim() && !/^\d{11}$/.test(form.ffrn.replace(/[\s-]/g, ""))) errors.ffrn = "An FDA registration number has 11 digits."
  if (Object.keys(errors).length) return { errors }
  const optional = Object.fromEntries(FIELDS.map((key) => [key, form[key].trim() || undefined]))
  return { errors, body: { ...optional, name: form.name.trim() } }
}

/** Form to add a supplier (POST /admin/lot-suppliers). */
export const NewSupplierDrawer = ({ open, onOpenChange }: DrawerOpenProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} testId="new-supplier-drawer">
    <NewSupplierForm onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const NewSupplierForm = ({ onDone }: { onDone: () => void }) => {
  const { mutateAsync, isPending } = useCreateLotSupplier()
  const { textField, onSubmit } = useDrawerForm({
    initial: (): FormState => Object.fromEntries(FIELDS.map((key) => [key, ""])) as FormState,
    check: toBody,
    send: mutateAsync,
    onDone,
  })
  return (
    <DrawerForm title="New supplier" onSubmit={onSubmit} submitLabel="Add supplier" isPending={isPending}>
      <InputField id="supplier-name" label="Business name" {...textField("name")} />
      <InputField id="supplier-address-1" label="Address" optional {...textField("address_1")} />
      <InputField id="supplier-address-2" label="Address line 2" optional {...textField("address_2")} />
      <div className="grid grid-cols-2 gap-x-4">
        <InputField id="supplier-postal-code" label="Postal code" optional {...textField("postal_code")} />
        <InputField id="supplier-city" label="City" optional {...textField("city")} />
      </div>
      <div className="grid grid-cols-2 gap-x-4">
        <InputField id="supplier-province" label="State / province" optional {...textField("province")} />
        <InputField id="supplier-country" label="Country code" optional placeholder="us" {...textField("country_code")} />
      </div>
      <InputField id="supplier-phone" label="Phone" optional hint="FSMA's location description names a phone number." {...textField("phone")} />
      <InputField id="supplier-gln" label="GLN" optional hint="GS1 Global Location Number, 13 digits." inputMode="numeric" {...textField("gln")} />
      <InputField id="supplier-ffrn" label="FDA Food Facility Registration Number" optional hint="11 digits." inputMode="numeric" {...textField("ffrn")} />
      <InputField id="supplier-url" label="Web address" optional placeholder="https://" {...textField("url")} />
    </DrawerForm>
  )
}
