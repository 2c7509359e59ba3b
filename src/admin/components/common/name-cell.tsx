import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A name with a smaller line under it (SKU, email, counts), as table cells show an item or a
 * customer. The second line is left out when empty; `className` and `weight` style the name.
 */
export const NameCell = ({
  name,
  detail,
  className,
  weight,
}: {
  name: ReactNode
  detail?: ReactNode
  className?: string
  weight?: "plus"
}) => (
  <div className="flex flex-col">
    <Text size="small" leading="compact" weight={weight} className={className}>
      {name}
    </Text>
    {detail && (
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        {detail}
      </Text>
    )}
  </div>
)
