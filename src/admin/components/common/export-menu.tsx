import { ArrowDownTray } from "@medusajs/icons"
import { Button, DropdownMenu } from "@medusajs/ui"

/** An "Export" button with a menu of the files it can download; busy while one is being made. */
export const ExportMenu = <Choice,>({
  choices,
  onExport,
  isPending,
  testId,
}: {
  choices: { label: string; value: Choice }[]
  onExport: (choice: Choice) => void
  isPending: boolean
  testId?: string
}) => (
  <DropdownMenu modal={false}>
    <DropdownMenu.Trigger asChild>
      <Button size="small" variant="secondary" isLoading={isPending} data-testid={testId}>
        <ArrowDownTray />
        Export
      </Button>
    </DropdownMenu.Trigger>
    <DropdownMenu.Content align="end">
      {choices.map((choice) => (
        <DropdownMenu.Item key={choice.label} onSelect={() => onExport(choice.value)}>
          {choice.label}
        </DropdownMenu.Item>
      ))}
    </DropdownMenu.Content>
  </DropdownMenu>
)
