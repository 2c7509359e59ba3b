import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/** Label, control and an optional hint or error below it. */
export const FormField = ({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint ? <Hint>{hint}</Hint> : null}
  </div>
)
