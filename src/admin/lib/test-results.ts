import type { LotTestResult } from "../types"

/** One test result as typed in a form: the outcome stays unset until someone chooses it. */
export type TestResultRow = { name: string; result: string; outcome: "" | "passed" | "failed" }

export const emptyTestResultRow = (): TestResultRow => ({ name: "", result: "", outcome: "" })

/**
 * The rows worth sending (fully blank rows are left out), or the problem to show. Outcome is
 * optional, as in the API: a result such as "4.2 pH" need not say pass or fail.
 */
export function testResultsOf(rows: TestResultRow[]): { results: LotTestResult[]; problem?: string } {
  const isFilled = (row: TestResultRow) => !!(row.name.trim() || row.result.trim() || row.outcome)
  const filled = rows.filter(isFilled)
  // Numbered as the form shows the rows, blank ones included.
  const incomplete = rows.findIndex((row) => isFilled(row) && (!row.name.trim() || !row.result.trim()))
  if (incomplete !== -1) {
    return { results: [], problem: `Test ${incomplete + 1}: give both the test and its result, or clear the row.` }
  }
  return {
    results: filled.map((row) => ({
      name: row.name.trim(),
      result: row.result.trim(),
      ...(row.outcome && { passed: row.outcome === "passed" }),
    })),
  }
}

