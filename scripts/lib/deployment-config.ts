import { spawnSync } from "node:child_process"
import type { InputConfigModules } from "@medusajs/framework/types"
import { DEAD_LOCK_WAIT_SECONDS } from "../../src/workflows/locking"

// The deployment half of medusa-config.ts, read from the environment as Medusa's deployment guide
// does. Without REDIS_URL it adds nothing: one process, in-memory event bus, workflow engine,
// cache and locking (the demo and the tests).

const WORKER_MODES = ["shared", "server", "worker"] as const
type WorkerMode = (typeof WORKER_MODES)[number]

/** REDIS_URL, checked for its form (whether a Redis answers there: assertRedisAnswers). */
export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.REDIS_URL
  if (!url) return undefined
  if (!/^rediss?:\/\/[^/]/.test(url)) {
    throw new Error(`REDIS_URL must look like redis://[user:password@]host:port (got "${url}")`)
  }
  return url
}

// `medusa build` and `medusa plugin:build` read the config for the admin options only; they never
// connect to Redis, so a build machine without one must still build.
const COMMANDS_WITHOUT_REDIS = ["build", "plugin:build"]

/** Whether the medusa command running now connects to the services the config names. */
export function commandConnects(argv: string[] = process.argv): boolean {
  return !COMMANDS_WITHOUT_REDIS.includes(argv[2])
}

/**
 * Runs in a child process (see assertRedisAnswers), so it must not use anything from this
 * module's scope. The client is ioredis, the one Medusa's Redis modules connect with, so the URL
 * means the same here as there (database number, TLS, user and password).
 */
function pingWithMedusasClient(url: string, timeoutMs: number) {
  const Redis = require("ioredis")
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null })
  // A refused connection rejects with "Connection is closed."; the error event says why.
  let cause: NodeJS.ErrnoException | undefined
  client.on("error", (error: NodeJS.ErrnoException) => (cause ??= error))
  const where = url.replace(/\/\/[^@/]*@/, "//")
  const explain = (error: NodeJS.ErrnoException) =>
    error.code === "ECONNREFUSED" ? `connection refused at ${where}` : `${error.message} at ${where}`
  client
    .connect()
    .then(() => client.ping())
    .then(
      () => process.exit(0),
      (error: NodeJS.ErrnoException) => {
        process.stderr.write(explain(cause ?? error))
        process.exit(1)
      }
    )
}

/**
 * Throws when no Redis answers PING at `url`. Medusa's Redis modules log "connection established"
 * even when nothing answers, and the process dies seconds later with hundreds of lines ending in
 * "Reached the max retries per request limit"; this stops the start at the config, with one line.
 * Synchronous, because Medusa loads medusa-config.ts synchronously.
 */
export function assertRedisAnswers(url: string, timeoutMs = 3000): void {
  const probe = spawnSync(process.execPath, ["-e", `(${pingWithMedusasClient})(process.argv[1], ${timeoutMs})`, url], {
    encoding: "utf8",
    timeout: timeoutMs + 5000,
  })
  if (probe.status === 0) return
  const reason = probe.stderr.trim() || (probe.error ? probe.error.message : `no answer within ${timeoutMs / 1000} s`)
  const error = new Error(`REDIS_URL: no Redis answers (${reason}). Start Redis there, fix REDIS_URL, or unset it.`)
  // Medusa prints a config error's stack after its message: this one says all there is.
  error.stack = ""
  throw error
}

/**
 * MEDUSA_WORKER_MODE: `server` serves HTTP only, `worker` runs subscribers and scheduled jobs
 * only, `shared` (Medusa's default) both. Medusa ignores an unknown value, which silently leaves a
 * process without them: refuse it instead.
 */
export function workerModeFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerMode | undefined {
  const mode = env.MEDUSA_WORKER_MODE
  if (!mode) return undefined
  if (!(WORKER_MODES as readonly string[]).includes(mode)) {
    throw new Error(`MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")} (got "${mode}")`)
  }
  return mode as WorkerMode
}

/** DISABLE_MEDUSA_ADMIN (Medusa's guide) or MEDUSA_DISABLE_ADMIN (this project's older name). */
export function adminDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DISABLE_MEDUSA_ADMIN === "true" || env.MEDUSA_DISABLE_ADMIN === "true"
}

/**
 * Medusa's Redis event bus, workflow engine, cache and locking provider, so that several processes
 * share events, workflow state, scheduled jobs (run once, by a worker) and locks. The Redis locking
 * provider must be the default one: Medusa's own inventory and order flows lock through the
 * default provider, and the in-memory one only excludes callers in the same process. Its wait
 * for a lock outlasts a killed process's lease: with the provider's 5 s, a flow caught between two
 * locked steps by a crash fails, and its compensation fails on the same lock (Medusa's fulfillment
 * then keeps units off its stock that never left).
 */
export function redisModules(redisUrl: string | undefined): InputConfigModules {
  if (!redisUrl) return []
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        // Medusa 2.21 builds the Redis provider with the locking module's options, not the
        // provider's own (its loader gets those): the wait is read from here.
        waitLockingTimeout: DEAD_LOCK_WAIT_SECONDS,
      },
    },
  ]
}
