import { Button, clx, Input, Label } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"

/**
 * A one-field form for a barcode scanner: the scanner types the code and presses Enter, which
 * submits it like the button does. The answer (`children`) shows under the field.
 */
export const ScanForm = ({
  id,
  label,
  placeholder,
  submitLabel,
  value,
  onValueChange,
  onSubmit,
  isPending,
  inputClassName,
  className,
  testId,
  children,
}: {
  id: string
  label: string
  placeholder: string
  submitLabel: string
  value: string
  onValueChange: (value: string) => void
  onSubmit: (event: FormEvent) => void
  isPending: boolean
  inputClassName?: string
  className?: string
  testId?: string
  children?: ReactNode
}) => (
  <form onSubmit={onSubmit} className={clx("flex flex-col gap-y-1", className)} data-testid={testId}>
    <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Label>
    <div className="flex items-center gap-x-2">
      <Input
        id={id}
        size="small"
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        className={inputClassName}
      />
      <Button size="small" variant="secondary" type="submit" isLoading={isPending}>
        {submitLabel}
      </Button>
    </div>
    {children}
  </form>
)
