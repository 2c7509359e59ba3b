import { spawnSync } from "node:child_process"
import path from "node:path"
import { adminDisabledByEnv, assertRedisAnswers, commandConnects, redisUrlFromEnv, workerModeFromEnv } from "../lib/deployment-config"

// medusa-config.ts read from the environment, its Redis check, and the start scripts' Redis pre-flight.

jest.setTimeout(60_000)

const root = path.resolve(__dirname, "../..")
const DEPLOYMENT_VARS = ["REDIS_URL", "MEDUSA_WORKER_MODE", "DISABLE_MEDUSA_ADMIN", "MEDUSA_DISABLE_ADMIN"]

type LoadedConfig = {
  projectConfig: { redisUrl?: string; workerMode?: string }
  admin: { disable?: boolean }
  modules: Record<string, { resolve?: string; options?: Record<string, any> }>
}

/**
 * medusa-config.ts as Medusa loads it, under the given deployment variables only. The Redis these
 * URLs name does not exist: its check at load is replaced (tested on its own below).
 */
function loadConfig(vars: Record<string, string>): LoadedConfig {
  const saved = { ...process.env }
  for (const key of DEPLOYMENT_VARS) delete process.env[key]
  Object.assign(process.env, vars)
  try {
    let config: LoadedConfig | undefined
    jest.isolateModules(() => {
      jest.doMock("../lib/deployment-config", () => ({ ...jest.requireActual("../lib/deployment-config"), assertRedisAnswers: jest.fn() }))
      config = require("../../medusa-config")
    })
    return config!
  } finally {
    process.env = saved
  }
}

describe("medusa-config.ts", () => {
  it("keeps one in-process Medusa without REDIS_URL", () => {
    const config = loadConfig({})
    expect(config.projectConfig.redisUrl).toBeUndefined()
    expect(config.projectConfig.workerMode).toBeUndefined()
    expect(config.admin.disable).toBe(false)
    expect(config.modules.event_bus.resolve).toBe("@medusajs/medusa/event-bus-local")
    expect(config.modules.workflows.resolve).toBe("@medusajs/medusa/workflow-engine-inmemory")
    expect(config.modules.cache.resolve).toBe("@medusajs/medusa/cache-inmemory")
    expect(config.modules.locking.options?.providers).toBeUndefined()
    expect(config.modules.lot.resolve).toBe("./src/modules/lot")
  })

  it("turns on Medusa's Redis modules, the Redis lock as default provider and the worker mode", () => {
    const redisUrl = "redis://cache.internal:6380"
    const config = loadConfig({ REDIS_URL: redisUrl, MEDUSA_WORKER_MODE: "worker", DISABLE_MEDUSA_ADMIN: "true" })
    expect(config.projectConfig).toMatchObject({ redisUrl, workerMode: "worker" })
    expect(config.admin.disable).toBe(true)
    expect(config.modules.event_bus).toEqual({ resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } })
    expect(config.modules.workflows).toEqual({ resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } })
    expect(config.modules.cache).toEqual({ resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } })
    expect(config.modules.locking).toEqual({
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        waitLockingTimeout: 75,
      },
    })
    expect(config.modules.lot.resolve).toBe("./src/modules/lot")
  })
})

describe("deployment variables", () => {
  it("refuses a worker mode Medusa would silently ignore", () => {
    expect(workerModeFromEnv({ MEDUSA_WORKER_MODE: "server" })).toBe("server")
    expect(workerModeFromEnv({})).toBeUndefined()
    expect(() => workerModeFromEnv({ MEDUSA_WORKER_MODE: "workers" })).toThrow(
      'MEDUSA_WORKER_MODE must be one of shared, server, worker (got "workers")'
    )
  })

  it("refuses a REDIS_URL that is not a Redis URL", () => {
    expect(redisUrlFromEnv({ REDIS_URL: "rediss://user:pw@redis.example.com:6380/0" })).toBe("rediss://user:pw@redis.example.com:6380/0")
    expect(() => redisUrlFromEnv({ REDIS_URL: "localhost:6379" })).toThrow("REDIS_URL must look like redis://")
  })

  it("reads both names of the admin switch", () => {
    expect(adminDisabledByEnv({ MEDUSA_DISABLE_ADMIN: "true" })).toBe(true)
    expect(adminDisabledByEnv({ DISABLE_MEDUSA_ADMIN: "false" })).toBe(false)
  })
})

describe("Redis check when medusa-config.ts loads", () => {
  it("stops with one line, within seconds, when nothing answers at REDIS_URL", () => {
    const started = Date.now()
    let error: Error | undefined
    try {
      assertRedisAnswers("redis://user:secret@127.0.0.1:1/5")
    } catch (e) {
      error = e as Error
    }
    expect(error?.message).toBe(
      "REDIS_URL: no Redis answers (connection refused at redis://127.0.0.1:1/5). Start Redis there, fix REDIS_URL, or unset it."
    )
    // Medusa prints a config error's stack after its message.
    expect(error?.stack).toBe("")
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("is skipped by the build commands, which never connect", () => {
    expect(commandConnects(["node", "medusa", "build"])).toBe(false)
    expect(commandConnects(["node", "medusa", "plugin:build"])).toBe(false)
    expect(commandConnects(["node", "medusa", "start"])).toBe(true)
    expect(commandConnects(["node", "medusa", "db:migrate"])).toBe(true)
  })
})

describe("Redis pre-flight of the start scripts", () => {
  function withDb(redisUrl: string) {
    const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: redisUrl }
    const started = Date.now()
    const run = spawnSync(process.execPath, ["scripts/with-db.mjs", "--", process.execPath, "-e", "console.log('ran')"], {
      cwd: root,
      env,
      encoding: "utf8",
    })
    return { ...run, ms: Date.now() - started }
  }

  it.each([
    ["nothing listens", "redis://127.0.0.1:1", "no Redis answers at redis://127.0.0.1:1 (connection refused)"],
    ["the URL is not a Redis URL", "http://127.0.0.1:6379", '"http:" is not a Redis URL scheme'],
  ])("stops at once with one line when %s, before any database starts", (_case, url, reason) => {
    const run = withDb(url)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining(`[with-db] REDIS_URL: ${reason}`)])
    expect(run.ms).toBeLessThan(5_000)
  })
})
