import { useParams } from "react-router-dom"
import { LotGeneralSection } from "../../../components/lot-detail/lot-general-section"
import { LotStockSection } from "../../../components/lot-detail/lot-stock-section"
import { LotTimelineSection } from "../../../components/lot-detail/lot-timeline-section"
import { LotTraceSection } from "../../../components/lot-detail/lot-trace-section"
import { PageLoadState } from "../../../components/common/states"
import { useLot } from "../../../hooks/lots"
import { useFollowMedusaChanges } from "../../../hooks/medusa-refresh"

/** One lot: its details and actions, stock per location, its trace, and its history. */
const LotDetailPage = () => {
  useFollowMedusaChanges()
  const { id = "" } = useParams()
  const { data, isLoading, error, refetch } = useLot(id)

  if (isLoading || error || !data) {
    return <PageLoadState error={error} onRetry={() => refetch()} />
  }

  const { lot } = data
  return (
    <div className="flex flex-col gap-3 xl:flex-row xl:items-start" data-testid="lot-detail-page">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <LotGeneralSection lot={lot} />
        <LotStockSection lot={lot} />
        <LotTraceSection lot={lot} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[440px]">
        <LotTimelineSection lot={lot} />
      </div>
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Lot",
}

export default LotDetailPage
