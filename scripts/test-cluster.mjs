#!/usr/bin/env node
// npm run test:cluster — the plugin's numbers in a deployment like a production shop's: two
// `medusa start` servers and a worker on the machine's PostgreSQL (localhost:5432, user postgres)
// and Redis (REDIS_URL, default redis://127.0.0.1:6379). Without either, it says so and exits 0.
//
//   1. a fresh database (dropped at the end) migrated and seeded by scripts/demo.mjs, and Redis
//      database CLUSTER_REDIS_DB (default 5) flushed, at the start and at the end;
//   2. `medusa build` of a copy of the app in a temp dir (admin off: not what is checked here, and
//      its build is the slowest part), then `medusa start` with a wrong REDIS_URL: one line, fast;
//   3. the cluster (ports from CLUSTER_PORT, default 9310): the plugin's scheduled jobs are
//      registered by the worker alone, and one due run of each executes once, in the worker;
//   4. CLUSTER_ROUNDS (default 10) rounds of checkouts of a tracked item split over both servers,
//      holds and releases of its lots on the other server, receipts, fulfillments; then every lot
//      held and a checkout on each server, which must be refused; after each round, once the
//      worker's subscribers caught up, the integrity check finds nothing and no held lot is
//      allocated;
//   5. a burst of receipts, transfers, checkouts and fulfillments on both servers, one server
//      killed with SIGKILL in it and started again, the repair run: every invariant holds.
// Logs stay in a temp dir, printed when anything fails; CLUSTER_KEEP=1 keeps them, the database
// and the Redis database anyway (to look into a failure).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildApp, prepareDatabase } from "../e2e/support/app.mjs"
import { stopAll } from "../e2e/support/processes.mjs"
import { clusterEnv, DEFAULT_REDIS_URL } from "./lib/cluster.mjs"
import {
  CheckFailed,
  connectRedis,
  eventQueue,
  expectHeldLotsUnallocated,
  expectInBalance,
  expectRepairComplete,
  subscriberErrors,
  waitForLocksReleased,
  waitForSubscribers,
} from "./lib/cluster-checks.mjs"
import { createDatabase, describeRedis, missingService, redisDatabaseUrl, startCluster, startWithWrongRedisUrl } from "./lib/cluster-infra.mjs"
import { proveJobsRunOnce } from "./lib/cluster-jobs.mjs"
import { ALL_HELD_CHECKOUT, checkoutWhileAllHeld, crashBurst, runRound, trafficState } from "./lib/cluster-rounds.mjs"
import { adminClients, setUpTrackedItem, Tally } from "./lib/cluster-shop.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusaBin = path.join(root, "node_modules/.bin/medusa")
const ROUNDS = Number(process.env.CLUSTER_ROUNDS || 10)
const REDIS_DB = Number(process.env.CLUSTER_REDIS_DB || 5)
const FIRST_PORT = Number(process.env.CLUSTER_PORT || 9310)

const startedAt = Date.now()
const seconds = (since = startedAt) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const log = (message) => console.log(`[test:cluster ${seconds()}] ${message}`)

/** What runs and must be cleaned up, newest last; cleaned in reverse order. */
const cleanups = []
async function cleanUp() {
  await stopAll()
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup: ${error.message}`))
  cleanups.length = 0
}

/** Every command of the run (the seed, the build, the processes) gets this environment. */
function adoptEnv(env) {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]
  Object.assign(process.env, env)
}

const counts = (tally) => JSON.parse(JSON.stringify(tally.counts))
function describeTally(tally, before = {}) {
  return Object.entries(tally.counts)
    .map(([kind, now]) => {
      const was = before[kind] ?? { ok: 0, refused: 0, failed: 0 }
      const parts = ["ok", "refused", "failed"].map((o) => [o, now[o] - was[o]]).filter(([, n]) => n)
      return parts.length ? `${kind} ${parts.map(([o, n]) => `${n} ${o}`).join("/")}` : null
    })
    .filter(Boolean)
    .join(", ")
}

/** Refusals without their ids, each once with how often. */
function distinctReasons(refusals) {
  const counted = new Map()
  for (const refusal of refusals) {
    const reason = refusal.replace(/[a-z_]+_[0-9A-Z]{26}/g, "…")
    counted.set(reason, (counted.get(reason) ?? 0) + 1)
  }
  return [...counted].map(([reason, n]) => `${n}× ${reason}`)
}

/** Fails on requests that failed (not refused) and on subscriber errors the worker logged since the last call. */
function expectNoErrors(state, worker, seen) {
  if (state.tally.failures.length > seen.requests) {
    throw new CheckFailed(`requests failed:\n    ${state.tally.failures.slice(seen.requests).join("\n    ")}`)
  }
  const errors = subscriberErrors(worker.log())
  if (errors.length > seen.subscribers) throw new CheckFailed(`subscribers failed in the worker:\n    ${errors.slice(seen.subscribers).join("\n    ")}`)
  return { requests: state.tally.failures.length, subscribers: errors.length }
}

async function buildAndTryWrongRedisUrl(work, logDir) {
  const appDir = path.join(work, "app")
  const buildSeconds = await buildApp({ root, appDir, logDir })
  log(`medusa build done (${buildSeconds.toFixed(0)} s)`)
  const serverDir = path.join(appDir, ".medusa/server")
  const wrong = await startWithWrongRedisUrl({ medusaBin, serverDir, logDir })
  if (wrong.problems.length) throw new CheckFailed(`medusa start with a wrong REDIS_URL: ${wrong.problems.join("; ")}\n    ${wrong.line}`)
  log(`wrong REDIS_URL (port ${wrong.redisPort}): medusa start exited after ${wrong.seconds.toFixed(1)} s with one line: ${wrong.line}`)
  return { serverDir, wrong }
}

async function runRounds(state, { queue, worker }) {
  let seen = expectNoErrors(state, worker, { requests: 0, subscribers: 0 })
  for (let r = 0; r < ROUNDS; r++) {
    const roundStart = Date.now()
    const before = counts(state.tally)
    const refusalsBefore = state.tally.refusals.length
    await runRound(state, r)
    const sold = await checkoutWhileAllHeld(state, r)
    if (sold.length) throw new CheckFailed(`round ${r + 1}: ${sold.length} checkout(s) succeeded while every lot was on hold (orders ${sold.map((o) => o.id).join(", ")})`)
    await waitForSubscribers(queue)
    await expectInBalance(state.servers[r % 2], `round ${r + 1}`)
    await expectHeldLotsUnallocated(state.servers[(r + 1) % 2], state.item, state.held)
    seen = expectNoErrors(state, worker, seen)
    log(`round ${r + 1}/${ROUNDS} in balance (${seconds(roundStart)}): ${describeTally(state.tally, before)}`)
    const unexpected = state.tally.refusals.slice(refusalsBefore).filter((refusal) => !refusal.startsWith(ALL_HELD_CHECKOUT))
    for (const refusal of distinctReasons(unexpected)) log(`  refused: ${refusal}`)
  }
}

async function crashAndRepair(state, cluster, { queue, redis, worker }) {
  const subscriberErrorsBefore = subscriberErrors(worker.log()).length
  const victim = cluster.servers[1]
  // Same orders and lots, its own tally: requests the crash cuts off are expected to fail.
  const crashTally = new Tally()
  let restartSeconds = 0
  await crashBurst({ ...state, tally: crashTally }, {
    crash: async () => {
      await cluster.kill(victim)
      log(`kill -9 of the server on :${victim.port} in the middle of the burst; starting it again`)
      const restartAt = Date.now()
      await cluster.restart(victim)
      restartSeconds = (Date.now() - restartAt) / 1000
    },
  })
  log(`burst done (server back after ${restartSeconds.toFixed(0)} s): ${describeTally(crashTally)}`)
  for (const failure of distinctReasons(crashTally.failures)) log(`  cut off by the crash: ${failure}`)
  for (const refusal of distinctReasons(crashTally.refusals)) log(`  refused: ${refusal}`)
  await waitForSubscribers(queue)
  // Until they expire, the dead server's Redis locks hold up every flow on its items; the repair too.
  const locks = await waitForLocksReleased(redis)
  log(`locks left by the dead server: ${locks.held.length} (${locks.held.join(", ") || "none"}), gone after ${locks.seconds.toFixed(0)} s`)
  const repair = await state.servers[0].admin("POST", "/admin/lots/reconciliation/repair", {})
  const corrections = repair.corrections.map((c) => `${c.check} ${c.before}→${c.after}`)
  log(`repair: ${repair.found.length} finding(s), ${repair.corrections.length} correction(s)${corrections.length ? ` (${corrections.join(", ")})` : ""}`)
  for (const resolved of await expectRepairComplete(repair, process.env.DATABASE_URL, state.servers[0])) {
    log(`  left for a person and resolved as its message says: ${resolved}`)
  }
  await waitForSubscribers(queue)
  await expectInBalance(state.servers[1], "after the crash and the repair")
  // What the crash cut off may leave a subscriber nothing to work on; the balance above is what counts.
  for (const error of subscriberErrors(worker.log()).slice(subscriberErrorsBefore)) log(`  subscriber error during the crash: ${error}`)
  return { crashTally, repair, restartSeconds, locks }
}

function printSummary({ state, rounds, jobs, wrong, crash, database, redisUrl }) {
  const orders = state.orders.length
  const tally = state.tally
  console.log(
    [
      "",
      `test:cluster passed in ${seconds()} (2 servers + 1 worker, ${database}, Redis ${describeRedis(redisUrl)})`,
      `  rounds            ${rounds}, each followed by: subscribers caught up, integrity check in balance (no finding),`,
      `                    no held lot allocated; ${tally.count(ALL_HELD_CHECKOUT, "refused")} checkouts refused while every lot was held, none sold`,
      `  orders            ${orders} placed (${tally.count("checkout", "refused")} checkouts refused), ${state.orders.filter((o) => o.fulfilled).length} fulfilled`,
      `  lots              ${tally.count("hold", "ok")} holds, ${tally.count("release", "ok")} releases, ${tally.count("receipt", "ok")} receipts`,
      `  crash             burst: ${describeTally(crash.crashTally)}; server back in ${crash.restartSeconds.toFixed(0)} s;`,
      `                    its ${crash.locks.held.length} lock(s) in Redis expired ${crash.locks.seconds.toFixed(0)} s after the burst;`,
      `                    repair: ${crash.repair.found.length} finding(s), ${crash.repair.corrections.length} correction(s); in balance afterwards`,
      ...jobs.map((line, i) => `  ${i ? "                 " : "scheduled jobs   "} ${line}`),
      `  wrong REDIS_URL   medusa start exited after ${wrong.seconds.toFixed(1)} s: ${wrong.line}`,
      "",
    ].join("\n")
  )
}

async function main() {
  const redisServerUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL
  const missing = await missingService(redisServerUrl)
  if (missing) {
    console.log(`[test:cluster] skipped: ${missing}; this group needs PostgreSQL on localhost:5432 and Redis at REDIS_URL.`)
    return 0
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lot-cluster-"))
  const logDir = path.join(work, "logs")
  fs.mkdirSync(logDir)
  let passed = false
  const keep = process.env.CLUSTER_KEEP === "1"
  cleanups.push(async () => {
    if (passed && !keep) fs.rmSync(work, { recursive: true, force: true })
    else console.log(`[test:cluster] logs kept in ${logDir}`)
  })

  const redisUrl = redisDatabaseUrl(redisServerUrl, REDIS_DB)
  const redis = connectRedis(redisUrl)
  cleanups.push(async () => {
    if (!keep) await redis.flushdb()
    redis.disconnect()
  })
  await redis.flushdb()
  const dbName = `lot_cluster_${process.pid}_${Date.now().toString(36)}`
  const database = await createDatabase(dbName)
  cleanups.push(async () => (keep ? console.log(`[test:cluster] database kept: ${database.env.DATABASE_URL}`) : database.drop()))
  adoptEnv({ ...clusterEnv(process.env, { databaseEnv: database.env, redisUrl }), DISABLE_MEDUSA_ADMIN: "true" })
  log(`database ${dbName} on localhost:5432, Redis ${describeRedis(redisUrl)} (flushed); logs in ${logDir}`)

  log("migrate + seed (scripts/demo.mjs) and medusa build, side by side...")
  const [, { serverDir, wrong }] = await Promise.all([
    prepareDatabase({ root, logDir }).then((s) => log(`database migrated and seeded (${s.toFixed(0)} s)`)),
    buildAndTryWrongRedisUrl(work, logDir),
  ])

  const cluster = await startCluster({ medusaBin, serverDir, logDir, firstPort: FIRST_PORT })
  log(`cluster up: ${cluster.processes.map((p) => `${p.name} :${p.port}`).join(", ")}`)
  const worker = cluster.processes.find((p) => p.name === "worker")
  const queue = eventQueue(redis)
  cleanups.push(() => queue.close())

  const servers = await adminClients(cluster.servers.map((p) => p.baseUrl))
  const state = trafficState(servers, await setUpTrackedItem(servers[0]), new Tally())
  await waitForSubscribers(queue)
  await expectInBalance(servers[1], "before the first round (demo seed and the test item)")
  const jobs = await proveJobsRunOnce({ redis, root, processes: cluster.processes })
  jobs.forEach((line) => log(`scheduled job ${line}`))

  await runRounds(state, { queue, worker })
  const crash = await crashAndRepair(state, cluster, { queue, redis, worker })
  printSummary({ state, rounds: ROUNDS, jobs, wrong, crash, database: `PostgreSQL localhost:5432/${dbName}`, redisUrl })
  passed = true
  return 0
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    log(`${signal}: stopping the cluster and cleaning up`)
    cleanUp().finally(() => process.exit(130))
  })
}

main()
  .catch((error) => {
    console.error(`[test:cluster] FAILED after ${seconds()}: ${error instanceof CheckFailed ? error.message : error.stack}`)
    return 1
  })
  .then(async (code) => {
    await cleanUp()
    // Exit explicitly: the helpers leave timers behind (timeouts of commands that finished).
    process.exit(code)
  })
