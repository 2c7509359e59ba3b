/**
 * The model-based test of lot numbers against random Medusa order flows (one app boot; sizes from
 * ORDER_MODEL_RUNS / ORDER_MODEL_COMMANDS / ORDER_MODEL_SEED, see helpers/order-model/run.ts).
 * Minutes long, so apart from `npm test`: `npm run test:model` (CI) and `npm run test:soak`.
 */
import { runSuitesInOneApp } from "../helpers/run-suites"
import { orderModelSuite } from "../http/suites/order-model"

jest.setTimeout(300_000)

runSuitesInOneApp({
  "order-model": orderModelSuite,
})
