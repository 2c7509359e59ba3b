/**
 * The EPCIS 2.0 export of lots' events built from real orders, fulfillments, returns and
 * productions (see runSuitesInOneApp).
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { epcisExportSuite } from "./suites/epcis-export"

jest.setTimeout(300_000)

runSuitesInOneApp({ "epcis-export": epcisExportSuite })
