import { clx, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * The top row of a page or section: its title (with a badge beside it when given), a line under
 * it, and its actions on the right. `className` adds to or overrides the row's layout.
 */
export const SectionHeader = ({
  title,
  level = "h2",
  mono,
  badge,
  description,
  actions,
  className,
}: {
  title: ReactNode
  level?: "h1" | "h2" | "h3"
  /** For lot and recall numbers. */
  mono?: boolean
  badge?: ReactNode
  description?: ReactNode
  actions?: ReactNode
  className?: string
}) => {
  const heading = (
    <Heading level={level} className={mono ? "font-mono" : undefined}>
      {title}
    </Heading>
  )
  const titleRow =
    badge === undefined ? (
      heading
    ) : (
      <div className="flex items-center gap-x-3">
        {heading}
        {badge}
      </div>
    )
  const subtitle = description ? (
    <Text size="small" className="text-ui-fg-subtle">
      {description}
    </Text>
  ) : null

  if (actions === undefined) {
    return (
      <div className={clx("px-6 py-4", className)}>
        {titleRow}
        {subtitle}
      </div>
    )
  }
  return (
    <div className={clx("flex items-center justify-between px-6 py-4", className)}>
      {subtitle ? (
        <div>
          {titleRow}
          {subtitle}
        </div>
      ) : (
        titleRow
      )}
      {actions}
    </div>
  )
}
