import { Badge, Table, Text } from "@medusajs/ui"
import { useFindingNames, type IntegrityFinding } from "../../hooks/integrity"
import { INTEGRITY_CHECK_LABELS } from "../../lib/format"
import { SectionEmpty } from "../common/states"
import { FindingSubject } from "./finding-subject"

/** Who fixes it, and — when Medusa's own number is the wrong one — that it is Medusa's. */
const RepairBadges = ({ finding }: { finding: IntegrityFinding }) => (
  <div className="flex flex-col items-start gap-y-1">
    {finding.repair === "automatic" ? (
      <Badge size="2xsmall" color="blue" className="whitespace-nowrap">
        Repaired automatically
      </Badge>
    ) : (
      <Badge size="2xsmall" color="orange" className="whitespace-nowrap">
        Needs a person
      </Badge>
    )}
    {finding.source === "medusa" && (
      <Badge size="2xsmall" color="purple" className="whitespace-nowrap" title="Medusa's own number is the wrong one">
        Medusa's number
      </Badge>
    )}
  </div>
)

/**
 * Every invariant that does not hold: which check, what it is about, what is wrong in words, the
 * number it should be and the number it is, and who repairs it. Scrolls sideways inside its
 * section on narrow screens.
 */
export const IntegrityFindingsTable = ({ findings }: { findings: IntegrityFinding[] }) => {
  const names = useFindingNames(findings)

  if (!findings.length) {
    return (
      <div data-testid="integrity-findings">
        <SectionEmpty title="Nothing to look into">The lots agree with Medusa's stock, reservations, orders and fulfillments.</SectionEmpty>
      </div>
    )
  }
  return (
    <div className="overflow-x-auto" data-testid="integrity-findings">
      <Table className="min-w-[880px] [&_td]:pr-4 [&_th]:pr-4">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Check</Table.HeaderCell>
            <Table.HeaderCell>About</Table.HeaderCell>
            <Table.HeaderCell>What is wrong</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Expected</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Actual</Table.HeaderCell>
            <Table.HeaderCell>Repair</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {findings.map((finding, index) => (
            <Table.Row
              key={index}
              className="[&_td]:h-auto [&_td]:py-3 [&_td]:align-top"
              data-testid="integrity-finding"
              data-check={finding.check}
              data-repair={finding.repair}
            >
              <Table.Cell className="whitespace-nowrap">
                <Text size="small" leading="compact" weight="plus">
                  {INTEGRITY_CHECK_LABELS[finding.check]}
                </Text>
              </Table.Cell>
              <Table.Cell className="w-[200px]">
                <FindingSubject finding={finding} names={names} />
              </Table.Cell>
              <Table.Cell className="min-w-[280px]">
                <Text size="small" className="text-pretty">
                  {finding.message}
                </Text>
              </Table.Cell>
              <Table.Cell className="text-right">{finding.expected.toLocaleString()}</Table.Cell>
              <Table.Cell className="text-right">{finding.actual.toLocaleString()}</Table.Cell>
              <Table.Cell>
                <RepairBadges finding={finding} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
