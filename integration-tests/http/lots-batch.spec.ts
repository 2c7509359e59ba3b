/**
 * Receipts in batches through POST /admin/lots/batch: new lots and additions to existing ones,
 * generated numbers, quarantine blocks, refusals naming their line with nothing written, and the
 * rollback of a whole batch. Its own app: the suite hooks `receiveLotsWorkflow.hooks.lotsReceived`.
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { lotReceiptsBatchSuite } from "./suites/lot-receipts-batch"

jest.setTimeout(180_000)

runSuitesInOneApp({
  "lot-receipts-batch": lotReceiptsBatchSuite,
})
