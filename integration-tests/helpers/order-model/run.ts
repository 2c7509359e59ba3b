/**
 * Runs the order model: fast-check draws sequences of commands (fc.commands), each run starts
 * from fresh items (startRun) and every command is checked as it runs (ModelCommand.run). Sizes
 * come from the environment so CI and the soak run share one test:
 *
 *   ORDER_MODEL_RUNS      sequences to try (default 12)
 *   ORDER_MODEL_COMMANDS  longest sequence (default 120; lengths are drawn between 0 and this)
 *   ORDER_MODEL_SEED      fast-check seed (default fixed, so CI replays the same sequences)
 *   ORDER_MODEL_PATH      with the seed, replays one counterexample: fast-check prints the seed,
 *                         the path and, in the counterexample, the commands' replayPath
 *   ORDER_MODEL_REPLAY    that replayPath (needed with ORDER_MODEL_PATH once shrunk)
 *   ORDER_MODEL_SHRINK_MINUTES  how long to shrink a failure (default 10; 0: report it unshrunk)
 *   ORDER_MODEL_MIN_COMMANDS    a passing run must have run at least this many commands (default
 *                               500 with the default sizes and seed, which run ~580 in ~6 min; else 0)
 *   ORDER_MODEL_STOP_AFTER_COMMANDS  start no further run once this many commands have run (a soak
 *                               shard: many runs allowed, stopped at its share of the commands)
 *   ORDER_MODEL_SUMMARY_FILE    also write the summary there as JSON (the soak adds its shards up)
 */
import fc from "fast-check"
import { claimCommand, exchangeCommand } from "./changes"
import { fulfillmentActionCommand, fulfillCommand } from "./fulfillments"
import { expireCommand, lotStatusCommand, receiveLotCommand } from "./lots"
import type { ModelCommand, ModelContext, OrderModel, OrderReal } from "./model"
import { cancelOrderCommand, editOrderCommand, placeOrder } from "./orders"
import { receiveReturnCommand, requestReturnCommand } from "./returns"
import { startRun } from "./setup"

export interface OrderModelConfig {
  runs: number
  commands: number
  seed: number
  path?: string
  replayPath?: string
  shrinkMinutes: number
  minCommands: number
  stopAfterCommands: number
  summaryFile?: string
}

export function orderModelConfig(env: NodeJS.ProcessEnv = process.env): OrderModelConfig {
  const int = (name: string, fallback: number) => (env[name] === undefined || env[name] === "" ? fallback : Number.parseInt(env[name]!, 10))
  const sized = ["ORDER_MODEL_RUNS", "ORDER_MODEL_COMMANDS", "ORDER_MODEL_SEED", "ORDER_MODEL_PATH"].some((name) => env[name])
  return {
    runs: int("ORDER_MODEL_RUNS", 12),
    commands: int("ORDER_MODEL_COMMANDS", 120),
    seed: int("ORDER_MODEL_SEED", 20261213),
    path: env.ORDER_MODEL_PATH || undefined,
    replayPath: env.ORDER_MODEL_REPLAY || undefined,
    shrinkMinutes: int("ORDER_MODEL_SHRINK_MINUTES", 10),
    minCommands: int("ORDER_MODEL_MIN_COMMANDS", sized ? 0 : 500),
    stopAfterCommands: int("ORDER_MODEL_STOP_AFTER_COMMANDS", Number.POSITIVE_INFINITY),
    summaryFile: env.ORDER_MODEL_SUMMARY_FILE || undefined,
  }
}

// Listed more than once: drawn more often (orders and fulfillments drive everything else).
const COMMANDS: fc.Arbitrary<ModelCommand>[] = [
  placeOrder,
  placeOrder,
  placeOrder,
  editOrderCommand,
  claimCommand,
  exchangeCommand,
  fulfillCommand,
  fulfillCommand,
  fulfillCommand,
  fulfillmentActionCommand("ship"),
  fulfillmentActionCommand("deliver"),
  fulfillmentActionCommand("cancel"),
  fulfillmentActionCommand("cancel"),
  requestReturnCommand,
  requestReturnCommand,
  receiveReturnCommand,
  receiveReturnCommand,
  receiveLotCommand,
  lotStatusCommand("hold"),
  lotStatusCommand("release"),
  expireCommand,
  cancelOrderCommand,
]

/** The sequences the model draws (lengths between 0 and `config.commands`). */
export function orderModelCommands(config: OrderModelConfig) {
  return fc.commands(COMMANDS, { maxCommands: config.commands, size: "max", replayPath: config.replayPath })
}

export interface OrderModelSummary {
  runs: number
  commands: number
  refused: number
  perCommand: Record<string, string>
  refusals: Record<string, Record<string, number>>
}

function commandsRun(ctx: ModelContext) {
  return [...ctx.stats.values()].reduce((t, s) => t + s.ran, 0)
}

export function summarize(ctx: ModelContext): OrderModelSummary {
  const stats = [...ctx.stats.entries()].sort(([a], [b]) => a.localeCompare(b))
  return {
    runs: ctx.runs,
    commands: commandsRun(ctx),
    refused: stats.reduce((t, [, s]) => t + s.refused, 0),
    perCommand: Object.fromEntries(stats.map(([name, s]) => [name, `${s.ran} (${s.refused} refused, ${Math.round(s.ms / Math.max(1, s.ran))} ms each)`])),
    refusals: Object.fromEntries(stats.filter(([, s]) => s.refused).map(([name, s]) => [name, Object.fromEntries(s.reasons)])),
  }
}

/** Runs the model; throws fast-check's report (seed, path, shrunk commands, the failing run's trace). */
export async function runOrderModel(ctx: ModelContext, config: OrderModelConfig): Promise<void> {
  let failedAt: number | null = null
  const shrinkMs = config.shrinkMinutes * 60_000
  const property = fc.asyncProperty(orderModelCommands(config), async (commands) => {
    // Past the shrinking budget every candidate is skipped: fast-check then reports the smallest failure found.
    fc.pre(failedAt === null || Date.now() - failedAt < shrinkMs)
    fc.pre(failedAt !== null || commandsRun(ctx) < config.stopAfterCommands)
    try {
      await fc.asyncModelRun<OrderModel, OrderReal, false, OrderModel>(() => startRun(ctx), commands)
    } catch (e) {
      failedAt ??= Date.now()
      throw e
    }
  })
  await fc.assert(property, { numRuns: config.runs, seed: config.seed, path: config.path, endOnFailure: shrinkMs === 0 })
}
