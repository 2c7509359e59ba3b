/**
 * The suites whose outcome depends on row locks, several connections and event delivery:
 * concurrent checkouts and fulfillments, rollback of every lot workflow, shipment links and
 * returns. CI runs this file again against a real PostgreSQL server (.ci/run).
 * One app boot for all of these suites (see runSuitesInOneApp).
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { fefoConcurrencySuite } from "./suites/fefo-concurrency"
import { lotRollbackAndConcurrencySuite } from "./suites/lot-rollback-and-concurrency"
import { shipmentLinksAndReturnsSuite } from "./suites/shipment-links-and-returns"

jest.setTimeout(300_000)

runSuitesInOneApp({
  "fefo-concurrency": fefoConcurrencySuite,
  "lot-rollback-and-concurrency": lotRollbackAndConcurrencySuite,
  "shipment-links-and-returns": shipmentLinksAndReturnsSuite,
})
