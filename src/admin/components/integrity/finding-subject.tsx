import { clx, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import type { FindingNames, IntegrityFinding } from "../../hooks/integrity"

const SubjectLink = ({ to, mono, children }: { to: string; mono?: boolean; children: ReactNode }) => (
  <Link
    to={to}
    className={clx("text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus break-words", mono && "font-mono")}
  >
    {children}
  </Link>
)

/**
 * What a finding is about: the item and location it was checked at, and the lot and the order
 * it names, each opening its own page.
 */
export const FindingSubject = ({ finding, names }: { finding: IntegrityFinding; names: FindingNames }) => (
  <div className="flex flex-col items-start gap-y-0.5">
    <SubjectLink to={`/inventory/${finding.inventory_item_id}`}>{names.itemName(finding.inventory_item_id)}</SubjectLink>
    <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
      {finding.location_id ? names.locationName(finding.location_id) : "All locations"}
    </Text>
    {finding.lot_id && (
      <SubjectLink to={`/lots/${finding.lot_id}`} mono>
        {finding.lot_number ?? finding.lot_id}
      </SubjectLink>
    )}
    {finding.order_id && <SubjectLink to={`/orders/${finding.order_id}`}>{names.orderName(finding.order_id)}</SubjectLink>}
  </div>
)
