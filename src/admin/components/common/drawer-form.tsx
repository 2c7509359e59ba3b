import { Button, Drawer } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"

/** What the owner of a drawer passes to open and close it. */
export type DrawerOpenProps = { open: boolean; onOpenChange: (open: boolean) => void }

/**
 * A drawer whose content (the form) mounts each time it opens, so every form starts from its
 * initial values without effects, and unmounts when it closes.
 */
export const FormDrawer = ({ open, onOpenChange, testId, children }: DrawerOpenProps & { testId?: string; children: ReactNode }) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content aria-describedby={undefined} data-testid={testId}>
      {children}
    </Drawer.Content>
  </Drawer>
)

/** Header, scrolling body and a Cancel / submit footer around a drawer's form. */
export const DrawerForm = ({
  title,
  onSubmit,
  submitLabel,
  isPending,
  danger,
  children,
}: {
  title: string
  onSubmit: (event: FormEvent) => void
  submitLabel: string
  isPending?: boolean
  danger?: boolean
  children: ReactNode
}) => (
  <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden">
    <Drawer.Header>
      <Drawer.Title>{title}</Drawer.Title>
    </Drawer.Header>
    <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">{children}</Drawer.Body>
    <Drawer.Footer>
      <Drawer.Close asChild>
        <Button size="small" variant="secondary" type="button">
          Cancel
        </Button>
      </Drawer.Close>
      <Button size="small" type="submit" variant={danger ? "danger" : "primary"} isLoading={isPending}>
        {submitLabel}
      </Button>
    </Drawer.Footer>
  </form>
)
