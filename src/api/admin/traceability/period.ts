import { z } from "@medusajs/framework/zod"
import { fsmaPeriod, type FsmaPeriod } from "../../../modules/lot/domain/fsma-204"

/*
 * The period of a traceability export in the query string: `from` and `to` as calendar dates, both
 * inclusive (UTC), the last 30 days by default, two years at most. One rule for every export.
 */

const day = (what: string) => z.iso.date({ error: `${what} must be a calendar date like 2026-03-31` })

export const exportPeriodFields = { from: day("from").optional(), to: day("to").optional() }

/** Adds the resolved `period` to a parsed query, or reports the bound that is wrong (a 400 naming it). */
export function withExportPeriod<Q extends { from?: string; to?: string }>(query: Q, ctx: z.RefinementCtx): Q & { period: FsmaPeriod } {
  const period = fsmaPeriod(query, new Date())
  if ("problem" in period) {
    ctx.addIssue({ code: "custom", path: [period.field], message: period.problem })
    return z.NEVER
  }
  return { ...query, period }
}
