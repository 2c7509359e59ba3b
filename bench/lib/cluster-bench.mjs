// The two deployments the `cluster-checkout` suite compares, side by side on the bench database:
// ONE `medusa start` in shared mode (HTTP, subscribers and jobs in one process) and the cluster of
// `npm run test:cluster` (scripts/lib/cluster.mjs: two servers and a worker), all started from
// one `medusa build` (backend only) in a temp dir, with Medusa's Redis modules on. Each deployment
// gets a Redis database of its own, so that the events one of them emits are handled by its own
// subscribers only (the shared server never picks up the cluster's allocations, or the reverse).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { buildApp } from "../../e2e/support/app.mjs"
import { freePort, start, stop, waitForHttp } from "../../e2e/support/processes.mjs"
import { connectRedis, eventQueue, waitForSubscribers } from "../../scripts/lib/cluster-checks.mjs"
import { describeRedis, redisDatabaseUrl } from "../../scripts/lib/cluster-infra.mjs"
import { clusterEnv, clusterProcesses, DEFAULT_REDIS_URL } from "../../scripts/lib/cluster.mjs"
import { pingRedis } from "../../scripts/lib/redis-ping.mjs"
import { MedusaHttp } from "./medusa-http.mjs"
import { envInt, projectRoot } from "./util.mjs"

const medusaBin = path.join(projectRoot, "node_modules/.bin/medusa")

export function clusterBenchConfig() {
  const db = envInt("BENCH_CLUSTER_REDIS_DB", 6)
  return {
    redis_url: process.env.REDIS_URL || DEFAULT_REDIS_URL,
    redis_dbs: [db, db + 1], // of that Redis server, flushed at the start and at the end
    first_port: envInt("BENCH_CLUSTER_PORT", 9420),
  }
}

/** Why the suite cannot run here (no Redis answers PING), or null. */
export async function redisProblem(redisUrl) {
  return pingRedis(redisUrl).then(
    () => null,
    (error) => error.message
  )
}

/**
 * `medusa build` of the app (without the admin: not what is measured, and the slowest part of
 * the build) in a copy under `work`; returns the folder `medusa start` runs in.
 */
export async function buildBackend(work) {
  const logDir = path.join(work, "logs")
  fs.mkdirSync(logDir, { recursive: true })
  // buildApp hands the build this process's environment: the switch must be in it while it spawns.
  const before = process.env.DISABLE_MEDUSA_ADMIN
  process.env.DISABLE_MEDUSA_ADMIN = "true"
  let building
  try {
    building = buildApp({ root: projectRoot, appDir: path.join(work, "app"), logDir })
  } finally {
    if (before === undefined) delete process.env.DISABLE_MEDUSA_ADMIN
    else process.env.DISABLE_MEDUSA_ADMIN = before
  }
  const seconds = await building
  return { serverDir: path.join(work, "app/.medusa/server"), logDir, seconds }
}

export const workDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "lot-bench-cluster-"))

/** One deployment: its processes, a store client per HTTP server, its Redis database and event queue. */
class Deployment {
  constructor(name, redisUrl, specs) {
    Object.assign(this, { name, redisUrl, specs, procs: [] })
    this.redis = connectRedis(redisUrl)
    this.queue = eventQueue(this.redis)
  }

  get servers() {
    return this.procs.filter((p) => p.serves).map((p) => p.http)
  }

  /** Until the subscribers of this deployment handled every event emitted so far. */
  idle(timeoutMs) {
    return waitForSubscribers(this.queue, timeoutMs)
  }

  /** Every process's log (for a failure report). */
  logTail(lines = 15) {
    return this.procs.map((p) => `--- ${p.name} :${p.port}\n${readTail(p.logFile, lines)}`).join("\n")
  }

  async close() {
    await Promise.all(this.procs.map((p) => stop(p.handle)))
    await this.queue.close().catch(() => {})
    await this.redis.flushdb().catch(() => {})
    this.redis.disconnect()
  }
}

function readTail(file, lines) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no output)"
  }
}

/**
 * Starts both deployments from `serverDir` on the database of `databaseUrl` (the bench database:
 * the shop there is the data both measure). Returns { single, cluster, stop() }; stop() is
 * idempotent and also runs, SIGKILL only, when this process exits first (a failed or
 * interrupted run leaves no server behind).
 */
export async function startDeployments({ serverDir, logDir, databaseUrl, cfg, log }) {
  const [singleRedis, clusterRedis] = cfg.redis_dbs.map((db) => redisDatabaseUrl(cfg.redis_url, db))
  const ports = []
  for (let port = cfg.first_port; ports.length < 4; port = ports.at(-1) + 1) ports.push(await freePort(port))
  const single = new Deployment("single", singleRedis, [{ name: "shared", port: ports[0], env: { MEDUSA_WORKER_MODE: "shared" } }])
  const cluster = new Deployment("cluster", clusterRedis, clusterProcesses(ports.slice(1)))
  const deployments = [single, cluster]
  await Promise.all(deployments.map((d) => d.redis.flushdb()))

  const killAll = () => {
    for (const p of deployments.flatMap((d) => d.procs)) {
      try {
        process.kill(-p.handle.child.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }
  }
  process.once("exit", killAll)
  let stopped = null
  const stopAll = () => {
    stopped ??= Promise.all(deployments.map((d) => d.close())).finally(() => process.off("exit", killAll))
    return stopped
  }

  const database = { DATABASE_URL: databaseUrl, DB_NAME: new URL(databaseUrl).pathname.slice(1) }
  try {
    for (const d of deployments) {
      const env = { ...clusterEnv(process.env, { databaseEnv: database, redisUrl: d.redisUrl }), DISABLE_MEDUSA_ADMIN: "true" }
      for (const spec of d.specs) {
        const logFile = path.join(logDir, `${d.name}-${spec.name}-${spec.port}.log`)
        const handle = start(medusaBin, ["start"], { cwd: serverDir, env: { ...env, ...spec.env, PORT: String(spec.port) }, logFile })
        const baseUrl = `http://127.0.0.1:${spec.port}`
        d.procs.push({ ...spec, logFile, handle, baseUrl, serves: spec.name !== "worker", http: new MedusaHttp({ baseUrl, token: null }) })
      }
    }
    await Promise.all(deployments.flatMap((d) => d.procs.map((p) => waitForHttp(`${p.baseUrl}/health`, { timeoutMs: 240_000, proc: p.handle }))))
  } catch (error) {
    await stopAll()
    throw error
  }
  for (const d of deployments) log(`  ${d.name}: ${d.procs.map((p) => `${p.name} :${p.port}`).join(", ")}, Redis ${describeRedis(d.redisUrl)}`)
  return { single, cluster, deployments, stop: stopAll }
}
