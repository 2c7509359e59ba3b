import { Hint, Input, Label, Select, Textarea } from "@medusajs/ui"
import type { ComponentProps, ReactNode } from "react"

type FieldProps = {
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
}

/** Label, control and an optional hint or error below it. */
export const FormField = ({ id, label, optional, hint, error, children }: FieldProps & { children: ReactNode }) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint ? <Hint>{hint}</Hint> : null}
  </div>
)

type TextControl<Props> = FieldProps & Omit<Props, "id" | "value" | "onChange"> & { value: string; onValueChange: (value: string) => void }

/** A labelled text input; props other than the field's go to the input. */
export const InputField = ({ id, label, optional, hint, error, onValueChange, ...input }: TextControl<ComponentProps<typeof Input>>) => (
  <FormField id={id} label={label} optional={optional} hint={hint} error={error}>
    <Input id={id} {...input} onChange={(e) => onValueChange(e.target.value)} />
  </FormField>
)

/** A labelled textarea; props other than the field's go to the textarea. */
export const TextareaField = ({ id, label, optional, hint, error, onValueChange, ...textarea }: TextControl<ComponentProps<typeof Textarea>>) => (
  <FormField id={id} label={label} optional={optional} hint={hint} error={error}>
    <Textarea id={id} {...textarea} onChange={(e) => onValueChange(e.target.value)} />
  </FormField>
)

export type SelectOption<V extends string> = { value: V; label: string }

/** Options for a select from a list of values and the label of each. */
export const labelledOptions = <V extends string>(values: readonly V[], labels: Record<NoInfer<V>, string>): SelectOption<V>[] =>
  values.map((value) => ({ value, label: labels[value] }))

/** A labelled select over a list of options. */
export const SelectField = <V extends string>({
  id,
  label,
  optional,
  hint,
  error,
  value,
  onValueChange,
  options,
  placeholder,
  disabled,
}: FieldProps & {
  value: V | ""
  onValueChange: (value: V) => void
  options: SelectOption<V>[]
  placeholder?: string
  disabled?: boolean
}) => (
  <FormField id={id} label={label} optional={optional} hint={hint} error={error}>
    <Select value={value} onValueChange={(next) => onValueChange(next as V)}>
      <Select.Trigger id={id} disabled={disabled}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </FormField>
)
