import type { InputConfigModules } from "@medusajs/framework/types"

// The deployment half of medusa-config.ts, read from the environment as Medusa's deployment guide
// does. Without REDIS_URL it adds nothing: one process, in-memory event bus, workflow engine,
// cache and locking (the demo and the tests).

const WORKER_MODES = ["shared", "server", "worker"] as const
type WorkerMode = (typeof WORKER_MODES)[number]

/** REDIS_URL, checked for its form (whether a Redis answers there, the start scripts check). */
export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.REDIS_URL
  if (!url) return undefined
  if (!/^rediss?:\/\/[^/]/.test(url)) {
    throw new Error(`REDIS_URL must look like redis://[user:password@]host:port (got "${url}")`)
  }
  return url
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
 * default provider, and the in-memory one only excludes callers in the same process.
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
      },
    },
  ]
}
