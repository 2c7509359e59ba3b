/**
 * Lots through the admin API, without storefront orders: policies and receipts, status changes,
 * corrections (edits), stock moves, links, scans and labels, untracked stock, genealogy and trace,
 * expiry warnings, suppliers and FSMA 204 receipt facts, the lot list's search and export, and
 * hostile input to every route.
 * One app boot for all of these suites (see runSuitesInOneApp).
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { hostileInputSuite } from "./suites/hostile-input"
import { lotEditSuite } from "./suites/lot-edit"
import { lotExpiryWarningsSuite } from "./suites/lot-expiry-warnings"
import { lotGenealogyTraceSuite } from "./suites/lot-genealogy-trace"
import { lotLabelsAndReceiveScanSuite } from "./suites/lot-labels-and-receive-scan"
import { lotLinksSuite } from "./suites/lot-links"
import { lotPolicyAndReceiveSuite } from "./suites/lot-policy-and-receive"
import { lotScanSuite } from "./suites/lot-scan"
import { lotStatusSuite } from "./suites/lot-status"
import { lotStockMovesSuite } from "./suites/lot-stock-moves"
import { lotSuppliersSuite } from "./suites/lot-suppliers"
import { lotsListAndExportSuite } from "./suites/lots-list-and-export"
import { untrackedStockSuite } from "./suites/untracked-stock"

jest.setTimeout(180_000)

runSuitesInOneApp({
  "hostile-input": hostileInputSuite,
  "lot-edit": lotEditSuite,
  "lot-expiry-warnings": lotExpiryWarningsSuite,
  "lot-genealogy-trace": lotGenealogyTraceSuite,
  "lot-labels-and-receive-scan": lotLabelsAndReceiveScanSuite,
  "lot-links": lotLinksSuite,
  "lot-policy-and-receive": lotPolicyAndReceiveSuite,
  "lot-scan": lotScanSuite,
  "lot-status": lotStatusSuite,
  "lot-stock-moves": lotStockMovesSuite,
  "lot-suppliers": lotSuppliersSuite,
  "lots-list-and-export": lotsListAndExportSuite,
  "untracked-stock": untrackedStockSuite,
})
