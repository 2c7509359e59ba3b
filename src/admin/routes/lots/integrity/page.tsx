import { Button, Container, StatusBadge } from "@medusajs/ui"
import { IntegrityFindingsTable } from "../../../components/integrity/integrity-findings-table"
import { IntegrityRepairResult } from "../../../components/integrity/integrity-repair-result"
import { SectionHeader } from "../../../components/common/section-header"
import { PageLoadState } from "../../../components/common/states"
import { useLotIntegrity, useRepairLotIntegrity } from "../../../hooks/integrity"
import { describeIntegrity } from "../../../lib/format"
import { useFollowMedusaChanges } from "../../../hooks/medusa-refresh"

/**
 * Whether the lots agree with Medusa (stock, reservations, blocks, allocations, fulfillments,
 * history), what does not, and "Repair now" for what the records can settle. The repair job's
 * admin notification links here (INTEGRITY_PAGE_PATH). No sidebar entry: it opens from the Lots page.
 */
const LotIntegrityPage = () => {
  useFollowMedusaChanges()
  const { data: report, isLoading, error, refetch } = useLotIntegrity()
  const repair = useRepairLotIntegrity()

  if (isLoading || error || !report) {
    return <PageLoadState error={error} onRetry={() => refetch()} />
  }
  return (
    <div className="flex flex-col gap-y-3" data-testid="integrity-page">
      <Container className="divide-y p-0">
        <SectionHeader
          title="Lot integrity"
          level="h1"
          description="Checks that the lots agree with Medusa's stock, reservations, orders and fulfillments"
          className="flex-col items-stretch gap-4 md:flex-row md:items-center"
          actions={
            <Button
              size="small"
              variant="secondary"
              className="self-start md:self-auto"
              onClick={() => repair.mutate()}
              isLoading={repair.isPending}
              disabled={repair.isPending}
              data-testid="integrity-repair"
            >
              Repair now
            </Button>
          }
        />
        <div className="px-6 py-4">
          <StatusBadge color={report.in_balance ? "green" : "red"} data-testid="integrity-status" data-in-balance={report.in_balance}>
            {describeIntegrity(report)}
          </StatusBadge>
        </div>
        {repair.data && <IntegrityRepairResult repair={repair.data} />}
      </Container>
      <Container className="divide-y p-0">
        <SectionHeader
          title="Findings"
          description="Repaired automatically: the records say what the number should be. Needs a person: they cannot say which side is right; the message says what to check."
        />
        <IntegrityFindingsTable findings={report.findings} />
      </Container>
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Integrity",
}

export default LotIntegrityPage
