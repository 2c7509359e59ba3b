import { MedusaError } from "@medusajs/framework/utils"
import { MAX_RECALL_DEPTH, summarizeRecallScope } from "../domain/recall-scope"
import { buildTraceTables } from "../domain/trace-report"
import type { Sql } from "../sql/sql"
import { traceForward } from "../sql/trace-sql"

/**
 * What a recall of the lots would reach — every lot made from them, their shipments, customers
 * and stock — timed, without recording anything. NOT_FOUND names a lot that does not exist.
 */
export async function recallScope(sql: Sql, lotIds: string[]) {
  const started = Date.now()
  const report = buildTraceTables({ forward: await traceForward(sql, lotIds, MAX_RECALL_DEPTH) }, lotIds)
  const found = new Set(report.lots.map((l) => l.id))
  const missing = lotIds.find((id) => !found.has(id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missing} was not found`)
  }
  return { report, summary: summarizeRecallScope(report, Date.now() - started) }
}
