/**
 * Lot numbers against everything Medusa can do to an order: order edits, claims and exchanges,
 * returns received in several sessions or sharing an inventory item, cancels after returns, and
 * the reservations that keep held units off sale, written under Medusa's locking module.
 * One app boot for all of these suites (see runSuitesInOneApp).
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { reservationLockingSuite } from "./suites/reservation-locking"
import { returnsAndCancelsSuite } from "./suites/returns-and-cancels"
import { orderEditsClaimsExchangesSuite } from "./suites/order-edits-claims-exchanges"
import { shortfallReallocationSuite } from "./suites/shortfall-reallocation"
import { integrityRepairSuite } from "./suites/integrity-repair"

jest.setTimeout(300_000)

runSuitesInOneApp({
  "reservation-locking": reservationLockingSuite,
  "returns-and-cancels": returnsAndCancelsSuite,
  "order-edits-claims-exchanges": orderEditsClaimsExchangesSuite,
  "shortfall-reallocation": shortfallReallocationSuite,
  "integrity-repair": integrityRepairSuite,
})
