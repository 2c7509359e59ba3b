/**
 * Lots through real storefront orders: FEFO allocation and fulfillment, picking by scan, the
 * Picking screen's API, the store helpers' own flow, expiry of allocated lots, recalls and the FSMA 204 export.
 * One app boot for all of these suites (see runSuitesInOneApp).
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { fefoAllocationSuite } from "./suites/fefo-allocation"
import { fsma204ExportSuite } from "./suites/fsma-204-export"
import { lotExpirySuite } from "./suites/lot-expiry"
import { pickByScanSuite } from "./suites/pick-by-scan"
import { pickingSuite } from "./suites/picking"
import { recallNoticesSuite } from "./suites/recall-notices"
import { recallsSuite } from "./suites/recalls"
import { recallUnitsSuite } from "./suites/recall-units"
import { storeFlowSuite } from "./suites/store-flow"

jest.setTimeout(300_000)

runSuitesInOneApp({
  "fefo-allocation": fefoAllocationSuite,
  "fsma-204-export": fsma204ExportSuite,
  "lot-expiry": lotExpirySuite,
  "pick-by-scan": pickByScanSuite,
  picking: pickingSuite,
  recalls: recallsSuite,
  "recall-notices": recallNoticesSuite,
  "recall-units": recallUnitsSuite,
  "store-flow": storeFlowSuite,
})
