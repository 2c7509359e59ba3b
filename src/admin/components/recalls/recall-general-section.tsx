import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useDownloadRecallExport, type RecallDetail } from "../../hooks/recalls"
import { formatDateTime } from "../../lib/format"
import { RECALL_EXPORTS } from "../../lib/recall-export"
import { ExportMenu } from "../common/export-menu"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { CloseRecallDrawer } from "./close-recall-drawer"
import { CLASSIFICATION_LABELS, RecallStatusBadge } from "./recall-badges"

/** Number, status, class, reason, dates; exports and closing. */
export const RecallGeneralSection = ({ recall }: { recall: RecallDetail }) => {
  const [closing, setClosing] = useState(false)
  const download = useDownloadRecallExport(recall.id)
  return (
    <Container className="divide-y p-0" data-testid="recall-general-section">
      <SectionHeader
        title={recall.recall_number}
        level="h1"
        mono
        badge={<RecallStatusBadge status={recall.status} />}
        className="flex-wrap gap-2"
        actions={
          <div className="flex items-center gap-x-2">
            <ExportMenu choices={RECALL_EXPORTS} onExport={download.mutate} isPending={download.isPending} />
            {recall.status === "open" && (
              <Button size="small" variant="danger" onClick={() => setClosing(true)}>
                Close recall
              </Button>
            )}
          </div>
        }
      />
      <SectionRow title="Classification" value={CLASSIFICATION_LABELS[recall.classification]} />
      <SectionRow title="Reason" value={recall.reason} />
      <SectionRow title="Public notice" value={recall.public_notice ?? "—"} />
      <SectionRow title="Opened" value={formatDateTime(recall.created_at)} />
      {recall.status === "closed" && (
        <>
          <SectionRow title="Closed" value={formatDateTime(recall.closed_at)} />
          <SectionRow title="Why it closed" value={recall.close_reason ?? "—"} />
        </>
      )}
      <CloseRecallDrawer recall={recall} open={closing} onOpenChange={setClosing} />
    </Container>
  )
}
