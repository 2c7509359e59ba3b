import { useParams } from "react-router-dom"
import { PageLoadState } from "../../../components/common/states"
import { RecallActivitySection } from "../../../components/recalls/recall-activity-section"
import { RecallCustomersSection } from "../../../components/recalls/recall-customers-section"
import { RecallGeneralSection } from "../../../components/recalls/recall-general-section"
import { RecallLotsSection } from "../../../components/recalls/recall-lots-section"
import { RecallProgressSection } from "../../../components/recalls/recall-progress-section"
import { useRecall } from "../../../hooks/recalls"
import { useFollowMedusaChanges } from "../../../hooks/medusa-refresh"

/** One recall: header and actions, progress, its customers and lots, and what was done on it. */
const RecallDetailPage = () => {
  useFollowMedusaChanges()
  const { id = "" } = useParams()
  const { data, isLoading, error, refetch } = useRecall(id)

  if (isLoading || error || !data) {
    return <PageLoadState error={error} onRetry={() => refetch()} />
  }
  const { recall } = data
  return (
    <div className="flex flex-col gap-y-3" data-testid="recall-detail-page">
      <RecallGeneralSection recall={recall} />
      <RecallProgressSection recall={recall} />
      <RecallCustomersSection recall={recall} />
      <RecallLotsSection recall={recall} />
      <RecallActivitySection recall={recall} />
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Recall",
}

export default RecallDetailPage
