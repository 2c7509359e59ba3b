import { ExclamationCircle } from "@medusajs/icons"
import { Button, Container, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage } from "../../lib/format"

/** Placeholder rows while a section loads. */
export const SectionLoading = ({ rows = 3 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true" aria-label="Loading">
    {Array.from({ length: rows }, (_, i) => (
      <Skeleton key={i} className="h-5 w-full" />
    ))}
  </div>
)

/** The API's message, in words, with a retry. */
export const SectionError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => (
  <div className="flex items-start justify-between gap-x-4 px-6 py-4" role="alert">
    <div className="flex items-start gap-x-2">
      <ExclamationCircle className="text-ui-fg-error mt-0.5 shrink-0" />
      <Text size="small" className="text-ui-fg-error">
        {errorMessage(error)}
      </Text>
    </div>
    {onRetry && (
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
)

/** A whole page while its data loads, or the API's message with a retry when it could not. */
export const PageLoadState = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => (
  <Container className="p-0">{error ? <SectionError error={error} onRetry={onRetry} /> : <SectionLoading rows={6} />}</Container>
)

/** Nothing to show yet, and what would make something appear. */
export const SectionEmpty = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="flex flex-col items-center gap-y-1 px-6 py-8 text-center">
    <Text size="small" weight="plus">
      {title}
    </Text>
    {children && (
      <Text size="small" className="text-ui-fg-subtle">
        {children}
      </Text>
    )}
  </div>
)
