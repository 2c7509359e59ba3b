/**
 * Issue "Lot quantities stay true through every Medusa order flow", the model-based test: random
 * sequences of checkouts, order edits, claims, exchanges, fulfillments at either location (often
 * partial), shipments, deliveries, fulfillment cancels, returns received in parts, lot holds,
 * releases, receipts and expiry, and order cancels — all through Medusa's own admin and store
 * routes. After every command every invariant of integration-tests/helpers/invariants.ts holds,
 * read straight from the database; a command Medusa refuses (4xx) changes nothing; a 5xx, a
 * crashed subscriber or a broken invariant fails the run, and fast-check shrinks it to a minimal
 * sequence. Sizes and seed: see integration-tests/helpers/order-model/run.ts.
 */
import { writeFileSync } from "node:fs"
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import type { AdminClient } from "../../helpers/order-model/model"
import { orderModelConfig, runOrderModel, summarize } from "../../helpers/order-model/run"
import { AppQuiescence } from "../../helpers/order-model/settle"
import { setupStore } from "../../helpers/store"

const config = orderModelConfig()
// Measured ~0.6 s per command on 2 cores (setups included); generous, plus the shrinking budget.
// (Capped: a longer timer than 2^31 - 1 ms fires at once.)
const timeoutMs = Math.min(
  2 ** 31 - 1,
  Math.max(20 * 60_000, Math.min(config.runs * config.commands, config.stopAfterCommands) * 2_000) + config.shrinkMinutes * 60_000
)

export function orderModelSuite({ api, getContainer }: MedusaSuiteOptions) {
  it(
    `random order flows keep every invariant after every command (${config.runs} runs of up to ${config.commands} commands, seed ${config.seed})`,
    async () => {
      const container = getContainer()
      const { headers } = await loginAsAdmin(api, container)
      const store = await setupStore(api, container, headers)
      const ctx = { api: api as AdminClient, headers, store, container, quiescence: AppQuiescence.attach(container), stats: new Map(), runs: 0 }
      const started = Date.now()
      let failure: string | undefined
      try {
        await runOrderModel(ctx, config)
      } catch (e) {
        failure = String(e instanceof Error ? e.message : e)
        throw e
      } finally {
        const summary = { ...summarize(ctx), seconds: Math.round((Date.now() - started) / 1000), seed: config.seed, failure }
        console.log(`[order-model] ${JSON.stringify(summary, null, 2)}`)
        if (config.summaryFile) writeFileSync(config.summaryFile, JSON.stringify(summary, null, 2))
      }
      // Sequence lengths are drawn, and commands with nothing to act on are left out: the run must still be as long as promised.
      expect(summarize(ctx).commands).toBeGreaterThanOrEqual(config.minCommands)
    },
    timeoutMs
  )
}
