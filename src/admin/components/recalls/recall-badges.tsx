import { Badge, StatusBadge } from "@medusajs/ui"
import type { RecallClassification, RecallStatus } from "../../hooks/recalls"

/** FDA classes, in the words a merchant checks them against. */
export const CLASSIFICATION_LABELS: Record<RecallClassification, string> = {
  I: "Class I — may cause serious harm or death",
  II: "Class II — temporary or reversible harm",
  III: "Class III — unlikely to cause harm",
}

const CLASSIFICATION_COLORS: Record<RecallClassification, "red" | "orange" | "blue"> = { I: "red", II: "orange", III: "blue" }

/** Open recalls are red (work to do), closed ones grey. */
export const RecallStatusBadge = ({ status }: { status: RecallStatus }) => (
  <StatusBadge color={status === "open" ? "red" : "grey"} data-recall-status={status} className="whitespace-nowrap">
    {status === "open" ? "Open" : "Closed"}
  </StatusBadge>
)

export const RecallClassBadge = ({ classification }: { classification: RecallClassification }) => (
  <Badge size="2xsmall" color={CLASSIFICATION_COLORS[classification]} title={CLASSIFICATION_LABELS[classification]}>
    Class {classification}
  </Badge>
)
