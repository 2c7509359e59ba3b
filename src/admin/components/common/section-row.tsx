import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One "label: value" row of a detail section, as in Medusa's own detail pages. */
export const SectionRow = ({ title, value }: { title: string; value: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    {typeof value === "string" || typeof value === "number" ? (
      <Text size="small" leading="compact" className="whitespace-pre-line text-pretty">
        {value}
      </Text>
    ) : (
      <div>{value}</div>
    )}
  </div>
)
